using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace Commissioning.Functions.Plans;

/// <summary><c>GET /api/plans/{council}</c>: a council's plans, a page at a time, optionally of one ISO week or band.</summary>
public sealed class ListPlansFunction(PlanStore store)
{
    [Function("ListPlans")]
    [Access(Callers.Readers, Council = "council")]
    [ApiSummary("A council's plans, optionally those submitted in one ISO week (?week=2026-W05) or in one band, a page at a time.")]
    [ApiQuery("week", typeof(string), "An ISO week such as 2026-W05: only plans submitted in it.")]
    [ApiQuery("band", typeof(string), "Only plans in this band.", Values = ["red", "amber", "green"])]
    [ApiQuery("pageSize", typeof(int), "Plans per page, 1 to 1000 (default 50).")]
    [ApiQuery("continuationToken", typeof(string), "The token of the previous page's answer.")]
    public async Task<Results<Ok<PlanList>, ValidationProblem, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "plans/{council}")] HttpRequest request,
        string council,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var code = PlanAddress.Council(council, errors);
        var week = request.Query("week");
        var band = request.Query("band");
        var pageSize = request.Query("pageSize");
        var continuationToken = request.Query("continuationToken");
        string? isoWeek = null;
        if (week is not null && !PlanCalendar.TryParseIsoWeek(week, out isoWeek))
        {
            errors["query.week"] = ["must be an ISO week such as 2026-W05"];
        }

        Band? bandFilter = null;
        if (band is not null)
        {
            if (BandWords.TryParse(band, out var parsed))
            {
                bandFilter = parsed;
            }
            else
            {
                errors["query.band"] = ["must be red, amber or green"];
            }
        }

        var size = AddressParts.PageSize(pageSize, errors);
        var storageToken = AddressParts.ContinuationToken(continuationToken, errors);

        if (errors.Count > 0)
        {
            return ApiProblem.Invalid(errors);
        }

        PlanPage page;
        try
        {
            page = await store.ListAsync(code, isoWeek, bandFilter, size, storageToken, cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 400)
        {
            return ApiProblem.Invalid("query.continuationToken", AddressParts.TokenRule);
        }

        var token = page.ContinuationToken is null ? null : AddressParts.EncodeToken(page.ContinuationToken);
        var next = token is null ? null : NextLink(code, isoWeek, band, size, token);
        return TypedResults.Ok(new PlanList(code, isoWeek, bandFilter, size, [.. page.Plans.Select(PlanListItem.From)], token, next));
    }

    private static string NextLink(string council, string? week, string? band, int size, string token)
    {
        var query = new List<string> { $"pageSize={size}", $"continuationToken={Uri.EscapeDataString(token)}" };
        if (week is not null)
        {
            query.Insert(0, $"week={week}");
        }

        if (band is not null)
        {
            query.Insert(0, $"band={Uri.EscapeDataString(band.Trim().ToLowerInvariant())}");
        }

        return $"/api/plans/{council}?{string.Join('&', query)}";
    }
}
