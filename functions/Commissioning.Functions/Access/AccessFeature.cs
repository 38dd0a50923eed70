namespace Commissioning.Functions.Access;

/// <summary>Who may do what: the admin manages councils; a council key reads and writes that council's plans only.</summary>
public static class AccessFeature
{
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CouncilKeyStore>();
        services.AddSingleton<ApiKeys>();
        services.AddSingleton<FrontDoorAccess>();
        return services;
    }
}
