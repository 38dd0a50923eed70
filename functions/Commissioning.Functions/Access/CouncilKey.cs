using System.Security.Cryptography;

namespace Commissioning.Functions.Access;

/// <summary>
/// A council key: <c>kil.{council}.{keyId}.{secret}</c>. The council and key id let the handler find the stored
/// hash with one point read; the secret is 32 random bytes. Only the SHA-256 of the whole key is stored.
/// </summary>
public sealed record CouncilKey(string Council, string KeyId, string Value)
{
    private const string Prefix = "kil";

    public static CouncilKey Issue(string council)
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return new CouncilKey(council, keyId, $"{Prefix}.{council}.{keyId}.{secret}");
    }

    public static bool TryRead(string value, out string council, out string keyId)
    {
        council = keyId = string.Empty;
        var parts = value.Split('.');
        if (parts is not [Prefix, { Length: > 0 } c, { Length: 12 } k, { Length: > 0 }])
        {
            return false;
        }

        council = c;
        keyId = k;
        return CouncilCode.TryNormalise(c, out _) && k.All(char.IsAsciiHexDigitLower);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
