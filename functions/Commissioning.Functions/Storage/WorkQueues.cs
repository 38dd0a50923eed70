using System.Collections.Concurrent;
using Azure.Storage.Queues;

namespace Commissioning.Functions.Storage;

/// <summary>
/// The app's storage queues: work that must finish after a response (deliveries, narratives) is put here and done by
/// queue-triggered functions, so it survives the instance that accepted the request.
/// </summary>
public sealed class WorkQueues(QueueServiceClient service, StorageProvisioning provisioning)
{
    private readonly ConcurrentDictionary<string, QueueClient> _clients = new(StringComparer.Ordinal);

    /// <summary>Raised after a message is put on a queue (the local runner's listener wakes on it, as the host's queue watcher does).</summary>
    public event Action<string>? Enqueued;

    public QueueClient Client(string queue) => _clients.GetOrAdd(queue, service.GetQueueClient);

    /// <summary>Puts <paramref name="message"/> on <paramref name="queue"/>, invisible for <paramref name="delay"/> if given.</summary>
    public async Task EnqueueAsync(string queue, string message, TimeSpan? delay, CancellationToken cancellationToken)
    {
        await provisioning.RunAsync(ct => Client(queue).SendMessageAsync(message, delay, cancellationToken: ct), cancellationToken);
        Enqueued?.Invoke(queue);
    }

    public ValueTask EnsureAsync(CancellationToken cancellationToken) => provisioning.EnsureAsync(cancellationToken);
}

/// <summary>Reads the request a queue message carries, the same way for every queue.</summary>
public static class QueueRequests
{
    /// <summary>
    /// The request in <paramref name="message"/>, or null when the message is not JSON of that shape or is not whole by
    /// <paramref name="isWhole"/> (the function then drops or settles it as unreadable).
    /// </summary>
    public static T? TryRead<T>(string message, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, Func<T, bool> isWhole)
        where T : class
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize(message, type) is { } request && isWhole(request) ? request : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
