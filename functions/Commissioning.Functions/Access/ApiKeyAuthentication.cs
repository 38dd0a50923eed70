using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Commissioning.Functions.Councils;
using Commissioning.Functions.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Access;

/// <summary>
/// Reads <c>X-Api-Key</c>: the admin key (role <c>admin</c>) or a council key (claim <c>council</c>). Keys are compared
/// as SHA-256 digests in constant time. A missing or wrong key is a 401, a key for another council a 403, both as
/// ProblemDetails.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<AccessOptions> access,
    CouncilStore councils,
    IMemoryCache cache,
    ProblemWriter problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = values[0]!;
        var digest = CouncilStore.Hash(presented);
        if (CryptographicOperations.FixedTimeEquals(digest, CouncilStore.Hash(access.Value.AdminKey)))
        {
            return Success(new Claim(ClaimTypes.Role, AccessPolicies.AdminRole));
        }

        var cacheKey = "key:" + Convert.ToHexString(digest);
        if (!cache.TryGetValue(cacheKey, out string? council))
        {
            council = await FindCouncilAsync(presented, digest);
            cache.Set(cacheKey, council, council is null ? TimeSpan.FromSeconds(5) : TimeSpan.FromMinutes(1));
        }

        if (council is null)
        {
            LogRejectedKey(Logger, Request.Path);
            return AuthenticateResult.Fail("The key is not valid.");
        }

        return Success(new Claim(AccessPolicies.CouncilClaim, council));
    }

    private async Task<string?> FindCouncilAsync(string presented, byte[] digest)
    {
        if (!CouncilKey.TryRead(presented, out var council, out var keyId))
        {
            return null;
        }

        var stored = await councils.FindKeyAsync(council, keyId, Context.RequestAborted);
        return stored is not null && CryptographicOperations.FixedTimeEquals(stored.Sha256, digest) ? council : null;
    }

    private AuthenticateResult Success(Claim claim) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([claim], SchemeName)), SchemeName));

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        problems.WriteAsync(Context, StatusCodes.Status401Unauthorized,
            Request.Headers.ContainsKey(Header) ? "The key in X-Api-Key is not valid." : "Send a key in the X-Api-Key header.").AsTask();

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "This key cannot do that: council management needs the admin key.").AsTask();

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Rejected an API key on {Path}")]
    private static partial void LogRejectedKey(ILogger logger, string path);
}
