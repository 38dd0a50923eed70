using System.Text;
using Commissioning.Functions.Plans;
using Commissioning.Functions.Summaries;
using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Functions.Tests.Plans;

public sealed class PlanSubmissionTests(PlanFixture fixture) : IClassFixture<PlanFixture>
{
    private const string Council = CommissioningApi.DemoCouncil;
    private StorageInspector Storage => new(fixture.Azurite);

    private static async Task<JsonObject> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    [Fact]
    public async Task SubmittingAPlanReturns201WithItsScorecardAndLinksAndStoresTheDocumentGuidanceAndRows()
    {
        using var client = await fixture.Api.CouncilAsync();
        var document = TestPlans.Document(reference: "SUBMIT-1");

        var response = await client.PostAsync("/api/plans", TestPlans.Content(document));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Json(response);
        Assert.Equal(1, body["version"]!.GetValue<int>());
        Assert.True(body["created"]!.GetValue<bool>());
        var links = body["links"]!;
        Assert.Equal($"/api/plans/{Council}/SUBMIT-1?version=1", links["scorecard"]!.GetValue<string>());
        Assert.Equal(links["scorecard"]!.GetValue<string>(), response.Headers.Location!.OriginalString);
        Assert.Equal($"/api/plans/{Council}/SUBMIT-1/guidance?format=html&version=1", links["guidanceHtml"]!.GetValue<string>());

        // The scorecard is the domain's own JSON, unchanged.
        var scorecard = System.Text.Json.JsonSerializer.Deserialize<Scorecard>(body["scorecard"]!.ToJsonString(), DomainJson.Options)!;
        Assert.True(JsonNode.DeepEquals(body["scorecard"], JsonNode.Parse(DomainJson.Serialize(scorecard))));
        Assert.Equal(Council, scorecard.CouncilCode);
        Assert.Contains(body["scorecard"]!["overall"]!["band"]!.GetValue<string>(), new[] { "red", "amber", "green" });

        // Raw bytes as submitted, guidance in both formats, and the three rows.
        Assert.Equal(Encoding.UTF8.GetBytes(document), await Storage.Blob("plans", $"{Council}/SUBMIT-1/v1.json"));
        Assert.Equal([$"{Council}/SUBMIT-1/v1.html", $"{Council}/SUBMIT-1/v1.md"], await Storage.BlobNames("guidance", $"{Council}/SUBMIT-1/"));
        var plansRow = Assert.Single(await Storage.Rows("Plans", Council), r => r.RowKey == "SUBMIT-1");
        Assert.Equal(1, plansRow.GetInt32("Version"));
        Assert.Equal(scorecard.Overall.Score, plansRow.GetInt32("Score"));
        var versionRow = Assert.Single(await Storage.Rows("PlanVersions", $"{Council}|SUBMIT-1"));
        Assert.Equal("000001", versionRow.RowKey);
        var week = PlanCalendar.IsoWeek(DateTimeOffset.UtcNow);
        var weekRows = await Storage.Rows("PlansByWeek", $"{Council}|{week}");
        Assert.Single(weekRows, r => r.RowKey == "SUBMIT-1");
        var digest = Assert.Single(weekRows, r => r.RowKey == "~digest-000");   // the week's digest, which the summary reads
        var indexed = WeekDigest.Deserialize(digest.GetString(WeekDigest.PropertyName("SUBMIT-1", 1)));
        Assert.Equal((1, scorecard.Overall, scorecard.Alerts.Count), (indexed.Version, indexed.Overall, indexed.Alerts.Count));
        Assert.Equal(1, fixture.Listener.For("SUBMIT-1"));

        // The links lead somewhere.
        var html = await client.GetAsync(links["guidanceHtml"]!.GetValue<string>());
        var markdown = await client.GetAsync(links["guidanceMarkdown"]!.GetValue<string>());
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Neighbourhood wellbeing hubs", await html.Content.ReadAsStringAsync());
        var read = await Json(await client.GetAsync(links["scorecard"]!.GetValue<string>()));
        Assert.True(JsonNode.DeepEquals(body["scorecard"], read["scorecard"]));
    }

