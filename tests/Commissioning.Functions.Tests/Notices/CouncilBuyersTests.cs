namespace Commissioning.Functions.Tests.Notices;

/// <summary>The council record's buyer identifiers and names: what confirms a notice is the council's own.</summary>
public sealed class CouncilBuyersTests(NoticeFixture fixture) : IClassFixture<NoticeFixture>
{
    [Fact]
    public async Task TheCouncilRecordKeepsItsBuyerIdentifiersAndNamesTrimmedAndWithoutRepeats()
    {
        using var admin = fixture.Api.Admin();

        var put = await admin.PutAsJsonAsync("/api/councils/E07000121", new
        {
            code = "E07000121",
            name = "Lancaster City Council",
            buyerIdentifiers = new[] { " GB-PPON-PTQG-8236-WVNZ ", "gb-ppon-ptqg-8236-wvnz", "GB-CFS-107313" },
            buyerNames = new[] { "Lancaster City Council", " Lancaster CC " },
        });

        var record = await NoticeFixture.Json(put);
        Assert.Equal(["GB-PPON-PTQG-8236-WVNZ", "GB-CFS-107313"], record["buyerIdentifiers"]!.AsArray().Select(i => (string?)i));
        Assert.Equal(["Lancaster City Council", "Lancaster CC"], record["buyerNames"]!.AsArray().Select(i => (string?)i));
        var read = await NoticeFixture.Json(await admin.GetAsync("/api/councils/E07000121"));
        Assert.True(JsonNode.DeepEquals(record["buyerIdentifiers"], read["buyerIdentifiers"]));

        // A record without them is unchanged: neither list appears.
        var plain = await NoticeFixture.Json(await admin.PutAsJsonAsync("/api/councils/E07000120", new { code = "E07000120", name = "Hyndburn Borough Council" }));
        Assert.False(plain.ContainsKey("buyerIdentifiers") || plain.ContainsKey("buyerNames"));
    }

    [Fact]
    public async Task EachBadBuyerIdentifierOrNameIsNamedByItsJsonPath()
    {
        using var admin = fixture.Api.Admin();

        var problem = await ProblemAssert.IsProblem(await admin.PutAsJsonAsync("/api/councils/E07000121", new
        {
            code = "E07000121",
            name = "Lancaster City Council",
            buyerIdentifiers = new[] { "GB-PPON-PTQG-8236-WVNZ", "Lancaster City Council", "org-41" },
            buyerNames = new[] { "Lancaster", " ", new string('x', 201) },
        }), HttpStatusCode.BadRequest);

        Assert.Equal(["$.buyerIdentifiers[1]", "$.buyerIdentifiers[2]", "$.buyerNames[1]", "$.buyerNames[2]"], problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.StartsWith("must be an organisation identifier as notices carry it", ProblemAssert.Errors(problem, "$.buyerIdentifiers[1]")[0]);
        Assert.StartsWith("must be a name the council publishes notices under", ProblemAssert.Errors(problem, "$.buyerNames[2]")[0]);
    }

    [Fact]
    public async Task AnIdentifierInTheRecordConfirmsTheNoticeWhateverItsCaseAndANameAloneStoresItFlagged()
    {
        var (confirmed, _) = await fixture.CouncilAsync("E10000018", "Leicestershire", identifiers: ["gb-srs-SID4GOV.cabinetoffice.gov.uk/V2GR32H4"]);
        var (named, _) = await fixture.CouncilAsync("E10000019", "Lancashire County Council");

        var byIdentifier = await NoticeFixture.Json(await confirmed.PostAsync("/api/notices/E10000018/score", NoticeFiles.Content(NoticeFiles.Lancashire)));
        var byName = await NoticeFixture.Json(await named.PostAsync("/api/notices/E10000019", NoticeFiles.Content(NoticeFiles.Lancashire)));

        Assert.Equal("confirmed", (string?)byIdentifier["results"]![0]!["buyerMatch"]);
        Assert.Equal(("name-only", "created"), ((string?)byName["results"]![0]!["buyerMatch"], (string?)byName["results"]![0]!["status"]));
    }
}
