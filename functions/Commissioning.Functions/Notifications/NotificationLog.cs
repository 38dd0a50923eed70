namespace Commissioning.Functions.Notifications;

/// <summary>Notification events worth a log line. Channels are named; webhook URLs never appear.</summary>
internal static partial class NotificationLog
{
    [LoggerMessage(1001, LogLevel.Information, "Notification {EventId} for council {Council} delivered to channel {Channel} on attempt {Attempt} ({HttpStatus})")]
    public static partial void Delivered(ILogger logger, string council, string eventId, string channel, int attempt, int? httpStatus);

    [LoggerMessage(1002, LogLevel.Warning, "Notification {EventId} for council {Council} to channel {Channel}: attempt {Attempt} failed ({HttpStatus}, {Detail}); back to the queue (Retry-After {RetryAfter})")]
    public static partial void WillRetry(ILogger logger, string council, string eventId, string channel, int attempt, int? httpStatus, string detail, TimeSpan? retryAfter);

    [LoggerMessage(1003, LogLevel.Error, "Notification {EventId} for council {Council} to channel {Channel} not delivered after attempt {Attempt}: {Outcome} ({HttpStatus} {SlackError}) {Detail}")]
    public static partial void GaveUp(ILogger logger, string council, string eventId, string channel, int attempt, DeliveryOutcome outcome, int? httpStatus, string? slackError, string detail);


    [LoggerMessage(1005, LogLevel.Error, "Notification {EventId} for council {Council} could not be composed for {Kind}; recorded as failed")]
    public static partial void CompositionFailed(ILogger logger, Exception exception, string council, string eventId, string kind);


}
