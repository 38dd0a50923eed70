namespace Commissioning.Functions.Summaries;

/// <summary>The weekly councillor summary: the timer, reading a summary, sending one now.</summary>
public static class SummariesFeature
{
    /// <summary>
    /// The weekly councillor summary: settings (validated at start-up), its storage, rendering and mail; the timer
    /// function <see cref="WeeklySummaryFunction"/> fires it. Needs <c>AddRendering</c>.
    /// </summary>
    public static IServiceCollection AddSummaries(this IServiceCollection services)
    {
        services.AddOptions<SummaryOptions>()
            .BindConfiguration(SummaryOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SmtpOptions>()
            .BindConfiguration(SmtpOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<SummaryRuns>();
        services.AddSingleton<SummaryArchive>();
        services.AddSingleton<SummaryRenderer>();
        services.AddSingleton<WeeklySummaryComposer>();
        services.AddSingleton<CouncillorMailer>();
        services.AddSingleton<WeeklySummarySender>();

        return services;
    }
}
