using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Commissioning.Domain.Councils;
using Commissioning.Domain.Plans;
using Commissioning.Domain.Rubrics;
using Commissioning.Domain.Scoring;

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
[JsonSerializable(typeof(Council))]
[JsonSerializable(typeof(Scorecard))]
[JsonSerializable(typeof(Rubric))]
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
}
