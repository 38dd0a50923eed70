using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Commissioning.Domain.Notices;

namespace Commissioning.Domain;

/// <summary>
/// The one set of JSON conventions for plans, councils and scorecards: camelCase, kebab-case enum words,
/// ISO dates, nulls left out. Source-generated so serialisation is fast and byte-for-byte deterministic.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(Plan))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Council))]
[JsonSerializable(typeof(Scorecard))]
[JsonSerializable(typeof(Rubric))]
[JsonSerializable(typeof(NoticeScorecard))]
[JsonSerializable(typeof(NoticeResult))]
[JsonSerializable(typeof(NoticeLens))]
[JsonSerializable(typeof(NoticeProblem))]
public sealed partial class DomainJsonContext : JsonSerializerContext;

public static class DomainJson
{
    /// <summary>Options bound to the source-generated context; safe to share.</summary>
    public static JsonSerializerOptions Options { get; } = new(DomainJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(Scorecard scorecard) => JsonSerializer.Serialize(scorecard, Options);
    public static string Serialize(Plan plan) => JsonSerializer.Serialize(plan, Options);
    public static string Serialize(Council council) => JsonSerializer.Serialize(council, Options);
    public static string Serialize(Rubric rubric) => JsonSerializer.Serialize(rubric, Options);
    public static string Serialize(NoticeScorecard scorecard) => JsonSerializer.Serialize(scorecard, Options);
    public static string Serialize(NoticeResult result) => JsonSerializer.Serialize(result, Options);
    public static string Serialize(NoticeLens lens) => JsonSerializer.Serialize(lens, Options);
    public static string Serialize(NoticeProblem problem) => JsonSerializer.Serialize(problem, Options);
}

/// <summary>The contract's kebab-case word for an enum value (e.g. <c>adult-social-care</c>), and back.</summary>
public static class EnumWords
{
    public static string ToWord<T>(T value) where T : struct, Enum => JsonSerializer.Serialize(value, DomainJson.Options).Trim('"');

    /// <summary>The value a word names, or null for a missing or unknown word.</summary>
    public static T? TryParse<T>(string? word) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(word))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(word, DomainJsonContext.Default.String), DomainJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
