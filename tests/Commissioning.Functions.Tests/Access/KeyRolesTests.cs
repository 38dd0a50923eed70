using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;

namespace Commissioning.Functions.Tests.Access;

/// <summary>
/// Keys that fit the people who hold them: a commissioner's key writes, a councillor's reads and nothing more, the admin
/// lists and revokes them (revocation takes effect on the next request), and each stored version says which key made it.
/// </summary>
public sealed class KeyRolesTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Council = "E07000260";

    private async Task<(HttpClient Client, string KeyId, string Key)> KeyAsync(string role, string note = "")
    {
        using var admin = fixture.Api.Admin();
        var put = await admin.PutAsJsonAsync($"/api/councils/{Council}", new { code = Council, name = "Roles Council", localPostcodeDistricts = new[] { "SG1" } });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var issued = await admin.PostAsJsonAsync($"/api/councils/{Council}/keys", new { role, note });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var body = JsonNode.Parse(await issued.Content.ReadAsStringAsync())!;
        Assert.Equal((role, note), (body["role"]!.GetValue<string>(), body["note"]!.GetValue<string>()));
        var key = body["key"]!.GetValue<string>();
        return (fixture.Api.WithKey(key), body["keyId"]!.GetValue<string>(), key);
    }

    [Fact]
    public async Task ACouncillorsKeyReadsTheCouncilsPlansButCannotSubmitScoreOrRewriteThem()
    {
        var (commissioner, _, _) = await KeyAsync("commissioner");
        Assert.Equal(HttpStatusCode.Created, (await commissioner.PostAsync("/api/plans", TestPlans.Content(Council, "ROLES-1"))).StatusCode);
        var (councillor, _, _) = await KeyAsync("councillor", "cabinet member for communities");

        Assert.Equal(HttpStatusCode.OK, (await councillor.GetAsync($"/api/plans/{Council}/ROLES-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await councillor.GetAsync($"/api/plans/{Council}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await councillor.GetAsync($"/api/plans/{Council}/ROLES-1/guidance?format=md")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await councillor.GetAsync($"/api/councils/{Council}")).StatusCode);

        foreach (var refused in new[]
                 {
                     await councillor.PostAsync("/api/plans", TestPlans.Content(Council, "ROLES-2")),
                     await councillor.PostAsync("/api/plans/score", TestPlans.Content(Council, "ROLES-2")),
                     await councillor.PostAsync($"/api/plans/{Council}/ROLES-1/narrative", null),
                 })
        {
            var problem = await ProblemAssert.IsProblem(refused, HttpStatusCode.Forbidden);
            Assert.StartsWith("This is a councillor's key: it can read", (string?)problem["detail"], StringComparison.Ordinal);
        }

        var history = JsonNode.Parse(await councillor.GetStringAsync($"/api/plans/{Council}/ROLES-1"))!;
        Assert.Equal(1, (int?)history["latestVersion"]);
    }

    [Fact]
    public async Task AKeyIssuedBeforeRolesIsACommissionersKey()
    {
        var (_, keyId, key) = await KeyAsync("commissioner");
        // A row as keys were stored before roles: no Role, no Note.
        var table = new TableClient(fixture.Azurite.ConnectionString, "CouncilKeys");
        var row = (await table.GetEntityAsync<TableEntity>(Council, keyId)).Value;
        row.Remove("Role");
        row.Remove("Note");
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace);

        using var legacy = fixture.Api.WithKey(key);
        Assert.Equal(HttpStatusCode.Created, (await legacy.PostAsync("/api/plans", TestPlans.Content(Council, "ROLES-LEGACY"))).StatusCode);
    }

    [Fact]
    public async Task TheAdminListsAKeysRoleNoteDatesAndRevocationButNeverItsSecretOrHash()
    {
        var (council, keyId, key) = await KeyAsync("councillor", "ward councillors");
        Assert.Equal(HttpStatusCode.OK, (await council.GetAsync($"/api/plans/{Council}")).StatusCode);
        using var admin = fixture.Api.Admin();

        var text = await admin.GetStringAsync($"/api/councils/{Council}/keys");

        var listed = JsonNode.Parse(text)!["keys"]!.AsArray().Single(k => (string?)k!["keyId"] == keyId)!;
        Assert.Equal(("councillor", "ward councillors"), ((string?)listed["role"], (string?)listed["note"]));
        Assert.Equal(UkTime.TodayInEngland(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (string?)listed["lastUsedOn"]);
        Assert.Null(listed["revokedAt"]);
        Assert.NotNull(listed["issuedAt"]);
        Assert.DoesNotContain(key.Split('.')[3], text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARevokedKeyIsRefusedOnTheNextRequestAndRevokingAgainChangesNothing()
    {
        var (council, keyId, _) = await KeyAsync("commissioner", "to be withdrawn");
        Assert.Equal(HttpStatusCode.OK, (await council.GetAsync($"/api/plans/{Council}")).StatusCode);
        using var admin = fixture.Api.Admin();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/councils/{Council}/keys/{keyId}")).StatusCode);
        var refused = await ProblemAssert.IsProblem(await council.GetAsync($"/api/plans/{Council}"), HttpStatusCode.Unauthorized);
        Assert.Equal("The key in X-Api-Key is not valid.", (string?)refused["detail"]);

        var first = JsonNode.Parse(await admin.GetStringAsync($"/api/councils/{Council}/keys"))!["keys"]!.AsArray().Single(k => (string?)k!["keyId"] == keyId)!["revokedAt"]!.GetValue<DateTimeOffset>();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/councils/{Council}/keys/{keyId}")).StatusCode);
        var again = JsonNode.Parse(await admin.GetStringAsync($"/api/councils/{Council}/keys"))!["keys"]!.AsArray().Single(k => (string?)k!["keyId"] == keyId)!["revokedAt"]!.GetValue<DateTimeOffset>();
        Assert.Equal(first, again);

        await ProblemAssert.IsProblem(await admin.DeleteAsync($"/api/councils/{Council}/keys/000000000000"), HttpStatusCode.NotFound);
        var bad = await ProblemAssert.IsProblem(await admin.DeleteAsync($"/api/councils/{Council}/keys/not-a-key"), HttpStatusCode.BadRequest);
        Assert.NotEmpty(ProblemAssert.Errors(bad, "route.keyId"));
    }

    [Fact]
    public async Task AnUnknownRoleOrAnOverlongNoteIsRefusedByItsPath()
    {
        using var admin = fixture.Api.Admin();
        await admin.PutAsJsonAsync($"/api/councils/{Council}", new { code = Council, name = "Roles Council" });

        var role = await ProblemAssert.IsProblem(await admin.PostAsJsonAsync($"/api/councils/{Council}/keys", new { role = "mayor" }), HttpStatusCode.BadRequest);
        Assert.Equal(["must be commissioner or councillor"], ProblemAssert.Errors(role, "$.role"));
        var note = await ProblemAssert.IsProblem(await admin.PostAsJsonAsync($"/api/councils/{Council}/keys", new { note = new string('n', 201) }), HttpStatusCode.BadRequest);
        Assert.NotEmpty(ProblemAssert.Errors(note, "$.note"));
    }

    [Fact]
    public async Task EachStoredVersionSaysWhichKeyOrTheAdminStoredIt()
    {
        var (commissioner, keyId, _) = await KeyAsync("commissioner");
        using var admin = fixture.Api.Admin();
        Assert.Equal(HttpStatusCode.Created, (await commissioner.PostAsync("/api/plans", TestPlans.Content(Council, "ROLES-AUDIT"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/plans", TestPlans.Content(Council, "ROLES-AUDIT", p => p["title"] = "Revised by the operator"))).StatusCode);

        var text = await commissioner.GetStringAsync($"/api/plans/{Council}/ROLES-AUDIT");

        var versions = JsonNode.Parse(text)!["versions"]!.AsArray();
        Assert.Equal(("commissioner", keyId), ((string?)versions[0]!["submittedBy"]!["kind"], (string?)versions[0]!["submittedBy"]!["keyId"]));
        Assert.Equal("admin", (string?)versions[1]!["submittedBy"]!["kind"]);
        Assert.Null(versions[1]!["submittedBy"]!["keyId"]);
    }
}
