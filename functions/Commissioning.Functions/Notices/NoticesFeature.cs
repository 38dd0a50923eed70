
namespace Commissioning.Functions.Notices;

/// <summary>
/// Published notices: scoring and importing OCDS notices, reading a council's imported notices and their guidance.
/// Each function is a class in this folder (<see cref="ImportNoticesFunction"/> …); this registers what they share.
/// Needs <c>AddRendering</c> (the guidance templates), <c>AddStorage</c> (the week index the summary reads) and
/// <c>AddAdvisor</c> (whose narrative each new version asks for).
/// </summary>
public static class NoticesFeature
{
    public static IServiceCollection AddNotices(this IServiceCollection services)
    {
        services.AddSingleton<NoticeStore>();
        services.AddSingleton<NoticeImport>();
        services.AddSingleton<NoticeGuidanceRenderer>();
        services.AddSingleton<NarrativeOnImport>();
        services.AddSingleton<NoticeNarratives>();
        services.AddSingleton<Advisor.IStoredNoticeReader>(provider => provider.GetRequiredService<NoticeNarratives>());
        services.AddSingleton<Advisor.INoticeNarrativeStore>(provider => provider.GetRequiredService<NoticeNarratives>());
        return services;
    }
}
