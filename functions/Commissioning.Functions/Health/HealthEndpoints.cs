using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Commissioning.Functions.Problems;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Commissioning.Functions.Health;

/// <summary>Whether the service can do its work: storage answers. 200 healthy, 503 unhealthy (public).</summary>
public static class HealthEndpoints
{
    public sealed record HealthReportBody(string Status, IReadOnlyDictionary<string, string> Checks);

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder api)
    {
        api.MapGet("/health", async (HealthCheckService health, HttpContext context, Microsoft.Extensions.Options.IOptions<ProblemOptions> problems, CancellationToken cancellationToken) =>
        {
            var report = await health.CheckHealthAsync(cancellationToken);
            var body = new HealthReportBody(
                report.Status == HealthStatus.Healthy ? "healthy" : "unhealthy",
                report.Entries.ToDictionary(e => e.Key, e => e.Value.Status == HealthStatus.Healthy ? "healthy" : e.Value.Description ?? "unhealthy"));
            if (report.Status != HealthStatus.Healthy)
            {
                context.Response.Headers.RetryAfter = problems.Value.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return TypedResults.Json(body, statusCode: report.Status == HealthStatus.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).WithName("Health").WithTags("Health").WithSummary("200 when storage answers, 503 when it does not.")
            .Produces<HealthReportBody>(StatusCodes.Status200OK).Produces<HealthReportBody>(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    /// <summary>Storage is healthy when both the blob and the table service answer within a few seconds.</summary>
    public sealed class StorageHealthCheck(BlobServiceClient blobs, TableServiceClient tables) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                await blobs.GetBlobContainerClient(Storage.StorageLayout.PlansContainer).ExistsAsync(timeout.Token);
                await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).AsPages(pageSizeHint: 1))
                {
                    break;
                }

                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (StorageOutage.IsOutage(ex, cancellationToken) || ex is Azure.RequestFailedException)
            {
                return HealthCheckResult.Unhealthy("storage unreachable");
            }
        }
    }
}
