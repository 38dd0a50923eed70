
namespace Commissioning.Domain.Tests.Scoring;

public class ComplianceAlertTests
{
    private static readonly Plan Compliant = TestPlans.Procured();

    [Fact]
    public void TheBaselinePlansRaiseNoAlert()
    {
        Assert.Empty(Compliant.AlertIds());
        Assert.Empty(TestPlans.Grant().AlertIds());
    }

    public static TheoryData<string, Plan> Firing => new()
    {
        { "A1", Compliant.ChangeBudget(b => b with { TotalValue = 207_720 }) },
        { "A2", Compliant.ChangeBudget(b => b with { TotalValue = 250_000 }).ChangeProcurement(p => p with { Route = ProcurementRoute.Open, Reservation = Reservation.LocalArea }) },
        { "A2", Compliant.ChangeBudget(b => b with { TotalValue = 250_000 }).ChangeProcurement(p => p with { Route = ProcurementRoute.Open, Reservation = Reservation.SmeVcse }) },
        { "A3", Compliant.ChangeService(s => s with { LightTouch = true }).ChangeBudget(b => b with { TermMonths = 48, ExtensionMonths = 24 }).ChangeProcurement(p => p with { Reservation = Reservation.PublicServiceMutual }) },
        { "A3", Compliant.ChangeProcurement(p => p with { Reservation = Reservation.PublicServiceMutual }) },
        { "A4", Compliant.ChangeBudget(b => b with { PaymentTermsDays = 31 }) },
        { "A5", Compliant.ChangeProcurement(p => p with { Insurance = new Insurance { RequiredAt = InsuranceStage.Participation } }) },
        { "A6", Compliant.ChangeProcurement(p => p with { SelectionQuestionnaire = true }) },
        { "A7", Compliant.ChangeBudget(b => b with { TotalValue = 300_000 }).ChangeProcurement(p => p with { Route = ProcurementRoute.Open, Reservation = Reservation.None, Lots = [new Lot { Value = 300_000 }] }) },
        { "A7", Compliant.ChangeBudget(b => b with { TotalValue = 300_000 }).ChangeProcurement(p => p with { Route = ProcurementRoute.Open, Reservation = Reservation.None, Lots = null, NoLotsReason = "" }) },
        { "A8", Compliant.ChangeBudget(b => b with { TotalValue = 30_000 }).ChangeProcurement(p => p with { NoticePlanned = false }) },
        { "A9", Compliant.ChangeService(s => s with { HealthcareService = true }).ChangeProcurement(p => p with { Route = ProcurementRoute.CompetitiveFlexible }) },
        { "A10", TestPlans.Grant().ChangeProcurement(p => p with { Weighting = new Weighting { Price = 20 } }) },
        { "A10", TestPlans.Grant().ChangeBudget(b => b with { PaymentByResultsPercent = 5 }) },
        { "A10", TestPlans.Grant().ChangeProcurement(p => p with { Route = ProcurementRoute.BelowThresholdOpen }) },
    };

