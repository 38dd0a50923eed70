using Commissioning.Domain.Plans;
using Commissioning.Domain.Rubrics;
using Commissioning.Domain.Scoring;
using RubricVersions = Commissioning.Domain.Rubrics.Rubrics;
using static Commissioning.Domain.Scoring.CriterionStatus;

namespace Commissioning.Domain.Tests.Scoring;

/// <summary>
/// Property (decision 0013): a criterion is not evidenced only when the missing answer could change it. For every
/// criterion that comes out not evidenced on a sample plan, a sample with parts left out, or a generated plan, the
/// missing fields are filled with every value that could matter (each choice, yes and no, the numbers at and either
/// side of the rubric's own boundaries, an empty and a full list) and the plan scored again. If every completion
/// gives the same status, or met and not applicable only, the missing answer could not have changed anything and the
/// test fails. The values are chosen here, from the rubric, not taken from the engine.
/// </summary>
public class MissingAnswerPropertyTests
{
    private const int GeneratedPlans = 400;
    private const int MostQuestionsInTurn = 4;

    private static readonly Rubric Rubric = RubricVersions.Current;
    private static readonly RuleParameters Parameters = Rubric.Parameters;

    [Fact]
    public void NoCriterionIsNotEvidencedForAMissingAnswerThatCouldNotChangeIt()
    {
        var findings = new List<string>();
        var criteria = 0;
        foreach (var (name, plan) in PlansToTry())
        {
            var scorecard = plan.Score();
            foreach (var result in scorecard.Dimensions.SelectMany(d => d.Criteria).Where(c => c.Status == NotEvidenced && c.MissingFields.Count > 0))
            {
                criteria++;
                var statuses = new SortedSet<CriterionStatus>();
                Complete(plan, result.Id, result.MissingFields, 1, statuses);
                if (statuses.Count == 1 || statuses.SetEquals([Met, NotApplicable]))
                {
                    findings.Add($"{result.Id} on {name}: missing {string.Join(", ", result.MissingFields)}; every completion is {string.Join(" or ", statuses)}");
                }
            }
        }
        Assert.True(criteria >= 500, $"Only {criteria} not-evidenced criteria were tried: the plans no longer exercise the property.");
        Assert.True(findings.Count == 0, string.Join("\n", findings.Take(40)));
    }

    [Fact]
    public void TheCompletionsCoverEveryFieldTheRulesAskFor()
    {
        var asked = PlansToTry().SelectMany(p => p.Plan.Score().Dimensions).SelectMany(d => d.Criteria).SelectMany(c => c.MissingFields).ToHashSet();
        Assert.DoesNotContain(asked, field => !Completions.ContainsKey(field));
        Assert.Contains("$.service.lightTouch", asked);
    }

    /// <summary>Fills <paramref name="fields"/> with every combination of their values; a completion still not evidenced is completed in turn.</summary>
    private static void Complete(Plan plan, string criterion, IReadOnlyList<string> fields, int depth, SortedSet<CriterionStatus> statuses)
    {
        IEnumerable<Plan> completions = [plan];
        foreach (var field in fields)
        {
            if (!Completions.TryGetValue(field, out var fill))
            {
                statuses.Add(NotEvidenced);
                return;
            }
            completions = completions.SelectMany(fill).ToList();
        }
        foreach (var completed in completions)
        {
            var result = Judge(completed, criterion);
            if (result.Status == NotEvidenced && result.MissingFields.Count > 0 && depth < MostQuestionsInTurn)
            {
                Complete(completed, criterion, result.MissingFields, depth + 1, statuses);
            }
            else
            {
                statuses.Add(result.Status);
            }
        }
    }

    private static readonly Dictionary<string, CriterionDefinition> Criteria = Rubric.Dimensions.SelectMany(d => d.Criteria).ToDictionary(c => c.Id);

    /// <summary>One criterion of <see cref="TestPlans.Score"/>, judged alone (the whole scorecard 24 times over is what made this slow).</summary>
    private static Assessment Judge(Plan plan, string criterion) =>
        CriterionRules.Assess(Criteria[criterion], new PlanFacts(plan, Rubric, Samples.Stevenage, Samples.Today));

