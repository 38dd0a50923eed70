namespace Commissioning.Functions.Tests.Notices;

/// <summary>
/// Every real file shipped under samples/notices (Find a Tender in fts/ included) through the import endpoint, for a
/// council whose record names every buyer in them: none answers 5xx, and each process is stored, reported or refused
/// with its reason. The schemas and prose beside the notices are refused as what they are, never with a 5xx.
/// </summary>
public sealed class RealNoticeFilesThroughTheApiTests(NoticeFixture fixture) : IClassFixture<NoticeFixture>
{
    private const string Council = "E06000032";

    public static TheoryData<string> Files => [.. NoticeFiles.All];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task EveryRealFileIsImportedWithoutA5xxAndEachProcessIsStoredOrReportedWithItsReason(string file)
    {
        var (client, _) = await fixture.CouncilAsync(Council, "Luton Council", identifiers: ["GB-CFS-107313", "GB-PPON-PTQG-8236-WVNZ"]);
        var mediaType = file.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : file.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "text/markdown";

        var response = await client.PostAsync($"/api/notices/{Council}", NoticeFiles.Content(NoticeFiles.Bytes(file), mediaType));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{file}: {(int)response.StatusCode} {text}");
        if (!file.EndsWith(".json", StringComparison.Ordinal) && !file.EndsWith(".csv", StringComparison.Ordinal))
        {
            await ProblemAssert.IsProblem(response, HttpStatusCode.UnsupportedMediaType);
            return;
        }

        if (file == "release-schema.json" || file.StartsWith("extensions/", StringComparison.Ordinal))
        {
            await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);   // JSON, but not OCDS data
            return;
        }

        if (response.StatusCode == (HttpStatusCode)422)
        {
            var problem = await ProblemAssert.IsProblem(response, (HttpStatusCode)422);
            Assert.All(problem["reasons"]!.AsArray(), r => Assert.False(string.IsNullOrWhiteSpace((string?)r!["reason"])));
            return;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = JsonNode.Parse(text)!["results"]!.AsArray();
        Assert.NotEmpty(results);
        foreach (var result in results)
        {
            var status = (string?)result!["status"];
            switch (status)
            {
                case "created" or "updated" or "unchanged":
                    Assert.Equal("notice-derived", (string?)result["scorecard"]!["kind"]);
                    Assert.NotNull(result["version"]);
                    Assert.Contains((string?)result["buyerMatch"], new[] { "confirmed", "name-only" });
                    break;
                case "rejected":
                    Assert.Equal("notice-derived", (string?)result["scorecard"]!["kind"]);
                    Assert.False(string.IsNullOrWhiteSpace((string?)result["reason"]));
                    break;
                default:
                    Assert.Contains(status, new[] { "outcome-only", "not-scored" });
                    Assert.Null(result["scorecard"]);
                    Assert.False(string.IsNullOrWhiteSpace((string?)result["reason"]), $"{file}: {result["ocid"]} is {status} without a reason");
                    break;
            }
        }
    }

    [Fact]
    public async Task TheContractsFinderPageStoresOnlyTheCouncilsOwnTenderAndReportsTheRest()
    {
        var (client, _) = await fixture.CouncilAsync("E06000033", "Luton Borough", identifiers: ["GB-CFS-107313"]);

        var body = await NoticeFixture.Json(await client.PostAsync("/api/notices/E06000033", NoticeFiles.Content(NoticeFiles.ContractsFinderPage)));

        var results = body["results"]!.AsArray();
        Assert.Equal(94, results.Count);
        var stored = Assert.Single(results, r => (string?)r!["status"] == "created")!;
        Assert.Equal("confirmed", (string?)stored["buyerMatch"]);
        Assert.Equal(37, results.Count(r => (string?)r!["status"] == "rejected"));
        Assert.Equal(56, results.Count(r => (string?)r!["status"] == "outcome-only"));
        Assert.Equal([(string?)stored["ocid"]], (await fixture.Storage.Rows("Notices", "E06000033")).Select(r => r.RowKey));
        Assert.Single(body["received"]!["linksNotFollowed"]!.AsArray(), l => ((string?)l!["path"])!.Contains("links.next", StringComparison.Ordinal));
    }
}
