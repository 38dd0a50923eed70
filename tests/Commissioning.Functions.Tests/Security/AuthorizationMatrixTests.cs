using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Commissioning.Functions.Tests.Security;

/// <summary>
/// Every HTTP function of the build (read from functions.metadata, as the host reads it) called with every kind of key,
/// each answered as the matrix says. A function added without a row, or a row without a function, fails the test.
/// </summary>
public sealed class AuthorizationMatrixTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Council = "E07000270";
    private const string Other = "E07000271";

    /// <summary>The kinds of key every function is called with, in the order of each row.</summary>
    public static readonly string[] Kinds = ["none", "malformed", "unknown", "revoked", "other council", "councillor", "commissioner", "admin"];

    // What a public function answers to everyone, what a read answers to readers, and so on: 0 means "anything but 401/403".
    private static int[] Public(int ok) => [ok, ok, ok, ok, ok, ok, ok, ok];
    private static int[] Read(int ok) => [401, 401, 401, 401, 403, ok, ok, ok];
    private static int[] Write(int ok) => [401, 401, 401, 401, 403, 403, ok, ok];
    private static int[] AdminOnly(int ok) => [401, 401, 401, 401, 403, 403, 403, ok];

    /// <summary>The matrix: function → the status for each kind of key (<see cref="Kinds"/>).</summary>
    private static readonly Dictionary<string, int[]> Matrix = new()
    {
        ["SubmitPlan"] = Write(201),
        ["ScorePlan"] = Write(200),
        ["GetPlan"] = Read(200),
        ["ListPlans"] = Read(200),
        ["GetGuidance"] = Read(200),
        ["RegenerateNarrative"] = Write(200),
        ["GetCouncil"] = Read(200),
        ["PutCouncil"] = AdminOnly(200),
        ["IssueCouncilKey"] = AdminOnly(201),
        ["ListCouncilKeys"] = AdminOnly(200),
        ["RevokeCouncilKey"] = AdminOnly(404),   // a key id the council does not have: the admin gets through to the function
        ["GetDeliveries"] = AdminOnly(200),
        ["GetSummary"] = Read(200),
        ["RunSummary"] = AdminOnly(200),
        ["Rubric"] = Public(200),
        ["PlanSchema"] = Public(200),
        ["Health"] = Public(200),
        ["OpenApi"] = Public(200),
        ["WebApp"] = Public(200),
        ["DescribeKey"] = [401, 401, 401, 401, 200, 200, 200, 200],   // any valid key may ask what it is
        ["ImportPlan"] = AdminOnly(201),
        ["ScoreNotices"] = Write(200),
        ["ImportNotices"] = Write(200),
        ["ListNotices"] = Read(200),
        ["GetNotice"] = Read(200),
        ["GetNoticeGuidance"] = Read(200),
        ["RegenerateNoticeNarrative"] = Write(200),
    };

    [Fact]
    public async Task EveryFunctionAnswersEveryKindOfKeyAsTheMatrixSays()
    {
        var functions = FunctionsMetadata.Http();
        Assert.Equal(Matrix.Keys.Order(), functions.Select(f => f.Name).Order());   // a function without a row, or a row without a function

        var keys = await KeysAsync();
        var reference = await SeedPlanAsync(keys["commissioner"]);
        await SeedNoticeAsync();
        var mismatches = new List<string>();
        var cells = 0;
        foreach (var function in functions)
        {
            for (var kind = 0; kind < Kinds.Length; kind++)
            {
                using var request = Request(function, reference, $"MATRIX-{function.Name}-{kind}");
                if (keys[Kinds[kind]] is { } key)
                {
                    request.Headers.Add("X-Api-Key", key);
                }

                using var client = fixture.Api.Anonymous();
                using var response = await client.SendAsync(request);
                cells++;
                var expected = Matrix[function.Name][kind];
                var status = (int)response.StatusCode;
                if (status != expected)
                {
                    mismatches.Add($"{function.Name} × {Kinds[kind]}: expected {expected}, got {status} {await response.Content.ReadAsStringAsync()}");
                }
                else if (status is 401 or 403)
                {
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                }
            }
        }

        Assert.Equal(Matrix.Count * Kinds.Length, cells);
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {cells} cells differ:\n" + string.Join('\n', mismatches));
    }

    /// <summary>One key of each kind (null: no header).</summary>
    private async Task<Dictionary<string, string?>> KeysAsync()
    {
        using var admin = fixture.Api.Admin();
        foreach (var code in new[] { Council, Other })
        {
            (await admin.PutAsJsonAsync($"/api/councils/{code}", new
            {
                code,
                name = $"Council {code}",
                localPostcodeDistricts = new[] { "SG1" },
                buyerIdentifiers = new[] { Notices.NoticeFiles.LancashireIdentifier },
            })).EnsureSuccessStatusCode();
        }

        async Task<(string Key, string Id)> Issue(string code, string role)
        {
            var issued = JsonNode.Parse(await (await admin.PostAsJsonAsync($"/api/councils/{code}/keys", new { role })).Content.ReadAsStringAsync())!;
            return (issued["key"]!.GetValue<string>(), issued["keyId"]!.GetValue<string>());
        }

        var revoked = await Issue(Council, "commissioner");
        (await admin.DeleteAsync($"/api/councils/{Council}/keys/{revoked.Id}")).EnsureSuccessStatusCode();
        return new Dictionary<string, string?>
        {
            ["none"] = null,
            ["malformed"] = "not a key at all",
            ["unknown"] = $"kil.{Council}.0123456789ab.{new string('A', 43)}",
            ["revoked"] = revoked.Key,
            ["other council"] = (await Issue(Other, "commissioner")).Key,
            ["councillor"] = (await Issue(Council, "councillor")).Key,
            ["commissioner"] = (await Issue(Council, "commissioner")).Key,
            ["admin"] = CommissioningApi.AdminKey,
        };
    }

    private async Task<string> SeedPlanAsync(string? commissionerKey)
    {
        using var client = fixture.Api.WithKey(commissionerKey!);
        var response = await client.PostAsync("/api/plans", TestPlans.Content(Council, "MATRIX-SEED"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return "MATRIX-SEED";
    }

    /// <summary>A published notice of the council's, so that reading it and its guidance gets through to the function.</summary>
    private async Task SeedNoticeAsync()
    {
        using var admin = fixture.Api.Admin();
        var response = await admin.PostAsync($"/api/notices/{Council}", Notices.NoticeFiles.Content(Notices.NoticeFiles.Lancashire));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A request to the function with real route values and, where it takes one, a valid body.</summary>
    private static HttpRequestMessage Request(FunctionsMetadata.HttpFunction function, string reference, string freshReference)
    {
        var endedWeek = Domain.Summaries.IsoWeek.Of(UkTime.TodayInEngland(DateTimeOffset.UtcNow)).AddWeeks(-2);
        var path = function.Route
            .Replace("{council}", Council).Replace("{code}", Council).Replace("{reference}", reference)
            .Replace("{ocid}", Notices.NoticeFiles.LancashireOcid).Replace("{isoWeek}", endedWeek.ToString()).Replace("{keyId}", "000000000000").Replace("{*path}", string.Empty);
        var query = function.Name switch
        {
            "RunSummary" => $"?week={endedWeek}",
            "ImportPlan" => $"?submittedAt={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-30).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture))}",
            _ => string.Empty,
        };
        var request = new HttpRequestMessage(new HttpMethod(function.Methods[0]), $"/api/{path}{query}");
        request.Content = function.Name switch
        {
            "SubmitPlan" or "ScorePlan" or "ImportPlan" => TestPlans.Content(Council, freshReference),
            "PutCouncil" => new StringContent($$"""{"code":"{{Council}}","name":"Council {{Council}}","localPostcodeDistricts":["SG1"]}""", Encoding.UTF8, "application/json"),
            "IssueCouncilKey" => new StringContent("""{"role":"councillor","note":"matrix"}""", Encoding.UTF8, "application/json"),
            "ScoreNotices" or "ImportNotices" => Notices.NoticeFiles.Content(Notices.NoticeFiles.Lancashire),
            _ => null,
        };
        return request;
    }
}

/// <summary>The functions the build declared in functions.metadata, as the Functions host reads them.</summary>
public static class FunctionsMetadata
{
    public sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods);

    public static IReadOnlyList<HttpFunction> Http() =>
    [
        .. JsonNode.Parse(File.ReadAllText(BuiltApp.PathOf("functions.metadata")))!.AsArray()
            .Select(f => (Name: (string)f!["name"]!, Trigger: f["bindings"]!.AsArray().Single(b => ((string)b!["type"]!).EndsWith("Trigger", StringComparison.Ordinal))!))
            .Where(f => (string)f.Trigger["type"]! == "httpTrigger")
            .Select(f => new HttpFunction(f.Name, (string)f.Trigger["route"]!, [.. f.Trigger["methods"]!.AsArray().Select(m => ((string)m!).ToUpperInvariant())])),
    ];
}
