using Commissioning.Domain.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace Commissioning.Functions.Plans;

/// <summary><c>POST /api/plans</c>: score a plan, store it as a new version with its guidance, answer with the scorecard.</summary>
public sealed class SubmitPlanFunction(PlanSubmission submission)
{
    public const string IdempotencyKeyHeader = IdempotencyKeys.Header;

    [Function("SubmitPlan")]
    [Access(Callers.Commissioners)]
    [ApiSummary("Score a plan, store it as a new version with its guidance, and return the scorecard with links.")]
    [ApiBody(typeof(Plan))]
    [Hosting.RequestBody(PlanDocument.MaxBytes)]
    [ApiResponse(StatusCodes.Status415UnsupportedMediaType, "The body is declared as something other than JSON.")]
    [ApiHeader(IdempotencyKeyHeader, "Any 1–200 printable characters: a retry with the same key returns the version it stored (200).")]
    [ApiResponse(StatusCodes.Status403Forbidden, "The key is not the plan's council's.")]
    public async Task<Results<Created<SubmittedPlan>, Ok<SubmittedPlan>, ValidationProblem, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "plans")] HttpRequest request, CancellationToken cancellationToken)
    {
        var idempotencyKey = request.Header(IdempotencyKeyHeader);
        if (!IdempotencyKeys.IsValid(idempotencyKey))
        {
            return ApiProblem.Invalid("header.Idempotency-Key", IdempotencyKeys.Rule);
        }

        var (document, invalid, refused) = await PlanDocument.ReadAsync(request, PlanDocument.MaxBytes, cancellationToken);
        if (document is null)
        {
            return refused is not null ? refused : invalid!;
        }

        if (!request.HttpContext.User.MayChange(document.CouncilCode))
        {
            return ApiProblem.Forbidden(document.CouncilCode);
        }

        var outcome = await submission.SubmitAsync(document, idempotencyKey, request.HttpContext.User.Actor(), cancellationToken);
        var body = SubmittedPlan.From(outcome);
        return outcome.Created ? TypedResults.Created(body.Links.Scorecard, body) : TypedResults.Ok(body);
    }
}
