using System.Globalization;
using Commissioning.Domain.Notices;
using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace Commissioning.Functions.Notices;

/// <summary><c>GET /api/notices/{council}</c>: a council's imported notices, a page at a time, by publication date and portal.</summary>
public sealed class ListNoticesFunction(NoticeStore store)
{
    [Function("ListNotices")]
    [Access(Callers.Readers, Council = "council")]
    [ApiSummary("A council's imported notices (each at its latest version, in ocid order), optionally those published between two dates or on one portal, a page at a time.")]
    [ApiQuery("from", typeof(string), "A date such as 2025-01-01: only notices published on or after it (notices with no publication date are left out).")]
    [ApiQuery("to", typeof(string), "A date such as 2025-12-31: only notices published on or before it.")]
    [ApiQuery("portal", typeof(string), "Only notices from this portal.", Values = ["contracts-finder", "find-a-tender", "public-contracts-scotland", "sell2wales", "other"])]
    [ApiQuery("pageSize", typeof(int), "Notices per page, 1 to 1000 (default 50).")]
    [ApiQuery("continuationToken", typeof(string), "The token of the previous page's answer.")]
    public async Task<Results<Ok<NoticeList>, ValidationProblem, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "notices/{council}")] HttpRequest request,
        string council,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var code = AddressParts.Council(council, errors);
        var from = Date(request, "from", errors);
        var to = Date(request, "to", errors);
        if (from > to)
        {
            errors["query.to"] = ["must be on or after from"];
        }

        NoticePortal? portal = null;
        if (request.Query("portal") is { } portalWord)
        {
            portal = EnumWords.TryParse<NoticePortal>(portalWord.Trim().ToLowerInvariant());
            if (portal is null)
            {
                errors["query.portal"] = ["must be contracts-finder, find-a-tender, public-contracts-scotland, sell2wales or other"];
            }
        }

        var size = AddressParts.PageSize(request.Query("pageSize"), errors);
        var storageToken = AddressParts.ContinuationToken(request.Query("continuationToken"), errors);
        if (errors.Count > 0)
        {
            return ApiProblem.Invalid(errors);
        }

        NoticePage page;
        try
        {
            page = await store.ListAsync(code, new NoticeFilter(from, to, portal), size, storageToken, cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 400)
        {
            return ApiProblem.Invalid("query.continuationToken", AddressParts.TokenRule);
        }

        var token = page.ContinuationToken is null ? null : AddressParts.EncodeToken(page.ContinuationToken);
        var portalWordOut = portal is { } p ? EnumWords.ToWord(p) : null;
        return TypedResults.Ok(new NoticeList(code, from, to, portalWordOut, size, page.Notices, token,
            token is null ? null : NextLink(code, from, to, portalWordOut, size, token)));
    }

    private static DateOnly? Date(HttpRequest request, string name, Dictionary<string, string[]> errors)
    {
        if (request.Query(name) is not { } value)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1990 and <= 2999)
        {
            return date;
        }

        errors[$"query.{name}"] = ["must be a date such as 2025-01-31"];
        return null;
    }

    private static string NextLink(string council, DateOnly? from, DateOnly? to, string? portal, int size, string token)
    {
        var query = new List<string>();
        if (from is { } f)
        {
            query.Add("from=" + f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (to is { } t)
        {
            query.Add("to=" + t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (portal is not null)
        {
            query.Add("portal=" + portal);
        }

        query.Add($"pageSize={size}");
        query.Add("continuationToken=" + Uri.EscapeDataString(token));
        return $"/api/notices/{council}?{string.Join('&', query)}";
    }
}
