namespace Commissioning.Functions.Tests.Notices;

/// <summary>
/// <c>POST /api/notices/{council}</c>: each scored process that is the council's own is stored as a version of its
/// notice, idempotently, with who imported it; another buyer's is scored and reported, never stored; a notice is never a plan.
/// </summary>
public sealed class ImportingNoticesTests(NoticeFixture fixture) : IClassFixture<NoticeFixture>
{
    private const string Lancashire = "E10000017";
    private const string Brent = "E09000005";

    /// <summary>A council (each test its own code) whose record lists Lancashire's buyer identifier.</summary>
    private Task<(HttpClient Client, string KeyId)> LancashireAsync(string code = Lancashire, string role = "commissioner") =>
        fixture.CouncilAsync(code, "Lancashire County Council", [NoticeFiles.LancashireIdentifier], role: role);

    [Fact]
    public async Task ImportingTheCouncilsOwnNoticeStoresItAsVersionOneAndRecordsWhichKeyImportedIt()
    {
        var (client, keyId) = await LancashireAsync();

        var body = await NoticeFixture.Json(await client.PostAsync($"/api/notices/{Lancashire}", NoticeFiles.Content(NoticeFiles.Lancashire)));

        Assert.False((bool)body["replayed"]!);
        Assert.Equal(("commissioner", keyId), ((string?)body["importedBy"]!["kind"], (string?)body["importedBy"]!["keyId"]));
        var result = Assert.Single(body["results"]!.AsArray())!;
        Assert.Equal((NoticeFiles.LancashireOcid, "created", "confirmed", 1), ((string?)result["ocid"], (string?)result["status"], (string?)result["buyerMatch"], (int?)result["version"]));
        Assert.Equal("notice-derived", (string?)result["scorecard"]!["kind"]);
        Assert.Equal($"/api/notices/{Lancashire}/{NoticeFiles.LancashireOcid}?version=1", (string?)result["links"]!["scorecard"]);

        var row = Assert.Single(await fixture.Storage.Rows("Notices", Lancashire));
        Assert.Equal((NoticeFiles.LancashireOcid, 1, "commissioner", keyId), (row.RowKey, row.GetInt32("Version"), row.GetString("ImportedBy"), row.GetString("ImportedByKey")));
        var versions = await fixture.Storage.Rows("NoticeVersions", $"{Lancashire}|{NoticeFiles.LancashireOcid}");
        Assert.Equal(["000001", "latest"], versions.Select(v => v.RowKey).Order(StringComparer.Ordinal));
        var blob = Assert.Single(await fixture.Storage.BlobNames("notices", $"{Lancashire}/{NoticeFiles.LancashireOcid}/"));
        Assert.Equal($"{Lancashire}/{NoticeFiles.LancashireOcid}/{versions[0].GetString("ContentHash")}.json", blob);
        // The blob is the release as sent, as a release package this service reads again.
        var stored = JsonNode.Parse(await fixture.Storage.Blob("notices", blob))!;
        Assert.Equal("ocds-b5fd17raw-de149438-be34-427c-b23c-f0ff1e0ac781", (string?)stored["releases"]![0]!["ocid"]);

        var read = await NoticeFixture.Json(await client.GetAsync((string?)result["links"]!["latest"]));
        Assert.Equal(("commissioner", keyId), ((string?)read["importedBy"]!["kind"], (string?)read["importedBy"]!["keyId"]));
        Assert.Equal(("commissioner", keyId), ((string?)read["imports"]![0]!["importedBy"]!["kind"], (string?)read["imports"]![0]!["importedBy"]!["keyId"]));
    }

    [Fact]
    public async Task TheSameContentAgainIsUnchangedEvenReformattedAndWritesNoNewVersion()
    {
        const string Lancashire = "E07000117";
        var (client, _) = await LancashireAsync(Lancashire);
        await NoticeFixture.Json(await client.PostAsync($"/api/notices/{Lancashire}", NoticeFiles.Content(NoticeFiles.Lancashire)));
        var reformatted = NoticeFiles.Node(NoticeFiles.Lancashire).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        var blobsBefore = await fixture.Storage.BlobNames("notices", $"{Lancashire}/");

        var again = await NoticeFixture.Json(await client.PostAsync($"/api/notices/{Lancashire}", NoticeFiles.Json(reformatted)));
        var gzipped = await NoticeFixture.Json(await client.PostAsync($"/api/notices/{Lancashire}", NoticeFiles.Content(NoticeFiles.Gzip(NoticeFiles.Bytes(NoticeFiles.Lancashire)), gzipHeader: true)));

        foreach (var body in new[] { again, gzipped })
        {
            var result = Assert.Single(body["results"]!.AsArray())!;
            Assert.Equal(("unchanged", 1), ((string?)result["status"], (int?)result["version"]));
        }

        Assert.Equal(["000001", "latest"], (await fixture.Storage.Rows("NoticeVersions", $"{Lancashire}|{NoticeFiles.LancashireOcid}")).Select(v => v.RowKey).Order(StringComparer.Ordinal));
        Assert.Equal(blobsBefore, await fixture.Storage.BlobNames("notices", $"{Lancashire}/"));
    }

