using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Notifications;

/// <summary>What one delivery of a queued message came to.</summary>
public enum DeliveryStep
{
    /// <summary>Sent, refused for good, or already settled: the queue message is done.</summary>
    Settled,

    /// <summary>To be tried again at <see cref="DeliveryResult.TryAgainAt"/> (a Retry-After, or another delivery's hold).</summary>
    Later,

    /// <summary>A transient failure with no Retry-After: the queue retries it (host.json <c>visibilityTimeout</c>, <c>maxDequeueCount</c>).</summary>
    Retry,
}

public sealed record DeliveryResult(DeliveryStep Step, DateTimeOffset? TryAgainAt = null, string? Reason = null);

/// <summary>
/// Delivers one outbox message, once: claims it (ETag-guarded, so two deliveries never both send it), posts it,
/// records the attempt in <c>Deliveries</c> and settles the row. It never waits between attempts: a transient failure
/// goes back to the queue (with the receiver's Retry-After as the message's delay, when it gave one). 4xx other than
/// 429 is recorded and not retried. A sent message is never sent again.
/// </summary>
public sealed class NotificationDelivery(
    NotificationOutbox outbox,
    WebhookSender sender,
    DeliveryLog deliveries,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationDelivery> logger)
{
    public async Task<DeliveryResult> DeliverAsync(OutboxKey key, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var claimed = await outbox.TryClaimAsync(key, settings.AttemptTimeout + settings.ClaimMargin, cancellationToken);
        if (claimed.Claim is not { } claim)
        {
            return claimed.TryAgainAt is { } at ? new DeliveryResult(DeliveryStep.Later, at) : new DeliveryResult(DeliveryStep.Settled);
        }

        var number = claim.Attempts + 1;
        var attemptedAt = time.GetUtcNow();
        var result = await sender.SendAsync(claim, cancellationToken);
        var retry = result.IsTransient && number < settings.MaxAttempts;
        var attempt = new DeliveryAttempt(
            claim.Key.DedupeKey, claim.EventId, claim.Channel, claim.Kind.ToString().ToLowerInvariant(), claim.Webhook, result.Target, number, result.Outcome,
            result.HttpStatus, result.SlackError, result.Duration.TotalMilliseconds, attemptedAt, result.Detail, retry);

        if (result.Outcome == DeliveryOutcome.Delivered)
        {
            NotificationLog.Delivered(logger, claim.Key.Council, claim.EventId, claim.Channel, number, result.HttpStatus);
            // Settle the outbox first: once it says sent, nothing sends it again, whatever happens to the log write.
            await outbox.SaveAttemptAsync(claim, OutboxStatus.Sent, result, null, TimeSpan.Zero, CancellationToken.None);
            await deliveries.RecordAsync(claim.Key.Council, attempt, CancellationToken.None);
            return new DeliveryResult(DeliveryStep.Settled);
        }

        if (!retry)
        {
            NotificationLog.GaveUp(logger, claim.Key.Council, claim.EventId, claim.Channel, number, result.Outcome, result.HttpStatus, result.SlackError, result.Detail);
            await outbox.SaveAttemptAsync(claim, OutboxStatus.Failed, result, null, TimeSpan.Zero, CancellationToken.None);
            await deliveries.RecordAsync(claim.Key.Council, attempt, CancellationToken.None);
            return new DeliveryResult(DeliveryStep.Settled);
        }

        // The receiver asked for a wait: the message comes back after it. Otherwise the queue's own retry brings it back.
        DateTimeOffset? nextAt = result.RetryAfter is { } wait ? time.GetUtcNow() + wait : null;
        NotificationLog.WillRetry(logger, claim.Key.Council, claim.EventId, claim.Channel, number, result.HttpStatus, result.Detail, result.RetryAfter);
        await outbox.SaveAttemptAsync(claim, OutboxStatus.Pending, result, nextAt, TimeSpan.Zero, CancellationToken.None);
        await deliveries.RecordAsync(claim.Key.Council, attempt, CancellationToken.None);
        return nextAt is { } later
            ? new DeliveryResult(DeliveryStep.Later, later)
            : new DeliveryResult(DeliveryStep.Retry, Reason: $"{result.Outcome} ({result.HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"}): {result.Detail}");
    }

    /// <summary>
    /// The queue gave up on a message (it is in the poison queue): unless it was sent meanwhile, it is marked failed
    /// and a final attempt row says so, so the admin deliveries endpoint shows it; nothing is lost silently.
    /// </summary>
    public async Task GiveUpAsync(OutboxKey key, CancellationToken cancellationToken)
    {
        if (await outbox.GiveUpAsync(key, cancellationToken) is not { } claim)
        {
            return;
        }

        var detail = "every attempt the queue allows failed; the message is in the notifications-poison queue";
        NotificationLog.GaveUp(logger, key.Council, claim.EventId, claim.Channel, claim.Attempts, DeliveryOutcome.GaveUp, null, null, detail);
        await deliveries.RecordAsync(key.Council, new DeliveryAttempt(
            key.DedupeKey, claim.EventId, claim.Channel, claim.Kind.ToString().ToLowerInvariant(), claim.Webhook, "(none)", claim.Attempts + 1,
            DeliveryOutcome.GaveUp, null, null, 0, time.GetUtcNow(), detail, false), cancellationToken);
    }
}
