using Microsoft.AspNetCore.Http.HttpResults;

namespace Commissioning.Functions.Councils;

/// <summary>Issued once: the key itself is not stored and cannot be shown again.</summary>
public sealed record IssuedCouncilKey(string Council, string KeyId, string Key, DateTimeOffset IssuedAt, string Note);

/// <summary><c>POST /api/councils/{code}/keys</c>: issue a key for a council (admin); it is shown once.</summary>
public sealed partial class IssueCouncilKeyFunction(CouncilStore store, CouncilKeyStore keys, TimeProvider time, ILogger<IssueCouncilKeyFunction> logger)
{
    [Function("IssueCouncilKey")]
    [Access(Callers.Admin)]
    [ApiSummary("Issues a key for a council. The key is in this answer only: it is stored as a hash and cannot be shown again.")]
    [ApiResponse(StatusCodes.Status404NotFound, "No council is registered with this code.")]
    public async Task<Results<Created<IssuedCouncilKey>, ValidationProblem, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "councils/{code}/keys")] HttpRequest request,
        string code,
        CancellationToken cancellationToken)
    {
        if (!CouncilCode.TryNormalise(code, out var routeCode))
        {
            return ApiProblem.Invalid("route.code", CouncilCode.Rule);
        }

        if (await store.GetAsync(routeCode, cancellationToken) is null)
        {
            return ApiProblem.NotFound($"Council {routeCode} is not registered: PUT /api/councils/{routeCode} first.");
        }

        var key = CouncilKey.Issue(routeCode);
        var issuedAt = time.GetUtcNow();
        await keys.AddKeyAsync(new CouncilKeyRecord(routeCode, key.KeyId, CouncilKeyStore.Hash(key.Value), issuedAt), cancellationToken);
        LogKeyIssued(logger, routeCode, key.KeyId);
        return TypedResults.Created($"/api/councils/{routeCode}",
            new IssuedCouncilKey(routeCode, key.KeyId, key.Value, issuedAt, "Store this key now: it is shown once. Send it in the X-Api-Key header."));
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Issued council key {KeyId} for {Council}")]
    private static partial void LogKeyIssued(ILogger logger, string council, string keyId);
}
