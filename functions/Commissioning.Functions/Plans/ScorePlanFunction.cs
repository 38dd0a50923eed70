using Commissioning.Domain.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace Commissioning.Functions.Plans;

/// <summary><c>POST /api/plans/score</c>: a commissioner's draft check; nothing is stored.</summary>
public sealed class ScorePlanFunction(PlanSubmission submission)
{
    [Function("ScorePlan")]
    [Access(Callers.Commissioners)]
    [ApiSummary("Score a plan without storing anything (a draft check).")]
    [ApiBody(typeof(Plan))]
    [Hosting.RequestBody(PlanDocument.MaxBytes)]
    [ApiResponse(StatusCodes.Status415UnsupportedMediaType, "The body is declared as something other than JSON.")]
    [ApiResponse(StatusCodes.Status403Forbidden, "The key is not the plan's council's.")]
    public async Task<Results<Ok<Scorecard>, ValidationProblem, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "plans/score")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (document, invalid, refused) = await PlanDocument.ReadAsync(request, PlanDocument.MaxBytes, cancellationToken);
        if (document is null)
        {
            return refused is not null ? refused : invalid!;
        }

        if (!request.HttpContext.User.MayChange(document.CouncilCode))
        {
            return ApiProblem.Forbidden(document.CouncilCode);
        }

        return TypedResults.Ok(await submission.ScoreAsync(document, cancellationToken));
    }
}
