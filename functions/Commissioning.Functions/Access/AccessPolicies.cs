using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Commissioning.Functions.Access;

/// <summary>Who may do what: the admin manages councils; a council key reads and writes that council's plans only.</summary>
public static class AccessPolicies
{
    public const string Admin = "admin";
    public const string AnyKey = "any-key";
    public const string AdminRole = "admin";
    public const string CouncilClaim = "council";

    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMemoryCache();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Admin, policy => policy.RequireRole(AdminRole))
            .AddPolicy(AnyKey, policy => policy.RequireAuthenticatedUser());
        // Features that guard admin routes with an AdminKeyCheck (notifications) ask the authenticated user.
        services.AddSingleton<Notifications.AdminKeyCheck>(context => context.User.IsInRole(AdminRole));
        return services;
    }

    /// <summary>True for the admin and for a key issued to <paramref name="council"/>.</summary>
    public static bool MayUse(this ClaimsPrincipal user, string council) =>
        user.IsInRole(AdminRole) || user.HasClaim(CouncilClaim, council);
}
