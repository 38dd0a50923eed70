using Microsoft.AspNetCore.Diagnostics;

namespace Commissioning.Functions.Problems;

/// <summary>
/// The last stop for exceptions: storage outages become 503 with Retry-After, unreadable requests their 4xx,
/// anything else a bare 500 ProblemDetails with no exception detail (the exception is logged, never returned).
/// </summary>
public sealed partial class ProblemExceptionHandler(ProblemWriter writer, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (context.Response.HasStarted)
        {
            return false;
        }

        if (exception is Plans.PlanStoreBusyException)
        {
            await writer.WriteAsync(context, StatusCodes.Status503ServiceUnavailable,
                "Other submissions of this plan are being stored at this moment. Send the request again after the Retry-After interval.");
            return true;
        }

        if (StorageOutage.IsOutage(exception, context.RequestAborted))
        {
            LogStorageUnavailable(logger, context.Request.Method, context.Request.Path, exception.GetType().Name, exception.Message);
            await writer.WriteAsync(context, StatusCodes.Status503ServiceUnavailable);
            return true;
        }

        if (exception is BadHttpRequestException bad)
        {
            await writer.WriteAsync(context, bad.StatusCode);
            return true;
        }

        LogUnexpected(logger, exception, context.Request.Method, context.Request.Path);
        await writer.WriteAsync(context, StatusCodes.Status500InternalServerError);
        return true;
    }

    [LoggerMessage(EventId = 5031, Level = LogLevel.Warning, Message = "Storage unavailable during {Method} {Path}: {ExceptionType} {Reason}")]
    private static partial void LogStorageUnavailable(ILogger logger, string method, string path, string exceptionType, string reason);

    [LoggerMessage(EventId = 5000, Level = LogLevel.Error, Message = "Unexpected failure during {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}
