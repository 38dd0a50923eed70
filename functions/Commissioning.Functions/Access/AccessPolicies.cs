using System.Security.Claims;

namespace Commissioning.Functions.Access;

/// <summary>Who may do what: the admin manages councils; a council key reads and writes that council's plans only.</summary>
public static class AccessPolicies
{
    public const string AdminRole = "admin";
    public const string CouncilClaim = "council";

    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<CouncilKeyStore>();
        services.AddSingleton<ApiKeys>();
        services.AddSingleton<FrontDoorAccess>();
        return services;
    }

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(AdminRole);

    /// <summary>True for the admin and for a key issued to <paramref name="council"/> (a normalised council code).</summary>
    public static bool MayUse(this ClaimsPrincipal user, string council) =>
        user.IsAdmin() || user.HasClaim(CouncilClaim, council);
}
