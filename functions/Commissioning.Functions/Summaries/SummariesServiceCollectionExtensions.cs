using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Commissioning.Functions.Summaries;

public static class SummariesServiceCollectionExtensions
{
    /// <summary>
    /// The weekly councillor summary: settings (validated at start-up), its storage, rendering and mail; the timer
    /// function <see cref="WeeklySummaryFunction"/> fires it. Needs <c>AddRendering</c>.
    /// </summary>
    public static IServiceCollection AddWeeklySummaries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SummaryOptions>()
            .BindConfiguration(SummaryOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SmtpOptions>()
            .BindConfiguration(SmtpOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PlansByWeekTable>();   // one per process: it remembers which digest rows are full
        services.TryAddSingleton<IWeeklyPlanIndex>(provider => provider.GetRequiredService<PlansByWeekTable>());
        services.AddSingleton<SummaryRuns>();
        services.AddSingleton<SummaryArchive>();
        services.AddSingleton<SummaryRenderer>();
        services.AddSingleton<WeeklySummaryComposer>();
        services.AddSingleton<CouncillorMailer>();
        services.AddSingleton<WeeklySummarySender>();

        return services;
    }
}
