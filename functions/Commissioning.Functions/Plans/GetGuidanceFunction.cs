using Commissioning.Functions.Guidance;
using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace Commissioning.Functions.Plans;

/// <summary><c>GET /api/plans/{council}/{reference}/guidance</c>: the stored guidance document of a plan version.</summary>
public sealed class GetGuidanceFunction(PlanStore store)
{
    [Function("GetGuidance")]
    [Access(Callers.Readers, Council = "council")]
    [ApiSummary("The guidance document of a plan version, as HTML (?format=html) or Markdown (?format=md).")]
    [ApiQuery("format", typeof(string), "html (the default) or md.", Values = ["html", "md"])]
    [ApiQuery("version", typeof(int), "The version (1 or more); the latest when left out.")]
    [ApiResponse(StatusCodes.Status200OK, "The guidance document.", ContentType = "text/html")]
    [ApiResponse(StatusCodes.Status200OK, "The guidance document.", ContentType = "text/markdown")]
    [ApiResponse(StatusCodes.Status404NotFound, "The council has no such plan, or no such version of it.")]
    public async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "plans/{council}/{reference}/guidance")] HttpRequest request,
        string council,
        string reference,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var address = PlanAddress.Version(council, reference, request, errors);
        var kind = AddressParts.Format(request.Query("format"), errors);
        if (errors.Count > 0)
        {
            return ApiProblem.Invalid(errors);
        }

        var record = await store.GetAsync(address.Council, reference, address.Version, cancellationToken);
        var stored = record is null ? null : await store.ReadGuidanceAsync(address.Council, reference, record.Version.Summary.Version, kind!.Value, cancellationToken);
        if (stored is null)
        {
            return address.NotFound();
        }

        return GuidanceDocumentResult.Text(request.HttpContext, stored.ToString(), kind!.Value);
    }
}
