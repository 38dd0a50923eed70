
namespace Commissioning.Functions.Notifications;

/// <summary>
/// Reads the notifications poison queue: a message the queue gave up on is recorded as a failed delivery (the outbox
/// row marked failed, a final attempt row), which the admin deliveries endpoint shows.
/// </summary>
public sealed class RecordUndeliveredNotificationFunction(NotificationDelivery delivery)
{
    [Function("RecordUndeliveredNotification")]
    public async Task Run([QueueTrigger(StorageLayout.NotificationsPoisonQueue)] string message, CancellationToken cancellationToken)
    {
        if (DeliveryRequest.TryRead(message) is { } request)
        {
            await delivery.GiveUpAsync(request.Key, cancellationToken);
        }
    }
}
