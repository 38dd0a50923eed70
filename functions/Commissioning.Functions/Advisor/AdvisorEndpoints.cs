using Commissioning.Domain.Plans;
using Commissioning.Domain.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Commissioning.Functions.Advisor;

/// <summary>A stored plan version and the scorecard it was given when it was submitted.</summary>
public sealed record StoredPlanVersion(Plan Plan, Scorecard Scorecard, int Version);

/// <summary>Reads a stored plan version (implemented by the plan store).</summary>
public interface IStoredPlanReader
{
    /// <summary>The given version, or the latest when <paramref name="version"/> is null; null when there is none.</summary>
    Task<StoredPlanVersion?> FindAsync(string council, string reference, int? version, CancellationToken cancellationToken);
}

/// <summary>
/// Keeps an advisor run: writes <c>guidance/{council}/{reference}/v{n}.advisor.json</c> and renders the guidance
/// again with the new narrative (implemented by the plan store).
/// </summary>
public interface INarrativeStore
{
    Task SaveAsync(StoredPlanVersion stored, AdvisorResult result, CancellationToken cancellationToken);
}

/// <summary>What the regenerate endpoint answers: the narrative and how it was written (the raw output stays in storage).</summary>
public sealed record NarrativeResponse(
    string Council,
    string Reference,
    int Version,
    string Source,
    string? Model,
    AdvisorFallbackReason? Reason,
    string Summary,
    IReadOnlyDictionary<string, string> AdviceByCriterion);

public static class AdvisorEndpoints
{
    /// <summary>Maps <c>POST /api/plans/{council}/{reference}/narrative</c>; the caller adds who may use it.</summary>
    public static RouteHandlerBuilder MapAdvisorEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/plans/{council}/{reference}/narrative", RegenerateNarrative)
            .WithName("RegenerateNarrative")
            .WithTags("Plans")
            .WithSummary("Writes the advisor's narrative for a stored plan version again and keeps it beside the guidance.");

    private static async Task<Results<Ok<NarrativeResponse>, ProblemHttpResult, Microsoft.AspNetCore.Http.HttpResults.ValidationProblem>> RegenerateNarrative(
        string council,
        string reference,
        int? version,
        [FromServices] IStoredPlanReader plans,
        [FromServices] INarrativeStore narratives,
        [FromServices] GuidanceAdvisor advisor,
        CancellationToken cancellationToken)
    {
        if (version is < 1)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["version"] = ["The version must be 1 or more; leave it out for the latest."],
            });
        }

        var stored = await plans.FindAsync(council, reference, version, cancellationToken);
        if (stored is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Plan not found",
                detail: version is null
                    ? $"There is no plan {reference} for council {council}."
                    : $"There is no version {version} of plan {reference} for council {council}.");
        }

        var result = await advisor.WriteNarrativeAsync(stored.Plan, stored.Scorecard, cancellationToken);
        await narratives.SaveAsync(stored, result, cancellationToken);

        return TypedResults.Ok(new NarrativeResponse(
            council,
            reference,
            stored.Version,
            result.Source,
            result.Model,
            result.Reason,
            result.Narrative.Summary,
            result.Narrative.AdviceByCriterion));
    }
}
