using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Health;

/// <summary>Whether the service can do its work: storage answers.</summary>
public sealed record HealthReportBody(string Status, IReadOnlyDictionary<string, string> Checks);

/// <summary><c>GET /api/health</c>: 200 when storage answers, 503 (with Retry-After) when it does not. Public.</summary>
public sealed class HealthFunction(HealthCheckService health, IOptions<ProblemOptions> problems)
{
    [Function("Health")]
    [Access(Callers.Anyone)]
    [ApiSummary("200 when storage answers, 503 when it does not.")]
    [ApiResponse(StatusCodes.Status200OK, "Storage answers.", Type = typeof(HealthReportBody))]
    [ApiResponse(StatusCodes.Status503ServiceUnavailable, "Storage does not answer; try again after Retry-After.", Type = typeof(HealthReportBody))]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        var body = new HealthReportBody(
            report.Status == HealthStatus.Healthy ? "healthy" : "unhealthy",
            report.Entries.ToDictionary(e => e.Key, e => e.Value.Status == HealthStatus.Healthy ? "healthy" : e.Value.Description ?? "unhealthy"));
        if (report.Status != HealthStatus.Healthy)
        {
            request.HttpContext.Response.Headers.RetryAfter = problems.Value.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return TypedResults.Json(body, statusCode: report.Status == HealthStatus.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
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
