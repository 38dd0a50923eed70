namespace Commissioning.Functions.Health;

public static class HealthFeature
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<HealthFunction.StorageHealthCheck>("storage");
        return services;
    }
}
