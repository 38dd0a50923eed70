using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Notifications;

/// <summary>
/// Delivers signalled messages in the background, a few at a time, and sweeps the outbox at start-up and every
/// <c>SweepInterval</c> for messages still pending (a restart, a long Retry-After, a dispatcher that stopped mid-way).
/// </summary>
public sealed class NotificationDeliveryService(
    NotificationDispatcher dispatcher,
    NotificationOutbox outbox,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationDeliveryService> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<OutboxKey, byte> _inFlight = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweeping = SweepAsync(stoppingToken);
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentDeliveries, CancellationToken = stoppingToken };
            await Parallel.ForEachAsync(dispatcher.Queue.ReadAllAsync(stoppingToken), parallel, DeliverOneAsync);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await sweeping;
    }

    private async ValueTask DeliverOneAsync(QueuedDelivery queued, CancellationToken cancellationToken)
    {
        var key = queued.Key;
        if (!_inFlight.TryAdd(key, 0))
        {
            return;
        }

        try
        {
            await dispatcher.DeliverAsync(key, cancellationToken, queued.DataCommitted);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Deliberately broad: one message's storage or network fault must not stop delivery of the others
            // (nor the app). The message stays in the outbox and the next sweep tries again.
            NotificationLog.DeliveryFaulted(logger, ex, key.Council, key.DedupeKey);
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        try
        {
            do
            {
                try
                {
                    var due = await outbox.FindDueAsync(stoppingToken);
                    dispatcher.Enqueue(due.Where(k => !_inFlight.ContainsKey(k)));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Storage may be briefly away; the next sweep looks again.
                    NotificationLog.SweepFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
