using Microsoft.AspNetCore.Http.HttpResults;

namespace Commissioning.Functions.Councils;

/// <summary>A council's keys as the admin sees them: ids, roles, notes, dates. Never a secret or a hash.</summary>
public sealed record CouncilKeys(string Council, IReadOnlyList<CouncilKeySummary> Keys);

/// <summary><c>GET /api/councils/{code}/keys</c>: every key of a council and when it was issued, last used and revoked (admin).</summary>
public sealed class ListCouncilKeysFunction(CouncilKeyStore keys)
{
    [Function("ListCouncilKeys")]
    [Access(Callers.Admin)]
    [ApiSummary("A council's keys: id, role, note, issued, last used (to the day) and revoked. Never the key or its hash.")]
    public async Task<Results<Ok<CouncilKeys>, ValidationProblem>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "councils/{code}/keys")] HttpRequest request,
        string code,
        CancellationToken cancellationToken)
    {
        if (!CouncilCode.TryNormalise(code, out var council))
        {
            return ApiProblem.Invalid("route.code", CouncilCode.Rule);
        }

        return TypedResults.Ok(new CouncilKeys(council, await keys.ListAsync(council, cancellationToken)));
    }
}
