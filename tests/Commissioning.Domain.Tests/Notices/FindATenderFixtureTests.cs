using Commissioning.Domain.Notices;
using static Commissioning.Domain.Tests.Notices.NoticeSamples;

namespace Commissioning.Domain.Tests.Notices;

/// <summary>The worked example of notices.md §12, FTS UK4 083563-2026, and the Lancaster UK7 contract notice.</summary>
public class FindATenderFixtureTests
{
    private static readonly MappedNotice Tender = Map(FtsTender);

    [Fact]
    public void TheTenderNoticeIsReadAsAFindATenderProcessUnderTheProcurementAct()
    {
        Assert.Equal("ocds-h6vhtk-06f17d", Tender.Source.Ocid);
        Assert.Equal(NoticeShape.FindATender, Tender.Source.Shape);
        Assert.Equal(["UK4"], Tender.Source.NoticeTypes);
        Assert.Equal("083563-2026", Tender.Source.NoticeId);
        Assert.Equal("UKPGA 2023/54", Tender.Source.LegalBasis);
        Assert.Equal(NoticeRegime.ProcurementAct2023, Tender.Source.Regime.Regime);
        Assert.True(Tender.Source.Regime.AlertsOn);
        Assert.Equal("SIM4117M", Tender.Source.BuyersReference);
        Assert.Equal(["https://www.find-tender.service.gov.uk/Notice/083563-2026"], Tender.Source.NoticeUrls);
    }

    [Fact]
    public void TheWorkedExampleIsPinnedField()
    {
        Assert.Equal(new PinnedValues(219_000m, VatBasis.Included, 29, 24, null, [60_000m, 19_200m, 36_000m, 42_000m, 61_800m], ProcurementRoute.Open, null, "SW7 2DD"),
            PinnedValues.Of(Tender));
    }

    [Fact]
    public void TheValueIsTheGrossAmountNotTheNet()
    {
        Assert.Equal(219_000m, Tender.Plan.Budget!.TotalValue);
        Assert.Equal(VatBasis.Included, Tender.Facts.ValueBasis);
        Assert.Equal(["$.tender.value.amountGross"], Tender.Field("$.budget.totalValue").Paths);
    }

    [Fact]
    public void TheBidWindowRunsFromTheUk4DocumentsPublicationToTheDeadline()
    {
        Assert.Equal(29, Tender.Plan.Procurement!.BidWindowDays);
        Assert.Equal(new DateOnly(2026, 9, 3), Tender.Plan.Procurement.PlannedTenderDate);
        Assert.Equal(new DateOnly(2026, 9, 3), Tender.Source.PublicationDate);
        Assert.Equal(["$.tender.documents[2].datePublished", "$.tender.tenderPeriod.endDate"], Tender.Field("$.procurement.bidWindowDays").Paths);
        Assert.Equal(MappingMethod.Derived, Tender.Field("$.procurement.bidWindowDays").Method);
    }

    [Fact]
    public void TheTermComesFromTheLotsAndNoExtensionIsInvented()
    {
        Assert.Equal(24, Tender.Plan.Budget!.TermMonths);
        Assert.Null(Tender.Plan.Budget.ExtensionMonths);
        Assert.Contains("$.budget.extensionMonths", Tender.Provenance.NotStated);
    }

    [Fact]
    public void TheFiveLotsKeepTheirGrossValues()
    {
        var lots = Tender.Plan.Procurement!.Lots!;
        Assert.Equal(["Lot 1", "Lot 2", "Lot 3", "Lot 4", "Lot 5"], lots.Select(l => l.Name));
        Assert.Equal([60_000m, 19_200m, 36_000m, 42_000m, 61_800m], lots.Select(l => l.Value));
        Assert.All(lots, l => Assert.Null(l.Basis));
        Assert.True(Tender.Facts.LotsPublished);
        Assert.Equal(0, Tender.Facts.LotsWithoutValue);
    }

    [Fact]
    public void PriceTypedCostIsPriceAndQualityIsQualityAndSocialValueIsNotInvented()
    {
        var weighting = Tender.Plan.Procurement!.Weighting!;
        Assert.Equal(30m, weighting.Price);
        Assert.Equal(70m, weighting.Quality);
        Assert.Null(weighting.SocialValue);
    }

    [Fact]
    public void TheRouteIsOpenAndEveryLotsSuitabilityForSmesIsNoReservation()
    {
        Assert.Equal(ProcurementRoute.Open, Tender.Plan.Procurement!.Route);
        Assert.Equal(MappingMethod.Direct, Tender.Field("$.procurement.route").Method);
        Assert.Null(Tender.Plan.Procurement.Reservation);
        Assert.Contains(Tender.Provenance.Context, c => c.Name.StartsWith("buyer says suitable for SMEs", StringComparison.Ordinal) && c.Value == "yes");
        Assert.True(Tender.Plan.Procurement.NoticePlanned);
    }

