using System.Security.Claims;

namespace Commissioning.Functions.Access;

/// <summary>The two roles a key can have, and what they may use.</summary>
public static class AccessPolicies
{
    public const string AdminRole = "admin";
    public const string CommissionerRole = "commissioner";
    public const string CouncillorRole = "councillor";
    public const string CouncilClaim = "council";
    public const string KeyClaim = "key";

    public static string RoleOf(KeyRole role) => role == KeyRole.Councillor ? CouncillorRole : CommissionerRole;

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(AdminRole);

    /// <summary>True for the admin and for any key issued to <paramref name="council"/> (a normalised council code): who may read it.</summary>
    public static bool MayUse(this ClaimsPrincipal user, string council) =>
        user.IsAdmin() || user.HasClaim(CouncilClaim, council);

    /// <summary>True for the admin and for a commissioner's key of <paramref name="council"/>: who may change it.</summary>
    public static bool MayChange(this ClaimsPrincipal user, string council) =>
        user.IsAdmin() || (user.HasClaim(CouncilClaim, council) && user.IsInRole(CommissionerRole));

    /// <summary>Who the caller is, for the audit trail.</summary>
    public static Actor Actor(this ClaimsPrincipal user) =>
        user.IsAdmin() ? Access.Actor.Admin
        : Access.Actor.Key(user.IsInRole(CouncillorRole) ? KeyRole.Councillor : KeyRole.Commissioner, user.FindFirst(KeyClaim)?.Value ?? string.Empty);
}
