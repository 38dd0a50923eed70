using Microsoft.AspNetCore.Http.HttpResults;

namespace Commissioning.Functions.Reference;

/// <summary><c>GET /api/rubric</c>: the rubric in force. Public.</summary>
public sealed class RubricFunction
{
    [Function("Rubric")]
    [Access(Callers.Anyone)]
    [ApiSummary("The rubric in force: criteria, weights, thresholds and alerts.")]
    public Task<Ok<Rubric>> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "rubric")] HttpRequest request) =>
        Task.FromResult(TypedResults.Ok(Rubrics.Current));
}
