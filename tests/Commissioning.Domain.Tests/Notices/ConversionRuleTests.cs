using Commissioning.Domain.Notices;
using static Commissioning.Domain.Tests.Notices.NoticeSamples;

namespace Commissioning.Domain.Tests.Notices;

/// <summary>Conversion rules of notices.md §5 that no data-quality trap covers.</summary>
public class ConversionRuleTests
{
    [Fact]
    public void ATwoStageProceduresBidWindowRunsToTheExpressionOfInterestDeadline()
    {
        var notice = MapRelease(FtsTenderWith(r => r.Tender()["expressionOfInterestDeadline"] = "2026-09-24T12:00:00+01:00"));
        Assert.Equal(21, notice.Plan.Procurement!.BidWindowDays);
        Assert.Equal(["$.tender.documents[2].datePublished", "$.tender.expressionOfInterestDeadline"], notice.Field("$.procurement.bidWindowDays").Paths);
        Assert.Equal("to the expression-of-interest deadline of this two-stage procedure", notice.Field("$.procurement.bidWindowDays").Note);
    }

    [Fact]
    public void APlanningNoticeAloneGivesThePlannedTenderDateAndNoTenderNotice()
    {
        var notice = Map(ContractsFinder2025, "ocds-b5fd17-5eb34cca-1ce6-4e36-9061-2a1f984fbd05");
        Assert.Equal(new DateOnly(2025, 7, 23), notice.Plan.Procurement!.PlannedTenderDate);
        Assert.Equal(["$.tender.communication.futureNoticeDate"], notice.Field("$.procurement.plannedTenderDate").Paths);
        Assert.Null(notice.Plan.Procurement.NoticePlanned);
        Assert.Null(notice.Plan.Procurement.BidWindowDays);
    }

    [Fact]
    public void AProviderSelectionRegimeNoticeIsAHealthcareServiceWhoseAlertsCannotBeRaised()
    {
        var card = ScoreRelease(FtsTenderWith(r =>
        {
            r.Tender()["legalBasis"] = new JsonObject { ["scheme"] = "UKSI", ["id"] = "2023/1348" };
            r.Tender()["procurementMethodDetails"] = "Open procedure";
        }));
        Assert.True(card.Plan.Service!.HealthcareService);
        Assert.Null(card.Plan.Procurement!.Route);
        Assert.Contains(card.Mapping.Hints, h => h.Field == "$.procurement.route" && h.Text.Contains("names no PSR route", StringComparison.Ordinal));
        Assert.Equal(NoticeRegime.ProviderSelectionRegime2023, card.Source.Regime.Regime);
        Assert.Empty(card.Scorecard.Alerts);
        Assert.StartsWith("Published under the Provider Selection Regime.", card.Banner, StringComparison.Ordinal);

        var mostSuitable = MapRelease(FtsTenderWith(r =>
        {
            r.Tender()["legalBasis"] = new JsonObject { ["scheme"] = "UKSI", ["id"] = "2023/1348" };
            r.Tender()["procurementMethodDetails"] = "Most suitable provider process";
        }));
        Assert.Equal(ProcurementRoute.PsrMostSuitableProvider, mostSuitable.Plan.Procurement!.Route);
    }

    [Fact]
    public void TheBuyersOwnAboveThresholdStatementIsShownAndAConflictIsNoted()
    {
        var card = ScoreRelease(FtsTenderWith(r => r.Tender()["aboveThreshold"] = false));
        Assert.Contains(card.Mapping.Context, c => c.Name == "buyer says above threshold" && c.Value == "no");
        Assert.Contains(card.Notes, n => n == "The buyer says the value is below the threshold; £219,000 (VAT included) is at or above the £207,720 threshold.");
    }

    [Fact]
    public void ATenderWithMoreLotsThanTheLimitIsReportedNotScored()
    {
        var result = AssessRelease(FtsTenderWith(r => r.Tender()["lots"] = new JsonArray([.. Enumerable.Range(1, NoticeLimits.MaxLotsPerTender + 1)
            .Select(i => (JsonNode)new JsonObject { ["id"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture), ["status"] = "active" })])));
        Assert.Equal(NoticeProcessStatus.NotScored, result.Status);
        Assert.Equal("The tender has more than 500 lots; the most read for one tender is 500.", result.Reason);
        Assert.Null(result.Scorecard);
    }

    [Fact]
    public void ALightTouchFlexibleRouteNeedsTheLightTouchRegimeStated()
    {
        var stated = MapRelease(FtsTenderWith(r =>
        {
            r.Tender()["procurementMethodDetails"] = "Competitive flexible procedure";
            r.Tender()["specialRegime"] = new JsonArray("lightTouch");
        }));
        Assert.Equal(ProcurementRoute.LightTouchFlexible, stated.Plan.Procurement!.Route);
        Assert.True(stated.Plan.Service!.LightTouch);
        Assert.Equal(["$.tender.procurementMethodDetails", "$.tender.specialRegime"], stated.Field("$.procurement.route").Paths);

        var unstated = MapRelease(FtsTenderWith(r => r.Tender()["procurementMethodDetails"] = "Competitive flexible procedure"));
        Assert.Equal(ProcurementRoute.CompetitiveFlexible, unstated.Plan.Procurement!.Route);
        Assert.Null(unstated.Plan.Service!.LightTouch);
        Assert.Equal(CriterionStatus.NotEvidenced, ScoreRelease(FtsTenderWith(r => r.Tender()["procurementMethodDetails"] = "Competitive flexible procedure")).Criterion("L8").Status);
    }
}
