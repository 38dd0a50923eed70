using System.Security.Claims;
using System.Security.Cryptography;
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
/// Reads <c>X-Api-Key</c>: the admin key (role <c>admin</c>) or a council key (claim <c>council</c>, role
/// <c>commissioner</c> or <c>councillor</c>, claim <c>key</c> its id). Keys are compared as SHA-256 digests in constant
/// time. A council key is found by one point read on every request, so a revoked key is refused on the very next one;
/// the day it was used is recorded the first time each day.
/// </summary>
public sealed partial class ApiKeys(IOptions<AccessOptions> access, CouncilKeyStore keys, TimeProvider time, ILogger<ApiKeys> logger)
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

        if (await FindAsync(presented, digest, context.RequestAborted) is not { } key)
        {
            LogRejectedKey(logger, context.Request.Path);
            return KeyVerdict.Invalid;
        }

        context.User = Principal(
            new Claim(AccessPolicies.CouncilClaim, key.Council),
            new Claim(ClaimTypes.Role, AccessPolicies.RoleOf(key.Role)),
            new Claim(AccessPolicies.KeyClaim, key.KeyId));
        var today = UkTime.TodayInEngland(time.GetUtcNow());
        if (key.LastUsedOn is not { } last || last < today)
        {
            await keys.RecordUseAsync(key.Council, key.KeyId, today, context.RequestAborted);
        }

        return KeyVerdict.Valid;
    }

    /// <summary>The stored key that <paramref name="presented"/> is, if it is one and has not been revoked.</summary>
    private async Task<CouncilKeyRecord?> FindAsync(string presented, byte[] digest, CancellationToken cancellationToken)
    {
        if (!CouncilKey.TryRead(presented, out var council, out var keyId))
        {
            return null;
        }

        var stored = await keys.FindKeyAsync(council, keyId, cancellationToken);
        return stored is { IsRevoked: false } && CryptographicOperations.FixedTimeEquals(stored.Sha256, digest) ? stored : null;
    }

    private static ClaimsPrincipal Principal(params Claim[] claims) => new(new ClaimsIdentity(claims, "ApiKey"));

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Rejected an API key on {Path}")]
    private static partial void LogRejectedKey(ILogger logger, string path);
}