    [Fact]
    public void TheBuyerIsTheScienceMuseumGroupWithItsPponAndPostcode()
    {
        Assert.Equal("Science Museum Group", Tender.Plan.Council.Name);
        Assert.Equal(CouncilCode, Tender.Plan.Council.Code);
        Assert.Equal("SW7 2DD", Tender.Buyer!.Postcode);
        Assert.Equal(["GB-PPON-PDTR-3338-MNPG"], Tender.Buyer.Identifiers);
        Assert.Empty(Tender.Buyer.JointBuyers);
        Assert.Equal(BuyerMatch.OtherBuyer, Tender.Buyer.Matches(Lancaster));
    }

    [Fact]
    public void TheLensWithholdsEveryBandAndTheEngineFindsNoAlert()
    {
        var card = Scorecard(FtsTender);
        Assert.Empty(card.Scorecard.Alerts);
        Assert.Empty(card.WithheldAlerts);
        Assert.Equal(30, card.Dimension("proportionate-funding").CoveragePercent);
        Assert.Equal(15, card.Dimension("proportionate-funding").Score);
        Assert.Equal(50, card.Dimension("proportionate-funding").EvidencedOnlyScore);
        Assert.Equal(0, card.Dimension("co-design").CoveragePercent);
        Assert.Null(card.Dimension("co-design").EvidencedOnlyScore);
        Assert.True(card.Dimension("local-by-default").CoveragePercent < 50);
        Assert.All(card.Dimensions, d => Assert.Null(d.Band));
        Assert.All(card.Dimensions, d => Assert.StartsWith("Band withheld: ", d.BandWithheld, StringComparison.Ordinal));
        Assert.Null(card.Overall.Band);
        Assert.Equal("Band withheld because the band of Local by default, Proportionate funding and Co-design through the whole cycle is withheld.", card.Overall.BandWithheld);
    }

    [Fact]
    public void TheCriteriaTheNoticeShowsAreJudgedAndTheRestAreQuestions()
    {
        var card = Scorecard(FtsTender);
        Assert.Equal(CriterionStatus.Met, card.Criterion("L2").Status);
        Assert.Equal(CriterionStatus.Met, card.Criterion("L3").Status);
        Assert.Equal(CriterionStatus.PartlyMet, card.Criterion("P4").Status);
        Assert.Equal(CriterionStatus.PartlyMet, card.Criterion("P5").Status);
        Assert.Equal(CriterionStatus.PartlyMet, card.Criterion("P6").Status);
        Assert.StartsWith("The notice does not say whether bids may include overheads and core costs (full cost recovery).", card.Criterion("P6").Recommendation, StringComparison.Ordinal);
        Assert.StartsWith("The notice does not say whether there is a break clause.", card.Criterion("P5").Recommendation, StringComparison.Ordinal);
        // Above the threshold with five lots: L1 is met or, while the reservation is unknown, not evidenced; never "not met".
        Assert.NotEqual(CriterionStatus.NotMet, card.Criterion("L1").Status);
        Assert.Contains(card.Questions, q => q.CriterionId == "C3" && q.Question == "Did residents or people with lived experience score the bids, trained and with conflicts of interest declared?");
    }

    [Fact]
    public void TheEngineAloneWouldCallTheGrantNotConsideredButTheLensSaysANoticeCannotShowIt()
    {
        var engine = ScoringEngine.Score(Tender.Plan, Rubric, null, Today);
        Assert.Equal(CriterionStatus.NotMet, engine.Dimensions.SelectMany(d => d.Criteria).Single(c => c.Id == "P1").Status);
        var card = Scorecard(FtsTender);
        Assert.Equal(CriterionStatus.NotEvidenced, card.Criterion("P1").Status);
        Assert.Equal("A published notice cannot show this. Ask: Did the council consider a grant, and record why a contract was needed?", card.Criterion("P1").Recommendation);
        Assert.Equal(["$.budget.fundingModel", "$.budget.grantConsidered"], card.Criterion("P1").MissingFields);
        Assert.Equal("a published notice cannot show this", card.Questions.Single(q => q.CriterionId == "P1").Reason);
    }

    [Fact]
    public void TheContractDetailsNoticeIsOutcomeOnlyAndNamesLancasterAsItsBuyer()
    {
        var result = Result(FtsContract, council: Lancaster);
        Assert.Equal(NoticeProcessStatus.OutcomeOnly, result.Status);
        Assert.Null(result.Scorecard);
        Assert.Contains("UK7", result.Reason, StringComparison.Ordinal);
        Assert.Equal("Lancaster City Council", result.Buyer!.Name);
        Assert.Equal("LA1 1PJ", result.Buyer.Postcode);
        Assert.Equal(["GB-PPON-PTQG-8236-WVNZ"], result.Buyer.Identifiers);
        Assert.Equal(BuyerMatch.Confirmed, result.BuyerMatch);
        Assert.Equal(["028961-2025"], result.ReleaseIds);
    }
}
