using System.Text.Json;
using System.Text.Json.Serialization;
using Commissioning.Functions.Guidance;

namespace Commissioning.Functions.Advisor;

/// <summary>
/// One run of the advisor: the narrative the guidance shows, and for audit the model's raw output, which model
/// answered, which text was used and, when the deterministic text was used, why. Stored beside the guidance as
/// <c>guidance/{council}/{reference}/v{n}.advisor.json</c>, or for a notice <c>notices/{council}/{ocid}/v{n}.advisor.json</c>
/// (see <see cref="ToJson"/>).
/// </summary>
public sealed record AdvisorResult(
    GuidanceNarrative Narrative,
    string? RawOutput,
    string? Model,
    string Source,
    AdvisorFallbackReason? Reason)
{
    public bool UsedModel => Source == NarrativeSources.Model;

    public string ToJson() => JsonSerializer.Serialize(this, AdvisorJsonContext.Default.AdvisorResult);

    /// <summary>Reads back what <see cref="ToJson"/> wrote (a notice's narrative is read when its guidance is rendered).</summary>
    public static AdvisorResult FromJson(string json) =>
        JsonSerializer.Deserialize(json, AdvisorJsonContext.Default.AdvisorResult)
        ?? throw new JsonException("An advisor record is JSON null.");
}

/// <summary>The two values of <see cref="GuidanceNarrative.Source"/>.</summary>
public static class NarrativeSources
{
    public const string Model = "model";
    public const string Deterministic = GuidanceNarrative.Deterministic;
}

/// <summary>Why the deterministic text was used: a kind to count and alert on, and the specifics for audit.</summary>
public sealed record AdvisorFallbackReason(AdvisorFallbackKind Kind, string Detail)
{
    /// <summary>One clause a commissioner can read in the guidance ("... because {this}").</summary>
    [JsonIgnore]
    public string ForReader => Kind switch
    {
        AdvisorFallbackKind.NotConfigured => "no language model is configured for this service",
        AdvisorFallbackKind.Timeout => "the language model did not answer in time",
        AdvisorFallbackKind.RateLimited => "the language model was busy",
        AdvisorFallbackKind.ServerError or AdvisorFallbackKind.Unreachable or AdvisorFallbackKind.RequestRejected
            => "the language model could not be reached",
        AdvisorFallbackKind.Refused => "the language model declined to write it",
        AdvisorFallbackKind.MalformedAnswer => "the language model's answer could not be read",
        AdvisorFallbackKind.FailedCheck => "the language model's text did not match the scorecard",
        _ => "the language model's text was not used",
    };
}

[JsonConverter(typeof(JsonStringEnumConverter<AdvisorFallbackKind>))]
public enum AdvisorFallbackKind
{
    [JsonStringEnumMemberName("not-configured")] NotConfigured,
    [JsonStringEnumMemberName("timeout")] Timeout,
    [JsonStringEnumMemberName("rate-limited")] RateLimited,
    [JsonStringEnumMemberName("server-error")] ServerError,
    [JsonStringEnumMemberName("unreachable")] Unreachable,
    [JsonStringEnumMemberName("request-rejected")] RequestRejected,
    [JsonStringEnumMemberName("refused")] Refused,
    [JsonStringEnumMemberName("malformed-answer")] MalformedAnswer,
    [JsonStringEnumMemberName("failed-check")] FailedCheck,
}

/// <summary>
/// JSON for the advisor: the audit record (camelCase, nulls kept so a reader sees what is absent) and a strict
/// reader for the model's answer (unknown members, missing members and nulls are all errors).
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(AdvisorResult))]
[JsonSerializable(typeof(AdvisorAnswer))]
internal sealed partial class AdvisorJsonContext : JsonSerializerContext;
