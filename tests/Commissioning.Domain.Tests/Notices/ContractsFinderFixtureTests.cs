using Commissioning.Domain.Notices;
using static Commissioning.Domain.Tests.Notices.NoticeSamples;

namespace Commissioning.Domain.Tests.Notices;

/// <summary>One tender of each Contracts Finder shape, its mapped values pinned.</summary>
public class ContractsFinderFixtureTests
{
    private const string Luton = "ocds-b5fd17-7445ba73-19af-4b2c-9156-bc70b3b4ee87";
    private const string Leicester = "ocds-b5fd17-0352a521-4cd7-4fc0-8ad6-cb4668990c6d";

    [Fact]
    public void ALutonTenderFromTheApiIn2025IsPinnedField()
    {
        var notice = Map(ContractsFinder2025, Luton);
        Assert.Equal(NoticeShape.ContractsFinder2025, notice.Source.Shape);
        Assert.Equal(new PinnedValues(118_000_000m, VatBasis.NotStated, 32, 120, null, null, ProcurementRoute.Open, null, "LU1 2BQ"), PinnedValues.Of(notice));
        Assert.Equal(new DateOnly(2025, 1, 16), notice.Plan.Procurement!.PlannedTenderDate);
        Assert.Equal(["$.tender.datePublished", "$.tender.tenderPeriod.endDate"], notice.Field("$.procurement.bidWindowDays").Paths);
        Assert.False(notice.Facts.LotsPublished);
        Assert.Null(notice.Plan.Procurement.Weighting);
        Assert.Equal(MappingMethod.Converted, notice.Field("$.procurement.route").Method);
        Assert.Equal(["GB-CFS-107313"], notice.Buyer!.Identifiers);
        Assert.Equal(NoticeRegime.BeforeProcurementAct, notice.Source.Regime.Regime);
    }

    [Fact]
    public void ASunderlandTenderOf2019ViaBluetailIsPinnedField()
    {
        var notice = Map(Sunderland);
        Assert.Equal(NoticeShape.ContractsFinderOlder, notice.Source.Shape);
        Assert.Equal("ocds-b5fd17-8a79c599-d165-4d72-a3d1-1dcb222a184f", notice.Source.Ocid);
        Assert.Equal(new PinnedValues(600_000m, VatBasis.NotStated, null, 35, null, null, ProcurementRoute.Open, null, "SR2 7DN"), PinnedValues.Of(notice));
        Assert.Null(notice.Plan.Procurement!.PlannedTenderDate);
        Assert.Null(notice.Plan.Procurement.Weighting);
        Assert.Empty(notice.Buyer!.Identifiers);
        Assert.Equal(
            [new AwardedSupplier("Citizens Advice Sunderland", "sme", true, "NE37 2SW"), new AwardedSupplier("ShARP", "sme", true, "DH4 4QW")],
            notice.Outcome);
    }

    [Fact]
    public void ABrentTenderOf2014IsPinnedField()
    {
        var notice = Map(Brent);
        Assert.Equal(NoticeShape.ContractsFinder2014, notice.Source.Shape);
        Assert.Equal("Brent Volunteer Centre", notice.Plan.Title);
        Assert.Equal(new PinnedValues(null, null, null, null, null, null, null, null, "HA9 0FJ"), PinnedValues.Of(notice));
        Assert.Null(notice.Plan.Budget);
        Assert.Contains(notice.Provenance.Context, c => c.Path == "$.tender.minValue.amount" && c.Value == "£129,384");
        Assert.Equal("London Borough of Brent", notice.Buyer!.Name);
        Assert.Equal("$.buyer", notice.Buyer.Path);
        // Gloucestershire's 2014 notice gives its value only in words: a hint, never the plan's value.
        var gloucestershire = Map(Gloucestershire);
        Assert.Null(gloucestershire.Plan.Budget?.TotalValue);
        Assert.Contains("Total value of contract for two years is 345,000", gloucestershire.Provenance.Hints.Single(h => h.Field == "$.budget.totalValue").Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void ALeicesterRowOfTheCsvExportIsPinnedField()
    {
        var notice = Map(Csv, Leicester);
        Assert.Equal(NoticeShape.ContractsFinderCsv, notice.Source.Shape);
        Assert.Equal(new PinnedValues(35_000m, VatBasis.NotStated, 27, 23, null, null, ProcurementRoute.Open, null, "LE1 1FZ"), PinnedValues.Of(notice));
        Assert.Equal(new DateOnly(2020, 8, 5), notice.Plan.Procurement!.PlannedTenderDate);
        Assert.Equal(["$.tender.milestones[0].dueDate", "$.tender.milestones[1].dueDate"], notice.Field("$.budget.termMonths").Paths);
        Assert.Null(notice.Plan.Procurement.Weighting);
        Assert.Equal("Leicester City Council", notice.Plan.Council.Name);
    }

    [Fact]
    public void TheCsvPlanningRowIsAnUndatedEngagementAndNoTender()
    {
        var notice = Map(Csv, "ocds-b5fd17-7e588baa-c641-4991-9f72-3f71746aef74");
        var engagement = Assert.Single(notice.Plan.Market!.Engagement!);
        Assert.Null(engagement.Date);
        Assert.Null(engagement.Organisations);
        Assert.Null(notice.Plan.Procurement);
    }
}
