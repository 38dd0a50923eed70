using System.Text;
using Commissioning.Domain.Rubrics;
using RubricVersions = Commissioning.Domain.Rubrics.Rubrics;
using static Commissioning.Domain.Scoring.CriterionStatus;

namespace Commissioning.Domain.Tests.Scoring;

public class ScorecardTests
{
    [Fact]
    public void NotApplicableCriteriaAreRemovedFromTheDenominator()
    {
        // A grant programme with late local engagement. Local by default:
        //   L1 15 + L3 10 + L4 7.5 (partly) + L6 10 + L7 10 = 52.5 earned of 15+10+15+10+10 = 60 applicable
        //   (L2 lots, L5 social value, L8 route: not applicable) → 100 × 52.5 ÷ 60 = 87.5 → 88.
        // Were the 40 not-applicable points left in, it would be 100 × 52.5 ÷ 100 = 53.
        var plan = TestPlans.Grant().WithEngagement(new EngagementEvent
        {
            Date = TestPlans.TenderDate.AddDays(-20),
            Organisations = [new EngagedOrganisation { Type = OrganisationType.Vcse, Postcode = "SG2 9QT" }],
        });
        var local = plan.Score().Dimension("local-by-default");

        Assert.Equal(["L2", "L5", "L8"], local.Criteria.Where(c => c.Status == NotApplicable).Select(c => c.Id));
        Assert.All(local.Criteria.Where(c => c.Status == NotApplicable), c => Assert.Equal(0, c.Points));
        Assert.Equal(52.5m, local.Criteria.Sum(c => c.Points));
        Assert.Equal(60, local.Criteria.Where(c => c.Status != NotApplicable).Sum(c => c.Weight));
        Assert.Equal(88, local.Score);
    }

    [Fact]
    public void DimensionScoresRoundHalvesAwayFromZeroAndOverallIsTheMeanOfTheThree()
    {
        // Co-design loses 5 (C7 partly) + 2.5 (C8 partly) = 7.5 of 100 → 92.5 → 93 (banker's rounding would give 92).
        var scorecard = TestPlans.Procured()
            .ChangeCoDesign(c => c with { Feedback = new Feedback { Published = true, WithinWeeks = 12 }, CommunityReviewMonths = 24 })
            .Score();
        var coDesign = scorecard.Dimension("co-design");
        Assert.Equal(92.5m, coDesign.Criteria.Sum(c => c.Points));
        Assert.Equal(93, coDesign.Score);
        // Overall: (100 + 100 + 93) ÷ 3 = 97.67 → 98.
        Assert.Equal([100, 100, 93], scorecard.Dimensions.Select(d => d.Score));
        Assert.Equal(98, scorecard.Overall.Score);
    }

    [Fact]
    public void NotEvidencedCriteriaNameTheFieldsToAddAndCountAgainstTheScore()
    {
        var scorecard = Samples.Score("required-fields-only");
        Assert.All(scorecard.Dimensions.SelectMany(d => d.Criteria), c =>
        {
            Assert.Equal(NotEvidenced, c.Status);
            Assert.NotEmpty(c.MissingFields);
            Assert.All(c.MissingFields, f => Assert.StartsWith("$.", f));
            Assert.Contains(c.MissingFields[0], c.Recommendation);
        });
        Assert.Equal(["$.procurement.bidWindowDays"], scorecard.Criterion("P4").MissingFields);
        Assert.Equal(0, scorecard.Overall.Score);
        Assert.Equal(Band.Red, scorecard.Overall.Band);
        // The scorecard's list is the sorted, distinct union of every criterion's.
        var union = scorecard.Dimensions.SelectMany(d => d.Criteria).SelectMany(c => c.MissingFields).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(union, scorecard.MissingFields);
        Assert.Contains("$.coDesign.activities", scorecard.MissingFields);
        Assert.Single(scorecard.MissingFields, f => f == "$.coDesign.activities");
    }

