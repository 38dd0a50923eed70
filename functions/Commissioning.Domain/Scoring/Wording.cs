using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Serialization;

namespace Commissioning.Domain.Scoring;

/// <summary>How plan values are written in evidence and advice: invariant culture, contract words for enums.</summary>
internal static class Wording
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Money(decimal amount) => "£" + amount.ToString(amount == decimal.Truncate(amount) ? "N0" : "N2", Invariant);
    /// <summary>A number as the plan wrote it (invariant culture: "10", "9.5").</summary>
    public static string Number(decimal value) => value.ToString(Invariant);
    public static string Number(int value) => value.ToString(Invariant);
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);
    public static string Bool(bool value) => value ? "true" : "false";
    public static string Quoted(string text) => "\"" + text + "\"";
    public static string Word<T>(T value) where T : struct, Enum => ContractWords<T>.Of(value);
    /// <summary>"met", "partly met", "not met", "not applicable", "not evidenced".</summary>
    public static string StatusWords(CriterionStatus status) => Word(status).Replace('-', ' ');

    /// <summary>"needs, specification and monitoring".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    /// <summary>
    /// Fills {name} placeholders from <paramref name="values"/>. An unknown placeholder is a rubric defect and throws,
    /// so a broken template can never reach a commissioner.
    /// </summary>
    public static string Fill(string template, ReadOnlySpan<(string Name, string Value)> values)
    {
        var text = new StringBuilder(template.Length + 64);
        var from = 0;
        for (var open = template.IndexOf('{', StringComparison.Ordinal); open != -1; open = template.IndexOf('{', from))
        {
            var close = template.IndexOf('}', open + 1);
            if (close == -1)
            {
                throw new InvalidOperationException($"Unclosed placeholder in \"{template}\".");
            }
            var name = template.AsSpan(open + 1, close - open - 1);
            text.Append(template, from, open - from).Append(ValueOf(name, values) ?? throw new InvalidOperationException($"No value for placeholder {{{name}}} in \"{template}\"."));
            from = close + 1;
        }
        return text.Append(template, from, template.Length - from).ToString();
    }

    private static string? ValueOf(ReadOnlySpan<char> name, ReadOnlySpan<(string Name, string Value)> values)
    {
        foreach (var (n, v) in values)
        {
            if (name.SequenceEqual(n))
            {
                return v;
            }
        }
        return null;
    }

    private static class ContractWords<T> where T : struct, Enum
    {
        private static readonly Dictionary<T, string> Words = Enum.GetValues<T>().ToDictionary(
            value => value,
            value => typeof(T).GetField(value.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? value.ToString());

        public static string Of(T value) => Words.TryGetValue(value, out var word) ? word : value.ToString();
    }
}
