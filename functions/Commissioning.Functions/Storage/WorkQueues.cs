using System.Collections.Concurrent;
using Azure.Storage.Queues;

namespace Commissioning.Functions.Storage;

/// <summary>
/// The app's storage queues: work that must finish after a response (deliveries, narratives) is put here and done by
/// queue-triggered functions, so it survives the instance that accepted the request. Queues are created on first use.
/// </summary>
public sealed class WorkQueues(QueueServiceClient service)
{
    private readonly ConcurrentDictionary<string, QueueClient> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _created = new(StringComparer.Ordinal);

    /// <summary>Raised after a message is put on a queue (the local runner's listener wakes on it, as the host's queue watcher does).</summary>
    public event Action<string>? Enqueued;

    public QueueClient Client(string queue) => _clients.GetOrAdd(queue, service.GetQueueClient);

    /// <summary>Puts <paramref name="message"/> on <paramref name="queue"/>, invisible for <paramref name="delay"/> if given.</summary>
    public async Task EnqueueAsync(string queue, string message, TimeSpan? delay, CancellationToken cancellationToken)
    {
        await EnsureAsync(queue, cancellationToken);
        try
        {
            await Client(queue).SendMessageAsync(message, delay, cancellationToken: cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // The queue went away (an emulator restarted empty): make it again and send once more.
            _created.TryRemove(queue, out _);
            await EnsureAsync(queue, cancellationToken);
            await Client(queue).SendMessageAsync(message, delay, cancellationToken: cancellationToken);
        }

        Enqueued?.Invoke(queue);
    }

    public async ValueTask EnsureAsync(string queue, CancellationToken cancellationToken)
    {
        if (!_created.ContainsKey(queue))
        {
            await Client(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _created[queue] = true;
        }
    }
}
