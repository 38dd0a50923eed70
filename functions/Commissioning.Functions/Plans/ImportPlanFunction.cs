using System.Globalization;
using System.Text.RegularExpressions;
using Commissioning.Domain.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace Commissioning.Functions.Plans;

/// <summary>
/// <c>POST /api/plans/import?submittedAt=</c> (admin): a plan a council submitted before it came to this service, stored
/// with its original date. It takes the submission's path (scoring, guidance, idempotency, versions) with that date as
/// the version's <c>submittedAt</c>, and records that it was imported and when (decision 0030).
/// </summary>
public sealed partial class ImportPlanFunction(PlanSubmission submission, TimeProvider time)
{
    public const string SubmittedAtRule = "must be the date and time the plan was originally submitted, with its offset (e.g. 2026-09-14T10:00:00Z), from 2000 and not in the future";

    [Function("ImportPlan")]
    [Access(Callers.Admin)]
    [ApiSummary("Import a plan with the date it was originally submitted: scored as of that date, stored as a new version in that date's week, marked as imported.")]
    [ApiQuery("submittedAt", typeof(DateTimeOffset), "When the council originally submitted the plan (ISO 8601 with offset, e.g. 2026-09-14T10:00:00Z); not in the future.", Required = true)]
    [ApiBody(typeof(Plan))]
    [Hosting.RequestBody(PlanDocument.MaxBytes)]
    [ApiHeader(IdempotencyKeys.Header, "Any 1–200 printable characters: a retry with the same key returns the version it stored (200).")]
    [ApiResponse(StatusCodes.Status415UnsupportedMediaType, "The body is declared as something other than JSON.")]
    [ApiResponse(StatusCodes.Status409Conflict, "The plan already has a version submitted after this date: import a plan's versions oldest first.")]
    public async Task<Results<Created<SubmittedPlan>, Ok<SubmittedPlan>, ValidationProblem, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "plans/import")] HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var submittedAt = OriginalDate(request.Query("submittedAt"), time.GetUtcNow(), errors);
        var idempotencyKey = request.Header(IdempotencyKeys.Header);
        if (!IdempotencyKeys.IsValid(idempotencyKey))
        {
            errors["header." + IdempotencyKeys.Header] = [IdempotencyKeys.Rule];
        }

        var (document, invalid, refused) = await PlanDocument.ReadAsync(request, PlanDocument.MaxBytes, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (document is null || errors.Count > 0)
        {
            // Every bad field at once: the address's and the body's.
            foreach (var (field, messages) in invalid?.ProblemDetails.Errors ?? new Dictionary<string, string[]>())
            {
                errors[field] = messages;
            }

            return ApiProblem.Invalid(errors);
        }

        try
        {
            var outcome = await submission.ImportAsync(document, submittedAt!.Value, idempotencyKey, request.HttpContext.User.Actor(), cancellationToken);
            var body = SubmittedPlan.From(outcome);
            return outcome.Created ? TypedResults.Created(body.Links.Scorecard, body) : TypedResults.Ok(body);
        }
        catch (ImportOutOfOrderException later)
        {
            var latest = later.Latest;
            return ApiProblem.Conflict(
                $"Plan {latest.Council}/{latest.Reference} already has version {latest.Version}, submitted {latest.SubmittedAt.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)}, " +
                "after the date given: import a plan's versions oldest first.");
        }
    }

    /// <summary>The original date, or null with the reason in <paramref name="errors"/> (<c>query.submittedAt</c>).</summary>
    internal static DateTimeOffset? OriginalDate(string? value, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        // An offset is required: a bare local time would leave the plan's day, and so its week, to guesswork.
        if (value is null || !WithOffset().IsMatch(value)
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            || parsed.UtcDateTime.Year < 2000)
        {
            errors["query.submittedAt"] = [value is null ? "is required: " + SubmittedAtRule : SubmittedAtRule];
            return null;
        }

        if (parsed > now)
        {
            errors["query.submittedAt"] = [$"is in the future ({value}): a plan is imported with the date it was submitted, which has passed"];
            return null;
        }

        return parsed;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex WithOffset();
}
