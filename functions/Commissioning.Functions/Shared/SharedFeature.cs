namespace Commissioning.Functions.Shared;

/// <summary>What every feature may use: the clock and the links readers follow from outside the app.</summary>
public static class SharedFeature
{
    public static IServiceCollection AddShared(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<PublicLinkOptions>().BindConfiguration(PublicLinkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PublicLinks>();
        return services;
    }
}
