
namespace Commissioning.Domain.Tests.Scoring;

/// <summary>
/// Property: for random valid plans, making any single improvement a commissioner might make never lowers any
/// dimension score. Plans come from a seeded generator, so a failure names the seed that reproduces it.
/// </summary>
public class ImprovementPropertyTests
{
    private const int PlansToTry = 400;

    public static TheoryData<string> Improvements => [.. ImprovementsByName.Keys];

    private static readonly Dictionary<string, Func<Plan, Random, Plan?>> ImprovementsByName = new()
    {
        ["longer bid window"] = (plan, random) => plan.Procurement?.BidWindowDays is { } days && days < 90
            ? plan.ChangeProcurement(p => p with { BidWindowDays = random.Next(days + 1, 91) }) : null,
        ["lower payment by results"] = (plan, random) => plan.Budget?.PaymentByResultsPercent is { } pbr && pbr > 0
            ? plan.ChangeBudget(b => b with { PaymentByResultsPercent = random.Next(0, (int)pbr) }) : null,
        ["shorter payment terms"] = (plan, random) => plan.Budget?.PaymentTermsDays is { } days && days > 0
            ? plan.ChangeBudget(b => b with { PaymentTermsDays = random.Next(0, days) }) : null,
        ["more co-design stages"] = (plan, random) =>
        {
            var activities = plan.CoDesign?.Activities ?? [];
            var missing = Enum.GetValues<CycleStage>().Where(s => activities.All(a => a.Stage != s)).ToList();
            return missing.Count == 0 ? null : plan.ChangeCoDesign(c => c with
            {
                Activities = [.. activities, new CoDesignActivity { Stage = missing[random.Next(missing.Count)], Method = CoDesignMethod.Workshop }],
            });
        },
        ["splitting a lot"] = (plan, _) =>
        {
            var lots = plan.Procurement?.Lots;
            if (lots is null or { Count: 0 })
            {
                return plan.Budget?.TotalValue is { } total
                    ? plan.ChangeProcurement(p => p with { Lots = [new Lot { Value = total / 2 }, new Lot { Value = total / 2 }] })
                    : plan.ChangeProcurement(p => p with { Lots = [new Lot(), new Lot()] });
            }
            var largest = lots.OrderByDescending(l => l.Value ?? 0).First();
            var half = largest.Value / 2;
            return plan.ChangeProcurement(p => p with { Lots = [.. lots.Where(l => !ReferenceEquals(l, largest)), largest with { Value = half }, largest with { Value = half }] });
        },
        ["higher involvement level"] = (plan, random) => plan.CoDesign?.InvolvementLevel is { } level && level < InvolvementLevel.CoProduction
            ? plan.ChangeCoDesign(c => c with { InvolvementLevel = (InvolvementLevel)random.Next((int)level + 1, (int)InvolvementLevel.CoProduction + 1) }) : null,
        ["adding a local social value measure"] = (plan, _) => plan.ChangeProcurement(p => p with
        {
            SocialValueMeasures = [.. p.SocialValueMeasures ?? [], new SocialValueMeasure { Description = "Local jobs", Local = true }],
        }),
        ["higher social value weighting"] = (plan, random) => plan.Procurement?.Weighting?.SocialValue is { } sv && sv < 30
            ? plan.ChangeProcurement(p => p with { Weighting = p.Weighting! with { SocialValue = random.Next((int)sv + 1, 31) } }) : null,
        ["adding accessible formats"] = (plan, random) => plan.CoDesign?.Activities is { Count: > 0 } activities
            ? plan.ChangeCoDesign(c => c with { Activities = [.. activities.Select((a, i) => i == random.Next(activities.Count) ? a with { AccessibleFormats = true } : a)] }) : null,
        ["naming another group reached"] = (plan, _) => plan.CoDesign?.Activities is { Count: > 0 } activities
            ? plan.ChangeCoDesign(c => c with { Activities = [activities[0] with { Groups = [.. activities[0].Groups ?? [], "disabled residents"] }, .. activities.Skip(1)] }) : null,
        ["insurance only at award"] = (plan, _) => plan.Procurement?.Insurance?.RequiredAt == InsuranceStage.Participation
            ? plan.ChangeProcurement(p => p with { Insurance = p.Insurance! with { RequiredAt = InsuranceStage.Award } }) : null,
        ["engaging a local VCSE early"] = (plan, _) => plan with
        {
            Market = new Market
            {
                Engagement = [.. plan.Market?.Engagement ?? [], new EngagementEvent
                {
                    Date = (plan.Procurement?.PlannedTenderDate ?? new DateOnly(2026, 6, 1)).AddDays(-90),
                    Organisations = [new EngagedOrganisation { Name = "Bedwell Community Association", Type = OrganisationType.Vcse, Postcode = "SG1 2BB" }],
                }],
            },
        },
        ["publishing feedback sooner"] = (plan, random) => plan.CoDesign?.Feedback is { WithinWeeks: > 1 and var weeks }
            ? plan.ChangeCoDesign(c => c with { Feedback = c.Feedback! with { Published = true, WithinWeeks = random.Next(1, weeks) } }) : null,
        ["fewer scored questions"] = (plan, random) => plan.Procurement?.ScoredQuestions is > 1 and var q
            ? plan.ChangeProcurement(p => p with { ScoredQuestions = random.Next(1, q) }) : null,
        ["welcoming consortia"] = (plan, _) => plan.ChangeProcurement(p => p with { ConsortiaWelcome = true }),
        ["more money decided by residents"] = (plan, random) => plan.Budget?.CommunityControlledPercent is { } c && c < 100
            ? plan.ChangeBudget(b => b with { CommunityControlledPercent = random.Next((int)c + 1, 101) }) : null,
    };

