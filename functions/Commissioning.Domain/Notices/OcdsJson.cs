using System.Globalization;
using System.Text.Json;

namespace Commissioning.Domain.Notices;

/// <summary>
/// Lenient reads of OCDS fields: a field that is missing, null, blank or of the wrong type reads as absent, never as an
/// error and never as false or zero (absence is never evidence). Numbers that do not fit a decimal (FTS has sent
/// <c>1e9999</c>) read as absent.
/// </summary>
internal static class OcdsJson
{
    private static readonly JsonElement EmptyArray = JsonDocument.Parse("[]").RootElement.Clone();

    public static JsonElement? Object(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    /// <summary>A string (or a number's text, for ids), trimmed; null when absent or blank.</summary>
    public static string? Text(this JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>A number, written without trailing zeros (7500000.0 → 7500000) so it reads the same whatever the publisher wrote.</summary>
    public static decimal? Number(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? Plain(number) : null;

    /// <summary>A number written as a string ("70", "17.5"), read in the invariant culture.</summary>
    public static decimal? NumberInText(this JsonElement element, string name) =>
        element.Text(name) is { } text && decimal.TryParse(text.TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? Plain(number) : null;

    // Dividing by a one of maximum scale leaves the smallest scale that holds the value.
    private static decimal Plain(decimal number) => number / 1.000000000000000000000000000000000m;

    public static bool? Flag(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null }
            : null;

    /// <summary>The items of an array field; none when absent or not an array.</summary>
    public static JsonElement.ArrayEnumerator Items(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : EmptyArray.EnumerateArray();

    public static bool HasArray(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array;

    /// <summary>The strings of an array of strings (other items skipped).</summary>
    public static List<string> Strings(this JsonElement element, string name)
    {
        var strings = new List<string>(2);
        foreach (var item in element.Items(name))
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } text)
            {
                strings.Add(text);
            }
        }
        return strings;
    }

    public static string Index(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");
}
