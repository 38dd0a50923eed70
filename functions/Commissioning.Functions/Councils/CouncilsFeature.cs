
namespace Commissioning.Functions.Councils;

/// <summary>Councils: their records (what "local" means, councillors, channels), their keys and their deliveries (admin).</summary>
public static class CouncilsFeature
{
    public static IServiceCollection AddCouncils(this IServiceCollection services)
    {
        services.AddMemoryCache();   // council records are cached briefly: scoring reads one on every submission
        services.AddSingleton<CouncilStore>();
        services.AddSingleton<ICouncilDirectory>(provider => provider.GetRequiredService<CouncilStore>());
        return services;
    }
}