    [Theory]
    [MemberData(nameof(Firing))]
    public void EachAlertFiresOnWhatThePlanSaysAndAsksTheCommissionerToCheck(string id, Plan plan)
    {
        var alert = Assert.Single(plan.Score().Alerts, a => a.Id == id);
        Assert.EndsWith("Check with your procurement/legal team.", alert.Message);
        Assert.DoesNotContain("unlawful", alert.Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrWhiteSpace(alert.Basis));
        Assert.DoesNotContain("{", alert.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Firing))]
    public void AlertsOneToEightStayQuietForTheSamePlanFundedAsAGrantWhileNineFiresEitherWay(string id, Plan plan)
    {
        if (id == "A10")
        {
            return;
        }
        var grant = plan.ChangeBudget(b => b with { FundingModel = FundingModel.Grant });
        if (id == "A9")
        {
            Assert.Contains(id, grant.AlertIds());
        }
        else
        {
            Assert.DoesNotContain(id, grant.AlertIds());
        }
    }

    private const string Check = " Check with your procurement/legal team.";

    public static TheoryData<string, Plan, string> Messages => new()
    {
        { "A1", Compliant.ChangeBudget(b => b with { TotalValue = 250_000 }).ChangeProcurement(p => p with { Route = ProcurementRoute.BelowThresholdInvited, Reservation = Reservation.None }),
            "The route is below-threshold-invited but the total value of £250,000 is at or above the goods and services (councils) threshold of £207,720. The contract may need an above-threshold procedure." + Check },
        { "A2", Compliant.ChangeBudget(b => b with { TotalValue = 700_000 }).ChangeService(s => s with { LightTouch = true }).ChangeProcurement(p => p with { Route = ProcurementRoute.Open, Reservation = Reservation.Uk }),
            "A uk reservation is planned on a contract of £700,000, at or above the light-touch services threshold of £663,540; these reservations are allowed below the threshold only." + Check },
        { "A3", Compliant.ChangeService(s => s with { LightTouch = false }).ChangeBudget(b => b with { TermMonths = 48, ExtensionMonths = 24 }).ChangeProcurement(p => p with { Reservation = Reservation.PublicServiceMutual }),
            "A public-service-mutual reservation is planned for 72 months with extensions and for a service that is not a light-touch service. Such a reservation is limited to light-touch services and a term of 60 months." + Check },
        { "A4", Compliant.ChangeBudget(b => b with { PaymentTermsDays = 45 }),
            "Payment terms are 45 days; public contracts must pay valid invoices within 30 days." + Check },
        { "A6", Compliant.ChangeBudget(b => b with { TotalValue = 150_000 }).ChangeProcurement(p => p with { SelectionQuestionnaire = true }),
            "A selection questionnaire is planned on a contract of £150,000, below the goods and services (councils) threshold of £207,720; a separate suitability stage is not allowed below the threshold." + Check },
        { "A7", Compliant.ChangeBudget(b => b with { TotalValue = 207_720 }).ChangeProcurement(p => p with { Route = ProcurementRoute.Open, Reservation = Reservation.None, Lots = [], NoLotsReason = " " }),
            "The contract of £207,720 is at or above the goods and services (councils) threshold of £207,720, is not divided into lots, and no reason is recorded. The authority must consider lots and record why it did not use them." + Check },
        { "A8", Compliant.ChangeBudget(b => b with { TotalValue = 45_500 }).ChangeProcurement(p => p with { NoticePlanned = false }),
            "The competition is advertised (below-threshold-open) and worth £45,500, at or above £30,000, but no below-threshold tender notice is planned." + Check },
        { "A9", TestPlans.Grant().ChangeService(s => s with { HealthcareService = true }).ChangeProcurement(p => p with { Route = ProcurementRoute.Open }),
            "This is a healthcare service in scope of the Provider Selection Regime, but it is planned under the open route. Healthcare services are arranged under the PSR." + Check },
        { "A10", TestPlans.Grant().ChangeBudget(b => b with { FundingModel = FundingModel.ParticipatoryBudget, PaymentByResultsPercent = 12.5m })
                .ChangeProcurement(p => p with { Route = ProcurementRoute.DirectAward, Weighting = new Weighting { Price = 30 } }),
            "The plan funds this as a participatory-budget but weights price at 30%, pays 12.5% by results and uses the direct-award route: signs of a contract for services, which the Procurement Act covers. Take advice on grant or contract, and on subsidy control." + Check },
        { "A10", TestPlans.Grant().ChangeBudget(b => b with { FundingModel = FundingModel.Contract, PaymentByResultsPercent = 1 }),
            "The plan funds this as a grant but pays 1% by results: signs of a contract for services, which the Procurement Act covers. Take advice on grant or contract, and on subsidy control." + Check },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void EachAlertSaysWhatItSawInThePlansOwnNumbers(string id, Plan plan, string message)
    {
        Assert.Equal(message, Assert.Single(plan.Score().Alerts, a => a.Id == id).Message);
    }

    public static TheoryData<string, Plan> Quiet => new()
    {
        // Just below the threshold in force on the tender date.
        { "A1", Compliant.ChangeBudget(b => b with { TotalValue = 207_719 }) },
        { "A1", Compliant.ChangeBudget(b => b with { TotalValue = 300_000 }).ChangeProcurement(p => p with { Route = ProcurementRoute.Open, Reservation = Reservation.None }) },
        { "A2", Compliant.ChangeBudget(b => b with { TotalValue = 250_000 }).ChangeProcurement(p => p with { Route = ProcurementRoute.Open, Reservation = Reservation.PublicServiceMutual }) },
        { "A3", Compliant.ChangeService(s => s with { LightTouch = true }).ChangeBudget(b => b with { TermMonths = 36, ExtensionMonths = 24 }).ChangeProcurement(p => p with { Reservation = Reservation.PublicServiceMutual }) },
        { "A4", Compliant.ChangeBudget(b => b with { PaymentTermsDays = 30 }) },
        { "A4", TestPlans.Grant().ChangeBudget(b => b with { PaymentTermsDays = 60 }) },
        { "A5", Compliant.ChangeProcurement(p => p with { Insurance = new Insurance { RequiredAt = InsuranceStage.Award } }) },
        { "A5", TestPlans.Grant().ChangeProcurement(p => p with { Insurance = new Insurance { RequiredAt = InsuranceStage.Participation } }) },
        { "A6", Compliant.ChangeBudget(b => b with { TotalValue = 300_000 }).ChangeProcurement(p => p with { Route = ProcurementRoute.Open, Reservation = Reservation.None, SelectionQuestionnaire = true }) },
        { "A7", Compliant.ChangeBudget(b => b with { TotalValue = 300_000 }).ChangeProcurement(p => p with { Route = ProcurementRoute.Open, Reservation = Reservation.None, Lots = [new Lot { Value = 300_000 }], NoLotsReason = "One integrated service" }) },
        { "A7", Compliant.ChangeBudget(b => b with { TotalValue = 300_000 }).ChangeProcurement(p => p with { Route = ProcurementRoute.Open, Reservation = Reservation.None }) },
        { "A8", Compliant.ChangeBudget(b => b with { TotalValue = 29_999 }).ChangeProcurement(p => p with { NoticePlanned = false }) },
        { "A8", Compliant.ChangeBudget(b => b with { TotalValue = 30_000 }).ChangeProcurement(p => p with { NoticePlanned = null }) },
        { "A8", Compliant.ChangeBudget(b => b with { TotalValue = 30_000 }).ChangeProcurement(p => p with { Route = ProcurementRoute.BelowThresholdInvited, NoticePlanned = false }) },
        { "A9", Compliant.ChangeService(s => s with { HealthcareService = true }).ChangeProcurement(p => p with { Route = ProcurementRoute.PsrCompetitive }) },
        { "A10", TestPlans.Grant().ChangeProcurement(p => p with { Weighting = new Weighting { Price = 0 } }) },
        { "A10", Compliant.ChangeProcurement(p => p with { Weighting = new Weighting { Price = 100 } }) },
        { "A10", TestPlans.Grant().ChangeBudget(b => b with { PaymentByResultsPercent = 0 }).ChangeProcurement(p => p with { Route = ProcurementRoute.GrantAward }) },
        { "A3", Compliant.ChangeService(s => s with { LightTouch = null }).ChangeBudget(b => b with { TermMonths = 60, ExtensionMonths = 0 }).ChangeProcurement(p => p with { Reservation = Reservation.PublicServiceMutual }) },
        { "A3", Compliant.ChangeService(s => s with { LightTouch = false }).ChangeProcurement(p => p with { Reservation = Reservation.SupportedEmployment }) },
        { "A6", Compliant.ChangeBudget(b => b with { TotalValue = null }).ChangeProcurement(p => p with { SelectionQuestionnaire = true }) },
        { "A6", Compliant.ChangeBudget(b => b with { TotalValue = 207_720 }).ChangeProcurement(p => p with { SelectionQuestionnaire = true, Route = ProcurementRoute.Open, Reservation = Reservation.None }) },
        { "A7", Compliant.ChangeBudget(b => b with { TotalValue = 207_719 }).ChangeProcurement(p => p with { Lots = [] }) },
        { "A7", Compliant.ChangeBudget(b => b with { TotalValue = 300_000 }).ChangeProcurement(p => p with { Route = ProcurementRoute.Open, Reservation = Reservation.None, Lots = [new Lot(), new Lot()] }) },
        { "A8", Compliant.ChangeBudget(b => b with { TotalValue = 207_720 }).ChangeProcurement(p => p with { NoticePlanned = false }) },
        { "A8", Compliant.ChangeBudget(b => b with { TotalValue = null }).ChangeProcurement(p => p with { NoticePlanned = false }) },
        { "A9", Compliant.ChangeService(s => s with { HealthcareService = true }).ChangeProcurement(p => p with { Route = ProcurementRoute.GrantAward }) },
        { "A9", Compliant.ChangeService(s => s with { HealthcareService = true }).ChangeProcurement(p => p with { Route = null }) },
        { "A9", Compliant.ChangeService(s => s with { HealthcareService = null }).ChangeProcurement(p => p with { Route = ProcurementRoute.Open }) },
        { "A1", Compliant.ChangeBudget(b => b with { TotalValue = null }) },
        { "A2", Compliant.ChangeBudget(b => b with { TotalValue = 207_719 }).ChangeProcurement(p => p with { Reservation = Reservation.LocalArea }) },
        { "A4", Compliant.ChangeBudget(b => b with { PaymentTermsDays = null }) },
    };

    [Theory]
    [MemberData(nameof(Quiet))]
    public void EachAlertStaysQuietWhenItsConditionIsNotShown(string id, Plan plan)
    {
        Assert.DoesNotContain(id, plan.AlertIds());
    }

    [Fact]
    public void TheThresholdIsTheOneInForceOnThePlannedTenderDate()
    {
        // £210,000 is below the 2025 threshold (£214,904) and at or above the 2026 one (£207,720).
        var plan = Compliant.ChangeBudget(b => b with { TotalValue = 210_000 });
        var before = plan.ChangeProcurement(p => p with { PlannedTenderDate = new DateOnly(2025, 12, 31) }).Score();
        var from = plan.ChangeProcurement(p => p with { PlannedTenderDate = new DateOnly(2026, 1, 1) }).Score();

        Assert.DoesNotContain(before.Alerts, a => a.Id == "A1");
        Assert.Contains("£214,904", before.Notes[0]);
        Assert.Equal(Commissioning.Domain.Scoring.CriterionStatus.Met, before.Criterion("L1").Status);

        var a1 = Assert.Single(from.Alerts, a => a.Id == "A1");
        Assert.Equal("The route is below-threshold-open but the total value of £210,000 is at or above the goods and services (councils) threshold of £207,720. The contract may need an above-threshold procedure. Check with your procurement/legal team.", a1.Message);
        Assert.Contains("£207,720", from.Notes[0]);
    }

    [Fact]
    public void WithoutAPlannedTenderDateTheThresholdInForceTodayIsUsed()
    {
        var plan = Compliant.ChangeBudget(b => b with { TotalValue = 210_000 }).ChangeProcurement(p => p with { PlannedTenderDate = null });
        Assert.DoesNotContain("A1", plan.Score(today: new DateOnly(2025, 12, 31)).Alerts.Select(a => a.Id));
        var scorecard = plan.Score(today: new DateOnly(2026, 1, 1));
        Assert.Contains("A1", scorecard.Alerts.Select(a => a.Id));
        Assert.Equal(new DateOnly(2026, 1, 1), scorecard.ScoredFor);
        Assert.Contains("as the plan has no planned tender date", scorecard.Notes[0]);
    }

    [Fact]
    public void LightTouchServicesUseTheLightTouchThreshold()
    {
        var plan = Compliant.ChangeBudget(b => b with { TotalValue = 600_000 });
        Assert.Contains("A1", plan.AlertIds());
        Assert.DoesNotContain("A1", plan.ChangeService(s => s with { LightTouch = true }).AlertIds());
        Assert.Contains("A1", plan.ChangeService(s => s with { LightTouch = true }).ChangeBudget(b => b with { TotalValue = 663_540 }).AlertIds());
    }
}
