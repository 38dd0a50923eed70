using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Access;

/// <summary>What a request's <c>X-Api-Key</c> turned out to be.</summary>
public enum KeyVerdict
{
    /// <summary>No key was sent.</summary>
    None,

    /// <summary>A key was sent, but it is not the admin key nor a key any council holds.</summary>
    Invalid,

    /// <summary>A valid key: the admin's or a council's.</summary>
    Valid,
}

/// <summary>
/// Reads <c>X-Api-Key</c>: the admin key (role <c>admin</c>) or a council key (claim <c>council</c>). Keys are compared
/// as SHA-256 digests in constant time; a council key is found by one point read, and the answer is cached briefly.
/// </summary>
public sealed partial class ApiKeys(IOptions<AccessOptions> access, CouncilKeyStore keys, IMemoryCache cache, ILogger<ApiKeys> logger)
{
    public const string Header = "X-Api-Key";

    private readonly byte[] _adminDigest = CouncilKeyStore.Hash(access.Value.AdminKey);

    /// <summary>Identifies the caller and, for a valid key, sets <see cref="HttpContext.User"/>.</summary>
    public async Task<KeyVerdict> IdentifyAsync(HttpContext context)
    {
        if (!context.Request.Headers.TryGetValue(Header, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return values.Count > 1 ? KeyVerdict.Invalid : KeyVerdict.None;
        }

        var presented = values[0]!;
        var digest = CouncilKeyStore.Hash(presented);
        if (CryptographicOperations.FixedTimeEquals(digest, _adminDigest))
        {
            context.User = Principal(new Claim(ClaimTypes.Role, AccessPolicies.AdminRole));
            return KeyVerdict.Valid;
        }

        var cacheKey = "key:" + Convert.ToHexString(digest);
        if (!cache.TryGetValue(cacheKey, out string? council))
        {
            council = await FindCouncilAsync(presented, digest, context.RequestAborted);
            cache.Set(cacheKey, council, council is null ? TimeSpan.FromSeconds(5) : TimeSpan.FromMinutes(1));
        }

        if (council is null)
        {
            LogRejectedKey(logger, context.Request.Path);
            return KeyVerdict.Invalid;
        }

        context.User = Principal(new Claim(AccessPolicies.CouncilClaim, council));
        return KeyVerdict.Valid;
    }

    private async Task<string?> FindCouncilAsync(string presented, byte[] digest, CancellationToken cancellationToken)
    {
        if (!CouncilKey.TryRead(presented, out var council, out var keyId))
        {
            return null;
        }

        var stored = await keys.FindKeyAsync(council, keyId, cancellationToken);
        return stored is not null && CryptographicOperations.FixedTimeEquals(stored.Sha256, digest) ? council : null;
    }

    private static ClaimsPrincipal Principal(Claim claim) => new(new ClaimsIdentity([claim], "ApiKey"));

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Rejected an API key on {Path}")]
    private static partial void LogRejectedKey(ILogger logger, string path);
}
