
namespace Commissioning.Functions.Notices;

/// <summary>
/// Published notices: scoring and importing OCDS notices, reading a council's imported notices and their guidance.
/// Each function is a class in this folder (<see cref="ImportNoticesFunction"/> …); this registers what they share.
/// Needs <c>AddRendering</c> (the guidance templates) and <c>AddStorage</c> (the week index the summary reads).
/// </summary>
public static class NoticesFeature
{
    public static IServiceCollection AddNotices(this IServiceCollection services)
    {
        services.AddSingleton<NoticeStore>();
        services.AddSingleton<NoticeImport>();
        services.AddSingleton<NoticeGuidanceRenderer>();
        return services;
    }
}
