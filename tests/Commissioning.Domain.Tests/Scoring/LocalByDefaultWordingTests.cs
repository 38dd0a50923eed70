using Commissioning.Domain.Plans;
using Commissioning.Domain.Scoring;
using static Commissioning.Domain.Scoring.CriterionStatus;

namespace Commissioning.Domain.Tests.Scoring;

public class LocalByDefaultWordingTests
{
    private static EngagementEvent Event(DateOnly? date, string? name, string postcode, OrganisationType type = OrganisationType.Vcse) => new()
    {
        Date = date,
        Organisations = [new EngagedOrganisation { Name = name, Type = type, Postcode = postcode }],
    };

    private static readonly Dictionary<string, (string Id, Plan Plan)> Cases = new()
    {
        ["uk reservation"] = ("L1", TestPlans.Procured().ChangeProcurement(p => p with { Reservation = Reservation.Uk })),
        ["supported employment below"] = ("L1", TestPlans.Procured().ChangeProcurement(p => p with { Reservation = Reservation.SupportedEmployment })),
        ["recorded reason"] = ("L1", TestPlans.Procured().ChangeProcurement(p => p with { Reservation = Reservation.None, ReservationReason = "  Only one provider can deliver it  " })),
        ["grant without reservation"] = ("L1", TestPlans.Grant().ChangeProcurement(p => p with { Reservation = Reservation.None })),
        ["no lots"] = ("L2", TestPlans.Procured().ChangeBudget(b => b with { TotalValue = 150_000 }).ChangeProcurement(p => p with { Lots = [] })),
        ["one lot"] = ("L2", TestPlans.Procured().ChangeBudget(b => b with { TotalValue = 150_000 }).ChangeProcurement(p => p with { Lots = [new Lot { Value = 150_000 }] })),
        ["reason for one lot"] = ("L2", TestPlans.Procured().ChangeBudget(b => b with { TotalValue = 150_000 }).ChangeProcurement(p => p with { Lots = [new Lot { Value = 150_000 }], NoLotsReason = "One pathway" })),
        ["award for a consortium"] = ("L3", TestPlans.Grant().ChangeBudget(b => b with { MaximumAward = 300_000 })),
        ["award too large without consortia"] = ("L3", TestPlans.Grant().ChangeBudget(b => b with { MaximumAward = 500_000 }).ChangeProcurement(p => p with { ConsortiaWelcome = false })),
        ["contract too large with consortia"] = ("L3", TestPlans.Procured().ChangeBudget(b => b with { TotalValue = 1_500_000, TermMonths = 36 }).ChangeProcurement(p => p with { Lots = null, ConsortiaWelcome = true })),
        ["lots without values"] = ("L3", TestPlans.Procured().ChangeProcurement(p => p with { Lots = [new Lot(), new Lot()] })),
        ["largest lot too large"] = ("L3", TestPlans.Procured().ChangeBudget(b => b with { TotalValue = 1_000_000, TermMonths = 12 }).ChangeProcurement(p => p with { Lots = [new Lot { Value = 300_000 }, new Lot(), new Lot { Value = 700_000 }], ConsortiaWelcome = null })),
        ["lots without values or a total"] = ("L3", TestPlans.Procured().ChangeBudget(b => b with { TotalValue = null }).ChangeProcurement(p => p with { Lots = [new Lot()] })),
        ["no lots and no total"] = ("L3", TestPlans.Procured().ChangeBudget(b => b with { TotalValue = null }).ChangeProcurement(p => p with { Lots = [] })),
        ["a term of no months"] = ("L3", TestPlans.Procured().ChangeBudget(b => b with { TermMonths = 0, ExtensionMonths = null })),
        ["an event with two local organisations"] = ("L4", TestPlans.Procured().WithEngagement(new EngagementEvent
        {
            Date = new DateOnly(2025, 11, 1),
            Organisations =
            [
                new EngagedOrganisation { Name = "Big Co", Type = OrganisationType.Large, Postcode = "SG1 1AA" },
                new EngagedOrganisation { Name = "Stevenage CVS", Type = OrganisationType.Infrastructure, Postcode = "SG1 1HN" },
                new EngagedOrganisation { Name = "Shephall Trust", Type = OrganisationType.Vcse, Postcode = "SG2 9QT" },
            ],
        })),
        ["an event without organisations"] = ("L4", TestPlans.Procured().WithEngagement(new EngagementEvent { Date = new DateOnly(2025, 11, 1) }, Event(new DateOnly(2025, 12, 20), "Bedwell Community Association", "SG1 2BB"), Event(null, "Shephall Trust", "SG2 9QT"))),
        ["healthcare not said, light-touch false"] = ("L8", TestPlans.Procured().ChangeService(s => s with { LightTouch = false, HealthcareService = null }).ChangeProcurement(p => p with { Route = ProcurementRoute.Open })),
        ["light-touch not said, healthcare false"] = ("L8", TestPlans.Procured().ChangeService(s => s with { LightTouch = null, HealthcareService = false }).ChangeProcurement(p => p with { Route = ProcurementRoute.Open })),
        ["no term"] = ("L3", TestPlans.Procured().ChangeBudget(b => b with { TermMonths = null, TotalValue = 9_600_000 })),
        ["no local organisation"] = ("L4", TestPlans.Procured().WithEngagement(Event(new DateOnly(2025, 11, 1), "Big Co", "LU1 1AA", OrganisationType.Large), Event(null, null, "SG1 1HN", OrganisationType.Sme))),
        ["late and unnamed"] = ("L4", TestPlans.Procured().WithEngagement(Event(TestPlans.TenderDate.AddDays(-20), null, "sg2 9qt"), Event(TestPlans.TenderDate.AddDays(-30), "Bedwell Community Association", "SG1 2BB"))),
        ["undated events"] = ("L4", TestPlans.Procured().WithEngagement(Event(null, "Bedwell Community Association", "SG1 2BB"))),
        ["after the tender"] = ("L4", TestPlans.Procured().WithEngagement(Event(TestPlans.TenderDate.AddDays(10), "Bedwell Community Association", "SG1 2BB"))),
        ["social value without local measure"] = ("L5", TestPlans.Procured().ChangeProcurement(p => p with { Weighting = new Weighting { SocialValue = 12 }, SocialValueMeasures = [new SocialValueMeasure { Local = false }, new SocialValueMeasure { Local = null }] })),
        ["social value low and no measures"] = ("L5", TestPlans.Procured().ChangeProcurement(p => p with { Weighting = new Weighting { SocialValue = 7.5m }, SocialValueMeasures = null })),
        ["measures without weight"] = ("L5", TestPlans.Procured().ChangeProcurement(p => p with { Weighting = new Weighting { Price = 30 } })),
        ["target without definition"] = ("L6", TestPlans.Procured().ChangeProcurement(p => p with { LocalDefinition = " " })),
        ["definition without target"] = ("L6", TestPlans.Procured().ChangeProcurement(p => p with { LocalSpendTargetPercent = 0, LocalDefinition = " SG1 and SG2 " })),
        ["neither target nor definition"] = ("L6", TestPlans.Procured().ChangeProcurement(p => p with { LocalSpendTargetPercent = null, LocalDefinition = "" })),
        ["neighbourhoods without links"] = ("L7", TestPlans.Procured().ChangeService(s => s with { LinkedServices = [" "] })),
        ["links without neighbourhoods"] = ("L7", TestPlans.Procured().ChangeService(s => s with { Neighbourhoods = [], LinkedServices = ["Housing options", "GP social prescribing"] })),
        ["neither neighbourhoods nor links"] = ("L7", TestPlans.Procured().ChangeService(s => s with { Neighbourhoods = null, LinkedServices = [] })),
        ["healthcare on an open route"] = ("L8", TestPlans.Procured().ChangeService(s => s with { HealthcareService = true, LightTouch = true }).ChangeProcurement(p => p with { Route = ProcurementRoute.Open })),
        ["light touch on an open route"] = ("L8", TestPlans.Procured().ChangeService(s => s with { LightTouch = true, HealthcareService = null }).ChangeProcurement(p => p with { Route = ProcurementRoute.CompetitiveFlexible })),
    };

