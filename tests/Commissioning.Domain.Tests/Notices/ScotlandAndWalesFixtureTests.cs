using Commissioning.Domain.Notices;
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
        Assert.Equal(new PinnedValues(7_500_000m, VatBasis.NotStated, null, 36, null, [2_500_000m, 5_000_000m], ProcurementRoute.Open, null, "G2 1DU"), PinnedValues.Of(notice));
        Assert.Equal(["$.tender.lots[0].contractPeriod.durationInDays"], notice.Field("$.budget.termMonths").Paths);
        Assert.Contains(notice.Provenance.Hints, h => h.Field == "$.budget.extensionMonths" && h.Excerpt == "Contract on 3+1+1 basis");
        Assert.Equal(["Glasgow Residential Recovery Services (Abstinence)", "Glasgow Residential Recovery Services (Stabilisation)"], notice.Plan.Procurement!.Lots!.Select(l => l.Name));
        Assert.Equal(70m, notice.Plan.Procurement.Weighting!.Quality);
        Assert.Equal(30m, notice.Plan.Procurement.Weighting.Price);
        Assert.Equal(MappingMethod.Converted, notice.Field("$.procurement.route").Method);
        Assert.Equal(NoticeRegime.PublicContractsScotlandRegulations2015, notice.Source.Regime.Regime);
        Assert.True(notice.Source.Regime.Scottish);
        Assert.False(notice.Source.Regime.AlertsOn);
    }

    [Fact]
    public void NeathPortTalbotsSubstanceUseAllianceIsPinnedField()
    {
        var notice = Map(NeathPortTalbot);
        Assert.Equal(NoticeShape.Sell2Wales, notice.Source.Shape);
        Assert.Equal(new PinnedValues(90_000_000m, VatBasis.NotStated, null, 120, null, [null], ProcurementRoute.CompetitiveFlexible, null, "SA13 1PJ"), PinnedValues.Of(notice));
        var lot = Assert.Single(notice.Plan.Procurement!.Lots!);
        Assert.StartsWith("The Western Bay Area Planning Board", lot.Name, StringComparison.Ordinal);
        Assert.True(lot.Name!.Length <= PlanShape.NameLength);
        Assert.Null(notice.Plan.Procurement.Weighting);
        Assert.Equal(MappingMethod.Converted, notice.Field("$.procurement.route").Method);
        Assert.Equal("Neath Port Talbot County Borough Council", notice.Buyer!.Name);
        Assert.Equal(NoticeRegime.PublicContractsRegulations2015, notice.Source.Regime.Regime);
    }
}
