using Commissioning.Domain.Rubrics;
using Commissioning.Functions.Access;
using Commissioning.Functions.ApiDocument;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

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
