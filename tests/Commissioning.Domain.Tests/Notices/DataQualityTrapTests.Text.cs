using Commissioning.Domain.Notices;
using static Commissioning.Domain.Tests.Notices.NoticeSamples;

namespace Commissioning.Domain.Tests.Notices;

public partial class DataQualityTrapTests
{
    [Fact]
    public void Trap11JointBuyersReviewBodiesAndJointCommissioningInText()
    {
        var npt = Map(NeathPortTalbot).Buyer!;
        Assert.Equal("Neath Port Talbot County Borough Council", npt.Name);
        Assert.Equal(7, npt.JointBuyers.Count);
        Assert.Contains(npt.JointBuyers, b => b.Name == "Swansea City & County Council");
        Assert.DoesNotContain(npt.All, b => b.Name == "High Court");
        // Glasgow is buyer and review body at once: still the buyer.
        Assert.Equal("Glasgow City Council", Map(Glasgow).Buyer!.Name);
        // Luton leads "on behalf of" partner authorities: a hint, not extra buyers.
        var luton = Map(ContractsFinder2025, "ocds-b5fd17-7445ba73-19af-4b2c-9156-bc70b3b4ee87");
        Assert.True(luton.HasHint("$.council.name"));
        Assert.Empty(luton.Buyer!.JointBuyers);
    }

    [Fact]
    public void Trap12TimesOfDayInTextDoNotOverrideTheStructuredDeadlineAndDatesAreUkLocal()
    {
        var notice = MapRelease(FtsTenderWith(r =>
        {
            r.Tender()["description"] = "Tenders must be returned by 12noon on the 27th Nov 2026.";
            r.Tender()["tenderPeriod"] = new JsonObject { ["endDate"] = "2026-10-01T23:30:00Z" }; // 00:30 on 2 October in London
        }));
        Assert.Equal(29, notice.Plan.Procurement!.BidWindowDays);
        Assert.True(notice.HasHint("$.procurement.bidWindowDays"));

        var zoneless = MapRelease(FtsTenderWith(r => r.Tender()["tenderPeriod"] = new JsonObject { ["endDate"] = "2026-10-02" }));
        Assert.Equal(29, zoneless.Plan.Procurement!.BidWindowDays);
    }

    [Fact]
    public void Trap13FtsQuirksAreReadLeniently()
    {
        var release = FtsTenderWith(r =>
        {
            r.Remove("id");
            r["buyerID"] = new JsonArray();
            r.Tender()["statusDetails"] = null;
            r.Tender()["lotDetails"] = JsonNode.Parse("{\"maximumLotsBidPerSupplier\": 1e9999}");
            r.Tender()["lots"]![0]!["description"] = null;
        });
        var result = AssessRelease(release);
        Assert.Equal(NoticeProcessStatus.Scored, result.Status);
        Assert.Equal(["083563-2026"], result.ReleaseIds);
        Assert.Contains(result.Scorecard!.Mapping.Notes, n => n.Contains("has no id; the id of its notice document (083563-2026) is used", StringComparison.Ordinal));
        Assert.Equal(5, result.Scorecard.Plan.Procurement!.Lots!.Count);
        Assert.Contains(result.Scorecard.Mapping.Context, c => c.Name.StartsWith("delivery region", StringComparison.Ordinal) && c.Value == "UKD3");
    }

