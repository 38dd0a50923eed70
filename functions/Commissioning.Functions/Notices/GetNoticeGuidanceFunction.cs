using Commissioning.Functions.Guidance;
using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace Commissioning.Functions.Notices;

/// <summary><c>GET /api/notices/{council}/{ocid}/guidance</c>: the guidance document of an imported notice version, labelled as read from a notice.</summary>
public sealed class GetNoticeGuidanceFunction(NoticeStore store, NoticeNarratives narratives, ICouncilDirectory councils, NoticeGuidanceRenderer renderer)
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
        var narrative = narratives.ReadAsync(address.Council, address.Ocid, version, cancellationToken);
        var councilName = (await councils.GetAsync(address.Council, cancellationToken))?.Name ?? address.Council;
        return GuidanceDocumentResult.Text(request.HttpContext, renderer.Render(record.Version, councilName, format!.Value, await narrative), format.Value);
    }
}
