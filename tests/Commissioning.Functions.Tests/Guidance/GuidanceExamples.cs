using Commissioning.Functions.Guidance;
using Commissioning.Functions.Rendering;
using Commissioning.Functions.Tests.Infrastructure;
using static Commissioning.Functions.Tests.Infrastructure.ScorecardBuilder;

namespace Commissioning.Functions.Tests.Guidance;

/// <summary>A scored plan that exercises every section of the guidance, and the renderer over the real templates.</summary>
public static class GuidanceExamples
{
    public static GuidanceLinks Links { get; } = new(
        "/api/plans/E07000243/SBC-2026-014?version=3",
        "/api/plans/E07000243/SBC-2026-014/guidance?format=html&version=3",
        "/api/plans/E07000243/SBC-2026-014/guidance?format=md&version=3");

    public static GuidanceRenderer Renderer() => new(new TemplateLibrary(RepositoryPaths.Combine("templates")));

    /// <summary>
    /// Local by default: L1 met, L3 partly, L4 not met, L2 not applicable; funding: P2 not met, P4 not met,
    /// P1 met; co-design: C1 partly, C2 not evidenced. Two alerts, one note, one missing field.
    /// <paramref name="evidence"/>, when given, replaces the plan text the criteria quote as evidence.
    /// </summary>
    public static ScorecardBuilder Scorecard(string? evidence = null) => new ScorecardBuilder()
        .Dimension("local-by-default", "Local by default",
            Criterion("L1", "Reservation considered", CriterionStatus.Met, 15,
                evidence: [new Evidence("procurement.reservation", evidence ?? "local-area-and-sme-vcse")], principles: [3, 6]),
            Criterion("L2", "Lots", CriterionStatus.NotApplicable, 15),
            Criterion("L3", "Size a local organisation can win", CriterionStatus.PartlyMet, 10, gain: 2.4m,
                recommendation: "Split the £160,000 a year contract into lots of £80,000 or less.",
                evidence: [new Evidence("budget.totalValue", "480000"), new Evidence("procurement.lots[0].name", evidence ?? "North")],
                principles: [5]),
            Criterion("L4", "Early, two-way market engagement with local organisations", CriterionStatus.NotMet, 15, gain: 7.1m,
                recommendation: "Hold a workshop with local VCSEs at least 8 weeks before 2 March 2026.",
                evidence: [new Evidence("market.engagement", "[]")], basis: BasisKind.Guidance,
                basisText: "Procurement Act 2023 guidance on preliminary market engagement", principles: [5, 6]))
        .Dimension("proportionate-funding", "Proportionate funding",
            Criterion("P1", "Grant considered", CriterionStatus.Met, 15,
                evidence: [new Evidence("budget.grantConsidered", evidence ?? "A contract is needed because outcomes are specified.")]),
            Criterion("P2", "Cash flow", CriterionStatus.NotMet, 20, gain: 8.3m,
                recommendation: "Pay within 30 days: the plan says 45.",
                evidence: [new Evidence("budget.paymentTermsDays", "45")], basis: BasisKind.Law,
                basisText: "Procurement Act 2023 s.88", principles: [5]),
            Criterion("P4", "Time to bid", CriterionStatus.NotMet, 10, gain: 4.2m,
                recommendation: "Give at least 30 days to bid: the plan gives 10.",
                evidence: [new Evidence("procurement.bidWindowDays", "10")], principles: [6]))
        .Dimension("co-design", "Co-design through the whole cycle",
            Criterion("C1", "Depth of involvement", CriterionStatus.PartlyMet, 20, points: 15, gain: 1.7m,
                recommendation: "Move from co-design to co-production.",
                evidence: [new Evidence("coDesign.involvementLevel", "co-design")], principles: [1]),
            Criterion("C2", "Involvement across the cycle", CriterionStatus.NotEvidenced, 20, gain: 6.7m,
                recommendation: "Record co-design activities and their stages.",
                missingFields: ["coDesign.activities"], principles: [1, 2]))
        .Alert("A4", "Payment terms above 30 days", "The plan pays in 45 days; below threshold the Act expects 30.", "Procurement Act 2023 s.88")
        .Alert("A6", "Selection questionnaire below threshold", "The plan uses a selection questionnaire on a below-threshold services contract.", "Procurement Act 2023 s.85")
        .MissingField("coDesign.activities")
        .Note("Council E07000243 is not registered: locality criteria that need postcodes are not evidenced.")
        .Principle(3, "Increase local spend", 100)
        .Principle(5, "Commit to the community and support local organisations", 38)
        .Principle(6, "Commission simply and collaboratively", 52)
        .Principle(1, "Whole system, not service silos", 75);

    public static GuidanceNarrative ModelNarrative(string? text = null) => new(
        "model",
        text ?? "Your plan is close to amber-green. Paying sooner and talking to local groups early would lift it most.",
        new Dictionary<string, string>
        {
            ["L4"] = text ?? "Invite Stevenage CVS to co-host an early workshop.",
            ["P2"] = "Thirty-day terms keep small charities solvent.",
        });
}
