using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace Commissioning.Functions.Plans;

/// <summary><c>GET /api/plans/{council}/{reference}</c>: a version's scorecard and the plan's history.</summary>
public sealed class GetPlanFunction(PlanStore store)
{
    [Function("GetPlan")]
    [Access(Callers.Readers, Council = "council")]
    [ApiSummary("A plan's scorecard (the latest version, or ?version=n) and its version history.")]
    [ApiQuery("version", typeof(int), "The version to read (1 or more); the latest when left out.")]
    [ApiResponse(StatusCodes.Status404NotFound, "The council has no such plan, or no such version of it.")]
    public async Task<Results<Ok<PlanDetails>, ValidationProblem, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "plans/{council}/{reference}")] HttpRequest request,
        string council,
        string reference,
        CancellationToken cancellationToken)
    {
        if (!PlanAddress.TryVersion(council, reference, request, out var address, out var invalid))
        {
            return invalid;
        }

        if (await store.GetAsync(address.Council, reference, address.Version, cancellationToken) is not { } record)
        {
            return address.NotFound();
        }

        var code = address.Council;
        var summary = record.Version.Summary;
        return TypedResults.Ok(new PlanDetails(code, reference, summary.Title, summary.Version, record.Latest.Version, summary.SubmittedAt,
            record.Version.Scorecard, PlanLinks.For(code, reference, summary.Version),
            [.. record.History.Select(PlanListItem.From)], summary.ImportedAt));
    }
}
