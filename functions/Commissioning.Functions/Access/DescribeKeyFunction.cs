using Microsoft.AspNetCore.Http.HttpResults;

namespace Commissioning.Functions.Access;

/// <summary>What the key sent may do: whose it is and whether it may change things. Never the key.</summary>
public sealed record KeyAccess(string Kind, string? Council, string? KeyId, bool MayChange);

/// <summary>
/// <c>GET /api/access</c>: what the key in X-Api-Key is (the admin's, or a council's commissioner or councillor key),
/// so a page can say what it can do with it before anyone presses a button.
/// </summary>
public sealed class DescribeKeyFunction
{
    [Function("DescribeKey")]
    [Access(Callers.Readers)]
    [ApiSummary("What the key sent is: the admin's, or a council's commissioner or councillor key, and whether it may change things.")]
    public Task<Ok<KeyAccess>> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "access")] HttpRequest request)
    {
        var user = request.HttpContext.User;
        var actor = user.Actor();
        var council = user.FindFirst(AccessPolicies.CouncilClaim)?.Value;
        return Task.FromResult(TypedResults.Ok(new KeyAccess(actor.Kind, council, actor.KeyId, user.IsAdmin() || user.IsInRole(AccessPolicies.CommissionerRole))));
    }
}
