namespace Commissioning.Functions.Hosting;

/// <summary>What both hosts share: host.json's settings and the front door every HTTP request meets.</summary>
public static class HostingFeature
{
    public static IServiceCollection AddHosting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(HostSettings.Read(configuration));
        services.AddSingleton<FrontDoor>();
        return services;
    }
}