    [Theory]
    [MemberData(nameof(Improvements))]
    public void ASingleImprovementNeverLowersAnyDimensionScore(string improvement)
    {
        var improve = ImprovementsByName[improvement];
        var tried = 0;
        for (var seed = 1; seed <= PlansToTry; seed++)
        {
            var random = new Random(seed);
            var plan = RandomPlans.Next(random);
            var better = improve(plan, random);
            if (better is null)
            {
                continue;
            }
            tried++;
            var before = plan.Score();
            var after = better.Score();
            for (var d = 0; d < before.Dimensions.Count; d++)
            {
                if (after.Dimensions[d].Score < before.Dimensions[d].Score)
                {
                    Assert.Fail($"Seed {seed}: '{improvement}' lowered {before.Dimensions[d].Id} from {before.Dimensions[d].Score} to {after.Dimensions[d].Score}.\n" +
                        $"Before: {DomainJson.Serialize(plan)}\nAfter: {DomainJson.Serialize(better)}");
                }
            }
            Assert.True(after.UnroundedOverall() >= before.UnroundedOverall() - 0.0000001m, $"Seed {seed}: '{improvement}' lowered the overall score.");
        }
        Assert.True(tried >= PlansToTry / 10, $"Only {tried} generated plans allowed '{improvement}': the generator no longer exercises it.");
    }

    [Fact]
    public void RandomPlansScoreWithoutFaultAndExplainEveryShortfall()
    {
        for (var seed = 1; seed <= PlansToTry; seed++)
        {
            var scorecard = RandomPlans.Next(new Random(seed)).Score();
            Assert.All(scorecard.Dimensions, d => Assert.InRange(d.Score, 0, 100));
            Assert.All(scorecard.Recommendations, r => Assert.DoesNotContain("{", r.Text, StringComparison.Ordinal));
            Assert.All(scorecard.Alerts, a => Assert.EndsWith("Check with your procurement/legal team.", a.Message));
        }
    }
}

