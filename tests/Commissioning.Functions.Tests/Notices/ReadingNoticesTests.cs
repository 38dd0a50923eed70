namespace Commissioning.Functions.Tests.Notices;

/// <summary>Reading a council's imported notices: the listing (filters and pages), one notice with its history, its guidance.</summary>
public sealed class ReadingNoticesTests(NoticeFixture fixture) : IClassFixture<NoticeFixture>
{
    private const string Hostile = "<script>alert('x')</script> Aids & [links](javascript:alert(1))";

    /// <summary>A council that publishes under several buyers' names, so notices of three portals and shapes are its own.</summary>
    private async Task<HttpClient> ImportedAsync(string code)
    {
        var (client, _) = await fixture.CouncilAsync(code, "Test Borough Council",
            names: ["Science Museum Group", "Lancashire County Council", "Dudley Metropolitan Borough Council", "London Borough of Brent", "Luton Council"]);
        foreach (var file in new[] { NoticeFiles.FtsTender, NoticeFiles.Lancashire, NoticeFiles.Brent, NoticeFiles.ContractsFinderPage })
        {
            await NoticeFixture.Json(await client.PostAsync($"/api/notices/{code}", NoticeFiles.Content(file)));
        }

        return client;
    }

    private static async Task<List<JsonNode>> AllPagesAsync(HttpClient client, string first)
    {
        var items = new List<JsonNode>();
        for (var next = first; next is not null;)
        {
            var page = await NoticeFixture.Json(await client.GetAsync(next));
            items.AddRange(page["notices"]!.AsArray().Select(n => n!));
            next = (string?)page["next"];
        }

        return items;
    }

    [Fact]
    public async Task TheListingPagesThroughEveryImportedNoticeAndFiltersByPublicationDateAndPortal()
    {
        using var client = await ImportedAsync("E08000027");

        var all = await AllPagesAsync(client, "/api/notices/E08000027?pageSize=2");
        var fts = await NoticeFixture.Json(await client.GetAsync("/api/notices/E08000027?portal=find-a-tender"));
        var in2025 = await AllPagesAsync(client, "/api/notices/E08000027?from=2025-01-01&to=2025-12-31&pageSize=1");

        Assert.Equal(6, all.Count);   // FTS, Lancashire, Brent and the page's two Dudley notices and one Luton notice
        Assert.Equal(all.Count, all.Select(n => (string?)n["ocid"]).Distinct().Count());
        Assert.All(all, n => Assert.Equal(("notice-derived", 1), ((string?)n["kind"], (int)n["version"]!)));
        Assert.Equal(3, all[0]!["dimensions"]!.AsArray().Count);
        Assert.All(all, n => Assert.All(n["dimensions"]!.AsArray(), d => Assert.NotNull(d!["coveragePercent"])));

        var ftsOnly = Assert.Single(fts["notices"]!.AsArray())!;
        Assert.Equal(("ocds-h6vhtk-06f17d", "find-a-tender", "Find a Tender", "083563-2026", "2026-09-03"),
            ((string?)ftsOnly["ocid"], (string?)ftsOnly["portal"], (string?)ftsOnly["portalName"], (string?)ftsOnly["noticeId"], (string?)ftsOnly["publicationDate"]));
        Assert.Equal("find-a-tender", (string?)fts["portal"]);

        var expected = all.Where(n => (string?)n["publicationDate"] is { } date && string.CompareOrdinal(date, "2025-01-01") >= 0 && string.CompareOrdinal(date, "2025-12-31") <= 0)
            .Select(n => (string?)n["ocid"]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, in2025.Select(n => (string?)n["ocid"]).Order(StringComparer.Ordinal));

        var problem = await ProblemAssert.IsProblem(await client.GetAsync("/api/notices/E08000027?from=2025-02-01&to=2025-01-01&portal=ebay&pageSize=0&continuationToken=%%"), HttpStatusCode.BadRequest);
        Assert.Equal(["must be on or after from"], ProblemAssert.Errors(problem, "query.to"));
        Assert.StartsWith("must be contracts-finder, find-a-tender", ProblemAssert.Errors(problem, "query.portal")[0]);
        Assert.NotEmpty(ProblemAssert.Errors(problem, "query.pageSize"));
        Assert.NotEmpty(ProblemAssert.Errors(problem, "query.continuationToken"));
    }

