using Commissioning.Functions.Problems;

namespace Commissioning.Functions.Access;

public static class CouncilAccess
{
    /// <summary>
    /// Any valid key may call the endpoint, but only the admin or a key issued to the council named in the route
    /// value <paramref name="routeValue"/> gets through; another council's key is a 403 ProblemDetails.
    /// </summary>
    public static RouteHandlerBuilder RequireCouncilAccess(this RouteHandlerBuilder endpoint, string routeValue = "council") =>
        endpoint.RequireAuthorization(AccessPolicies.AnyKey).AddEndpointFilter(async (context, next) =>
        {
            var council = context.HttpContext.GetRouteValue(routeValue)?.ToString() ?? string.Empty;
            return context.HttpContext.User.MayUse(council) ? await next(context) : ApiProblem.Forbidden(council);
        });
}
