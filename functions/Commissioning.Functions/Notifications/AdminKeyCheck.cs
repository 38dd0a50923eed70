using System.Security.Cryptography;
using System.Text;

namespace Commissioning.Functions.Notifications;

/// <summary>
/// Decides whether a request carries admin rights. The default compares header <c>X-Api-Key</c> with setting
/// <c>Commissioning:AdminKey</c> in constant time (no key configured: nobody is admin). It is a seam: the API's own
/// admin-key filter replaces this registration when the features are merged.
/// </summary>
public delegate bool AdminKeyCheck(HttpContext context);

internal static class AdminKey
{
    public const string Header = "X-Api-Key";
    public const string Setting = "Commissioning:AdminKey";

    public static AdminKeyCheck FromConfiguration(IConfiguration configuration) => context =>
    {
        var expected = configuration[Setting];
        var given = context.Request.Headers[Header].ToString();
        return !string.IsNullOrEmpty(expected) && !string.IsNullOrEmpty(given)
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    };

    /// <summary>Endpoint filter: 401 ProblemDetails unless the <see cref="AdminKeyCheck"/> says yes.</summary>
    public static RouteGroupBuilder RequireAdminKey(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var check = context.HttpContext.RequestServices.GetRequiredService<AdminKeyCheck>();
            return check(context.HttpContext)
                ? await next(context)
                : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Admin key required",
                    detail: $"Send the admin key in the {Header} header.");
        });
        return group;
    }
}
