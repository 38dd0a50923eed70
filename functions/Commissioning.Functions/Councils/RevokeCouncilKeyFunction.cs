using Microsoft.AspNetCore.Http.HttpResults;

namespace Commissioning.Functions.Councils;

/// <summary><c>DELETE /api/councils/{code}/keys/{keyId}</c>: revoke a key (admin); the next request with it is refused.</summary>
public sealed partial class RevokeCouncilKeyFunction(CouncilKeyStore keys, TimeProvider time, ILogger<RevokeCouncilKeyFunction> logger)
{
    [Function("RevokeCouncilKey")]
    [Access(Callers.Admin)]
    [ApiSummary("Revokes a council key: the next request that sends it gets 401. Revoking it again changes nothing.")]
    [ApiResponse(StatusCodes.Status204NoContent, "Revoked (now or before).")]
    [ApiResponse(StatusCodes.Status404NotFound, "The council has no key with this id.")]
    public async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "councils/{code}/keys/{keyId}")] HttpRequest request,
        string code,
        string keyId,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!CouncilCode.TryNormalise(code, out var council))
        {
            errors["route.code"] = [CouncilCode.Rule];
        }

        if (keyId.Length != 12 || !keyId.All(char.IsAsciiHexDigitLower))
        {
            errors["route.keyId"] = ["must be a key id: 12 lower-case hexadecimal characters, as issued"];
        }

        if (errors.Count > 0)
        {
            return ApiProblem.Invalid(errors);
        }

        if (!await keys.RevokeAsync(council, keyId, time.GetUtcNow(), cancellationToken))
        {
            return ApiProblem.NotFound($"Council {council} has no key {keyId}.");
        }

        LogRevoked(logger, council, keyId);
        return TypedResults.NoContent();
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Revoked council key {KeyId} of {Council}")]
    private static partial void LogRevoked(ILogger logger, string council, string keyId);
}
