using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commissioning.Functions.Advisor;

/// <summary>What goes on the narratives queue: the stored plan version whose narrative is to be written.</summary>
public sealed record NarrativeRequest(
    [property: JsonPropertyName("council")] string Council,
    [property: JsonPropertyName("reference")] string Reference,
    [property: JsonPropertyName("version")] int Version)
{
    /// <summary>Puts the request on the narratives queue, for <see cref="WriteNarrativeFunction"/>.</summary>
    public Task EnqueueAsync(WorkQueues queues, CancellationToken cancellationToken) =>
        queues.EnqueueAsync(StorageLayout.NarrativesQueue, ToJson(), null, cancellationToken);

    public string ToJson() => JsonSerializer.Serialize(this, AdvisorQueueJson.Default.NarrativeRequest);

    public static NarrativeRequest? TryRead(string message) =>
        QueueRequests.TryRead(message, AdvisorQueueJson.Default.NarrativeRequest, r => r is { Council.Length: > 0, Reference.Length: > 0, Version: > 0 });
}

[JsonSerializable(typeof(NarrativeRequest))]
[JsonSerializable(typeof(NoticeNarrativeRequest))]
internal sealed partial class AdvisorQueueJson : JsonSerializerContext;