    private static IEnumerable<(string Name, Plan Plan)> PlansToTry()
    {
        foreach (var name in Samples.PlanNames)
        {
            var sample = Samples.Plan(name);
            yield return (name, sample);
            yield return ($"{name} without lightTouch and healthcareService", sample.ChangeService(s => s with { LightTouch = null, HealthcareService = null }));
            yield return ($"{name} without service", sample with { Service = null });
            yield return ($"{name} without budget", sample with { Budget = null });
            yield return ($"{name} without procurement", sample with { Procurement = null });
            yield return ($"{name} without market", sample with { Market = null });
            yield return ($"{name} without coDesign", sample with { CoDesign = null });
        }
        for (var seed = 1; seed <= GeneratedPlans; seed++)
        {
            yield return ($"generated plan {seed}", RandomPlans.Next(new Random(seed)));
        }
    }

    // ---- The values each field can take that could matter to a rule ----

    private static readonly Dictionary<string, Func<Plan, IEnumerable<Plan>>> Completions = new(StringComparer.Ordinal)
    {
        ["$.service.lightTouch"] = plan => YesNo(v => plan.ChangeService(s => s with { LightTouch = v })),
        ["$.service.healthcareService"] = plan => YesNo(v => plan.ChangeService(s => s with { HealthcareService = v })),
        ["$.service.neighbourhoods"] = plan => Lists(v => plan.ChangeService(s => s with { Neighbourhoods = v }), [], ["Bedwell"]),
        ["$.service.linkedServices"] = plan => Lists(v => plan.ChangeService(s => s with { LinkedServices = v }), [], ["Housing options"]),

        ["$.budget.totalValue"] = plan => Numbers(TotalValueBoundaries(plan), v => plan.ChangeBudget(b => b with { TotalValue = v })),
        ["$.budget.termMonths"] = plan => Numbers(TermBoundaries(plan), v => plan.ChangeBudget(b => b with { TermMonths = (int)v })),
        ["$.budget.fundingModel"] = plan => Choices<FundingModel>(v => plan.ChangeBudget(b => b with { FundingModel = v })),
        ["$.budget.maximumAward"] = plan => Numbers(Around(Parameters.LocalSizeAnnualValue, Parameters.LocalSizeAnnualValue * Parameters.ConsortiumSizeMultiple), v => plan.ChangeBudget(b => b with { MaximumAward = v })),
        ["$.budget.grantConsidered"] = plan => Texts(v => plan.ChangeBudget(b => b with { GrantConsidered = v })),
        ["$.budget.paymentTermsDays"] = plan => Numbers([0, .. Around(Parameters.PaymentTermsMaxDays)], v => plan.ChangeBudget(b => b with { PaymentTermsDays = (int)v })),
        ["$.budget.paymentSchedule"] = plan => Choices<PaymentSchedule>(v => plan.ChangeBudget(b => b with { PaymentSchedule = v })),
        ["$.budget.paymentByResultsPercent"] = plan => Numbers([0, .. Around(Parameters.PaymentByResultsMetPercent, Parameters.PaymentByResultsPartlyPercent)], v => plan.ChangeBudget(b => b with { PaymentByResultsPercent = v })),
        ["$.budget.fullCostRecovery"] = plan => YesNo(v => plan.ChangeBudget(b => b with { FullCostRecovery = v })),
        ["$.budget.communityControlledPercent"] = plan => Numbers([0, 1, .. Around(Parameters.CommunityControlledMetPercent), 100], v => plan.ChangeBudget(b => b with { CommunityControlledPercent = v })),

        ["$.procurement.route"] = plan => Choices<ProcurementRoute>(v => plan.ChangeProcurement(p => p with { Route = v })),
        ["$.procurement.reservation"] = plan => Choices<Reservation>(v => plan.ChangeProcurement(p => p with { Reservation = v })),
        ["$.procurement.lots"] = plan => LotCompletions(plan),
        ["$.procurement.noLotsReason"] = plan => Texts(v => plan.ChangeProcurement(p => p with { NoLotsReason = v })),
        ["$.procurement.lots[*].value"] = plan => Numbers(
            [1, .. Around(Parameters.LocalSizeAnnualValue, Parameters.LocalSizeAnnualValue * Parameters.ConsortiumSizeMultiple).Select(v => v * Years(plan)), 50_000_000m],
            v => plan.ChangeProcurement(p => p with { Lots = [.. p.Lots!.Select(l => l with { Value = v })] })),
        ["$.procurement.insurance"] = plan => new[]
        {
            new Insurance { RequiredAt = InsuranceStage.Award, PublicLiability = Parameters.PublicLiabilityMax },
            new Insurance { RequiredAt = InsuranceStage.Award, PublicLiability = Parameters.PublicLiabilityMax + 1 },
            new Insurance { RequiredAt = InsuranceStage.Participation, PublicLiability = Parameters.PublicLiabilityMax },
        }.Select(v => plan.ChangeProcurement(p => p with { Insurance = v })),
        ["$.procurement.selectionQuestionnaire"] = plan => YesNo(v => plan.ChangeProcurement(p => p with { SelectionQuestionnaire = v })),
        ["$.procurement.minimumAnnualTurnover"] = plan => Numbers([0, 100_000_000m], v => plan.ChangeProcurement(p => p with { MinimumAnnualTurnover = v })),
        ["$.procurement.bidWindowDays"] = plan => Numbers(Around(Parameters.BidWindowPartlyDays, Parameters.BidWindowMetDays), v => plan.ChangeProcurement(p => p with { BidWindowDays = (int)v })),
        ["$.procurement.weighting.socialValue"] = plan => Numbers([0, .. Around(Parameters.SocialValuePartlyPercent, Parameters.SocialValueMetPercent)],
            v => plan.ChangeProcurement(p => p with { Weighting = (p.Weighting ?? new Weighting()) with { SocialValue = v } })),
        ["$.procurement.weighting.price"] = plan => Numbers([0, .. Around(Parameters.PriceWeightMaxPercent)],
            v => plan.ChangeProcurement(p => p with { Weighting = (p.Weighting ?? new Weighting()) with { Price = v } })),
        ["$.procurement.socialValueMeasures"] = plan => Lists(v => plan.ChangeProcurement(p => p with { SocialValueMeasures = v }),
            [], [new SocialValueMeasure { Description = "Local jobs", Local = true }], [new SocialValueMeasure { Description = "Apprenticeships", Local = false }]),
        ["$.procurement.localSpendTargetPercent"] = plan => Numbers([0, 60], v => plan.ChangeProcurement(p => p with { LocalSpendTargetPercent = v })),
        ["$.procurement.localDefinition"] = plan => Texts(v => plan.ChangeProcurement(p => p with { LocalDefinition = v })),
        ["$.procurement.scoredQuestions"] = plan => Numbers(Around(Parameters.ScoredQuestionsMet, Parameters.ScoredQuestionsPartly, Parameters.ScoredQuestionsPartly * Parameters.AboveThresholdProcessMultiple),
            v => plan.ChangeProcurement(p => p with { ScoredQuestions = (int)v })),
        ["$.procurement.wordLimitTotal"] = plan => Numbers(Around(Parameters.WordLimitMet, Parameters.WordLimitPartly, Parameters.WordLimitPartly * Parameters.AboveThresholdProcessMultiple),
            v => plan.ChangeProcurement(p => p with { WordLimitTotal = (int)v })),
        ["$.procurement.tupe.applies"] = plan => YesNo(v => plan.ChangeProcurement(p => p with { Tupe = (p.Tupe ?? new Tupe()) with { Applies = v } })),

        ["$.market.engagement"] = plan => EngagementCompletions(plan),

        ["$.coDesign.involvementLevel"] = plan => Choices<InvolvementLevel>(v => plan.ChangeCoDesign(c => c with { InvolvementLevel = v })),
        ["$.coDesign.activities"] = plan => Lists(v => plan.ChangeCoDesign(c => c with { Activities = v }),
            [],
            [new CoDesignActivity { Stage = CycleStage.Needs, Groups = ["carers"], AccessibleFormats = false }],
            [.. Enum.GetValues<CycleStage>().Select(s => new CoDesignActivity { Stage = s, Groups = ["carers", "young people"], AccessibleFormats = true })]),
        ["$.coDesign.evaluationPanel"] = plan => new[]
        {
            new EvaluationPanel { ResidentsScore = true, Trained = true, ConflictsDeclared = true },
            new EvaluationPanel { ResidentsScore = false, Trained = false, ConflictsDeclared = false },
        }.Select(v => plan.ChangeCoDesign(c => c with { EvaluationPanel = v })),
        ["$.coDesign.socialValueConsultation"] = plan => Choices<SocialValueConsultation>(v => plan.ChangeCoDesign(c => c with { SocialValueConsultation = v })),
        ["$.coDesign.feedback"] = plan => new[]
        {
            new Feedback { Published = true, WithinWeeks = Parameters.FeedbackWithinWeeks },
            new Feedback { Published = false },
        }.Select(v => plan.ChangeCoDesign(c => c with { Feedback = v })),
        ["$.coDesign.outcomesCoDesigned"] = plan => YesNo(v => plan.ChangeCoDesign(c => c with { OutcomesCoDesigned = v })),
        ["$.coDesign.communityReviewMonths"] = plan => Numbers(Around(Parameters.CommunityReviewMaxMonths), v => plan.ChangeCoDesign(c => c with { CommunityReviewMonths = (int)v })),
    };

