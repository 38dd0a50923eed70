using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Problems;

/// <summary>Writes a ProblemDetails from middleware (authentication, exception handler, status-code pages).</summary>
public sealed class ProblemWriter(IProblemDetailsService problems, IOptions<ProblemOptions> options)
{
    public async ValueTask WriteAsync(HttpContext context, int status, string? detail = null)
    {
        var (title, type, defaultDetail) = ApiProblem.Describe(status);
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = options.Value.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = title,
                Type = ApiProblem.TypeBase + type,
                Detail = detail ?? defaultDetail,
            },
        });
    }
}

public sealed class ProblemOptions
{
    /// <summary>Seconds a client should wait before retrying when storage is unreachable.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 5;
}