    [Fact]
    public async Task ResubmittingTheSameContentReturnsTheExistingVersionWith200AndWritesNothing()
    {
        using var client = await fixture.Api.CouncilAsync();
        var first = await client.PostAsync("/api/plans", TestPlans.Content(reference: "SAME-1"));
        var reformatted = JsonNode.Parse(TestPlans.Document(reference: "SAME-1"))!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

        var second = await client.PostAsync("/api/plans", TestPlans.Content(reformatted));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var body = await Json(second);
        Assert.Equal(1, body["version"]!.GetValue<int>());
        Assert.False(body["created"]!.GetValue<bool>());
        Assert.Equal([$"{Council}/SAME-1/v1.json"], await Storage.BlobNames("plans", $"{Council}/SAME-1/"));
        Assert.Single(await Storage.Rows("PlanVersions", $"{Council}|SAME-1"));
        Assert.Equal(1, fixture.Listener.For("SAME-1"));
    }

    [Fact]
    public async Task TheSameIdempotencyKeyReturnsTheOriginalVersionEvenIfTheBodyChanged()
    {
        using var client = await fixture.Api.CouncilAsync();
        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/plans") { Content = TestPlans.Content(reference: "IDEM-1") };
        first.Headers.Add("Idempotency-Key", "retry-7f3a");
        using var retry = new HttpRequestMessage(HttpMethod.Post, "/api/plans") { Content = TestPlans.Content(reference: "IDEM-1", change: p => p["title"] = "Changed while retrying") };
        retry.Headers.Add("Idempotency-Key", "retry-7f3a");

        var created = await client.SendAsync(first);
        var repeated = await client.SendAsync(retry);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal(1, (await Json(repeated))["version"]!.GetValue<int>());
        Assert.Single(await Storage.Rows("PlanVersions", $"{Council}|IDEM-1"));
        Assert.Equal(1, fixture.Listener.For("IDEM-1"));
    }

    [Fact]
    public async Task ChangedContentBecomesVersionTwoAndVersionOneAndItsGuidanceStayReadable()
    {
        using var client = await fixture.Api.CouncilAsync();
        await client.PostAsync("/api/plans", TestPlans.Content(reference: "VERS-1", change: p => p["title"] = "First thoughts"));

        var second = await client.PostAsync("/api/plans", TestPlans.Content(reference: "VERS-1", change: p => p["title"] = "Second thoughts"));

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(2, (await Json(second))["version"]!.GetValue<int>());

        var latest = await Json(await client.GetAsync($"/api/plans/{Council}/VERS-1"));
        Assert.Equal(2, latest["version"]!.GetValue<int>());
        Assert.Equal("Second thoughts", latest["title"]!.GetValue<string>());
        Assert.Equal([1, 2], latest["versions"]!.AsArray().Select(v => v!["version"]!.GetValue<int>()));

        var first = await Json(await client.GetAsync($"/api/plans/{Council}/VERS-1?version=1"));
        Assert.Equal(1, first["version"]!.GetValue<int>());
        Assert.Equal(2, first["latestVersion"]!.GetValue<int>());
        Assert.Equal("First thoughts", first["title"]!.GetValue<string>());
        Assert.Contains("First thoughts", await client.GetStringAsync($"/api/plans/{Council}/VERS-1/guidance?format=html&version=1"));
        Assert.Contains("Second thoughts", await client.GetStringAsync($"/api/plans/{Council}/VERS-1/guidance?format=md"));

        var missing = await client.GetAsync($"/api/plans/{Council}/VERS-1?version=3");
        Assert.Contains("version 3", (await ProblemAssert.IsProblem(missing, HttpStatusCode.NotFound))["detail"]!.GetValue<string>());
        Assert.Equal(2, fixture.Listener.For("VERS-1"));
    }

