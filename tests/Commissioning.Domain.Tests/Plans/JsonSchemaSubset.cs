using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Commissioning.Domain.Tests.Plans;

/// <summary>
/// An independent JSON Schema 2020-12 validator for exactly the keywords PlanSchema emits (JsonSchema.Net does not
/// restore here). Any other keyword throws, so the schema cannot grow a keyword these tests do not understand.
/// It returns the instance paths that fail, written as PlanParser writes them; a missing required property is
/// reported at the property's own path (JSON Schema would name the parent object), to compare like with like.
/// "format": "date" is treated as an assertion (RFC 3339 full-date), as the format-assertion vocabulary allows.
/// </summary>
internal static class JsonSchemaSubset
{
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "title", "description"];

    public static IReadOnlySet<string> FailingPaths(string schemaJson, string instanceJson)
    {
        using var schema = JsonDocument.Parse(schemaJson);
        using var instance = JsonDocument.Parse(instanceJson, new JsonDocumentOptions { MaxDepth = 256 });
        var failures = new SortedSet<string>(StringComparer.Ordinal);
        Check(schema.RootElement, instance.RootElement, "$", failures);
        return failures;
    }

    private static void Check(JsonElement schema, JsonElement instance, string path, ISet<string> failures)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            var rule = keyword.Value;
            switch (keyword.Name)
            {
                case var annotation when Annotations.Contains(annotation):
                    break;
                case "type":
                    var types = rule.ValueKind == JsonValueKind.Array ? rule.EnumerateArray().Select(t => t.GetString()!) : [rule.GetString()!];
                    if (!types.Any(t => HasType(instance, t))) failures.Add(path);
                    break;
                case "enum":
                    if (!rule.EnumerateArray().Any(allowed => JsonElement.DeepEquals(allowed, instance))) failures.Add(path);
                    break;
                case "const":
                    if (!JsonElement.DeepEquals(rule, instance)) failures.Add(path);
                    break;
                case "minimum":
                    if (instance.ValueKind == JsonValueKind.Number && Number(instance) < rule.GetDouble()) failures.Add(path);
                    break;
                case "maximum":
                    if (instance.ValueKind == JsonValueKind.Number && Number(instance) > rule.GetDouble()) failures.Add(path);
                    break;
                case "minLength":
                    if (instance.ValueKind == JsonValueKind.String && CodePoints(instance.GetString()!) < rule.GetInt32()) failures.Add(path);
                    break;
                case "maxLength":
                    if (instance.ValueKind == JsonValueKind.String && CodePoints(instance.GetString()!) > rule.GetInt32()) failures.Add(path);
                    break;
                case "pattern":
                    if (instance.ValueKind == JsonValueKind.String && !EcmaMatch(rule.GetString()!, instance.GetString()!)) failures.Add(path);
                    break;
                case "format":
                    if (rule.GetString() != "date") throw new NotSupportedException($"format {rule.GetString()}");
                    if (instance.ValueKind == JsonValueKind.String && !IsFullDate(instance.GetString()!)) failures.Add(path);
                    break;
                case "maxItems":
                    if (instance.ValueKind == JsonValueKind.Array && instance.GetArrayLength() > rule.GetInt32()) failures.Add(path);
                    break;
                case "items":
                    if (instance.ValueKind == JsonValueKind.Array)
                    {
                        var index = 0;
                        foreach (var item in instance.EnumerateArray()) Check(rule, item, $"{path}[{index++}]", failures);
                    }
                    break;
                case "properties":
                    if (instance.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var property in rule.EnumerateObject())
                        {
                            if (instance.TryGetProperty(property.Name, out var value)) Check(property.Value, value, Child(path, property.Name), failures);
                        }
                    }
                    break;
                case "required":
                    if (instance.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var name in rule.EnumerateArray().Select(n => n.GetString()!))
                        {
                            if (!instance.TryGetProperty(name, out _)) failures.Add(Child(path, name));
                        }
                    }
                    break;
                case "additionalProperties":
                    if (rule.ValueKind != JsonValueKind.False) throw new NotSupportedException("additionalProperties other than false");
                    if (instance.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var known))
                    {
                        foreach (var property in instance.EnumerateObject())
                        {
                            if (!known.TryGetProperty(property.Name, out _)) failures.Add(Child(path, property.Name));
                        }
                    }
                    break;
                default:
                    throw new NotSupportedException($"The schema uses \"{keyword.Name}\", which this subset validator does not implement.");
            }
        }
    }

    private static bool HasType(JsonElement instance, string type) => type switch
    {
        "object" => instance.ValueKind == JsonValueKind.Object,
        "array" => instance.ValueKind == JsonValueKind.Array,
        "string" => instance.ValueKind == JsonValueKind.String,
        "number" => instance.ValueKind == JsonValueKind.Number,
        "integer" => instance.ValueKind == JsonValueKind.Number && IsInteger(instance),
        "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => instance.ValueKind == JsonValueKind.Null,
        _ => throw new NotSupportedException($"type {type}"),
    };

    private static bool IsInteger(JsonElement number) =>
        number.TryGetDecimal(out var d) ? d == decimal.Truncate(d) : double.IsInteger(Number(number));

    private static double Number(JsonElement number) =>
        double.Parse(number.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static int CodePoints(string text) => text.EnumerateRunes().Count();

    private static bool EcmaMatch(string pattern, string text)
    {
        // In ECMA-262 a final '$' matches only at the very end; .NET's also matches before a final newline.
        var dotnet = pattern.EndsWith('$') ? pattern[..^1] + @"\z" : pattern;
        return Regex.IsMatch(text, dotnet, RegexOptions.CultureInvariant);
    }

    private static bool IsFullDate(string text) =>
        Regex.IsMatch(text, @"^[0-9]{4}-[0-9]{2}-[0-9]{2}\z")
        && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static string Child(string path, string name)
    {
        var plain = name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
        if (plain) return path + "." + name;
        return new StringBuilder(path).Append("['").Append(name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("']").ToString();
    }
}
