using System.Security.Cryptography;
using System.Text;

namespace Commissioning.Functions.Summaries;

/// <summary>
/// Admin-only endpoints: the request must carry <c>X-Api-Key</c> equal to <c>Commissioning:AdminKey</c> (compared in
/// constant time). With no key configured, admin endpoints are closed. A stand-in for the API's shared admin check:
/// swap this filter for it when the two meet.
/// </summary>
public sealed class AdminKeyFilter(IConfiguration configuration) : IEndpointFilter
{
    public const string Header = "X-Api-Key";
    public const string Setting = "Commissioning:AdminKey";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = configuration[Setting];
        var given = context.HttpContext.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(expected) || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Admin key required",
                detail: $"Send the admin key in the {Header} header.");
        }

        return await next(context);
    }
}
