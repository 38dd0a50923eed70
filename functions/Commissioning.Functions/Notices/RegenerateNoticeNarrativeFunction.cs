using Commissioning.Functions.Advisor;
using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace Commissioning.Functions.Notices;

/// <summary>
/// <c>POST /api/notices/{council}/{ocid}/narrative</c>: write the advisor's narrative for an imported notice version
/// again, as the plans' narrative endpoint does: after a model change, or for a version whose queued narrative ended
/// in the poison queue. The narrative opens with the notice label whoever writes it.
/// </summary>
public sealed class RegenerateNoticeNarrativeFunction(IStoredNoticeReader notices, INoticeNarrativeStore narratives, GuidanceAdvisor advisor)
{
    [Function("RegenerateNoticeNarrative")]
    [Access(Callers.Commissioners, Council = "council")]
    [ApiSummary("Writes the advisor's narrative for an imported notice version again and keeps it beside the version, where the notice guidance shows it.")]
    [ApiQuery("version", typeof(int), "The version (1 or more); the latest when left out.")]
    [ApiResponse(StatusCodes.Status404NotFound, "The council has no such notice, or no such version of it.")]
    public async Task<Results<Ok<NoticeNarrativeResponse>, ValidationProblem, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "notices/{council}/{ocid}/narrative")] HttpRequest request,
        string council,
        string ocid,
        CancellationToken cancellationToken)
    {
        if (!NoticeAddress.TryVersion(council, ocid, request, out var address, out var invalid))
        {
            return invalid;
        }

        if (await notices.FindAsync(address.Council, address.Ocid, address.Version, cancellationToken) is not { } stored)
        {
            return address.NotFound();
        }

        var result = await advisor.WriteNoticeNarrativeAsync(stored, cancellationToken);
        await narratives.SaveAsync(stored, result, cancellationToken);
        return TypedResults.Ok(new NoticeNarrativeResponse(stored.Council, stored.Ocid, stored.Version, result.Source, result.Model, result.Reason,
            result.Narrative.Summary, result.Narrative.AdviceByCriterion));
    }
}

/// <summary>What the notice narrative endpoint answers: the narrative and how it was written (the raw output stays in storage).</summary>
public sealed record NoticeNarrativeResponse(
    string Council,
    string Ocid,
    int Version,
    string Source,
    string? Model,
    AdvisorFallbackReason? Reason,
    string Summary,
    IReadOnlyDictionary<string, string> AdviceByCriterion);
