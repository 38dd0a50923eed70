using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Notifications;

/// <summary>
/// Sends recorded messages. <see cref="Signal"/> is what the submission path calls once its data is safe: it only
/// queues the keys (no I/O, never throws), and <see cref="NotificationDeliveryService"/> delivers them in the background.
/// <see cref="DeliverAsync"/> claims a message (ETag-guarded, so two dispatchers never both send it), posts it, records
/// every attempt in <c>Deliveries</c>, and retries transient failures with capped exponential backoff and jitter,
/// honouring Retry-After. A sent message is never sent again.
/// </summary>
public sealed class NotificationDispatcher(
    NotificationOutbox outbox,
    WebhookSender sender,
    DeliveryLog deliveries,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationDispatcher> logger)
{
    private readonly Channel<QueuedDelivery> _queue = Channel.CreateUnbounded<QueuedDelivery>(new UnboundedChannelOptions { SingleReader = false });

    /// <summary>
    /// The submission's data is safe: queue its recorded messages for delivery now. Returns at once; a failing
    /// webhook can never slow or fail the caller.
    /// </summary>
    public void Signal(RecordedNotifications recorded)
    {
        foreach (var key in recorded.Keys)
        {
            _queue.Writer.TryWrite(new QueuedDelivery(key, DataCommitted: true));
        }
    }

    /// <summary>Queues messages a sweep found due.</summary>
    internal void Enqueue(IEnumerable<OutboxKey> due)
    {
        foreach (var key in due)
        {
            _queue.Writer.TryWrite(new QueuedDelivery(key, DataCommitted: false));
        }
    }

    internal ChannelReader<QueuedDelivery> Queue => _queue.Reader;

    /// <summary>
    /// Delivers one message if it is due and no other dispatcher holds it, retrying in place while waits are short.
    /// <paramref name="dataCommitted"/> says the submission's data is safe, so a message still in its commit grace may go now.
    /// </summary>
    public async Task DeliverAsync(OutboxKey key, CancellationToken cancellationToken, bool dataCommitted = true)
    {
        var settings = options.Value;
        var claim = await outbox.TryClaimAsync(key, settings.AttemptTimeout + settings.ClaimMargin, dataCommitted, cancellationToken);
        if (claim is null)
        {
            return;
        }

        try
        {
            while (claim is not null)
            {
                claim = await AttemptAsync(claim, settings, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && claim is not null)
        {
            // Shutting down: hand the message back so the next start-up sweep finishes it.
            await outbox.ReleaseAsync(claim, CancellationToken.None);
        }
    }

    /// <summary>One attempt; returns the claim to continue with, or null when the message is settled or handed back.</summary>
    private async Task<OutboxClaim?> AttemptAsync(OutboxClaim claim, NotificationOptions settings, CancellationToken cancellationToken)
    {
        var number = claim.Attempts + 1;
        var attemptedAt = time.GetUtcNow();
        var result = await sender.SendAsync(claim, cancellationToken);
        TimeSpan? wait = result.IsTransient && number < settings.MaxAttempts ? WaitBefore(number + 1, result.RetryAfter, settings) : null;
        var attempt = new DeliveryAttempt(
            claim.Key.DedupeKey, claim.EventId, claim.Channel, claim.Kind.ToString().ToLowerInvariant(), claim.Webhook, result.Target, number, result.Outcome,
            result.HttpStatus, result.SlackError, result.Duration.TotalMilliseconds, attemptedAt, result.Detail, wait is not null);

        if (result.Outcome == DeliveryOutcome.Delivered)
        {
            NotificationLog.Delivered(logger, claim.Key.Council, claim.EventId, claim.Channel, number, result.HttpStatus);
            // Settle the outbox first: once it says sent, nothing sends it again, whatever happens to the log write.
            await outbox.SaveAttemptAsync(claim, OutboxStatus.Sent, result, null, TimeSpan.Zero, cancellationToken);
            await deliveries.RecordAsync(claim.Key.Council, attempt, cancellationToken);
            return null;
        }

        if (wait is not { } delay)
        {
            NotificationLog.GaveUp(logger, claim.Key.Council, claim.EventId, claim.Channel, number, result.Outcome, result.HttpStatus, result.SlackError, result.Detail);
            await outbox.SaveAttemptAsync(claim, OutboxStatus.Failed, result, null, TimeSpan.Zero, cancellationToken);
            await deliveries.RecordAsync(claim.Key.Council, attempt, cancellationToken);
            return null;
        }

        NotificationLog.WillRetry(logger, claim.Key.Council, claim.EventId, claim.Channel, number, result.HttpStatus, result.Detail, delay);
        if (delay > settings.MaxInlineWait)
        {
            // A long wait is not spent holding the message: it goes back with its due time, and a sweep picks it up.
            await outbox.SaveAttemptAsync(claim, OutboxStatus.Pending, result, time.GetUtcNow() + delay, TimeSpan.Zero, cancellationToken);
            await deliveries.RecordAsync(claim.Key.Council, attempt, cancellationToken);
            return null;
        }

        var renewed = await outbox.SaveAttemptAsync(claim, OutboxStatus.Sending, result, null, delay + settings.AttemptTimeout + settings.ClaimMargin, cancellationToken);
        await deliveries.RecordAsync(claim.Key.Council, attempt, cancellationToken);
        if (renewed is null)
        {
            NotificationLog.ClaimLost(logger, claim.Key.Council, claim.EventId, claim.Channel);
            return null;
        }

        await Task.Delay(delay, time, cancellationToken);
        return renewed;
    }

    /// <summary>Retry-After when the receiver gave one; otherwise base × 2^(n−2), capped, with half of it jittered.</summary>
    internal static TimeSpan WaitBefore(int attempt, TimeSpan? retryAfter, NotificationOptions settings)
    {
        if (retryAfter is { } asked)
        {
            return asked;
        }

        var exponential = settings.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 2));
        var capped = Math.Min(exponential, settings.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (Random.Shared.NextDouble() * capped / 2));
    }
}

/// <summary>A message waiting for the delivery service, and whether its submission said its data is safe.</summary>
internal readonly record struct QueuedDelivery(OutboxKey Key, bool DataCommitted);
