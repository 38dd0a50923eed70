using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Commissioning.Domain.Plans;

/// <summary>One problem with a submitted document, named by JSON path (e.g. <c>$.budget.totalValue</c>).</summary>
public sealed record ValidationProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>The outcome of reading a plan: the plan when it is valid, and every problem found in one pass.</summary>
public sealed record PlanParseResult(Plan? Plan, IReadOnlyList<ValidationProblem> Problems)
{
    public bool IsValid => Plan is not null && Problems.Count == 0;
}

/// <summary>
/// Reads a plan document: checks it against <see cref="PlanShape"/> in one pass, collecting every problem
/// by JSON path in document order, and only then reads it into the <see cref="Plan"/> records.
/// </summary>
public static partial class PlanParser
{
    /// <summary>Deeper nesting than this is refused before any field is looked at (a plan needs 5 levels).</summary>
    public const int MaxDepth = 32;

    /// <summary>The largest document read; a narrative of 20,000 characters fits many times over.</summary>
    public const int MaxDocumentBytes = 4 * 1024 * 1024;

    /// <summary>The message of the safety net behind validation; tests prove validation never relies on it.</summary>
    internal const string CouldNotBeRead = "could not be read into a plan";

    private static readonly JsonTypeInfo<Plan> PlanTypeInfo = CreatePlanTypeInfo();

    public static PlanParseResult Parse(string json) => Parse(System.Text.Encoding.UTF8.GetBytes(json));

    public static PlanParseResult Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith("\uFEFF"u8)) utf8Json = utf8Json[3..];

        if (utf8Json.Length > MaxDocumentBytes)
            return Invalid(string.Create(CultureInfo.InvariantCulture,
                $"the document is {utf8Json.Length:N0} bytes; the most accepted is {MaxDocumentBytes:N0}"));

        // The reader only checks UTF-8 when a string is read, and then throws; check it all up front (vectorised).
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
            return Invalid(string.Create(CultureInfo.InvariantCulture,
                $"not valid UTF-8 text (at byte {FirstInvalidUtf8Byte(utf8Json) + 1:N0}); save the document as UTF-8"));

        JsonDocument? document = null;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = MaxDepth });
            document = JsonDocument.ParseValue(ref reader);
            reader.Read(); // throws when anything but whitespace follows the document
        }
        catch (JsonException ex)
        {
            document?.Dispose();
            return Invalid(IsNestedTooDeep(utf8Json)
                ? $"nested more than {MaxDepth} levels deep; a plan needs far fewer"
                : NotJsonMessage(ex));
        }

        using (document)
        {
            var problems = new PlanValidation().Validate(document.RootElement);
            if (problems.Count > 0) return new PlanParseResult(null, problems);
        }

        try
        {
            var plan = JsonSerializer.Deserialize(utf8Json, PlanTypeInfo)
                ?? throw new InvalidOperationException("A validated plan document read as null.");
            return new PlanParseResult(plan, []);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
        {
            // Only reachable if validation let through something the records cannot hold: a 400, not a 500.
            var path = (ex as JsonException)?.Path ?? "$";
            return new PlanParseResult(null, [new ValidationProblem(path, $"{CouldNotBeRead} ({ex.GetType().Name})")]);
        }
    }

    private static PlanParseResult Invalid(string message) => new(null, [new ValidationProblem("$", message)]);

    internal static string NotJsonMessage(JsonException ex)
    {
        // The reader's message ends with its own zero-based position ("LineNumber: 0 | BytePositionInLine: 12.");
        // say it once, one-based, the way an editor counts.
        var reason = ex.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0) reason = reason[..cut];
        var line = (ex.LineNumber ?? 0) + 1;
        var position = (ex.BytePositionInLine ?? 0) + 1;
        return $"not valid JSON (line {line}, position {position}): {reason.Trim()}";
    }

    internal static int FirstInvalidUtf8Byte(ReadOnlySpan<byte> utf8)
    {
        var offset = 0;
        while (offset < utf8.Length && System.Text.Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
            offset += consumed;
        return offset;
    }

    /// <summary>Rescans a document the parser refused, to tell "too deep" apart from "not JSON".</summary>
    private static bool IsNestedTooDeep(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = int.MaxValue });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= MaxDepth)
                    return true;
            }
        }
        catch (JsonException)
        {
            // The syntax error came before any nesting too deep.
        }
        return false;
    }

    private static JsonTypeInfo<Plan> CreatePlanTypeInfo()
    {
        // JSON Schema (and so this validator) counts 36.0 as a whole number; the built-in int reader does not.
        var options = new JsonSerializerOptions(DomainJsonContext.Default.Options);
        options.Converters.Add(new WholeNumberConverter());
        options.MakeReadOnly();
        return (JsonTypeInfo<Plan>)options.GetTypeInfo(typeof(Plan));
    }
}