    [Fact]
    public async Task AChangedNoticeIsStoredAsANewVersionAndTheHistoryListsBoth()
    {
        var (client, _) = await fixture.CouncilAsync("E06000012", "North East Lincolnshire Council", names: ["Lancashire County Council"]);
        await NoticeFixture.Json(await client.PostAsync("/api/notices/E06000012", NoticeFiles.Content(NoticeFiles.Lancashire)));
        var amended = NoticeFiles.Node(NoticeFiles.Lancashire);
        amended["releases"]![0]!["tender"]!["title"] = "Minor aids and adaptations (amended)";

        var body = await NoticeFixture.Json(await client.PostAsync("/api/notices/E06000012", NoticeFiles.Json(amended.ToJsonString())));

        var result = Assert.Single(body["results"]!.AsArray())!;
        Assert.Equal(("updated", 2, "name-only"), ((string?)result["status"], (int?)result["version"], (string?)result["buyerMatch"]));
        Assert.StartsWith("Stored, flagged: the buyer's name is the council's", (string?)result["reason"]);
        var latest = await NoticeFixture.Json(await client.GetAsync($"/api/notices/E06000012/{NoticeFiles.LancashireOcid}"));
        Assert.Equal((2, 2, "Minor aids and adaptations (amended)"), ((int)latest["version"]!, (int)latest["latestVersion"]!, (string?)latest["scorecard"]!["plan"]!["title"]));
        Assert.Equal([1, 2], latest["imports"]!.AsArray().Select(i => (int)i!["version"]!));
        var first = await NoticeFixture.Json(await client.GetAsync($"/api/notices/E06000012/{NoticeFiles.LancashireOcid}?version=1"));
        Assert.Equal("Minor Aids and Adaptations Service in Lancashire", (string?)first["scorecard"]!["plan"]!["title"]);
        Assert.Equal(2, (await fixture.Storage.BlobNames("notices", $"E06000012/{NoticeFiles.LancashireOcid}/")).Count);
    }

    [Fact]
    public async Task AnIdempotencyKeyUsedAgainAnswersWithWhatTheFirstImportDidAndImportsNothing()
    {
        var (client, _) = await fixture.CouncilAsync("E07000127", "West Lancashire Borough Council", names: ["Lancashire County Council"]);
        var first = new HttpRequestMessage(HttpMethod.Post, "/api/notices/E07000127") { Content = NoticeFiles.Content(NoticeFiles.Lancashire) };
        first.Headers.Add("Idempotency-Key", "import-2026-09-14");
        var created = await NoticeFixture.Json(await client.SendAsync(first));
        var changed = NoticeFiles.Node(NoticeFiles.Lancashire);
        changed["releases"]![0]!["tender"]!["title"] = "Something else entirely";
        var retry = new HttpRequestMessage(HttpMethod.Post, "/api/notices/E07000127") { Content = NoticeFiles.Json(changed.ToJsonString()) };
        retry.Headers.Add("Idempotency-Key", "import-2026-09-14");

        var replayed = await NoticeFixture.Json(await client.SendAsync(retry));

        Assert.True((bool)replayed["replayed"]!);
        Assert.Equal((string?)created["importedAt"], (string?)replayed["importedAt"]);
        var result = Assert.Single(replayed["results"]!.AsArray())!;
        Assert.Equal(("created", 1), ((string?)result["status"], (int?)result["version"]));
        Assert.Equal("Minor Aids and Adaptations Service in Lancashire", (string?)result["scorecard"]!["plan"]!["title"]);
        Assert.Single(await fixture.Storage.BlobNames("notices", "E07000127/"));

        var bad = new HttpRequestMessage(HttpMethod.Post, "/api/notices/E07000127") { Content = NoticeFiles.Content(NoticeFiles.Lancashire) };
        bad.Headers.TryAddWithoutValidation("Idempotency-Key", new string('k', 201));
        var problem = await ProblemAssert.IsProblem(await client.SendAsync(bad), HttpStatusCode.BadRequest);
        Assert.Equal(["must be 1–200 printable characters"], ProblemAssert.Errors(problem, "header.Idempotency-Key"));
    }

