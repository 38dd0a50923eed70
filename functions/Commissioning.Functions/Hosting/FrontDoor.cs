using Microsoft.AspNetCore.Http.Features;

namespace Commissioning.Functions.Hosting;

/// <summary>
/// What every HTTP request meets before and after its function, written once over <see cref="HttpContext"/>: the
/// body limit (413), who may call (401/403), and what a failure becomes (503 with Retry-After when storage is down,
/// never a stack trace). Under the Functions host it runs as Functions middleware (<see cref="FrontDoorMiddleware"/>);
/// under the local runner it wraps each route.
/// </summary>
public sealed class FrontDoor(FrontDoorAccess access, ProblemExceptionHandler failures)
{
    /// <summary>
    /// Admits the request and runs the function, or answers for it. <paramref name="routeValue"/> reads the function's
    /// route values; <paramref name="function"/> runs it and returns its result.
    /// </summary>
    public async Task<IResult> RunAsync(HttpContext context, HttpFunction descriptor, Func<string, string?> routeValue, Func<Task<IResult?>> function)
    {
        try
        {
            var limit = descriptor.MaxBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                return ApiProblem.PayloadTooLarge(limit, descriptor.Body?.Advice);
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = limit;   // a chunked body is cut off at the limit too (413, never read whole)
            }

            return await access.CheckAsync(context, descriptor.Access, routeValue)
                ?? await function()
                ?? throw new InvalidOperationException($"Function {descriptor.Name} returned no result.");
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested || ex is not OperationCanceledException)
        {
            return failures.ResultFor(context, ex);
        }
    }
}