    private static IEnumerable<Plan> YesNo(Func<bool, Plan> fill) => [fill(true), fill(false)];

    private static IEnumerable<Plan> Choices<TEnum>(Func<TEnum, Plan> fill) where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(fill);

    private static IEnumerable<Plan> Texts(Func<string, Plan> fill) => [fill(""), fill("The reason, recorded.")];

    private static IEnumerable<Plan> Lists<T>(Func<IReadOnlyList<T>, Plan> fill, params IReadOnlyList<T>[] lists) => lists.Select(fill);

    private static IEnumerable<Plan> Numbers(IEnumerable<decimal> values, Func<decimal, Plan> fill) => values.Where(v => v >= 0).Distinct().Select(fill);

    /// <summary>Each boundary, and one either side of it.</summary>
    private static IEnumerable<decimal> Around(params decimal[] boundaries) => boundaries.SelectMany(b => new[] { b - 1, b, b + 1 });

    private static decimal Years(Plan plan) => plan.Budget?.TermMonths is > 0 and var term ? (term + (plan.Budget.ExtensionMonths ?? 0)) / 12m : 1m;

    /// <summary>The rubric's boundaries on a total value: the lots floor, every threshold, and the local size over the plan's years.</summary>
    private static IEnumerable<decimal> TotalValueBoundaries(Plan plan) =>
    [
        1,
        .. Around(Parameters.LotsExpectedAboveValue),
        .. Rubric.Thresholds.SelectMany(t => Around(t.Amount)),
        .. Around(Parameters.LocalSizeAnnualValue, Parameters.LocalSizeAnnualValue * Parameters.ConsortiumSizeMultiple).Select(v => v * Years(plan)),
        PlanShape.MaxMoney,
    ];

