using Microsoft.AspNetCore.Http.HttpResults;

namespace Commissioning.Functions.Councils;

/// <summary><c>GET /api/councils/{code}</c>: a council's record (the admin, or a key of that council).</summary>
public sealed class GetCouncilFunction(CouncilStore store)
{
    [Function("GetCouncil")]
    [Access(Callers.Readers, Council = "code")]
    [ApiSummary("A council's record.")]
    [ApiResponse(StatusCodes.Status404NotFound, "No council is registered with this code.")]
    public async Task<Results<Ok<Council>, ValidationProblem, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "councils/{code}")] HttpRequest request,
        string code,
        CancellationToken cancellationToken)
    {
        if (!CouncilCode.TryNormalise(code, out var routeCode))
        {
            return ApiProblem.Invalid("route.code", CouncilCode.Rule);
        }

        var council = await store.GetAsync(routeCode, cancellationToken);
        return council is null ? ApiProblem.NotFound($"Council {routeCode} is not registered.") : TypedResults.Ok(council);
    }
}
