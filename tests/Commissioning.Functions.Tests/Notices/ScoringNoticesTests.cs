namespace Commissioning.Functions.Tests.Notices;

/// <summary><c>POST /api/notices/{council}/score</c>: every process scored or reported, labelled, and nothing stored.</summary>
public sealed class ScoringNoticesTests(NoticeFixture fixture) : IClassFixture<NoticeFixture>
{
    private const string Council = "E10000017";

    [Fact]
    public async Task ScoringAFindATenderNoticeAnswersWithItsLabelledScorecardCoverageAndQuestionsAndStoresNothing()
    {
        var (client, _) = await fixture.CouncilAsync(Council, "Lancashire County Council", [NoticeFiles.LancashireIdentifier]);

        var body = await NoticeFixture.Json(await client.PostAsync($"/api/notices/{Council}/score", NoticeFiles.Content(NoticeFiles.FtsTender)));

        Assert.Equal(Council, (string?)body["council"]);
        Assert.Equal(("release-package", 1, 1), ((string?)body["received"]!["container"], (int)body["received"]!["releases"]!, (int)body["received"]!["processes"]!));
        var result = Assert.Single(body["results"]!.AsArray())!;
        Assert.Equal(("ocds-h6vhtk-06f17d", "scored", "other-buyer"), ((string?)result["ocid"], (string?)result["status"], (string?)result["buyerMatch"]));
        var card = result["scorecard"]!;
        Assert.Equal("notice-derived", (string?)card["kind"]);
        Assert.StartsWith("Scored from a published notice (Find a Tender 083563-2026), not from a commissioning plan submitted by the council.", (string?)card["label"]);
        Assert.Equal([40, 30, 0], card["dimensions"]!.AsArray().Select(d => (int)d!["coveragePercent"]!));
        Assert.All(card["dimensions"]!.AsArray(), d => Assert.Null(d!["band"]));
        Assert.All(card["dimensions"]!.AsArray(), d => Assert.StartsWith("Band withheld", (string?)d!["bandWithheld"]));
        Assert.Null(card["overall"]!["band"]);
        Assert.Contains(card["questions"]!.AsArray(), q => (string?)q!["criterionId"] == "C1" && ((string?)q["question"])!.EndsWith('?'));
        Assert.Equal("$.tender.value.amountGross", (string?)card["mapping"]!["fields"]!.AsArray().Single(f => (string?)f!["field"] == "$.budget.totalValue")!["paths"]![0]);
        Assert.Null(result["version"]);

        Assert.Empty(await fixture.Storage.Rows("Notices", Council));
        Assert.Empty(await fixture.Storage.BlobNames("notices", $"{Council}/"));
    }
}
