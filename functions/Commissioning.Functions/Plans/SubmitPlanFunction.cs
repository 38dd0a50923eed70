using Commissioning.Domain.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace Commissioning.Functions.Plans;

/// <summary><c>POST /api/plans</c>: score a plan, store it as a new version with its guidance, answer with the scorecard.</summary>
public sealed class SubmitPlanFunction(PlanSubmission submission)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string IdempotencyKeyRule = "must be 1–200 printable characters";

    /// <summary>The request's Idempotency-Key, or null; <paramref name="badField"/> names the header when it breaks the rule.</summary>
    internal static string? IdempotencyKey(HttpRequest request, out string? badField)
    {
        var key = request.Headers.TryGetValue(IdempotencyKeyHeader, out var values) ? values.ToString() : null;
        badField = key is not null && (key.Length is 0 or > 200 || key.Any(char.IsControl)) ? "header." + IdempotencyKeyHeader : null;
        return key;
    }

    [Function("SubmitPlan")]
    [Access(Callers.Commissioners)]
    [ApiSummary("Score a plan, store it as a new version with its guidance, and return the scorecard with links.")]
    [ApiBody(typeof(Plan))]
    [Hosting.RequestBody(PlanDocument.MaxBytes)]
    [ApiHeader(IdempotencyKeyHeader, "Any 1–200 printable characters: a retry with the same key returns the version it stored (200).")]
    [ApiResponse(StatusCodes.Status403Forbidden, "The key is not the plan's council's.")]
    public async Task<Results<Created<SubmittedPlan>, Ok<SubmittedPlan>, ValidationProblem, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "plans")] HttpRequest request, CancellationToken cancellationToken)
    {
        var idempotencyKey = IdempotencyKey(request, out var badKey);
        if (badKey is not null)
        {
            return ApiProblem.Invalid(badKey, IdempotencyKeyRule);
        }

        var (document, invalid, tooLarge) = await PlanDocument.ReadAsync(request, PlanDocument.MaxBytes, cancellationToken);
        if (document is null)
        {
            return tooLarge is not null ? tooLarge : invalid!;
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
