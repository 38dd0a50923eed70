using Commissioning.Functions.Advisor;
using Commissioning.Functions.Guidance;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace Commissioning.Functions.Notices;

/// <summary>
/// <c>GET /api/notices/{council}/{ocid}/guidance</c>: the guidance document of an imported notice version, labelled as
/// read from a notice. With no language model configured nothing is queued on import, so the deterministic notice text
/// (the advisor's own, which opens with the label) is written into the document as it is rendered, as a plan's is at
/// submission; with a model the narrative appears once its queued function has written it.
/// </summary>
public sealed class GetNoticeGuidanceFunction(
    NoticeStore store, NoticeNarratives narratives, ICouncilDirectory councils, NoticeGuidanceRenderer renderer, GuidanceAdvisor advisor, IOptions<AdvisorOptions> advisorOptions)
{
    [Function("GetNoticeGuidance")]
    [Access(Callers.Readers, Council = "council")]
    [ApiSummary("The guidance document of an imported notice, as HTML (?format=html) or Markdown (?format=md): it opens with the notice label, " +
                "then coverage per dimension, withheld bands, the advisor's narrative once it is written, the questions for councillors and where every value came from.")]
    [ApiQuery("format", typeof(string), "html (the default) or md.", Values = ["html", "md"])]
    [ApiQuery("version", typeof(int), "The version (1 or more); the latest when left out.")]
    [ApiResponse(StatusCodes.Status200OK, "The guidance document.", ContentType = "text/html")]
    [ApiResponse(StatusCodes.Status200OK, "The guidance document.", ContentType = "text/markdown")]
    [ApiResponse(StatusCodes.Status404NotFound, "The council has no such notice, or no such version of it.")]
    public async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "notices/{council}/{ocid}/guidance")] HttpRequest request,
        string council,
        string ocid,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var address = NoticeAddress.Version(council, ocid, request, errors);
        var format = AddressParts.Format(request.Query("format"), errors);
        if (errors.Count > 0)
        {
            return ApiProblem.Invalid(errors);
        }

        if (await store.GetAsync(address.Council, address.Ocid, address.Version, cancellationToken) is not { } record)
        {
            return address.NotFound();
        }

        var version = record.Version.Summary.Version;
        var stored = narratives.ReadAsync(address.Council, address.Ocid, version, cancellationToken);
        var councilName = (await councils.GetAsync(address.Council, cancellationToken))?.Name ?? address.Council;
        var narrative = await stored;
        if (narrative is null && !advisorOptions.Value.IsEnabled)
        {
            var notice = new StoredNoticeVersion(address.Council, address.Ocid, version, record.Version.Scorecard);
            narrative = (await advisor.WriteNoticeNarrativeAsync(notice, cancellationToken)).Narrative;
        }

        return GuidanceDocumentResult.Text(request.HttpContext, renderer.Render(record.Version, councilName, format!.Value, narrative), format.Value);
    }
}
