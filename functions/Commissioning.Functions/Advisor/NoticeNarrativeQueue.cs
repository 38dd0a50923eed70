using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commissioning.Functions.Advisor;

/// <summary>What goes on the notice narratives queue: the imported notice version whose narrative is to be written.</summary>
public sealed record NoticeNarrativeRequest(
    [property: JsonPropertyName("council")] string Council,
    [property: JsonPropertyName("ocid")] string Ocid,
    [property: JsonPropertyName("version")] int Version)
{
    /// <summary>Puts the request on the notice narratives queue, for <see cref="WriteNoticeNarrativeFunction"/>.</summary>
    public Task EnqueueAsync(WorkQueues queues, CancellationToken cancellationToken) =>
        queues.EnqueueAsync(StorageLayout.NoticeNarrativesQueue, ToJson(), null, cancellationToken);

    public string ToJson() => JsonSerializer.Serialize(this, AdvisorQueueJson.Default.NoticeNarrativeRequest);

    public static NoticeNarrativeRequest? TryRead(string message) =>
        QueueRequests.TryRead(message, AdvisorQueueJson.Default.NoticeNarrativeRequest, r => r is { Council.Length: > 0, Ocid.Length: > 0, Version: > 0 });
}
