using Commissioning.Domain.Notices;
using Commissioning.Domain.Plans;
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
        Assert.Equal(118_000_000m, notice.Plan.Budget!.TotalValue);
        Assert.Equal(VatBasis.NotStated, notice.Facts.ValueBasis);
        Assert.Equal(32, notice.Plan.Procurement!.BidWindowDays);
        Assert.Equal(new DateOnly(2025, 1, 16), notice.Plan.Procurement.PlannedTenderDate);
        Assert.Equal(["$.tender.datePublished", "$.tender.tenderPeriod.endDate"], notice.Field("$.procurement.bidWindowDays").Paths);
        Assert.Equal(120, notice.Plan.Budget.TermMonths);
        Assert.Null(notice.Plan.Budget.ExtensionMonths);
        Assert.Null(notice.Plan.Procurement.Lots);
        Assert.False(notice.Facts.LotsPublished);
        Assert.Null(notice.Plan.Procurement.Weighting);
        Assert.Equal(ProcurementRoute.Open, notice.Plan.Procurement.Route);
        Assert.Equal(MappingMethod.Converted, notice.Field("$.procurement.route").Method);
        Assert.Null(notice.Plan.Procurement.Reservation);
        Assert.Equal("LU1 2BQ", notice.Buyer!.Postcode);
        Assert.Equal(["GB-CFS-107313"], notice.Buyer.Identifiers);
        Assert.Equal(NoticeRegime.BeforeProcurementAct, notice.Source.Regime.Regime);
    }

    [Fact]
    public void ASunderlandTenderOf2019ViaBluetailIsPinnedField()
    {
        var notice = Map(Sunderland);
        Assert.Equal(NoticeShape.ContractsFinderOlder, notice.Source.Shape);
        Assert.Equal("ocds-b5fd17-8a79c599-d165-4d72-a3d1-1dcb222a184f", notice.Source.Ocid);
        Assert.Equal(600_000m, notice.Plan.Budget!.TotalValue);
        Assert.Equal(VatBasis.NotStated, notice.Facts.ValueBasis);
        Assert.Null(notice.Plan.Procurement!.BidWindowDays);
        Assert.Null(notice.Plan.Procurement.PlannedTenderDate);
        Assert.Equal(35, notice.Plan.Budget.TermMonths);
        Assert.Null(notice.Plan.Budget.ExtensionMonths);
        Assert.Null(notice.Plan.Procurement.Lots);
        Assert.Null(notice.Plan.Procurement.Weighting);
        Assert.Equal(ProcurementRoute.Open, notice.Plan.Procurement.Route);
        Assert.Null(notice.Plan.Procurement.Reservation);
        Assert.Equal("SR2 7DN", notice.Buyer!.Postcode);
        Assert.Empty(notice.Buyer.Identifiers);
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
        Assert.Null(notice.Plan.Budget);
        Assert.Contains(notice.Provenance.Context, c => c.Path == "$.tender.minValue.amount" && c.Value == "£129,384");
        Assert.Null(notice.Plan.Procurement!.BidWindowDays);
        Assert.Null(notice.Plan.Procurement.Route);
        Assert.Null(notice.Plan.Procurement.Lots);
        Assert.Null(notice.Plan.Procurement.Reservation);
        Assert.Equal("London Borough of Brent", notice.Buyer!.Name);
        Assert.Equal("$.buyer", notice.Buyer.Path);
        Assert.Equal("HA9 0FJ", notice.Buyer.Postcode);
    }

    [Fact]
    public void ALeicesterRowOfTheCsvExportIsPinnedField()
    {
        var notice = Map(Csv, Leicester);
        Assert.Equal(NoticeShape.ContractsFinderCsv, notice.Source.Shape);
        Assert.Equal(35_000m, notice.Plan.Budget!.TotalValue);
        Assert.Equal(VatBasis.NotStated, notice.Facts.ValueBasis);
        Assert.Equal(27, notice.Plan.Procurement!.BidWindowDays);
        Assert.Equal(new DateOnly(2020, 8, 5), notice.Plan.Procurement.PlannedTenderDate);
        Assert.Equal(23, notice.Plan.Budget.TermMonths);
        Assert.Equal(["$.tender.milestones[0].dueDate", "$.tender.milestones[1].dueDate"], notice.Field("$.budget.termMonths").Paths);
        Assert.Null(notice.Plan.Budget.ExtensionMonths);
        Assert.Null(notice.Plan.Procurement.Lots);
        Assert.Null(notice.Plan.Procurement.Weighting);
        Assert.Equal(ProcurementRoute.Open, notice.Plan.Procurement.Route);
        Assert.Null(notice.Plan.Procurement.Reservation);
        Assert.Equal("LE1 1FZ", notice.Buyer!.Postcode);
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