    public static TheoryData<string, CriterionStatus, string?, Evidence[]> Expected => new()
    {
        { "an event with two local organisations", Met, null, [new Evidence("$.market.engagement", "1 event"), new Evidence("$.procurement.plannedTenderDate", "2026-03-02"),
            new Evidence("local postcode districts", "SG1, SG2"), new Evidence("local organisation engaged", "Stevenage CVS (SG1 1HN) on 2025-11-01")] },
        { "largest lot too large", NotMet, "The largest lot is worth £700,000 a year: above what a local organisation can take on (about £207,720 a year, or £415,440 with consortia welcome). Split it into smaller lots or awards, and welcome consortia.", [new Evidence("$.procurement.lots (largest value)", "£700,000"), new Evidence("$.budget.termMonths", "12"), new Evidence("$.budget.extensionMonths", "0"), new Evidence("annual value", "£700,000")] },
        { "lots without values or a total", NotEvidenced, "The plan does not say enough to score \"Size a local organisation can win\". Add $.procurement.lots[*].value.", [] },
        { "no lots and no total", NotEvidenced, "The plan does not say enough to score \"Size a local organisation can win\". Add $.budget.totalValue.", [] },
        { "a term of no months", NotEvidenced, "The plan does not say enough to score \"Size a local organisation can win\". Add $.budget.termMonths.", [new Evidence("$.budget.totalValue", "180000")] },
        { "an event without organisations", Met, null, [new Evidence("$.market.engagement", "3 events"), new Evidence("$.procurement.plannedTenderDate", "2026-03-02"), new Evidence("local postcode districts", "SG1, SG2"), new Evidence("local organisation engaged", "Bedwell Community Association (SG1 2BB) on 2025-12-20"), new Evidence("local organisation engaged", "Shephall Trust (SG2 9QT)")] },
        { "healthcare not said, light-touch false", NotApplicable, null, [new Evidence("$.service.lightTouch", "false")] },
        { "light-touch not said, healthcare false", NotApplicable, null, [new Evidence("$.service.healthcareService", "false")] },
        { "uk reservation", PartlyMet, "Only a UK-wide reservation is recorded. This £180,000 contract is below the £207,720 (goods and services (councils)) threshold, so it can be limited to the local area and/or to SMEs and VCSEs, which keeps more of the money local.", [new Evidence("$.procurement.reservation", "uk"), new Evidence("$.budget.totalValue", "180000"), new Evidence("threshold", "£207,720 (goods and services (councils))")] },
        { "supported employment below", PartlyMet, "A supported-employment reservation is recorded. This £180,000 contract is below the £207,720 (goods and services (councils)) threshold, so it can also be limited to the local area and/or to SMEs and VCSEs.", [new Evidence("$.procurement.reservation", "supported-employment"), new Evidence("$.budget.totalValue", "180000"), new Evidence("threshold", "£207,720 (goods and services (councils))")] },
        { "recorded reason", PartlyMet, "You recorded why there is no reservation (\"Only one provider can deliver it\"). This £180,000 contract is below the £207,720 (goods and services (councils)) threshold, so it can be limited to the local area and/or to SMEs and VCSEs; check that the reason still holds.", [new Evidence("$.procurement.reservation", "none"), new Evidence("$.procurement.reservationReason", "\"  Only one provider can deliver it  \""), new Evidence("$.budget.totalValue", "180000"), new Evidence("threshold", "£207,720 (goods and services (councils))")] },
        { "grant without reservation", NotMet, "Grant funding is outside the Procurement Act, so it can be limited to organisations in the local area and/or to SMEs and VCSEs. Reserve it that way, or record in reservationReason why not.", [new Evidence("$.procurement.reservation", "none"), new Evidence("$.budget.fundingModel", "grant")] },
        { "no lots", NotMet, "At £150,000 this is large enough to divide, but the plan has no lots. Split it into lots by neighbourhood, client group or service type so local organisations can bid, or record in noLotsReason why one contract is needed.", [new Evidence("$.budget.totalValue", "150000"), new Evidence("threshold", "£207,720 (goods and services (councils))"), new Evidence("$.procurement.lots", "0")] },
        { "one lot", NotMet, "At £150,000 this is large enough to divide, but the plan has one lot. Split it into lots by neighbourhood, client group or service type so local organisations can bid, or record in noLotsReason why one contract is needed.", [new Evidence("$.budget.totalValue", "150000"), new Evidence("threshold", "£207,720 (goods and services (councils))"), new Evidence("$.procurement.lots", "1")] },
        { "reason for one lot", Met, null, [new Evidence("$.budget.totalValue", "150000"), new Evidence("threshold", "£207,720 (goods and services (councils))"), new Evidence("$.procurement.lots", "1"), new Evidence("$.procurement.noLotsReason", "\"One pathway\"")] },
        { "award for a consortium", PartlyMet, "The largest award is £300,000: within reach of a consortium, but above the £207,720 a year a single local organisation can usually take on. Consider smaller lots so local organisations can bid on their own.", [new Evidence("$.budget.maximumAward", "300000"), new Evidence("$.procurement.consortiaWelcome", "true")] },
        { "award too large without consortia", NotMet, "The largest award is £500,000: above what a local organisation can take on (about £207,720 a year, or £415,440 with consortia welcome). Split it into smaller lots or awards, and welcome consortia.", [new Evidence("$.budget.maximumAward", "500000"), new Evidence("$.procurement.consortiaWelcome", "false")] },
        { "contract too large with consortia", NotMet, "The contract is worth £500,000 a year: above what a local organisation can take on (about £207,720 a year, or £415,440 with consortia welcome). Split it into smaller lots or awards.", [new Evidence("$.budget.totalValue", "1500000"), new Evidence("$.budget.termMonths", "36"), new Evidence("$.budget.extensionMonths", "0"), new Evidence("annual value", "£500,000"), new Evidence("$.procurement.consortiaWelcome", "true")] },
        { "lots without values", Met, null, [new Evidence("$.budget.totalValue", "180000"), new Evidence("$.budget.termMonths", "36"), new Evidence("$.budget.extensionMonths", "0"), new Evidence("annual value", "£60,000"), new Evidence("$.procurement.consortiaWelcome", "true")] },
        { "no term", NotEvidenced, "The plan does not say enough to score \"Size a local organisation can win\". Add $.budget.termMonths.", [new Evidence("$.budget.totalValue", "9600000")] },
        { "no local organisation", PartlyMet, "No engagement event (2 recorded) included a VCSE or infrastructure body with a postcode in SG1 and SG2. Invite local VCSEs and the local infrastructure body, and record their postcodes.", [new Evidence("$.market.engagement", "2 events"), new Evidence("$.procurement.plannedTenderDate", "2026-03-02"), new Evidence("local postcode districts", "SG1, SG2")] },
        { "late and unnamed", PartlyMet, "Local organisations were engaged, but the earliest such event was 4 weeks before the planned tender date of 2026-03-02. Engage at least 8 weeks before, so they can shape the service and form partnerships.", [new Evidence("$.market.engagement", "2 events"), new Evidence("$.procurement.plannedTenderDate", "2026-03-02"), new Evidence("local postcode districts", "SG1, SG2"), new Evidence("local organisation engaged", "(unnamed) (SG2 9QT) on 2026-02-10"), new Evidence("local organisation engaged", "Bedwell Community Association (SG1 2BB) on 2026-01-31")] },
        { "undated events", PartlyMet, "Local organisations were engaged, but without the dates of the events the timing cannot be checked. Engage at least 8 weeks before the tender and record the dates.", [new Evidence("$.market.engagement", "1 event"), new Evidence("$.procurement.plannedTenderDate", "2026-03-02"), new Evidence("local postcode districts", "SG1, SG2"), new Evidence("local organisation engaged", "Bedwell Community Association (SG1 2BB)")] },
        { "after the tender", PartlyMet, "Local organisations were engaged, but the earliest such event was 0 weeks before the planned tender date of 2026-03-02. Engage at least 8 weeks before, so they can shape the service and form partnerships.", [new Evidence("$.market.engagement", "1 event"), new Evidence("$.procurement.plannedTenderDate", "2026-03-02"), new Evidence("local postcode districts", "SG1, SG2"), new Evidence("local organisation engaged", "Bedwell Community Association (SG1 2BB) on 2026-03-12")] },
        { "social value without local measure", PartlyMet, "Social value is weighted at 12% but no measure is local. Add at least one local measure, for example local people employed or spend with local VCSEs.", [new Evidence("$.procurement.weighting.socialValue", "12"), new Evidence("$.procurement.socialValueMeasures", "2 measure(s), 0 local")] },
        { "social value low and no measures", PartlyMet, "Social value is weighted at 7.5%. Raise it to at least 10% and include at least one local measure. Also add $.procurement.socialValueMeasures so this can be judged in full.", [new Evidence("$.procurement.weighting.socialValue", "7.5")] },
        { "measures without weight", NotMet, "Social value is weighted at 0%. Raise it to at least 10% and include at least one local measure. Also add $.procurement.weighting.socialValue so this can be judged in full.", [new Evidence("$.procurement.socialValueMeasures", "1 measure(s), 1 local")] },
        { "target without definition", PartlyMet, "A local spend target of 60% is set, but \"local\" is not defined. Define it (for example by postcode district) so local spend can be counted. English councils sent about 46% of spend to local suppliers in 2022.", [new Evidence("$.procurement.localSpendTargetPercent", "60"), new Evidence("$.procurement.localDefinition", "\" \"")] },
        { "definition without target", PartlyMet, "\"Local\" is defined (SG1 and SG2) but there is no local spend target. Set one; English councils sent about 46% of spend to local suppliers in 2022.", [new Evidence("$.procurement.localSpendTargetPercent", "0"), new Evidence("$.procurement.localDefinition", "\" SG1 and SG2 \"")] },
        { "neither target nor definition", NotMet, "Set a local spend target and define what \"local\" means (for example by postcode district). English councils sent about 46% of spend to local suppliers in 2022.", [new Evidence("$.procurement.localDefinition", "\"\"")] },
        { "neighbourhoods without links", PartlyMet, "Delivery is organised by 2 named neighbourhood(s) but no linked services are named. Name the services this must work with, for example GP social prescribing or housing options.", [new Evidence("$.service.neighbourhoods", "Bedwell, Shephall"), new Evidence("$.service.linkedServices", " ")] },
        { "links without neighbourhoods", PartlyMet, "2 linked service(s) are named, but delivery is not organised by neighbourhood. Name the neighbourhoods or wards it serves.", [new Evidence("$.service.neighbourhoods", "none"), new Evidence("$.service.linkedServices", "Housing options, GP social prescribing")] },
        { "neither neighbourhoods nor links", NotMet, "Name the neighbourhoods or wards the service is organised around, and the services it must work with.", [new Evidence("$.service.linkedServices", "none")] },
        { "healthcare on an open route", PartlyMet, "This healthcare service is planned under the open route. A light-touch flexible process, a public-service-mutual reservation or, for healthcare, a Provider Selection Regime route lets you design the process around the people who use it; consider one.", [new Evidence("$.service.lightTouch", "true"), new Evidence("$.service.healthcareService", "true"), new Evidence("$.budget.fundingModel", "contract"), new Evidence("$.procurement.route", "open"), new Evidence("$.procurement.reservation", "local-area-and-sme-vcse")] },
        { "light touch on an open route", PartlyMet, "This light-touch service is planned under the competitive-flexible route. A light-touch flexible process, a public-service-mutual reservation or, for healthcare, a Provider Selection Regime route lets you design the process around the people who use it; consider one.", [new Evidence("$.service.lightTouch", "true"), new Evidence("$.budget.fundingModel", "contract"), new Evidence("$.procurement.route", "competitive-flexible"), new Evidence("$.procurement.reservation", "local-area-and-sme-vcse")] },
    };

    /// <summary>Each way a criterion falls short, word for word: the evidence it read and the advice in the plan's own numbers.</summary>
    [Theory]
    [MemberData(nameof(Expected))]
    public void EachShortfallReadsTheEvidenceAndGivesTheAdviceInThePlansOwnNumbers(string name, CriterionStatus status, string? recommendation, Evidence[] evidence)
    {
        var (id, plan) = Cases[name];
        plan.AssertResult(id, status, recommendation, evidence);
    }
}
