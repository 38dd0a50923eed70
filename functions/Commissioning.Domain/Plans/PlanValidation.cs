using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Commissioning.Domain.Plans;

/// <summary>
/// One walk over a parsed document against <see cref="PlanShape"/>, collecting every problem with its JSON path
/// in document order. Paths are only turned into strings when there is a problem to report.
/// </summary>
internal sealed class PlanValidation
{
    /// <summary>Past this many problems the document is hopeless; say so instead of listing thousands.</summary>
    public const int MaxProblems = 500;

    private readonly List<ValidationProblem> problems = [];
    private readonly List<PathSegment> path = [];
    private bool overflowed;

    public List<ValidationProblem> Validate(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object)
            CheckObject(root, PlanShape.Root);
        else
            Report($"must be a JSON object holding one plan, not {Describe(root.ValueKind)}");

        if (overflowed)
            problems.Add(new ValidationProblem("$", $"more than {MaxProblems} problems; fix these and submit again to see the rest"));
        return problems;
    }

    private void CheckValue(JsonElement value, Shape shape)
    {
        switch (shape)
        {
            case ObjectShape objectShape:
                if (value.ValueKind == JsonValueKind.Object) CheckObject(value, objectShape);
                else Report("must be an object");
                break;
            case ArrayShape arrayShape:
                CheckArray(value, arrayShape);
                break;
            case StringShape stringShape:
                CheckString(value, stringShape);
                break;
            case EnumShape enumShape:
                CheckEnum(value, enumShape);
                break;
            case NumberShape numberShape:
                CheckNumber(value, numberShape);
                break;
            case BooleanShape:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) Report("must be true or false");
                break;
            case DateShape dateShape:
                CheckDate(value, dateShape);
                break;
            default:
                throw new InvalidOperationException($"No check for {shape.GetType().Name}.");
        }
    }

    private void CheckObject(JsonElement value, ObjectShape shape)
    {
        var fields = shape.Fields;
        var problemsBefore = problems.Count;
        ulong seen = 0;
        var next = 0;

        foreach (var property in value.EnumerateObject())
        {
            var index = FindField(property, fields, next);
            if (index < 0 && shape == PlanShape.Root && property.NameEquals(PlanShape.SchemaReference))
            {
                CheckSchemaReference(property);
                continue;
            }

            if (index < 0)
            {
                var name = NameOf(property);
                path.Add(new PathSegment(name));
                Report(UnknownFieldMessage(name, fields));
                path.RemoveAt(path.Count - 1);
                continue;
            }

            next = index + 1;
            var field = fields[index];
            path.Add(new PathSegment(field.Name));
            var bit = 1UL << index;
            if ((seen & bit) != 0)
            {
                Report("appears more than once");
            }
            else
            {
                seen |= bit;
                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    // null means "not given": fine for an optional field, still missing for a required one.
                    if (field.Required) Report("is required");
                }
                else
                {
                    CheckValue(property.Value, field.Shape);
                }
            }
            path.RemoveAt(path.Count - 1);
        }

        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Required && (seen & (1UL << i)) == 0)
            {
                path.Add(new PathSegment(fields[i].Name));
                Report("is required");
                path.RemoveAt(path.Count - 1);
            }
        }

        // Semantic rules (outside the schema) only make sense once the fields themselves are sound.
        if (problems.Count == problemsBefore)
        {
            foreach (var rule in shape.Rules)
            {
                if (rule.Check(value) is { } message) Report(message);
            }
        }
    }

    /// <summary>
    /// <c>$schema</c> at the top names the schema an editor checks the document against (editors add it when told
    /// about <c>GET /api/schema/plan</c>): allowed, ignored, and only ever a string.
    /// </summary>
    private void CheckSchemaReference(JsonProperty property)
    {
        if (property.Value.ValueKind != JsonValueKind.String)
        {
            path.Add(new PathSegment(PlanShape.SchemaReference));
            Report("must be a string: the address of the schema your editor checks this plan against");
            path.RemoveAt(path.Count - 1);
        }
    }

    private static int FindField(JsonProperty property, IReadOnlyList<Field> fields, int start)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length >= 2 && raw[0] == (byte)'"') raw = raw[1..^1];
        string? decoded = null;
        if (raw.IndexOf((byte)'\\') >= 0)
        {
            decoded = NameOf(property);
            if (decoded.Contains('\\', StringComparison.Ordinal)) return -1; // a backslash, or not Unicode at all: no field is named so
        }

        // Documents usually list fields in the order the shape does, so look from just after the last match.
        var count = fields.Count;
        for (var k = 0; k < count; k++)
        {
            var i = start + k;
            if (i >= count) i -= count;
            if (decoded is null ? raw.SequenceEqual(fields[i].Utf8Name) : decoded == fields[i].Name) return i;
        }
        return -1;
    }

    private void CheckArray(JsonElement value, ArrayShape shape)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            Report("must be a list");
            return;
        }

        var count = value.GetArrayLength();
        if (count > shape.MaxItems)
        {
            // The items of an over-long list are not inspected: one clear problem beats hundreds.
            Report($"must have at most {shape.MaxItems} items (has {count})");
            return;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            path.Add(new PathSegment(index++));
            CheckValue(item, shape.Items);
            path.RemoveAt(path.Count - 1);
        }
    }

    private void CheckString(JsonElement value, StringShape shape)
    {
        if (shape.Constant is { } constant)
        {
            if (value.ValueKind == JsonValueKind.String)
            {
                if (!TryDecode(value, out var text)) return;
                if ((text ?? value.GetString()) == constant) return;
            }
            Report($"must be \"{constant}\"");
            return;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Report("must be a string");
            return;
        }

        if (!TryDecode(value, out var decoded)) return;
        var length = decoded is null ? CodePointLength(RawText(value)) : CodePointLength(decoded);
        if (length > shape.MaxLength)
        {
            Report($"must be at most {shape.MaxLength.ToString("N0", CultureInfo.InvariantCulture)} characters (is {length.ToString("N0", CultureInfo.InvariantCulture)})");
            return;
        }
        if (length < shape.MinLength)
        {
            Report(shape.MinLength == 1 ? "must not be empty" : $"must be at least {shape.MinLength} characters");
            return;
        }

        if (shape.PatternRegex is { } regex)
        {
            var text = decoded ?? value.GetString()!;
            var match = regex.Match(text);
            // .NET's '$' also matches before a final newline; ECMA-262's (the schema's) does not.
            if (!match.Success || match.Index != 0 || match.Length != text.Length) Report($"must be {shape.PatternHint}");
        }
    }

    private const string NotUnicode = "must be valid Unicode text (it has an unpaired \\u surrogate escape)";

    /// <summary>
    /// Text without escapes is checked in place, as UTF-8 (<paramref name="decoded"/> stays null); escaped text is
    /// decoded, and may turn out not to be Unicode at all, which is reported here.
    /// </summary>
    private bool TryDecode(JsonElement value, out string? decoded)
    {
        decoded = null;
        if (RawText(value).IndexOf((byte)'\\') < 0) return true;
        try
        {
            decoded = value.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            Report(NotUnicode);
            return false;
        }
    }

    /// <summary>The UTF-8 bytes between a string's quotes, as written in the document.</summary>
    private static ReadOnlySpan<byte> RawText(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        return raw.Length >= 2 && raw[0] == (byte)'"' ? raw[1..^1] : raw;
    }

    /// <summary>Length in Unicode code points, as JSON Schema's minLength/maxLength count it.</summary>
    private static int CodePointLength(ReadOnlySpan<byte> utf8)
    {
        if (Ascii.IsValid(utf8)) return utf8.Length;
        var count = 0;
        foreach (var b in utf8)
        {
            if ((b & 0xC0) != 0x80) count++;
        }
        return count;
    }

    private static int CodePointLength(string text)
    {
        var length = 0;
        foreach (var _ in text.EnumerateRunes()) length++;
        return length;
    }

    private static string NameOf(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            // A name with a broken escape: show it as written.
            return Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8PropertyName(property));
        }
    }

    private void CheckEnum(JsonElement value, EnumShape shape)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            if (!TryDecode(value, out var decoded)) return;
            if (decoded is not null ? shape.Words.Contains(decoded) : IsOneOf(RawText(value), shape.Utf8Words)) return;
        }
        Report(shape.OneOfMessage);
    }

    private static bool IsOneOf(ReadOnlySpan<byte> text, byte[][] words)
    {
        foreach (var word in words)
        {
            if (text.SequenceEqual(word)) return true;
        }
        return false;
    }

    private void CheckNumber(JsonElement value, NumberShape shape)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            Report(shape.WholeNumber ? "must be a whole number" : "must be a number");
            return;
        }

        if (!value.TryGetDecimal(out var number))
        {
            // Beyond decimal's range (about 7.9e28) or vanishingly small.
            if (!value.TryGetDouble(out var approximate) || Math.Abs(approximate) >= 7.9e28)
            {
                var negative = JsonMarshal.GetRawUtf8Value(value)[0] == (byte)'-';
                Report(negative ? AtLeast(shape) : AtMost(shape));
                return;
            }
            number = (decimal)approximate;
        }

        if (shape.WholeNumber && number != decimal.Truncate(number)) Report("must be a whole number");
        else if (number < shape.Minimum) Report(AtLeast(shape));
        else if (number > shape.Maximum) Report(AtMost(shape));
    }

    private static string AtLeast(NumberShape shape) => $"must be ≥ {shape.Minimum.ToString(CultureInfo.InvariantCulture)}";
    private static string AtMost(NumberShape shape) => $"must be ≤ {shape.Maximum.ToString(CultureInfo.InvariantCulture)}";

    private void CheckDate(JsonElement value, DateShape shape)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Report("must be a date written yyyy-MM-dd");
            return;
        }

        if (!TryDecode(value, out var decoded)) return;
        var raw = decoded is null ? RawText(value) : Encoding.UTF8.GetBytes(decoded);
        if (raw.Length != 10 || raw[4] != (byte)'-' || raw[7] != (byte)'-'
            || !TryDigits(raw[..4], out var year) || !TryDigits(raw[5..7], out var month) || !TryDigits(raw[8..], out var day))
        {
            Report("must be a date written yyyy-MM-dd");
            return;
        }

        if (year < shape.Earliest.Year || year > shape.Latest.Year)
            Report(string.Create(CultureInfo.InvariantCulture, $"must be between {shape.Earliest:yyyy-MM-dd} and {shape.Latest:yyyy-MM-dd}"));
        else if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            Report($"is not a real date ({Encoding.UTF8.GetString(raw)} does not exist)");
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9') return false;
            value = value * 10 + (b - '0');
        }
        return true;
    }

    private static string UnknownFieldMessage(string name, IReadOnlyList<Field> fields)
    {
        var nearest = NearestFieldName(name, fields);
        return nearest is null ? "unknown field" : $"unknown field (did you mean {nearest}?)";
    }

    /// <summary>The known field a typo most likely meant: same letters in another case, or at most two edits away.</summary>
    private static string? NearestFieldName(string name, IReadOnlyList<Field> fields)
    {
        if (name.Length > 64) return null;
        string? best = null;
        var bestDistance = 3;
        foreach (var field in fields)
        {
            var distance = EditDistance(name.ToLowerInvariant(), field.Name.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = field.Name;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    private void Report(string message)
    {
        if (problems.Count >= MaxProblems)
        {
            overflowed = true;
            return;
        }
        problems.Add(new ValidationProblem(FormatPath(), message));
    }

    private string FormatPath()
    {
        var builder = new StringBuilder("$");
        foreach (var segment in path) segment.AppendTo(builder);
        return builder.ToString();
    }

    private readonly struct PathSegment
    {
        private const int LongestNameShown = 64;
        private readonly string? name;
        private readonly int index;

        public PathSegment(string name) => this.name = name;
        public PathSegment(int index) => this.index = index;

        public void AppendTo(StringBuilder builder)
        {
            if (name is null)
            {
                builder.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else if (IsPlainName(name))
            {
                builder.Append('.').Append(name);
            }
            else
            {
                var shown = name.Length > LongestNameShown ? name[..LongestNameShown] + "…" : name;
                builder.Append("['").Append(shown.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
            }
        }

        private static bool IsPlainName(string name)
        {
            if (name.Length is 0 or > LongestNameShown || char.IsAsciiDigit(name[0])) return false;
            foreach (var c in name)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '$') return false;
            }
            return true;
        }
    }
}
