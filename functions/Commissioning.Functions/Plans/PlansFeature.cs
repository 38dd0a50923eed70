
namespace Commissioning.Functions.Plans;

/// <summary>
/// Plans: submitting, scoring, reading and listing them, their guidance and the advisor's narrative. Each function
/// is a class in this folder (<see cref="SubmitPlanFunction"/> …); this registers what they share.
/// </summary>
public static class PlansFeature
{
    public static IServiceCollection AddPlans(this IServiceCollection services)
    {
        services.AddSingleton<PlanStore>();
        services.AddSingleton<PlanSubmission>();
        services.AddSingleton<PlanNarratives>();
        services.AddSingleton<Advisor.IStoredPlanReader>(provider => provider.GetRequiredService<PlanNarratives>());
        services.AddSingleton<Advisor.INarrativeStore>(provider => provider.GetRequiredService<PlanNarratives>());
        services.AddSingleton<IPlanSubmittedHandler, NarrativeOnSubmission>();
        return services;
    }
}
