namespace Commissioning.Functions.Guidance;

public static class GuidanceFeature
{
    /// <summary>The guidance documents' renderer (plans and the advisor write guidance). Needs <c>AddRendering</c>.</summary>
    public static IServiceCollection AddGuidance(this IServiceCollection services) => services.AddSingleton<GuidanceRenderer>();
}