/// <summary>Valid plans with every optional part sometimes missing and every number across its meaningful range.</summary>
internal static class RandomPlans
{
    public static Plan Next(Random random)
    {
        T? Maybe<T>(T value) where T : class => random.Next(5) == 0 ? null : value;
        T? MaybeValue<T>(T value) where T : struct => random.Next(5) == 0 ? null : value;
        TEnum Pick<TEnum>() where TEnum : struct, Enum { var values = Enum.GetValues<TEnum>(); return values[random.Next(values.Length)]; }
        string[] Some(params string[] items) => [.. items.Take(random.Next(items.Length + 1))];

        var total = (decimal)random.Next(5, 2_000) * 1_000;
        var lotCount = random.Next(0, 4);
        var tender = new DateOnly(2025, 10, 1).AddDays(random.Next(0, 240));
        return new Plan
        {
            SchemaVersion = "1.0",
            Council = new CouncilRef { Code = "E07000243" },
            Reference = $"RANDOM-{random.Next()}",
            Title = "Random plan",
            Service = Maybe(new Service
            {
                LightTouch = MaybeValue(random.Next(2) == 0),
                HealthcareService = MaybeValue(random.Next(4) == 0),
                Neighbourhoods = Maybe(Some("Bedwell", "Shephall")),
                LinkedServices = Maybe(Some("Housing options", "GP social prescribing")),
            }),
            Budget = Maybe(new Budget
            {
                TotalValue = MaybeValue(total),
                TermMonths = MaybeValue(random.Next(6, 97)),
                ExtensionMonths = MaybeValue(random.Next(0, 3) * 12),
                BreakClause = MaybeValue(random.Next(2) == 0),
                FundingModel = MaybeValue(Pick<FundingModel>()),
                MaximumAward = MaybeValue((decimal)random.Next(1, 600) * 1_000),
                GrantConsidered = random.Next(3) == 0 ? "A contract is needed." : null,
                PaymentTermsDays = MaybeValue(random.Next(0, 91)),
                PaymentSchedule = MaybeValue(Pick<PaymentSchedule>()),
                PaymentByResultsPercent = MaybeValue((decimal)random.Next(0, 61)),
                FullCostRecovery = MaybeValue(random.Next(2) == 0),
                CommunityControlledPercent = MaybeValue((decimal)random.Next(0, 21)),
            }),
            Procurement = Maybe(new Procurement
            {
                Route = MaybeValue(Pick<ProcurementRoute>()),
                PlannedTenderDate = MaybeValue(tender),
                Reservation = MaybeValue(Pick<Reservation>()),
                ReservationReason = random.Next(4) == 0 ? "Few local providers" : null,
                Lots = random.Next(4) == 0 ? null : [.. Enumerable.Range(0, lotCount).Select(_ => new Lot { Value = MaybeValue(total / Math.Max(lotCount, 1)) })],
                NoLotsReason = random.Next(4) == 0 ? "One pathway" : null,
                ConsortiaWelcome = MaybeValue(random.Next(2) == 0),
                BidWindowDays = MaybeValue(random.Next(5, 61)),
                SelectionQuestionnaire = MaybeValue(random.Next(3) == 0),
                MinimumAnnualTurnover = MaybeValue((decimal)random.Next(0, 3_000) * 1_000),
                Insurance = Maybe(new Insurance { PublicLiability = MaybeValue((decimal)random.Next(1, 11) * 1_000_000), RequiredAt = MaybeValue(Pick<InsuranceStage>()) }),
                Weighting = Maybe(new Weighting { Price = MaybeValue((decimal)random.Next(0, 81)), SocialValue = MaybeValue((decimal)random.Next(0, 21)) }),
                SocialValueMeasures = Maybe<IReadOnlyList<SocialValueMeasure>>([.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => new SocialValueMeasure { Local = MaybeValue(random.Next(2) == 0) })]),
                LocalSpendTargetPercent = MaybeValue((decimal)random.Next(0, 101)),
                LocalDefinition = random.Next(2) == 0 ? "SG1 and SG2" : null,
                ScoredQuestions = MaybeValue(random.Next(1, 31)),
                WordLimitTotal = MaybeValue(random.Next(1, 31) * 1_000),
                Tupe = Maybe(new Tupe { Applies = MaybeValue(random.Next(2) == 0), InformationAt = MaybeValue(Pick<TupeInformationStage>()) }),
                NoticePlanned = MaybeValue(random.Next(2) == 0),
            }),
            Market = Maybe(new Market
            {
                Engagement = [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => new EngagementEvent
                {
                    Date = MaybeValue(tender.AddDays(-random.Next(0, 120))),
                    Organisations = [new EngagedOrganisation { Type = Pick<OrganisationType>(), Postcode = random.Next(2) == 0 ? "SG1 1HN" : "SG10 1AB" }],
                })],
            }),
            CoDesign = Maybe(new CoDesign
            {
                InvolvementLevel = MaybeValue(Pick<InvolvementLevel>()),
                Activities = Maybe<IReadOnlyList<CoDesignActivity>>([.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => new CoDesignActivity
                {
                    Stage = MaybeValue(Pick<CycleStage>()),
                    Groups = Some("carers", "young people", "older people"),
                    AccessibleFormats = MaybeValue(random.Next(2) == 0),
                })]),
                EvaluationPanel = Maybe(new EvaluationPanel { ResidentsScore = MaybeValue(random.Next(2) == 0), Trained = MaybeValue(random.Next(2) == 0), ConflictsDeclared = MaybeValue(random.Next(2) == 0) }),
                SocialValueConsultation = MaybeValue(Pick<SocialValueConsultation>()),
                Feedback = Maybe(new Feedback { Published = MaybeValue(random.Next(2) == 0), WithinWeeks = MaybeValue(random.Next(1, 20)) }),
                OutcomesCoDesigned = MaybeValue(random.Next(2) == 0),
                CommunityReviewMonths = MaybeValue(random.Next(1, 25)),
            }),
        };
    }
}
