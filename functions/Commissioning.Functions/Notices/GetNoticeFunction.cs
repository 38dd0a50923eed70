using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace Commissioning.Functions.Notices;

/// <summary><c>GET /api/notices/{council}/{ocid}</c>: an imported notice's scorecard, mapping and source, and every import of it.</summary>
public sealed class GetNoticeFunction(NoticeStore store)
{
    [Function("GetNotice")]
    [Access(Callers.Readers, Council = "council")]
    [ApiSummary("An imported notice's labelled scorecard (the latest version, or ?version=n) with the mapping of every plan field to the OCDS paths it came from, " +
                "the notice's source and licence, and every version imported, by whom.")]
    [ApiQuery("version", typeof(int), "The version to read (1 or more); the latest when left out.")]
    [ApiResponse(StatusCodes.Status404NotFound, "The council has no such notice, or no such version of it.")]
    public async Task<Results<Ok<NoticeDetails>, ValidationProblem, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "notices/{council}/{ocid}")] HttpRequest request,
        string council,
        string ocid,
        CancellationToken cancellationToken)
    {
        if (!NoticeAddress.TryVersion(council, ocid, request, out var address, out var invalid))
        {
            return invalid;
        }

        if (await store.GetAsync(address.Council, address.Ocid, address.Version, cancellationToken) is not { } record)
        {
            return address.NotFound();
        }

        var summary = record.Version.Summary;
        return TypedResults.Ok(new NoticeDetails(summary.Council, summary.Ocid, summary.Version, record.Latest.Version, summary.ImportedAt, summary.ImportedBy,
            summary.BuyerMatch, record.Version.Scorecard, summary.Links, record.History));
    }
}
