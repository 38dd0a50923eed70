using Commissioning.Functions.Advisor;
using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace Commissioning.Functions.Plans;

/// <summary><c>POST /api/plans/{council}/{reference}/narrative</c>: write the advisor's narrative for a stored version again.</summary>
public sealed class RegenerateNarrativeFunction(IStoredPlanReader plans, INarrativeStore narratives, GuidanceAdvisor advisor)
{
    [Function("RegenerateNarrative")]
    [Access(Callers.Commissioners, Council = "council")]
    [ApiSummary("Writes the advisor's narrative for a stored plan version again and keeps it beside the guidance.")]
    [ApiQuery("version", typeof(int), "The version (1 or more); the latest when left out.")]
    [ApiResponse(StatusCodes.Status404NotFound, "The council has no such plan, or no such version of it.")]
    public async Task<Results<Ok<NarrativeResponse>, ValidationProblem, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "plans/{council}/{reference}/narrative")] HttpRequest request,
        string council,
        string reference,
        CancellationToken cancellationToken)
    {
        if (!PlanAddress.TryVersion(council, reference, request, out var address, out var invalid))
        {
            return invalid;
        }

        if (await plans.FindAsync(address.Council, reference, address.Version, cancellationToken) is not { } stored)
        {
            return address.NotFound();
        }

        var result = await advisor.WriteNarrativeAsync(stored.Plan, stored.Scorecard, cancellationToken);
        await narratives.SaveAsync(stored, result, cancellationToken);
        return TypedResults.Ok(new NarrativeResponse(address.Council, reference, stored.Version, result.Source, result.Model, result.Reason,
            result.Narrative.Summary, result.Narrative.AdviceByCriterion));
    }
}