    [Fact]
    public async Task ANoticeReadsWithItsScorecardMappingSourceAndImportsAndItsBluetailOcidFindsIt()
    {
        var (client, _) = await fixture.CouncilAsync("E07000126", "South Ribble Borough Council", names: ["Lancashire County Council"]);
        await NoticeFixture.Json(await client.PostAsync("/api/notices/E07000126", NoticeFiles.Content(NoticeFiles.Lancashire)));

        var notice = await NoticeFixture.Json(await client.GetAsync($"/api/notices/E07000126/{NoticeFiles.LancashireOcid}"));
        var asPublished = await NoticeFixture.Json(await client.GetAsync("/api/notices/E07000126/ocds-b5fd17raw-de149438-be34-427c-b23c-f0ff1e0ac781"));

        Assert.Equal((NoticeFiles.LancashireOcid, 1, 1, "name-only"), ((string?)notice["ocid"], (int)notice["version"]!, (int)notice["latestVersion"]!, (string?)notice["buyerMatch"]));
        var card = notice["scorecard"]!;
        Assert.Equal("notice-derived", (string?)card["kind"]);
        Assert.Equal("Contracts Finder", (string?)card["source"]!["portalName"]);
        Assert.StartsWith("Contains public sector information licensed under the Open Government Licence", (string?)card["source"]!["attribution"]);
        Assert.NotEmpty(card["mapping"]!["fields"]!.AsArray());
        Assert.Contains(card["mapping"]!["notInNotice"]!.AsArray(), f => ((string?)f)!.StartsWith("$.", StringComparison.Ordinal));
        Assert.Equal(1, (int)Assert.Single(notice["imports"]!.AsArray())!["version"]!);
        Assert.Equal($"/api/notices/E07000126/{NoticeFiles.LancashireOcid}/guidance?format=html&version=1", (string?)notice["links"]!["guidanceHtml"]);
        Assert.True(JsonNode.DeepEquals(notice, asPublished));

        await ProblemAssert.IsProblem(await client.GetAsync("/api/notices/E07000126/ocds-h6vhtk-999999"), HttpStatusCode.NotFound);
        var noVersion = await ProblemAssert.IsProblem(await client.GetAsync($"/api/notices/E07000126/{NoticeFiles.LancashireOcid}?version=2"), HttpStatusCode.NotFound);
        Assert.Equal($"Council E07000126 has no version 2 of notice {NoticeFiles.LancashireOcid}.", (string?)noVersion["detail"]);
    }

    [Fact]
    public async Task TheGuidanceOpensWithTheNoticeLabelInBothFormatsAndEscapesEveryNoticeText()
    {
        var (client, _) = await fixture.CouncilAsync("E07000122", "Pendle Borough Council", names: [Hostile]);
        var notice = NoticeFiles.Node(NoticeFiles.Lancashire);
        var release = notice["releases"]![0]!;
        release["tender"]!["title"] = Hostile;
        release["parties"]!.AsArray().First(p => p!["roles"]!.AsArray().Any(r => (string?)r == "buyer"))!["name"] = Hostile;
        await NoticeFixture.Json(await client.PostAsync("/api/notices/E07000122", NoticeFiles.Json(notice.ToJsonString())));

        var html = await client.GetAsync($"/api/notices/E07000122/{NoticeFiles.LancashireOcid}/guidance?format=html");
        var markdown = await client.GetAsync($"/api/notices/E07000122/{NoticeFiles.LancashireOcid}/guidance?format=md");

        Assert.Equal(("text/html", "text/markdown"), (html.Content.Headers.ContentType!.MediaType, markdown.Content.Headers.ContentType!.MediaType));
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; img-src data:", html.Headers.GetValues("Content-Security-Policy").Single());
        var page = await html.Content.ReadAsStringAsync();
        var label = page.IndexOf("<p class=\"label\" role=\"note\">Scored from a published notice (Contracts Finder ", StringComparison.Ordinal);
        Assert.True(label > 0 && label < page.IndexOf("<h1>", StringComparison.Ordinal), "the label comes before the title");
        Assert.DoesNotContain("<script>", page);
        Assert.Contains("<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Aids &amp; [links](javascript:alert(1))</h1>", page);
        // The tab shows a title of at most 70 characters, shortened at a word; the h1 above keeps it whole.
        var tab = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "<title>(.*?)</title>").Groups[1].Value);
        Assert.True(tab.Length <= 70, $"the tab title is {tab.Length} characters: {tab}");
        Assert.StartsWith("Published notice", tab, StringComparison.Ordinal);
        Assert.EndsWith("… (Contracts Finder) — Keep it Local", tab, StringComparison.Ordinal);   // the notice id, often long, is on the page
        Assert.Contains("Questions for councillors to ask", page);
        Assert.Contains("Band withheld", page);
        Assert.Contains("Contains public sector information licensed under the Open Government Licence", page);

        var text = await markdown.Content.ReadAsStringAsync();
        Assert.StartsWith("**Label:** Scored from a published notice (Contracts Finder ", text);   // reads as written: no stray backslash
        Assert.Contains("\n# Published notice: &lt;script&gt;alert('x')", text);
        Assert.DoesNotContain("<script>", text);
        Assert.DoesNotContain("[links](javascript", text);
        Assert.Contains("&lt;script&gt;alert('x')&lt;/script&gt; Aids & \\[links\\]\\(javascript:alert(1))", text);   // no tag, and no link
    }
}
