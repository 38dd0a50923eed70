using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commissioning.Functions.Notifications;

/// <summary>What goes on the notifications queue: which outbox row to deliver. Never the body, never the webhook.</summary>
public sealed record DeliveryRequest(
    [property: JsonPropertyName("council")] string Council,
    [property: JsonPropertyName("dedupeKey")] string DedupeKey)
{
    public OutboxKey Key => new(Council, DedupeKey);

    public string ToJson() => JsonSerializer.Serialize(this, NotificationJson.Default.DeliveryRequest);

    /// <summary>The request in a queue message, or null when the message is not one (it is then settled as unreadable).</summary>
    public static DeliveryRequest? TryRead(string message) =>
        QueueRequests.TryRead(message, NotificationJson.Default.DeliveryRequest, r => r is { Council.Length: > 0, DedupeKey.Length: > 0 });
}

/// <summary>
/// Hands recorded messages to the notifications queue, where <see cref="DeliverNotificationFunction"/> posts them: the
/// submission (or the weekly summary) only waits for the enqueue, never for Teams or Slack.
/// </summary>
public sealed class NotificationQueue(WorkQueues queues)
{
    public async Task EnqueueAsync(RecordedNotifications recorded, CancellationToken cancellationToken)
    {
        foreach (var key in recorded.Keys)
        {
            await EnqueueAsync(key, null, cancellationToken);
        }
    }

    /// <summary>Queues one message, invisible for <paramref name="delay"/> (a Retry-After, or until another delivery's hold lapses).</summary>
    public Task EnqueueAsync(OutboxKey key, TimeSpan? delay, CancellationToken cancellationToken) =>
        queues.EnqueueAsync(StorageLayout.NotificationsQueue, new DeliveryRequest(key.Council, key.DedupeKey).ToJson(), Cap(delay), cancellationToken);

    /// <summary>A queue message can be hidden for seven days at most.</summary>
    private static TimeSpan? Cap(TimeSpan? delay) =>
        delay is not { } wait ? null : wait <= TimeSpan.Zero ? null : wait > TimeSpan.FromDays(7) ? TimeSpan.FromDays(7) : wait;
}

[JsonSerializable(typeof(DeliveryRequest))]
internal sealed partial class NotificationJson : JsonSerializerContext;
