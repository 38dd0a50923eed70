using Commissioning.Domain.Notices;
using Commissioning.Domain.Plans;
using static Commissioning.Domain.Tests.Notices.NoticeSamples;

namespace Commissioning.Domain.Tests.Notices;

/// <summary>The Public Contracts Scotland and Sell2Wales releases, the real stand-ins for lots outside FTS.</summary>
public class ScotlandAndWalesFixtureTests
{
    [Fact]
    public void GlasgowsResidentialRecoveryTenderIsPinnedField()
    {
        var notice = Map(Glasgow);
        Assert.Equal(NoticeShape.PublicContractsScotland, notice.Source.Shape);
        Assert.Equal(7_500_000m, notice.Plan.Budget!.TotalValue);
        Assert.Equal(VatBasis.NotStated, notice.Facts.ValueBasis);
        Assert.Null(notice.Plan.Procurement!.BidWindowDays);
        Assert.Equal(36, notice.Plan.Budget.TermMonths);
        Assert.Equal(["$.tender.lots[0].contractPeriod.durationInDays"], notice.Field("$.budget.termMonths").Paths);
        Assert.Null(notice.Plan.Budget.ExtensionMonths);
        Assert.Contains(notice.Provenance.Hints, h => h.Field == "$.budget.extensionMonths" && h.Excerpt == "Contract on 3+1+1 basis");
        var lots = notice.Plan.Procurement.Lots!;
        Assert.Equal(["Glasgow Residential Recovery Services (Abstinence)", "Glasgow Residential Recovery Services (Stabilisation)"], lots.Select(l => l.Name));
        Assert.Equal([2_500_000m, 5_000_000m], lots.Select(l => l.Value));
        Assert.Equal(70m, notice.Plan.Procurement.Weighting!.Quality);
        Assert.Equal(30m, notice.Plan.Procurement.Weighting.Price);
        Assert.Equal(ProcurementRoute.Open, notice.Plan.Procurement.Route);
        Assert.Equal(MappingMethod.Converted, notice.Field("$.procurement.route").Method);
        Assert.Null(notice.Plan.Procurement.Reservation);
        Assert.Equal("G2 1DU", notice.Buyer!.Postcode);
        Assert.Equal(NoticeRegime.PublicContractsScotlandRegulations2015, notice.Source.Regime.Regime);
        Assert.True(notice.Source.Regime.Scottish);
        Assert.False(notice.Source.Regime.AlertsOn);
    }

    [Fact]
    public void NeathPortTalbotsSubstanceUseAllianceIsPinnedField()
    {
        var notice = Map(NeathPortTalbot);
        Assert.Equal(NoticeShape.Sell2Wales, notice.Source.Shape);
        Assert.Equal(90_000_000m, notice.Plan.Budget!.TotalValue);
        Assert.Equal(VatBasis.NotStated, notice.Facts.ValueBasis);
        Assert.Equal(120, notice.Plan.Budget.TermMonths);
        Assert.Null(notice.Plan.Budget.ExtensionMonths);
        Assert.Null(notice.Plan.Procurement!.BidWindowDays);
        var lot = Assert.Single(notice.Plan.Procurement.Lots!);
        Assert.Null(lot.Value);
        Assert.StartsWith("The Western Bay Area Planning Board", lot.Name, StringComparison.Ordinal);
        Assert.True(lot.Name!.Length <= PlanShape.NameLength);
        Assert.Null(notice.Plan.Procurement.Weighting);
        Assert.Equal(ProcurementRoute.CompetitiveFlexible, notice.Plan.Procurement.Route);
        Assert.Equal(MappingMethod.Converted, notice.Field("$.procurement.route").Method);
        Assert.Null(notice.Plan.Procurement.Reservation);
        Assert.Equal("Neath Port Talbot County Borough Council", notice.Buyer!.Name);
        Assert.Equal("SA13 1PJ", notice.Buyer.Postcode);
        Assert.Equal(NoticeRegime.PublicContractsRegulations2015, notice.Source.Regime.Regime);
    }
}