    [Fact]
    public void Trap13ADeltaOnlyUpdateReleaseIsMergedIntoItsTenderAndNeverScoredAlone()
    {
        var update = JsonNode.Parse("""
            {"ocid": "ocds-h6vhtk-06f17d", "id": "083999-2026", "date": "2026-09-10T10:00:00+01:00", "tag": ["tenderUpdate"],
             "tender": {"id": "SIM4117M", "lots": [{"id": "1", "value": {"amountGross": 70000, "currency": "GBP"}}]}}
            """)!.AsObject();
        var merged = Map(BatchOf(update, ReleaseNode(FtsTender)));
        Assert.Equal([70_000m, 19_200m, 36_000m, 42_000m, 61_800m], merged.Plan.Procurement!.Lots!.Select(l => l.Value));
        Assert.Equal("Lot 1", merged.Plan.Procurement.Lots![0].Name);
        Assert.Equal(["083563-2026", "083999-2026"], merged.Source.ReleaseIds);

        var alone = AssessRelease(update);
        Assert.Equal(NoticeProcessStatus.NotScored, alone.Status);
        Assert.StartsWith("Only update releases are present", alone.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Trap13ANoticeTypeInTheAwardsSectionMakesTheProcessOutcomeOnly()
    {
        var result = AssessRelease(FtsTenderWith(r =>
        {
            r["tag"] = new JsonArray("award");
            r.Tender()["documents"] = new JsonArray();
            r["awards"] = JsonNode.Parse("""[{"id": "1", "documents": [{"id": "083700-2026", "noticeType": "UK6", "datePublished": "2026-11-01T09:00:00Z"}]}]""");
        }));
        Assert.Equal(NoticeProcessStatus.OutcomeOnly, result.Status);
        Assert.Contains("UK6", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Trap14ScottishReleasesWithoutIdAndWelshPartyIdsPerRelease()
    {
        var glasgow = Map(Glasgow);
        Assert.Equal(["ocds-r6ebe6-0000567519/2019-04-15T00:00:00Z"], glasgow.Source.ReleaseIds);
        Assert.Contains(glasgow.Provenance.Notes, n => n.Contains("has no id (required by OCDS)", StringComparison.Ordinal));

        // A later Sell2Wales release numbers its parties afresh: org-44 is someone else there, so parties are replaced, not merged.
        var first = ReleaseNode(NeathPortTalbot);
        var later = first.DeepClone().AsObject();
        later["id"] = "ocds-kuma6s-139455-release-150000";
        later["date"] = "2025-03-01T00:00:00Z";
        later["parties"] = JsonNode.Parse("""[{"name": "Neath Port Talbot County Borough Council", "id": "org-44", "roles": ["buyer"], "address": {"postalCode": "SA13 1PJ"}}]""");
        later["buyer"] = JsonNode.Parse("""{"name": "Neath Port Talbot County Borough Council", "id": "org-44"}""");
        var buyer = Map(BatchOf(first, later)).Buyer!;
        Assert.Equal("Neath Port Talbot County Borough Council", buyer.Name);
        Assert.Empty(buyer.JointBuyers);
    }

    [Fact]
    public void Trap15EntitiesAreDecodedWhileMojibakeLineBreaksMarkupAndRnStayAsPublished()
    {
        Assert.Equal("GLA81404 For Embedded Youth Work Hospital Accident & Emergency (A&E) Service", Map(Mopac).Plan.Title);
        var mojibake = Assess(ContractsFinder2025).Select(r => r.Scorecard).OfType<NoticeScorecard>()
            .Select(c => c.Plan.Service?.Description).OfType<string>().Where(d => d.Contains("â€", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(mojibake);
        Assert.Contains("\r\n", Map(ContractsFinder2025, "ocds-b5fd17-7445ba73-19af-4b2c-9156-bc70b3b4ee87").Plan.Service!.Description, StringComparison.Ordinal);
        var markup = MapRelease(FtsTenderWith(r => r.Tender()["description"] = "See <a href=\"https://example.org\">the portal</a>."));
        Assert.StartsWith("See <a href=\"https://example.org\">the portal</a>.", markup.Plan.Service!.Description, StringComparison.Ordinal);
        Assert.Contains("each Provider Group will be made up of a number of Provider Participants", Map(NeathPortTalbot).Plan.Service!.Description, StringComparison.Ordinal);
        Assert.Contains(".rn ", Map(NeathPortTalbot).Plan.Service!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Trap16RegionsAndDeliveryPlacesAreContextNeverNeighbourhoods()
    {
        foreach (var notice in new[] { Map(FtsTender), Map(Glasgow), Map(ContractsFinder2025, "ocds-b5fd17-7445ba73-19af-4b2c-9156-bc70b3b4ee87") })
        {
            Assert.Null(notice.Plan.Service?.Neighbourhoods);
            Assert.Null(notice.Plan.Procurement?.LocalDefinition);
        }
        Assert.Contains(Map(Glasgow).Provenance.Context, c => c.Value == "UKM82");
        Assert.Contains(Map(ContractsFinder2025, "ocds-b5fd17-7445ba73-19af-4b2c-9156-bc70b3b4ee87").Provenance.Context, c => c.Value == "England");
    }

    [Fact]
    public void Trap17IdentifiersAreNormalisedAndPortalNumberingIsNoIdentifier()
    {
        var notice = MapRelease(FtsTenderWith(r => r["parties"] = JsonNode.Parse("""
            [{"id": "GB-COH-1234567", "name": "A Trust", "roles": ["buyer"], "identifier": {"scheme": "GB-COH", "id": "1234567"},
              "additionalIdentifiers": [{"scheme": "GB-COH", "id": "RJR"}], "address": {"postalCode": "Pe1 2hq"}},
             {"id": "org-41", "name": "Portal Numbered", "roles": ["buyer"]},
             {"id": "GB-FTS-999", "name": "Durham County Council", "roles": ["buyer"], "identifier": {"noIdentifierRationale": "notOnAnyRegister"}}]
            """)));
        Assert.Equal(["GB-COH-01234567", "GB-COH-RJR"], notice.Buyer!.Identifiers);
        Assert.Empty(notice.Buyer.JointBuyers.Single(b => b.Name == "Portal Numbered").Identifiers);
        Assert.Equal(["GB-FTS-999"], notice.Buyer.JointBuyers.Single(b => b.Name == "Durham County Council").Identifiers);
    }

    [Theory]
    [InlineData("HA90FJ", "HA9 0FJ")]
    [InlineData("Pe1 2hq", "PE1 2HQ")]
    [InlineData("Nn18 8ne", "NN18 8NE")]
    [InlineData("CH21UL", "CH2 1UL")]
    [InlineData("PR18RL", "PR1 8RL")]
    public void Trap18UnnormalisedPostcodesAreNormalisedWhateverTheCountryName(string published, string normalised)
    {
        var notice = MapRelease(FtsTenderWith(r =>
        {
            var address = r["parties"]![0]!["address"]!.AsObject();
            address["postalCode"] = published;
            address["countryName"] = "ENG";
        }));
        Assert.Equal(normalised, notice.Buyer!.Postcode);
    }

    [Fact]
    public void Trap19ANoticeUnderThe2015RegulationsAndOneUnderTheActInOneFeedAreGatedApart()
    {
        var pcr = FtsTenderWith(r =>
        {
            r["ocid"] = "ocds-h6vhtk-000001";
            r.Tender()["legalBasis"] = new JsonObject { ["scheme"] = "CELEX", ["id"] = "32014L0024" };
        });
        var results = Assess(BatchOf(pcr, ReleaseNode(FtsTender)));
        Assert.False(results.Single(r => r.Ocid == "ocds-h6vhtk-000001").Scorecard!.Source.Regime.AlertsOn);
        Assert.True(results.Single(r => r.Ocid == "ocds-h6vhtk-06f17d").Scorecard!.Source.Regime.AlertsOn);
    }

    [Fact]
    public void Trap20TextOnlySignalsAreHintsAndNeverSetPlanFields()
    {
        var notice = MapRelease(FtsTenderWith(r =>
        {
            r.Tender()["description"] = "Bids from a consortium led by a large service provider are expected. One third of the workforce must have lived experience. Priority groups: service users with complex needs.";
            r.Tender()["selectionCriteria"] = JsonNode.Parse("""{"criteria": [{"type": "economic", "description": "Public Liability Insurance = [10,000,000] GBP or can commit to obtain prior to the commencement of any subsequently awarded contract; turnover of 300,000 GBP"}]}""");
        }));
        Assert.Null(notice.Plan.Procurement!.ConsortiaWelcome);
        Assert.Null(notice.Plan.Procurement.Insurance);
        Assert.Null(notice.Plan.Procurement.MinimumAnnualTurnover);
        Assert.Null(notice.Plan.CoDesign);
        Assert.True(notice.HasHint("$.procurement.consortiaWelcome"));
        Assert.True(notice.HasHint("$.procurement.insurance"));
        Assert.True(notice.HasHint("$.procurement.minimumAnnualTurnover"));
        Assert.True(notice.HasHint("$.coDesign"));
        Assert.All(notice.Provenance.Hints, h => Assert.DoesNotContain(notice.Provenance.Fields, f => f.Field == h.Field));
        Assert.Equal("$.tender.description", notice.Provenance.Hints.Single(h => h.Field == "$.coDesign").Path);
        // Words found in a lot's own description are traced to it.
        var tupe = Map(NeathPortTalbot).Provenance.Hints.Single(h => h.Field == "$.procurement.tupe.applies");
        Assert.Equal("$.tender.lots[0].description", tupe.Path);
        Assert.Contains("There may be TUPE implications.", tupe.Excerpt, StringComparison.Ordinal);
    }
}
