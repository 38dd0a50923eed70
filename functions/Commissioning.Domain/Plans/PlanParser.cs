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

    private static readonly JsonTypeInfo<Plan> PlanTypeInfo = CreatePlanTypeInfo();

    public static PlanParseResult Parse(string json) => Parse(System.Text.Encoding.UTF8.GetBytes(json));

    public static PlanParseResult Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith("\uFEFF"u8)) utf8Json = utf8Json[3..];

        if (utf8Json.Length > MaxDocumentBytes)
            return Invalid($"the document is {utf8Json.Length:N0} bytes; the most accepted is {MaxDocumentBytes:N0}");

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

        var plan = JsonSerializer.Deserialize(utf8Json, PlanTypeInfo)
            ?? throw new InvalidOperationException("A validated plan document read as null.");
        return new PlanParseResult(plan, []);
    }

    private static PlanParseResult Invalid(string message) => new(null, [new ValidationProblem("$", message)]);

    private static string NotJsonMessage(JsonException ex)
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
