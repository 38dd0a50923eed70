
namespace Commissioning.Functions.Access;

/// <summary>
/// Applies a function's <see cref="AccessAttribute"/> to a request: no key, an unknown key or a revoked one is a 401; a
/// key that may not do this (a council key on an admin function, a councillor's key on one that writes, any key on
/// another council's address) a 403; both as ProblemDetails.
/// </summary>
public sealed class FrontDoorAccess(ApiKeys keys)
{
    /// <summary>
    /// Null when the caller may go on; otherwise the problem to answer with. <paramref name="routeValue"/> reads the
    /// function's route values (the host sends them as binding data; the local runner's routing has them).
    /// </summary>
    public async Task<IResult?> CheckAsync(HttpContext context, AccessAttribute access, Func<string, string?> routeValue)
    {
        if (access.Callers == Callers.Anyone)
        {
            return null;
        }

        switch (await keys.IdentifyAsync(context))
        {
            case KeyVerdict.None:
                return ApiProblem.Status(StatusCodes.Status401Unauthorized, "Send a key in the X-Api-Key header.");
            case KeyVerdict.Invalid:
                return ApiProblem.Status(StatusCodes.Status401Unauthorized, "The key in X-Api-Key is not valid.");
        }

        var user = context.User;
        if (access.Callers == Callers.Admin && !user.IsAdmin())
        {
            return ApiProblem.Status(StatusCodes.Status403Forbidden, "This key cannot do that: it needs the admin key.");
        }

        if (access.Callers == Callers.Commissioners && user.IsInRole(AccessPolicies.CouncillorRole))
        {
            return ApiProblem.Status(StatusCodes.Status403Forbidden,
                "This is a councillor's key: it can read this council's plans, notices, guidance and summaries, but not submit, score or change them.");
        }

        // A council named in the address is compared after the council-code rule; an address that is not a council
        // code at all is the function's to refuse (400), and it can reach no council's data.
        if (access.Council is { } name
            && CouncilCode.TryNormalise(routeValue(name), out var council)
            && !user.MayUse(council))
        {
            return ApiProblem.Forbidden(council);
        }

        return null;
    }
}
