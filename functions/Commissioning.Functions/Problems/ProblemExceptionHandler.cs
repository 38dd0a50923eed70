using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Problems;

/// <summary>
/// What a failure becomes: storage outages and passing contention (<see cref="TryAgainLaterException"/>) 503 with Retry-After, unreadable requests their 4xx,
/// anything else a bare 500 ProblemDetails with no exception detail (the exception is logged, never returned).
/// The front door asks it for every function's failure; under the local runner it is also the last stop for
/// exceptions outside a function.
/// </summary>
public sealed partial class ProblemExceptionHandler(IOptions<ProblemOptions> options, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public IResult ResultFor(HttpContext context, Exception exception)
    {
        var retryAfter = options.Value.RetryAfterSeconds;
        if (exception is TryAgainLaterException later)
        {
            return ApiProblem.Unavailable(retryAfter, later.Detail);
        }

        if (StorageOutage.IsOutage(exception, context.RequestAborted))
        {
            LogStorageUnavailable(logger, context.Request.Method, context.Request.Path, exception.GetType().Name, exception.Message);
            return ApiProblem.Unavailable(retryAfter);
        }

        if (exception is BadHttpRequestException bad)
        {
            return ApiProblem.Status(bad.StatusCode);
        }

        LogUnexpected(logger, exception, context.Request.Method, context.Request.Path);
        return ApiProblem.Status(StatusCodes.Status500InternalServerError);
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (context.Response.HasStarted)
        {
            return false;
        }

        await ResultFor(context, exception).ExecuteAsync(context);
        return true;
    }

    [LoggerMessage(EventId = 5031, Level = LogLevel.Warning, Message = "Storage unavailable during {Method} {Path}: {ExceptionType} {Reason}")]
    private static partial void LogStorageUnavailable(ILogger logger, string method, string path, string exceptionType, string reason);

    [LoggerMessage(EventId = 5000, Level = LogLevel.Error, Message = "Unexpected failure during {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}
