
namespace Commissioning.Functions.Notifications;

/// <summary>A transient webhook failure: thrown so the queue retries the message (and, after its last try, moves it to the poison queue).</summary>
public sealed class DeliveryNotYetMadeException(string message) : Exception(message);

/// <summary>
/// Posts one Teams or Slack message from the notifications queue. A transient failure throws, so the host retries it
/// after host.json's <c>visibilityTimeout</c> and, after <c>maxDequeueCount</c> tries, moves it to the poison queue;
/// a receiver's Retry-After becomes the delay of a fresh message instead.
/// </summary>
public sealed partial class DeliverNotificationFunction(NotificationDelivery delivery, NotificationQueue queue, TimeProvider time, ILogger<DeliverNotificationFunction> logger)
{
    [Function("DeliverNotification")]
    public async Task Run([QueueTrigger(StorageLayout.NotificationsQueue)] string message, CancellationToken cancellationToken)
    {
        if (DeliveryRequest.TryRead(message) is not { } request)
        {
            LogUnreadable(logger, message.Length);
            return;
        }

        var result = await delivery.DeliverAsync(request.Key, cancellationToken);
        switch (result.Step)
        {
            case DeliveryStep.Later:
                await queue.EnqueueAsync(request.Key, result.TryAgainAt - time.GetUtcNow(), cancellationToken);
                break;
            case DeliveryStep.Retry:
                throw new DeliveryNotYetMadeException($"Notification {request.DedupeKey} for {request.Council} not delivered: {result.Reason}");
        }
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Error, Message = "A notifications queue message of {Length} characters is not a delivery request; dropped")]
    private static partial void LogUnreadable(ILogger logger, int length);
}
