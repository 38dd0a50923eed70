using Commissioning.Domain.Plans;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commissioning.Functions.Reference;

/// <summary><c>GET /api/schema/plan</c>: the plan document's JSON Schema. Public.</summary>
public sealed class PlanSchemaFunction
{
    public const string ContentType = "application/schema+json";

    [Function("PlanSchema")]
    [Access(Callers.Anyone)]
    [ApiSummary("The plan document's JSON Schema (2020-12), generated from the same shape the validator uses.")]
    [ApiResponse(StatusCodes.Status200OK, "The schema.", ContentType = ContentType)]
    public Task<ContentHttpResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "schema/plan")] HttpRequest request) =>
        Task.FromResult(TypedResults.Text(PlanSchema.Json, ContentType, Encoding.UTF8));
}
