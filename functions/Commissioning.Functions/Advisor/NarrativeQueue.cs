using System.Text.Json;
using System.Text.Json.Serialization;
using Commissioning.Functions.Plans;
using Commissioning.Functions.Storage;

namespace Commissioning.Functions.Advisor;

/// <summary>What goes on the narratives queue: the stored plan version whose narrative is to be written.</summary>
public sealed record NarrativeRequest(
    [property: JsonPropertyName("council")] string Council,
    [property: JsonPropertyName("reference")] string Reference,
    [property: JsonPropertyName("version")] int Version)
{
    public string ToJson() => JsonSerializer.Serialize(this, AdvisorQueueJson.Default.NarrativeRequest);

    public static NarrativeRequest? TryRead(string message)
    {
        try
        {
            return JsonSerializer.Deserialize(message, AdvisorQueueJson.Default.NarrativeRequest) is { Council.Length: > 0, Reference.Length: > 0, Version: > 0 } request
                ? request
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// With a model configured, each new plan version's narrative is written by <see cref="WriteNarrativeFunction"/> from
/// the narratives queue: the submission answers at once with the deterministic guidance and only waits for the enqueue.
/// </summary>
public sealed class NarrativeOnSubmission(WorkQueues queues) : IPlanSubmittedHandler
{
    public Task HandleAsync(PlanSubmitted submitted, CancellationToken cancellationToken) =>
        queues.EnqueueAsync(StorageLayout.NarrativesQueue,
            new NarrativeRequest(submitted.Summary.Council, submitted.Summary.Reference, submitted.Summary.Version).ToJson(), null, cancellationToken);
}

[JsonSerializable(typeof(NarrativeRequest))]
internal sealed partial class AdvisorQueueJson : JsonSerializerContext;
