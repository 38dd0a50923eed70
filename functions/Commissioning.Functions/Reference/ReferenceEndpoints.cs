using Commissioning.Domain.Plans;
using Commissioning.Domain.Rubrics;

namespace Commissioning.Functions.Reference;

/// <summary>The public reference documents: the rubric in force and the plan schema.</summary>
public static class ReferenceEndpoints
{
    public static IEndpointRouteBuilder MapReference(this IEndpointRouteBuilder api)
    {
        api.MapGet("/rubric", () => TypedResults.Ok(Rubrics.Current)).WithName("Rubric").WithTags("Reference")
            .WithSummary("The rubric in force: criteria, weights, thresholds and alerts.");
        api.MapGet("/schema/plan", () => TypedResults.Text(PlanSchema.Json, "application/schema+json", System.Text.Encoding.UTF8))
            .WithName("PlanSchema").WithTags("Reference")
            .WithSummary("The plan document's JSON Schema (2020-12), generated from the same shape the validator uses.");
        return api;
    }
}
