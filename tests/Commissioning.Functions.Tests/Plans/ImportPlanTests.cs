using Commissioning.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Commissioning.Functions.Tests.Plans;

/// <summary>
/// Importing a plan with the date it was originally submitted: the admin's alone, never in the future, dated and
/// scored as of that day, in that day's week and its summary, shown as imported in the history; otherwise a submission.
/// </summary>
public sealed class ImportPlanTests : IAsyncLifetime
{
    private const string Council = "E07000244";
    private static readonly DateTimeOffset Now = new(2026, 3, 18, 10, 0, 0, TimeSpan.Zero);   // Wednesday of 2026-W12
    private readonly FakeClock _clock = new(Now);
    private Azurite _azurite = null!;
    private CommissioningApi _api = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartNewAsync();
        _api = new CommissioningApi(_azurite, services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(_clock);
        });
        _admin = _api.Admin();
        var put = await _admin.PutAsJsonAsync($"/api/councils/{Council}", new
        {
            code = Council,
            name = "Import Council",
            localPostcodeDistricts = new[] { "SG1", "SG2" },
            channels = new[] { new { name = "Commissioning", kind = "teams", webhook = "StevenageTeams", events = new[] { "red-or-alerts" } } },
        });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _api.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    private static string Plan(string reference, Action<JsonObject>? change = null) => TestPlans.Document(Council, reference, change);

    private Task<HttpResponseMessage> ImportAsync(string document, string? submittedAt, HttpClient? client = null) =>
        (client ?? _admin).PostAsync(submittedAt is null ? "/api/plans/import" : $"/api/plans/import?submittedAt={Uri.EscapeDataString(submittedAt)}",
            TestPlans.Content(document));

    private static async Task<JsonObject> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    private async Task<HttpClient> CouncilKeyAsync(string role)
    {
        var issued = await _admin.PostAsJsonAsync($"/api/councils/{Council}/keys", new { role });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        return _api.WithKey((await Json(issued))["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnImportedVersionKeepsItsOriginalDateAndTheHistorySaysItWasImported()
    {
        var response = await ImportAsync(Plan("IMPORT-1"), "2026-02-03T09:30:00Z");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Json(response);
        Assert.Equal(1, body["version"]!.GetValue<int>());
        Assert.Equal(new DateTimeOffset(2026, 2, 3, 9, 30, 0, TimeSpan.Zero), body["submittedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(Now, body["importedAt"]!.GetValue<DateTimeOffset>());

        var plan = await Json(await _admin.GetAsync($"/api/plans/{Council}/IMPORT-1"));
        Assert.Equal(Now, plan["importedAt"]!.GetValue<DateTimeOffset>());
        var history = Assert.Single(plan["versions"]!.AsArray())!;
        Assert.Equal(new DateTimeOffset(2026, 2, 3, 9, 30, 0, TimeSpan.Zero), history["submittedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(Now, history["importedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("2026-W06", history["isoWeek"]!.GetValue<string>());
        Assert.Equal("admin", history["submittedBy"]!["kind"]!.GetValue<string>());

        // A plan submitted now says nothing of an import.
        var submitted = await _admin.PostAsync("/api/plans", TestPlans.Content(Plan("SUBMIT-NOW")));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.False((await Json(submitted)).ContainsKey("importedAt"));
        var listed = await Json(await _admin.GetAsync($"/api/plans/{Council}"));
        Assert.Equal(["IMPORT-1"], listed["plans"]!.AsArray().Where(p => p!["importedAt"] is not null).Select(p => p!["reference"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AnImportedPlanIsScoredWithTheThresholdsInForceOnItsOriginalDate()
    {
        // No planned tender date, so the thresholds come from the day it was submitted: 2025's before 2026's.
        static void Undated(JsonObject plan)
        {
            plan["procurement"]!.AsObject().Remove("plannedTenderDate");
            plan["service"]!["lightTouch"] = false;   // goods and services: £214,904 until 2025, £207,720 from 2026
        }

        var imported = await Json(await ImportAsync(Plan("IMPORT-2025", Undated), "2025-12-15T12:00:00+00:00"));
        var now = await Json(await _admin.PostAsync("/api/plans", TestPlans.Content(Plan("SUBMIT-2026", Undated))));

        Assert.Equal("2025-12-15", imported["scorecard"]!["scoredFor"]!.GetValue<string>());
        Assert.Equal("2026-03-18", now["scorecard"]!["scoredFor"]!.GetValue<string>());
        Assert.Contains("214,904", imported["scorecard"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("207,720", now["scorecard"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("214,904", now["scorecard"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheAdminKeyMayImportAPlan()
    {
        using var commissioner = await CouncilKeyAsync("commissioner");
        using var councillor = await CouncilKeyAsync("councillor");
        using var anonymous = _api.Anonymous();

        await ProblemAssert.IsProblem(await ImportAsync(Plan("IMPORT-KEY"), "2026-02-03T09:30:00Z", commissioner), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(await ImportAsync(Plan("IMPORT-KEY"), "2026-02-03T09:30:00Z", councillor), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(await ImportAsync(Plan("IMPORT-KEY"), "2026-02-03T09:30:00Z", anonymous), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblem(await _admin.GetAsync($"/api/plans/{Council}/IMPORT-KEY"), HttpStatusCode.NotFound);

        // A council key's own submission cannot carry a date either: the route takes none and the plan is dated now.
        var submitted = await Json(await commissioner.PostAsync("/api/plans?submittedAt=2026-02-03T09:30:00Z", TestPlans.Content(Plan("IMPORT-KEY"))));
        Assert.Equal(Now, submitted["submittedAt"]!.GetValue<DateTimeOffset>());
        Assert.False(submitted.ContainsKey("importedAt"));
    }

    [Theory]
    [InlineData("2026-03-18T10:00:01Z", "is in the future")]        // a second after now
    [InlineData("2026-03-19T00:30:00+01:00", "is in the future")]   // tomorrow in the UK
    [InlineData("2026-02-03T09:30:00", "with its offset")]          // no offset: which day is it?
    [InlineData("2026-02-03", "with its offset")]
    [InlineData("last tuesday", "with its offset")]
    [InlineData("1999-12-31T23:00:00Z", "from 2000")]
    [InlineData(null, "is required")]
    public async Task AFutureMissingOrUnclearDateIsRefusedByItsPath(string? submittedAt, string says)
    {
        var problem = await ProblemAssert.IsProblem(await ImportAsync(Plan("IMPORT-DATE"), submittedAt), HttpStatusCode.BadRequest);

        Assert.Contains(says, Assert.Single(ProblemAssert.Errors(problem, "query.submittedAt")), StringComparison.Ordinal);
        await ProblemAssert.IsProblem(await _admin.GetAsync($"/api/plans/{Council}/IMPORT-DATE"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ABadDateAndABadPlanAreReportedTogether()
    {
        var problem = await ProblemAssert.IsProblem(await ImportAsync(Plan("IMPORT-BAD", p => p["title"] = ""), "2030-01-01T00:00:00Z"), HttpStatusCode.BadRequest);

        Assert.Contains("is in the future", ProblemAssert.Errors(problem, "query.submittedAt")[0], StringComparison.Ordinal);
        Assert.NotEmpty(ProblemAssert.Errors(problem, "$.title"));
    }

    [Fact]
    public async Task AnImportedPlanIsInTheSummaryOfItsOriginalWeekAndNotOfTheWeekItWasImported()
    {
        Assert.Equal(HttpStatusCode.Created, (await ImportAsync(Plan("IMPORT-W06", p => p["title"] = "Lunch clubs from February"), "2026-02-03T09:30:00Z")).StatusCode);

        Assert.Single((await Json(await _admin.GetAsync($"/api/plans/{Council}?week=2026-W06")))["plans"]!.AsArray());
        Assert.Empty((await Json(await _admin.GetAsync($"/api/plans/{Council}?week=2026-W12")))["plans"]!.AsArray());

        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 23, 9, 0, 0, TimeSpan.Zero));   // Monday of 2026-W13: W12 has ended
        var original = await _admin.GetStringAsync($"/api/summaries/{Council}/2026-W06?format=md");
        var imported = await _admin.GetStringAsync($"/api/summaries/{Council}/2026-W12?format=md");

        Assert.Contains("Lunch clubs from February", original, StringComparison.Ordinal);
        Assert.Contains("IMPORT-W06", original, StringComparison.Ordinal);
        Assert.DoesNotContain("IMPORT-W06", imported, StringComparison.Ordinal);
        Assert.Contains("No plans were submitted this week.", imported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportsAreIdempotentMakeVersionsOldestFirstAndTellNoChannel()
    {
        var first = Plan("IMPORT-V", p => p["title"] = "Youth outreach (outline only)");
        var revised = Plan("IMPORT-V", p => p["title"] = "Youth outreach");

        Assert.Equal(HttpStatusCode.Created, (await ImportAsync(first, "2026-01-12T09:00:00Z")).StatusCode);
        var again = await ImportAsync(first, "2026-01-12T09:00:00Z");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, (await Json(again))["version"]!.GetValue<int>());

        var second = await ImportAsync(revised, "2026-01-26T15:00:00Z");
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(2, (await Json(second))["version"]!.GetValue<int>());

        var earlier = await ProblemAssert.IsProblem(await ImportAsync(Plan("IMPORT-V", p => p["title"] = "Older still"), "2026-01-19T09:00:00Z"), HttpStatusCode.Conflict);
        Assert.Contains("oldest first", earlier["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var plan = await Json(await _admin.GetAsync($"/api/plans/{Council}/IMPORT-V"));
        Assert.Equal([("2026-W03", 1), ("2026-W05", 2)],
            plan["versions"]!.AsArray().Select(v => (v!["isoWeek"]!.GetValue<string>(), v["version"]!.GetValue<int>())));

        // A red plan submitted now reaches the red-or-alerts channel; the same plan imported does not.
        var red = """{"schemaVersion": "1.0", "council": {"code": "E07000244"}, "reference": "RED", "title": "Outline only"}""";
        var storage = new StorageInspector(_azurite);
        var importedRed = await ImportAsync(red.Replace("\"RED\"", "\"IMPORT-RED\"", StringComparison.Ordinal), "2026-02-03T09:30:00Z");
        Assert.Equal("red", (await Json(importedRed))["scorecard"]!["overall"]!["band"]!.GetValue<string>());
        Assert.Empty(await storage.Rows("Outbox", Council));
        Assert.Equal(HttpStatusCode.Created, (await _admin.PostAsync("/api/plans", TestPlans.Content(red.Replace("\"RED\"", "\"SUBMIT-RED\"", StringComparison.Ordinal)))).StatusCode);
        Assert.Contains(await storage.Rows("Outbox", Council), row => row.RowKey.StartsWith("plan-SUBMIT-RED-v1", StringComparison.Ordinal));
    }
}