    /// <summary>The rubric's boundaries on a term with extensions, and terms that make the plan's value local-sized or not.</summary>
    private static IEnumerable<decimal> TermBoundaries(Plan plan)
    {
        var extension = plan.Budget?.ExtensionMonths ?? 0;
        decimal[] totals = [1, 12, .. Around(Parameters.TermPartlyFromMonths, Parameters.TermMetFromMonths, Parameters.TermMetToMonths), 120, PlanShape.MaxMonths];
        return totals.Select(t => t - extension).Where(t => t is >= 1 and <= PlanShape.MaxMonths);
    }

    private static IEnumerable<Plan> LotCompletions(Plan plan)
    {
        var total = plan.Budget?.TotalValue ?? 1_000_000m;
        IReadOnlyList<Lot>[] lots = [[], [new Lot { Value = total }], [new Lot { Value = total / 2 }, new Lot { Value = total / 2 }]];
        return lots.Select(l => plan.ChangeProcurement(p => p with { Lots = l }));
    }

    private static IEnumerable<Plan> EngagementCompletions(Plan plan)
    {
        var tender = plan.Procurement?.PlannedTenderDate ?? TestPlans.TenderDate;
        EngagementEvent Event(int daysBefore, string postcode) => new()
        {
            Date = tender.AddDays(-daysBefore),
            Organisations = [new EngagedOrganisation { Name = "Bedwell Community Association", Type = OrganisationType.Vcse, Postcode = postcode }],
        };
        return [plan.WithEngagement(), plan.WithEngagement(Event(90, "SG1 2BB")), plan.WithEngagement(Event(10, "SG1 2BB")), plan.WithEngagement(Event(90, "LU1 1AA"))];
    }
}
