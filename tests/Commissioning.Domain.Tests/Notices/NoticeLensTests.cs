using Commissioning.Domain.Notices;
using static Commissioning.Domain.Tests.Notices.NoticeSamples;

namespace Commissioning.Domain.Tests.Notices;

/// <summary>The notice lens: what a notice can evidence, coverage, withheld bands and questions (design: notices.md §7, §10).</summary>
public class NoticeLensTests
{
    [Fact]
    public void TheLensNamesEveryCriterionAndAlertOfItsRubricExactlyOnce()
    {
        Assert.Equal(Rubric.Dimensions.SelectMany(d => d.Criteria).Select(c => c.Id), Lens.Criteria.Select(c => c.Id));
        Assert.Equal(Rubric.Alerts.Select(a => a.Id), Lens.Alerts.Select(a => a.Id));
        Assert.Equal(Rubric.Version, Lens.RubricVersion);
        Assert.All(Lens.Criteria, c => Assert.EndsWith("?", c.Question, StringComparison.Ordinal));
        Assert.All(Lens.Criteria.Where(c => c.Evidence == NoticeEvidence.Partial), c => Assert.StartsWith("The notice does not ", c.Limit, StringComparison.Ordinal));
        Assert.Equal(["L6", "L7", "P1", "P2", "P3", "P7", "P8", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8"],
            Lens.Criteria.Where(c => c.Evidence == NoticeEvidence.None).Select(c => c.Id));
        Assert.Equal(["L4", "L5", "P5", "P6"], Lens.Criteria.Where(c => c.Evidence == NoticeEvidence.Partial).Select(c => c.Id));
    }

    /// <summary>
    /// A below-threshold light-touch tender published after a preliminary market engagement notice: reserved to SMEs
    /// and VCSEs, one lot of £90,000 over two years, social value weighted at 10%.
    /// </summary>
    private static JsonObject WellEvidencedLocalTender() => FtsTenderWith(r =>
    {
        var tender = r.Tender();
        tender["value"] = new JsonObject { ["amountGross"] = 90_000, ["currency"] = "GBP" };
        tender["specialRegime"] = new JsonArray("lightTouch");
        tender["procurementMethodDetails"] = "Competitive flexible procedure";
        tender["otherRequirements"] = new JsonObject { ["reservedParticipation"] = new JsonArray("smeVcse") };
        tender["lots"] = JsonNode.Parse("""
            [{"id": "LOT-0000", "status": "active", "value": {"amountGross": 90000, "currency": "GBP"},
              "contractPeriod": {"startDate": "2026-11-04T00:00:00+00:00", "endDate": "2028-11-03T23:59:59+00:00"},
              "awardCriteria": {"criteria": [
                {"name": "Quality", "type": "quality", "numbers": [{"number": 60, "weight": "percentageExact"}]},
                {"name": "Price", "type": "cost", "numbers": [{"number": 30, "weight": "percentageExact"}]},
                {"name": "Social Value", "type": "quality", "numbers": [{"number": 10, "weight": "percentageExact"}]}]}}]
            """);
        r["planning"] = JsonNode.Parse("""{"documents": [{"id": "070001-2026", "noticeType": "UK2", "documentType": "marketEngagementNotice", "datePublished": "2026-06-01T09:00:00+01:00"}]}""");
    });

    [Fact]
    public void ADimensionWithHalfItsWeightEvidencedOrMoreKeepsItsBand()
    {
        var card = ScoreRelease(WellEvidencedLocalTender(), Lancaster);
        var local = card.Dimension("local-by-default");
        Assert.Equal(CriterionStatus.Met, card.Criterion("L1").Status);
        Assert.Equal(CriterionStatus.NotApplicable, card.Criterion("L2").Status);
        Assert.Equal(CriterionStatus.Met, card.Criterion("L3").Status);
        Assert.Equal(CriterionStatus.PartlyMet, card.Criterion("L4").Status);
        Assert.Equal(CriterionStatus.PartlyMet, card.Criterion("L5").Status);
        Assert.Equal(CriterionStatus.Met, card.Criterion("L8").Status);
        Assert.Equal(85, local.ApplicableWeight);
        Assert.Equal(65, local.EvidencedWeight);
        Assert.Equal(76, local.CoveragePercent);
        Assert.Equal(59, local.Score);
        Assert.Equal(Band.Amber, local.Band);
        Assert.Null(local.BandWithheld);
        Assert.Equal(77, local.EvidencedOnlyScore);
        // The other dimensions are still below half, so the overall band is withheld.
        Assert.Null(card.Dimension("co-design").Band);
        Assert.Null(card.Overall.Band);
        Assert.Equal("Band withheld because the band of Proportionate funding and Co-design through the whole cycle is withheld.", card.Overall.BandWithheld);
    }

    [Fact]
    public void TheCoverageNeededForABandIsLensData()
    {
        var stricter = Lens with { BandCoverageMinimumPercent = 77 };
        var batch = BatchOf(WellEvidencedLocalTender());
        var card = NoticeAssessment.ScoreEach(batch, CouncilCode, Lancaster, Rubric, stricter, Today).Single().Scorecard!;
        Assert.Null(card.Dimension("local-by-default").Band);
        Assert.Equal("Band withheld: 76 of 100 points of this dimension could be read from the notice, below the 77 needed for a band. 59 points, 76 of 100 points assessable.",
            card.Dimension("local-by-default").BandWithheld);
    }

    [Fact]
    public void MarketEngagementFromAPlanningNoticeNamesTheOrganisationsItCannotShow()
    {
        var card = ScoreRelease(WellEvidencedLocalTender(), Lancaster);
        var engagement = Assert.Single(card.Plan.Market!.Engagement!);
        Assert.Equal(new DateOnly(2026, 6, 1), engagement.Date);
        Assert.Null(engagement.Format);
        Assert.Null(engagement.Organisations);
        Assert.StartsWith("The notice does not say who took part in market engagement, so local VCSEs cannot be recognised. ", card.Criterion("L4").Recommendation, StringComparison.Ordinal);
        Assert.StartsWith("The notice does not list the social value measures, so a local measure cannot be shown. ", card.Criterion("L5").Recommendation, StringComparison.Ordinal);
        Assert.DoesNotContain("so this can be judged in full", card.Criterion("L5").Recommendation, StringComparison.Ordinal);
    }

    [Fact]
    public void EngagementScoredWithoutACouncilRecordKeepsTheAdviceToRegisterTheCouncil()
    {
        var card = ScoreRelease(WellEvidencedLocalTender());
        Assert.Equal(CriterionStatus.NotEvidenced, card.Criterion("L4").Status);
        Assert.StartsWith("Council E07000243 has no record of its local postcode districts", card.Criterion("L4").Recommendation, StringComparison.Ordinal);
        Assert.Equal("this notice does not say", card.Questions.Single(q => q.CriterionId == "L4").Reason);
    }

    [Fact]
    public void AFrameworksValueIsACeilingSoTheSizeALocalOrganisationCouldWinIsNotJudged()
    {
        var card = ScoreRelease(FtsTenderWith(r => r.Tender()["techniques"] = new JsonObject { ["hasFrameworkAgreement"] = true }));
        Assert.Equal(CriterionStatus.NotEvidenced, card.Criterion("L3").Status);
        Assert.Equal(0m, card.Criterion("L3").Points);
        Assert.StartsWith("The value is a ceiling across the call-offs of a framework", card.Criterion("L3").Recommendation, StringComparison.Ordinal);
        // The points L3 lost come off the dimension and its recommendations, recounted by the rubric's mechanics.
        var engine = ScoringEngine.Score(card.Plan, Rubric, null, Today);
        Assert.Equal(10m, engine.Dimensions[0].Criteria.Single(c => c.Id == "L3").Points);
        Assert.Equal(engine.Dimensions[0].Score - 10, card.Dimension("local-by-default").Score);
        Assert.Contains(card.Scorecard.Recommendations, r => r.CriterionId == "L3" && r.Status == CriterionStatus.NotEvidenced && r.Gain > 0);
    }

    [Fact]
    public void SuitableForSmesAndVcsesNeverEarnsTheReservationCriterion()
    {
        var card = ScoreRelease(FtsTenderWith(r =>
        {
            r.Tender()["value"] = new JsonObject { ["amountGross"] = 90_000, ["currency"] = "GBP" };
            r.Tender()["suitability"] = new JsonObject { ["sme"] = true, ["vcse"] = true };
            foreach (var lot in r.Tender()["lots"]!.AsArray())
            {
                lot!["suitability"] = new JsonObject { ["sme"] = true, ["vcse"] = true };
                lot.AsObject().Remove("value");
            }
        }));
        Assert.Null(card.Plan.Procurement!.Reservation);
        Assert.Equal(CriterionStatus.NotEvidenced, card.Criterion("L1").Status);
        Assert.Equal(0m, card.Criterion("L1").Points);
    }

    [Fact]
    public void AMissingFieldNeverBecomesFalseNoneOrAnEmptyList()
    {
        var bare = JsonNode.Parse("""{"ocid": "ocds-b5fd17-00000000-0000-0000-0000-000000000001", "id": "1", "date": "2025-06-02T09:00:00Z", "tag": ["tender"], "tender": {"title": "Community transport"}}""")!.AsObject();
        var withNulls = JsonNode.Parse("""
            {"ocid": "ocds-h6vhtk-000002", "id": "2", "date": "2026-06-02T09:00:00Z", "tag": ["tender"],
             "tender": {"title": "Advice services", "value": null, "minValue": null, "specialRegime": null, "suitability": null, "lots": null,
                        "otherRequirements": null, "contractPeriod": null, "tenderPeriod": null, "legalBasis": null, "procurementMethodDetails": null,
                        "lotDetails": null, "awardCriteria": null, "techniques": null}, "planning": null, "parties": null}
            """)!.AsObject();
        foreach (var release in new[] { bare, withNulls })
        {
            var plan = MapRelease(release).Plan;
            Assert.Null(plan.Service);
            Assert.Null(plan.Budget);
            Assert.Null(plan.Market);
            Assert.Null(plan.CoDesign);
            Assert.Null(plan.Commissioner);
            var procurement = plan.Procurement!;
            Assert.True(procurement.NoticePlanned);
            Assert.Equal(new Procurement { NoticePlanned = true }, procurement);
        }
    }

    [Fact]
    public void FtsLotsAreTheOneExceptionAPublishedLotsListIsEvidenceEvenWithOneLot()
    {
        var notice = MapRelease(JsonNode.Parse("""
            {"ocid": "ocds-h6vhtk-000003", "id": "3", "date": "2026-06-02T09:00:00Z", "tag": ["tender"],
             "tender": {"title": "Advice services", "lots": [{"id": "LOT-0000", "status": "active"}]}}
            """)!.AsObject());
        Assert.Single(notice.Plan.Procurement!.Lots!);
        Assert.True(notice.Facts.LotsPublished);
    }

    [Fact]
    public void RecountingAnUnchangedScorecardGivesTheEnginesOwnTotals()
    {
        foreach (var name in Scoring.Samples.PlanNames)
        {
            var card = Scoring.Samples.Score(name);
            Assert.Equal(DomainJson.Serialize(card), DomainJson.Serialize(ScorecardRecount.Recount(card, Rubric)));
        }
    }
}
