using Commissioning.Domain.Rubrics;

namespace Commissioning.Functions.Reference;

/// <summary>The public reference documents: the rubric in force and the plan schema.</summary>
public static class ReferenceEndpoints
{
    public static IEndpointRouteBuilder MapReference(this IEndpointRouteBuilder api)
    {
        api.MapGet("/rubric", () => TypedResults.Ok(Rubrics.Current)).WithName("Rubric").WithTags("Reference")
            .WithSummary("The rubric in force: criteria, weights, thresholds and alerts.");
        // TODO(schema): serve Commissioning.Domain.Plans.PlanSchema.Json at /schema/plan once it is on main.
        return api;
    }
}
