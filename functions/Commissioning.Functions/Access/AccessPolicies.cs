using System.Security.Claims;

namespace Commissioning.Functions.Access;

/// <summary>The two roles a key can have, and what they may use.</summary>
public static class AccessPolicies
{
    public const string AdminRole = "admin";
    public const string CouncilClaim = "council";

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(AdminRole);

    /// <summary>True for the admin and for a key issued to <paramref name="council"/> (a normalised council code).</summary>
    public static bool MayUse(this ClaimsPrincipal user, string council) =>
        user.IsAdmin() || user.HasClaim(CouncilClaim, council);
}
