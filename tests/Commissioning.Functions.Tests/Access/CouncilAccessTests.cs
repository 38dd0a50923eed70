using Azure.Data.Tables;
using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Functions.Tests.Access;

public sealed class CouncilAccessTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static object Council(string code, string name = "Stevenage Borough Council") => new
    {
        code,
        name,
        localPostcodeDistricts = new[] { "sg1", "SG2" },
        councillors = new[] { new { name = "Cllr A", ward = "Bedwell", email = "a@example.gov.uk" } },
        channels = new[] { new { name = "Commissioning", kind = "teams", webhook = "StevenageTeams", events = new[] { "red-or-alerts" } } },
    };

    [Fact]
    public async Task TheAdminRegistersACouncilAndReadsItBackNormalised()
    {
        using var admin = fixture.Api.Admin();

        var created = await admin.PutAsJsonAsync("/api/councils/E07000200", Council("E07000200"));
        var replaced = await admin.PutAsJsonAsync("/api/councils/E07000200", Council("E07000200", "Renamed"));
        var read = await admin.GetAsync("/api/councils/E07000200");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var body = JsonNode.Parse(await read.Content.ReadAsStringAsync())!;
        Assert.Equal("Renamed", body["name"]!.GetValue<string>());
        Assert.Equal(["SG1", "SG2"], body["localPostcodeDistricts"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal("red-or-alerts", body["channels"]![0]!["events"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task ACouncilRecordWithAWebhookUrlInsteadOfASettingNameIsRefusedByPath()
    {
        using var admin = fixture.Api.Admin();
        var council = JsonNode.Parse(await JsonContent.Create(Council("E07000201")).ReadAsStringAsync())!.AsObject();
        council["channels"]![0]!["webhook"] = "https://example.webhook.office.com/secret";
        council["localPostcodeDistricts"]![1] = "not a district";

        var response = await admin.PutAsync("/api/councils/E07000201", TestPlans.Content(council.ToJsonString()));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
        Assert.Contains("never the URL", ProblemAssert.Errors(problem, "$.channels[0].webhook")[0]);
        Assert.Contains("postcode district", ProblemAssert.Errors(problem, "$.localPostcodeDistricts[1]")[0]);
    }

    [Fact]
    public async Task AWebhookOnAHostThatIsNotTeamsOrSlackIsRefusedWhenTheCouncilIsConfigured()
    {
        using var admin = fixture.Api.Admin();
        var council = JsonNode.Parse(await JsonContent.Create(Council("E07000214")).ReadAsStringAsync())!.AsObject();
        council["channels"]![0]!["webhook"] = "ElsewhereHook";
        council["channels"]![0]!["kind"] = "slack";

        var response = await admin.PutAsync("/api/councils/E07000214", TestPlans.Content(council.ToJsonString()));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
        Assert.Contains("hooks.example.com", ProblemAssert.Errors(problem, "$.channels[0].webhook")[0]);
        Assert.DoesNotContain("secret-path", problem.ToJsonString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/councils/E07000214")).StatusCode);
    }

    [Fact]
    public async Task AWebhookSettingThatDoesNotExistIsRefusedWhenTheCouncilIsConfigured()
    {
        using var admin = fixture.Api.Admin();
        var council = JsonNode.Parse(await JsonContent.Create(Council("E07000215")).ReadAsStringAsync())!.AsObject();
        council["channels"]![0]!["webhook"] = "NoSuchSetting";

        var response = await admin.PutAsync("/api/councils/E07000215", TestPlans.Content(council.ToJsonString()));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(ProblemAssert.Errors(problem, "$.channels[0].webhook"));
    }

    [Fact]
    public async Task ACouncilWhoseCodeDiffersFromTheAddressIsRefused()
    {
        using var admin = fixture.Api.Admin();

        var response = await admin.PutAsJsonAsync("/api/councils/E07000202", Council("E07000203"));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
        Assert.Contains("E07000202", ProblemAssert.Errors(problem, "$.code")[0]);
    }

    [Fact]
    public async Task AnIssuedKeyIsShownOnceAndOnlyItsHashIsStored()
    {
        using var admin = fixture.Api.Admin();
        await admin.PutAsJsonAsync("/api/councils/E07000204", Council("E07000204"));

        var response = await admin.PostAsync("/api/councils/E07000204/keys", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var key = issued["key"]!.GetValue<string>();
        Assert.StartsWith("kil.E07000204.", key);
        Assert.Contains("shown once", issued["message"]!.GetValue<string>());
        Assert.Equal(("commissioner", ""), (issued["role"]!.GetValue<string>(), issued["note"]!.GetValue<string>()));

        var table = new TableClient(fixture.Azurite.ConnectionString, "CouncilKeys");
        var rows = await table.QueryAsync<TableEntity>(e => e.PartitionKey == "E07000204").ToListAsync();
        var row = Assert.Single(rows);
        Assert.Equal(issued["keyId"]!.GetValue<string>(), row.RowKey);
        Assert.DoesNotContain(row, pair => pair.Value is string s && s.Contains(key.Split('.')[3], StringComparison.Ordinal));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))), row.GetString("Sha256"));

        using var council = fixture.Api.WithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await council.GetAsync("/api/councils/E07000204")).StatusCode);
    }

    [Fact]
    public async Task ManagingCouncilsNeedsTheAdminKey()
    {
        using var anonymous = fixture.Api.Anonymous();
        using var wrong = fixture.Api.WithKey("not-a-key");
        using var council = await fixture.Api.CouncilAsync("E07000205");

        var noKey = await anonymous.PutAsJsonAsync("/api/councils/E07000206", Council("E07000206"));
        var badKey = await wrong.PutAsJsonAsync("/api/councils/E07000206", Council("E07000206"));
        var councilKey = await council.PutAsJsonAsync("/api/councils/E07000205", Council("E07000205"));
        var councilIssuing = await council.PostAsync("/api/councils/E07000205/keys", null);

        Assert.Contains("X-Api-Key", (await ProblemAssert.IsProblem(noKey, HttpStatusCode.Unauthorized))["detail"]!.GetValue<string>());
        Assert.Contains("not valid", (await ProblemAssert.IsProblem(badKey, HttpStatusCode.Unauthorized))["detail"]!.GetValue<string>());
        Assert.Contains("admin key", (await ProblemAssert.IsProblem(councilKey, HttpStatusCode.Forbidden))["detail"]!.GetValue<string>());
        await ProblemAssert.IsProblem(councilIssuing, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AKeyForgedWithAnotherCouncilsKeyIdIsRejected()
    {
        using var council = await fixture.Api.CouncilAsync("E07000207");
        var key = council.DefaultRequestHeaders.GetValues("X-Api-Key").Single();
        var parts = key.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{parts[2]}.{new string('A', parts[3].Length)}";
        using var forger = fixture.Api.WithKey(forged);

        var response = await forger.GetAsync("/api/councils/E07000207");

        await ProblemAssert.IsProblem(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ACouncilKeyCannotReadAnotherCouncilsRecord()
    {
        using var a = await fixture.Api.CouncilAsync("E07000208");
        using var b = await fixture.Api.CouncilAsync("E07000209");

        var response = await a.GetAsync("/api/councils/E07000209");

        Assert.Contains("E07000209", (await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden))["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task IssuingAKeyForAnUnregisteredCouncilIsNotFound()
    {
        using var admin = fixture.Api.Admin();

        var response = await admin.PostAsync("/api/councils/E07000299/keys", null);

        Assert.Contains("PUT /api/councils/E07000299", (await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound))["detail"]!.GetValue<string>());
    }
}