    [Fact]
    public async Task AnotherBuyersNoticeIsScoredAndReportedButNeverStoredUnderTheCouncil()
    {
        var (client, _) = await fixture.CouncilAsync(Brent, "Brent Council", names: ["London Borough of Brent"]);
        var package = NoticeFiles.Node(NoticeFiles.FtsTender);
        package["releases"]!.AsArray().Add(NoticeFiles.Node(NoticeFiles.Brent)["releases"]![0]!.DeepClone());

        var body = await NoticeFixture.Json(await client.PostAsync($"/api/notices/{Brent}", NoticeFiles.Json(package.ToJsonString())));

        var results = body["results"]!.AsArray();
        var museum = results.Single(r => (string?)r!["ocid"] == "ocds-h6vhtk-06f17d")!;
        Assert.Equal(("rejected", "other-buyer"), ((string?)museum["status"], (string?)museum["buyerMatch"]));
        Assert.StartsWith("Another buyer's notice: the buyer is Science Museum Group", (string?)museum["reason"]);
        Assert.Equal("notice-derived", (string?)museum["scorecard"]!["kind"]);
        Assert.Null(museum["version"]);
        Assert.Equal("created", (string?)results.Single(r => (string?)r!["ocid"] == NoticeFiles.BrentOcid)!["status"]);

        Assert.Equal([NoticeFiles.BrentOcid], (await fixture.Storage.Rows("Notices", Brent)).Select(r => r.RowKey));
        Assert.Empty(await fixture.Storage.BlobNames("notices", $"{Brent}/ocds-h6vhtk-06f17d/"));
        Assert.Empty(await fixture.Storage.Rows("NoticeVersions", $"{Brent}|ocds-h6vhtk-06f17d"));
        await ProblemAssert.IsProblem(await client.GetAsync($"/api/notices/{Brent}/ocds-h6vhtk-06f17d"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ACouncillorsKeyAnotherCouncilsKeyNoKeyAndAnUnregisteredCouncilAreRefused()
    {
        const string Lancashire = "E07000128";
        var (councillor, _) = await LancashireAsync(Lancashire, "councillor");
        var (brent, _) = await fixture.CouncilAsync(Brent, "Brent Council");

        foreach (var path in new[] { $"/api/notices/{Lancashire}", $"/api/notices/{Lancashire}/score" })
        {
            var refused = await ProblemAssert.IsProblem(await councillor.PostAsync(path, NoticeFiles.Content(NoticeFiles.Lancashire)), HttpStatusCode.Forbidden);
            Assert.StartsWith("This is a councillor's key: it can read this council's plans, notices", (string?)refused["detail"]);
            var other = await ProblemAssert.IsProblem(await brent.PostAsync(path, NoticeFiles.Content(NoticeFiles.Lancashire)), HttpStatusCode.Forbidden);
            Assert.Equal($"This key does not give access to council {Lancashire}.", (string?)other["detail"]);
            using var anonymous = fixture.Api.Anonymous();
            await ProblemAssert.IsProblem(await anonymous.PostAsync(path, NoticeFiles.Content(NoticeFiles.Lancashire)), HttpStatusCode.Unauthorized);
        }

        // A councillor reads the council's notices; another council's key reads none of them.
        Assert.Equal(HttpStatusCode.OK, (await councillor.GetAsync($"/api/notices/{Lancashire}")).StatusCode);
        await ProblemAssert.IsProblem(await brent.GetAsync($"/api/notices/{Lancashire}"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(await brent.GetAsync($"/api/notices/{Lancashire}/{NoticeFiles.LancashireOcid}/guidance"), HttpStatusCode.Forbidden);

        using var admin = fixture.Api.Admin();
        var unregistered = await ProblemAssert.IsProblem(await admin.PostAsync("/api/notices/E06000001", NoticeFiles.Content(NoticeFiles.Lancashire)), HttpStatusCode.NotFound);
        Assert.StartsWith("Council E06000001 is not registered.", (string?)unregistered["detail"]);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/notices/E06000001/score", NoticeFiles.Content(NoticeFiles.Lancashire))).StatusCode);
    }

    [Fact]
    public async Task AnImportedNoticeIsNeverAPlanInListsWeeksOrPlanEvents()
    {
        var (client, _) = await fixture.CouncilAsync("E07000123", "Preston City Council", names: ["Lancashire County Council"]);
        var events = fixture.Listener.Events.Count;

        await NoticeFixture.Json(await client.PostAsync("/api/notices/E07000123", NoticeFiles.Content(NoticeFiles.Lancashire)));

        var plans = await NoticeFixture.Json(await client.GetAsync("/api/plans/E07000123"));
        Assert.Empty(plans["plans"]!.AsArray());
        var week = Commissioning.Functions.Plans.PlanCalendar.IsoWeek(DateTimeOffset.UtcNow);
        Assert.Empty((await NoticeFixture.Json(await client.GetAsync($"/api/plans/E07000123?week={week}")))["plans"]!.AsArray());
        Assert.Empty(await fixture.Storage.Rows("Plans", "E07000123"));
        Assert.Empty(await fixture.Storage.Rows("PlansByWeek", $"E07000123|{week}"));
        Assert.Empty(await fixture.Storage.Rows("Outbox", "E07000123"));
        Assert.Equal(events, fixture.Listener.Events.Count);
        // It is in the notices' own week index instead.
        Assert.Single(await fixture.Storage.Rows("NoticesByWeek", $"E07000123|{week}"));
    }
}
