using System.Net;
using System.Text.RegularExpressions;

namespace Commissioning.Functions.Tests.Security;

/// <summary>
/// Keys are compared in constant time: the presented key and the stored one are both reduced to SHA-256 digests of
/// the same length and compared with <c>CryptographicOperations.FixedTimeEquals</c>, never with an equality that stops
/// at the first difference. A timing test on a shared machine would measure the machine; this guards the code.
/// </summary>
public sealed partial class KeyComparisonTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public void KeyMaterialIsComparedOnlyWithFixedTimeEquals()
    {
        var access = Directory.GetFiles(RepositoryPaths.Combine("functions", "Commissioning.Functions", "Access"), "*.cs");
        var keys = File.ReadAllText(access.Single(f => f.EndsWith("ApiKeys.cs", StringComparison.Ordinal)));

        Assert.Equal(2, Regex.Matches(keys, @"CryptographicOperations\.FixedTimeEquals\(").Count);   // the admin key, a council key
        foreach (var file in access)
        {
            var code = File.ReadAllText(file);
            Assert.False(EarlyExit().IsMatch(code), $"{Path.GetFileName(file)} compares key material with an early-exit equality");
        }
    }

    [Fact]
    public async Task AKeyWrongInItsFirstOrItsLastCharacterIsRefusedTheSameWay()
    {
        using var admin = fixture.Api.Admin();
        using var council = await fixture.Api.CouncilAsync("E07000295");
        var key = council.DefaultRequestHeaders.GetValues("X-Api-Key").Single();
        var secret = key.Split('.')[3];
        var prefix = key[..^secret.Length];

        foreach (var wrong in new[] { prefix + (secret[0] == 'A' ? 'B' : 'A') + secret[1..], prefix + secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A') })
        {
            using var client = fixture.Api.WithKey(wrong);
            var problem = await ProblemAssert.IsProblem(await client.GetAsync("/api/plans/E07000295"), HttpStatusCode.Unauthorized);
            Assert.Equal("The key in X-Api-Key is not valid.", (string?)problem["detail"]);
        }
    }

    [GeneratedRegex(@"SequenceEqual\(|string\.Equals\([^)]*(key|Key|digest|Sha256)|(digest|Sha256|presented|AdminKey)\s*==|==\s*(digest|Sha256|presented|AdminKey)")]
    private static partial Regex EarlyExit();
}