    [Fact]
    public void EvidenceListsThePlanValuesRead()
    {
        var result = Samples.Score("large-outsourcing-single-lot").Criterion("P2");
        Assert.Equal(
            [
                new Evidence("$.budget.paymentTermsDays", "60"),
                new Evidence("$.budget.paymentSchedule", "quarterly-in-arrears"),
                new Evidence("$.budget.paymentByResultsPercent", "40"),
            ],
            result.Evidence);
    }

    /// <summary>The words a rule may use for a value it derives rather than reads (decision 0004: evidence fields).</summary>
    private static readonly HashSet<string> DerivedValues =
    [
        "threshold", "annual value", "local postcode districts", "local organisation engaged",
        "groups named across $.coDesign.activities", "accessible formats in any activity", "whichever the answer",
    ];

    [Fact]
    public void EveryEvidenceAndMissingFieldIsAPathInThePlanSchemaOrADerivedValueNamedInWords()
    {
        var schema = System.Text.Json.Nodes.JsonNode.Parse(PlanSchema.Json)!;
        var plans = Samples.PlanNames.Select(Samples.Plan)
            .Concat(Enumerable.Range(1, 200).Select(seed => RandomPlans.Next(new Random(seed))))
            .Append(TestPlans.Procured()).Append(TestPlans.Grant());
        var fields = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var result in plans.SelectMany(p => p.Score().Dimensions).SelectMany(d => d.Criteria))
        {
            fields.UnionWith(result.Evidence.Select(e => e.Field));
            fields.UnionWith(result.MissingFields);
        }
        Assert.All(fields, field => Assert.True(DerivedValues.Contains(field) || IsSchemaPath(schema, field), $"'{field}' is neither a plan path nor a derived value"));
        Assert.Contains("$.procurement.lots (largest value)", fields);
        Assert.Contains("$.procurement.lots[*].value", fields);
        Assert.Superset(DerivedValues.ToHashSet(), fields.Where(f => !f.StartsWith("$.", StringComparison.Ordinal)).ToHashSet());
        Assert.Equal(DerivedValues.Count, fields.Count(DerivedValues.Contains));
    }

    /// <summary>"$.a.b", "$.a[*].b" or "$.a (qualifier)" naming a property the schema defines.</summary>
    private static bool IsSchemaPath(System.Text.Json.Nodes.JsonNode schema, string field)
    {
        var qualifier = field.IndexOf(" (", StringComparison.Ordinal);
        var path = qualifier < 0 ? field : field[..qualifier];
        if (!path.StartsWith("$.", StringComparison.Ordinal))
        {
            return false;
        }
        var node = schema;
        foreach (var part in path[2..].Split('.'))
        {
            var name = part.EndsWith("[*]", StringComparison.Ordinal) ? part[..^3] : part;
            node = node?["properties"]?[name];
            if (part.EndsWith("[*]", StringComparison.Ordinal))
            {
                node = node?["items"];
            }
        }
        return node is not null;
    }

    [Fact]
    public void EveryResultExplainsItselfAndOnlyShortfallsCarryARecommendation()
    {
        foreach (var name in Samples.PlanNames)
        {
            foreach (var result in Samples.Score(name).Dimensions.SelectMany(d => d.Criteria))
            {
                Assert.False(string.IsNullOrWhiteSpace(result.Rule));
                Assert.NotEmpty(result.Principles);
                Assert.False(string.IsNullOrWhiteSpace(result.Basis.Text));
                if (result.Status is Met or NotApplicable)
                {
                    Assert.Null(result.Recommendation);
                    Assert.Equal(0, result.Gain);
                }
                else
                {
                    Assert.False(string.IsNullOrWhiteSpace(result.Recommendation));
                    Assert.DoesNotContain("{", result.Recommendation, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void ScoringTwiceGivesByteIdenticalJson()
    {
        foreach (var name in Samples.PlanNames)
        {
            var first = Encoding.UTF8.GetBytes(DomainJson.Serialize(Samples.Score(name)));
            var second = Encoding.UTF8.GetBytes(DomainJson.Serialize(Samples.Score(name)));
            Assert.Equal(first, second);
        }
    }

    [Fact]
    public void ScoringDoesNotDependOnTheCurrentCulture()
    {
        var plan = Samples.Plan("large-outsourcing-single-lot");
        var invariant = DomainJson.Serialize(plan.Score());
        var original = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("fr-FR");
            Assert.Equal(invariant, DomainJson.Serialize(plan.Score()));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = original;
        }
        Assert.Contains("\"gain\":6.7", invariant);
        Assert.Contains("£1,371,429", invariant);
    }

    [Fact]
    public void GainIsWhatTheOverallScoreWouldGainIfTheCriterionWereMet()
    {
        var plan = Samples.Plan("large-outsourcing-single-lot");
        var before = plan.Score();
        var after = plan.ChangeProcurement(p => p with { BidWindowDays = 30 }).Score();

        Assert.Equal(Met, after.Criterion("P4").Status);
        var expected = Math.Round(after.UnroundedOverall() - before.UnroundedOverall(), 1, MidpointRounding.AwayFromZero);
        Assert.Equal(expected, before.Criterion("P4").Gain);
        // P4 weighs 10 of 100 in its dimension, a third of the overall: 10 ÷ 3 = 3.3.
        Assert.Equal(3.3m, before.Criterion("P4").Gain);
    }

    [Fact]
    public void PartlyMetAndNotEvidencedCriteriaGainOnlyWhatTheyHaveNotEarned()
    {
        var scorecard = Samples.Score("sexual-health-service-psr");
        // C1 at engagement earns 10 of 20; meeting it adds 10 of 100 in co-design → 10 ÷ 3 = 3.3.
        Assert.Equal(3.3m, scorecard.Criterion("C1").Gain);
        var required = Samples.Score("required-fields-only");
        // L2 is 15 of 100 in its dimension → 15 ÷ 3 = 5.
        Assert.Equal(5m, required.Criterion("L2").Gain);
    }

    [Fact]
    public void RecommendationsAreOrderedByGainThenDimensionThenCriterion()
    {
        foreach (var name in Samples.PlanNames)
        {
            var scorecard = Samples.Score(name);
            var shortfalls = scorecard.Dimensions.SelectMany(d => d.Criteria).Where(c => c.Status is not (Met or NotApplicable)).ToList();
            Assert.Equal(shortfalls.Count, scorecard.Recommendations.Count);

            var dimensionOrder = scorecard.Dimensions.Select(d => d.Id).ToList();
            var criterionOrder = scorecard.Dimensions.SelectMany(d => d.Criteria).Select(c => c.Id).ToList();
            var expected = scorecard.Recommendations
                .OrderByDescending(r => r.Gain)
                .ThenBy(r => dimensionOrder.IndexOf(r.Dimension))
                .ThenBy(r => criterionOrder.IndexOf(r.CriterionId))
                .ToList();
            Assert.Equal(expected, scorecard.Recommendations);
            Assert.All(scorecard.Recommendations, r => Assert.Equal(scorecard.Criterion(r.CriterionId).Gain, r.Gain));
        }
        var outsourcing = Samples.Score("large-outsourcing-single-lot").Recommendations;
        Assert.Equal(["P2", "P3", "C2"], outsourcing.Take(3).Select(r => r.CriterionId));
    }

    [Fact]
    public void EachPrincipleIsScoredFromTheCriteriaTaggedWithIt()
    {
        var scorecard = Samples.Score("sexual-health-service-psr");
        Assert.Equal([1, 2, 3, 4, 5, 6], scorecard.Principles.Select(p => p.Number));
        var criteria = scorecard.Dimensions.SelectMany(d => d.Criteria).Where(c => c.Status != NotApplicable).ToList();
        foreach (var principle in scorecard.Principles)
        {
            var tagged = criteria.Where(c => c.Principles.Contains(principle.Number)).ToList();
            var expected = (int)Math.Round(100m * tagged.Sum(c => c.Points) / tagged.Sum(c => c.Weight), MidpointRounding.AwayFromZero);
            Assert.Equal(expected, principle.Score);
            Assert.Equal(expected >= 70 ? Band.Green : expected >= 40 ? Band.Amber : Band.Red, principle.Band);
        }
    }

    [Theory]
    [InlineData(69, 70, Band.Amber, Band.Green)]
    [InlineData(39, 40, Band.Red, Band.Amber)]
    public void BandsChangeAtSeventyAndForty(int below, int at, Band belowBand, Band atBand)
    {
        var bands = Commissioning.Domain.Rubrics.Rubrics.Current.Bands;
        Assert.Equal(belowBand, bands.For(below));
        Assert.Equal(atBand, bands.For(at));
    }

    [Fact]
    public void TheFirstNoteNamesTheThresholdUsedAndWhereItsDateCameFrom()
    {
        Assert.Equal(
            "Threshold used: goods and services (councils), £207,720 including VAT (in force from 2026-01-01), the one in force on 2026-03-02, the planned tender date.",
            TestPlans.Procured().Score().Notes[0]);
        Assert.Equal(
            "Threshold used: light-touch services, £663,540 including VAT (in force until 2025-12-31), the one in force on 2025-12-01, the date of scoring, as the plan has no planned tender date.",
            TestPlans.Procured().ChangeService(s => s with { LightTouch = true }).ChangeProcurement(p => p with { PlannedTenderDate = null })
                .Score(today: new DateOnly(2025, 12, 1)).Notes[0]);
        Assert.Single(TestPlans.Procured().Score().Notes);
    }

    [Fact]
    public void ADimensionWithNothingThatAppliesScoresOneHundredIsLeftOutOfTheOverallAndSaysSo()
    {
        // A variant with a fourth dimension of procurement-only criteria, scored for a grant programme.
        var rubric = RubricVersions.Current with
        {
            Version = "2026.1-variant",
            Dimensions = [.. RubricVersions.Current.Dimensions, new DimensionDefinition
            {
                Id = "procurement", Title = "Procurement mechanics",
                Criteria = [.. RubricVersions.Current.Dimensions.SelectMany(d => d.Criteria).Where(c => c.Id is "L2" or "L5" or "P6")],
            }],
        };
        var plan = TestPlans.Grant().ChangeCoDesign(c => c with { InvolvementLevel = InvolvementLevel.Engagement });
        var scorecard = ScoringEngine.Score(plan, rubric, Samples.Stevenage, Samples.Today);

        Assert.Equal([100, 100, 90, 100], scorecard.Dimensions.Select(d => d.Score));
        Assert.Equal(Band.Green, scorecard.Dimensions[3].Band);
        // The mean of the three that apply: (100 + 100 + 90) ÷ 3 = 96.7 → 97; and C1's gain is a third of its 10 lost points.
        Assert.Equal(97, scorecard.Overall.Score);
        Assert.Equal(3.3m, scorecard.Criterion("C1").Gain);
        Assert.Contains("No criterion in \"Procurement mechanics\" applies to this plan; it is shown as 100 and left out of the overall score.", scorecard.Notes);
    }

    [Fact]
    public void ARubricWithoutAThresholdForTheTenderDateOrWithoutAdviceForAShortfallIsADefectThatNamesItself()
    {
        var noThreshold = RubricVersions.Current with { Version = "broken", Thresholds = [] };
        Assert.Equal("Rubric broken has no GoodsAndServices threshold in force on 2026-03-02.",
            Assert.Throws<InvalidOperationException>(() => ScoringEngine.Score(TestPlans.Procured(), noThreshold, Samples.Stevenage, Samples.Today)).Message);

        var p4 = RubricVersions.Current.Dimensions[1].Criteria.Single(c => c.Id == "P4") with { Recommendations = [] };
        var noAdvice = RubricVersions.Current with
        {
            Version = "silent",
            Dimensions = [RubricVersions.Current.Dimensions[0], RubricVersions.Current.Dimensions[1] with { Criteria = [p4] }, RubricVersions.Current.Dimensions[2]],
        };
        var plan = TestPlans.Procured().ChangeProcurement(p => p with { BidWindowDays = 10 });
        Assert.Equal("Rubric silent criterion P4 has no recommendation 'short'.",
            Assert.Throws<InvalidOperationException>(() => ScoringEngine.Score(plan, noAdvice, Samples.Stevenage, Samples.Today)).Message);
    }

    [Fact]
    public void AShortfallWithoutAnyAdviceIsARuleDefectThatNamesTheCriterion()
    {
        var c4 = RubricVersions.Current.Dimensions[2].Criteria.Single(c => c.Id == "C4");
        var assessment = new Assessment(c4, RubricVersions.Current);
        Assert.Equal("Criterion C4 fell short (PartlyMet) without advice: a rule defect.", Assert.Throws<InvalidOperationException>(() => assessment.PartlyMet()).Message);
        Assert.Null(new Assessment(c4, RubricVersions.Current).Earn(1m).Recommendation);
        Assert.Equal(CriterionStatus.NotMet, new Assessment(c4, RubricVersions.Current).AdviseText("Do it.").Earn(0m).Status);
        Assert.Equal(CriterionStatus.PartlyMet, new Assessment(c4, RubricVersions.Current).AdviseText("Do more.").Earn(0.25m).Status);
    }

    [Fact]
    public void APlanWithNothingThatAppliesInAnyDimensionScoresOneHundredOverall()
    {
        var rubric = RubricVersions.Current with
        {
            Version = "procurement-only",
            Dimensions = [new DimensionDefinition
            {
                Id = "procurement", Title = "Procurement mechanics",
                Criteria = [.. RubricVersions.Current.Dimensions.SelectMany(d => d.Criteria).Where(c => c.Id is "L2" or "P6")],
            }],
        };
        var scorecard = ScoringEngine.Score(TestPlans.Grant(), rubric, Samples.Stevenage, Samples.Today);
        Assert.Equal(new OverallScore(100, Band.Green), scorecard.Overall);
        Assert.Empty(scorecard.Recommendations);
        Assert.All(scorecard.Principles, p => Assert.Equal(100, p.Score));
    }

    [Fact]
    public void ACouncilWithoutLocalDistrictsIsTreatedAsUnregistered()
    {
        var council = Samples.Stevenage with { LocalPostcodeDistricts = [] };
        var scorecard = TestPlans.Procured().Score(council: council);
        var result = scorecard.Criterion("L4");
        Assert.Equal(CriterionStatus.NotEvidenced, result.Status);
        Assert.Empty(result.MissingFields);
        Assert.Equal("Council E07000243 has no record of its local postcode districts, so local organisations cannot be recognised. Register the council (PUT /api/councils/E07000243) and score the plan again.", result.Recommendation);
        Assert.Equal(2, scorecard.Notes.Count);
    }

    [Fact]
    public void PointsAreWrittenWithoutTrailingZerosAndScoringNeedsAPlanAndARubric()
    {
        var json = DomainJson.Serialize(TestPlans.Procured().ChangeCoDesign(c => c with { Feedback = new Feedback { Published = true, WithinWeeks = 12 } }).Score());
        Assert.Contains("\"weight\":15,\"points\":15,", json);
        Assert.Contains("\"weight\":10,\"points\":5,", json);
        Assert.DoesNotContain(".0,", json);
        Assert.Equal("plan", Assert.Throws<ArgumentNullException>(() => ScoringEngine.Score(null!, RubricVersions.Current, null, Samples.Today)).ParamName);
        Assert.Equal("rubric", Assert.Throws<ArgumentNullException>(() => ScoringEngine.Score(TestPlans.Procured(), null!, null, Samples.Today)).ParamName);
    }
}