    [Fact]
    public async Task ScoringADraftReturnsTheScorecardAndStoresNothing()
    {
        using var client = await fixture.Api.CouncilAsync();

        var response = await client.PostAsync("/api/plans/score", TestPlans.Content(reference: "DRAFT-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scorecard = await Json(response);
        Assert.Equal("DRAFT-1", scorecard["reference"]!.GetValue<string>());
        Assert.NotEmpty(scorecard["dimensions"]!.AsArray());
        await ProblemAssert.IsProblem(await client.GetAsync($"/api/plans/{Council}/DRAFT-1"), HttpStatusCode.NotFound);
        Assert.Empty(await Storage.BlobNames("plans", $"{Council}/DRAFT-1/"));
        Assert.Equal(0, fixture.Listener.For("DRAFT-1"));
    }

    [Fact]
    public async Task AnInvalidPlanIsRefusedNamingEveryBadFieldByJsonPath()
    {
        using var client = await fixture.Api.CouncilAsync();
        var document = TestPlans.Document(reference: "BAD-1", change: plan =>
        {
            plan["budget"]!["totalValue"] = -5;
            plan["procurement"]!["route"] = "handshake";
            plan.Remove("title");
        });

        var response = await client.PostAsync("/api/plans", TestPlans.Content(document));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
        ProblemAssert.Errors(problem, "$.budget.totalValue");
        ProblemAssert.Errors(problem, "$.procurement.route");
        ProblemAssert.Errors(problem, "$.title");
        Assert.Empty(await Storage.BlobNames("plans", $"{Council}/BAD-1/"));
    }

    [Fact]
    public async Task AReferenceThatCannotBePartOfAnAddressIsRefused()
    {
        using var client = await fixture.Api.CouncilAsync();

        var response = await client.PostAsync("/api/plans", TestPlans.Content(reference: "SBC/2026/014"));

        ProblemAssert.Errors(await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest), "$.reference");
    }

    [Fact]
    public async Task ACouncilsPlansListByWeekAndBandAPageAtATime()
    {
        using var client = await fixture.Api.CouncilAsync("E07000100");
        var bands = new List<string>();
        foreach (var reference in new[] { "LIST-1", "LIST-2", "LIST-3" })
        {
            var created = await Json(await client.PostAsync("/api/plans", TestPlans.Content("E07000100", reference)));
            bands.Add(created["scorecard"]!["overall"]!["band"]!.GetValue<string>());
        }

        var week = PlanCalendar.IsoWeek(DateTimeOffset.UtcNow);
        var firstPage = await Json(await client.GetAsync($"/api/plans/E07000100?week={week}&pageSize=2"));
        var next = firstPage["next"]!.GetValue<string>();
        var secondPage = await Json(await client.GetAsync(next));
        var otherWeek = await Json(await client.GetAsync("/api/plans/E07000100?week=2020-W01"));
        var byBand = await Json(await client.GetAsync($"/api/plans/E07000100?band={bands[0]}"));

        Assert.Equal(2, firstPage["plans"]!.AsArray().Count);
        Assert.Single(secondPage["plans"]!.AsArray());
        Assert.Null(secondPage["next"]);
        Assert.Equal(["LIST-1", "LIST-2", "LIST-3"],
            firstPage["plans"]!.AsArray().Concat(secondPage["plans"]!.AsArray()).Select(p => p!["reference"]!.GetValue<string>()).Order());
        Assert.Empty(otherWeek["plans"]!.AsArray());
        Assert.Equal(bands.Count(b => b == bands[0]), byBand["plans"]!.AsArray().Count);
        Assert.All(byBand["plans"]!.AsArray(), p => Assert.Equal(bands[0], p!["band"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AWeeksListingPagesThroughItsPlansAndNeverShowsTheWeeksDigestRow()
    {
        using var client = await fixture.Api.CouncilAsync("E07000102");
        foreach (var reference in new[] { "PAGE-1", "PAGE-2", "PAGE-3" })
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/plans", TestPlans.Content("E07000102", reference))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/plans", TestPlans.Content("E07000102", "PAGE-2", p => p["title"] = "Second thoughts"))).StatusCode);
        var week = PlanCalendar.IsoWeek(DateTimeOffset.UtcNow);
        var partition = await Storage.Rows("PlansByWeek", $"E07000102|{week}");
        Assert.Equal(["PAGE-1", "PAGE-2", "PAGE-3", "~digest-000"], partition.Select(r => r.RowKey));   // a row the listing must skip

        var listed = new List<JsonNode>();
        var pages = 0;
        for (var next = $"/api/plans/E07000102?week={week}&pageSize=1"; next is not null && pages < 10; pages++)
        {
            var page = await Json(await client.GetAsync(next));
            listed.AddRange(page["plans"]!.AsArray().Select(p => p!));
            next = page["next"]?.GetValue<string>();
        }

        Assert.Equal(3, pages);   // one plan a page, and no page for the digest row after the last plan
        Assert.Equal(["PAGE-1", "PAGE-2", "PAGE-3"], listed.Select(p => p["reference"]!.GetValue<string>()));
        Assert.Equal([1, 2, 1], listed.Select(p => p["version"]!.GetValue<int>()));
        Assert.Equal("Second thoughts", listed[1]["title"]!.GetValue<string>());
        var whole = await Json(await client.GetAsync($"/api/plans/E07000102?week={week}"));
        Assert.Equal(["PAGE-1", "PAGE-2", "PAGE-3"], whole["plans"]!.AsArray().Select(p => p!["reference"]!.GetValue<string>()));
    }
}
