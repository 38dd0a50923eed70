using Commissioning.Domain.Rubrics;
using System.Text.Json;
using RubricVersions = Commissioning.Domain.Rubrics.Rubrics;

namespace Commissioning.Domain.Tests.Scoring;

public class RubricTests
{
    private static readonly Rubric Rubric = RubricVersions.Current;

    [Fact]
    public void Version2026Point1HasTwentyFourCriteriaInThreeDimensionsOfOneHundredEach()
    {
        Assert.Equal("2026.1", Rubric.Version);
        Assert.Equal(["local-by-default", "proportionate-funding", "co-design"], Rubric.Dimensions.Select(d => d.Id));
        Assert.All(Rubric.Dimensions, d => Assert.Equal(100, d.Criteria.Sum(c => c.Weight)));
        var ids = Rubric.Dimensions.SelectMany(d => d.Criteria).Select(c => c.Id);
        Assert.Equal([.. Enumerable.Range(1, 8).Select(i => $"L{i}"), .. Enumerable.Range(1, 8).Select(i => $"P{i}"), .. Enumerable.Range(1, 8).Select(i => $"C{i}")], ids);
        Assert.Equal(["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10"], Rubric.Alerts.Select(a => a.Id));
    }

    [Fact]
    public void EveryCriterionInTheRubricHasARuleAndEveryRuleACriterion()
    {
        var rubricIds = Rubric.Dimensions.SelectMany(d => d.Criteria).Select(c => c.Id).Order(StringComparer.Ordinal);
        Assert.Equal(rubricIds, CriterionRules.ById.Keys.Order(StringComparer.Ordinal));
        // Each dimension's table holds exactly that dimension's criteria.
        Assert.Equal(Rubric.Dimensions[0].Criteria.Select(c => c.Id), LocalByDefaultRules.ById.Keys);
        Assert.Equal(Rubric.Dimensions[1].Criteria.Select(c => c.Id), ProportionateFundingRules.ById.Keys);
        Assert.Equal(Rubric.Dimensions[2].Criteria.Select(c => c.Id), CoDesignRules.ById.Keys);
    }

    [Fact]
    public void ACriterionWithoutARuleStopsScoringNamingIt()
    {
        var extra = new CriterionDefinition
        {
            Id = "L9", Title = "Not yet built", Weight = 0, Principles = [6], Rule = "—", Basis = new Basis(BasisKind.Rubric, "—"), Recommendations = [],
        };
        var rubric = Rubric with
        {
            Version = "2026.1-draft",
            Dimensions = [Rubric.Dimensions[0] with { Criteria = [.. Rubric.Dimensions[0].Criteria, extra] }, .. Rubric.Dimensions.Skip(1)],
        };
        var error = Assert.Throws<InvalidOperationException>(() => ScoringEngine.Score(TestPlans.Procured(), rubric, Samples.Stevenage, Samples.Today));
        Assert.Equal("Rubric 2026.1-draft names criterion L9, which this engine has no rule for.", error.Message);
    }

    [Fact]
    public void ARuleThatAsksAgainForAFieldItWasGivenStaysNotEvidencedInsteadOfAskingForever()
    {
        var criterion = Rubric.Dimensions[0].Criteria.Single(c => c.Id == "L8");
        var facts = new PlanFacts(TestPlans.Grant(), Rubric, Samples.Stevenage, Samples.Today);
        CriterionRule forgetful = (a, _) => a.NotEvidenced("$.service.lightTouch");
        var result = MissingAnswers.Settle(forgetful(new Assessment(criterion, Rubric), facts), forgetful, facts);
        Assert.Equal(CriterionStatus.NotEvidenced, result.Status);
        Assert.Equal(["$.service.lightTouch"], result.MissingFields);
        CriterionRule unlisted = (a, _) => a.NotEvidenced("$.market.engagement");
        Assert.Equal(CriterionStatus.NotEvidenced, MissingAnswers.Settle(unlisted(new Assessment(criterion, Rubric), facts), unlisted, facts).Status);
    }

    [Fact]
    public void EveryCriterionServesAKeepItLocalPrincipleAndEveryPrincipleIsServed()
    {
        Assert.Equal([1, 2, 3, 4, 5, 6], Rubric.Principles.Select(p => p.Number));
        var criteria = Rubric.Dimensions.SelectMany(d => d.Criteria).ToList();
        Assert.All(criteria, c => Assert.All(c.Principles, p => Assert.InRange(p, 1, 6)));
        Assert.All(criteria, c => Assert.NotEmpty(c.Principles));
        Assert.All(Rubric.Principles, p => Assert.Contains(criteria, c => c.Principles.Contains(p.Number)));
    }

    [Fact]
    public void AlertsAskTheCommissionerToCheckAndNeverSayUnlawful()
    {
        Assert.All(Rubric.Alerts, a =>
        {
            Assert.Contains("Check with your procurement/legal team.", a.Message);
            Assert.DoesNotContain("unlawful", a.Message, StringComparison.OrdinalIgnoreCase);
            Assert.False(string.IsNullOrWhiteSpace(a.Basis));
        });
    }

    [Theory]
    [InlineData(ThresholdKind.GoodsAndServices, "2025-12-31", 214_904)]
    [InlineData(ThresholdKind.GoodsAndServices, "2026-01-01", 207_720)]
    [InlineData(ThresholdKind.LightTouch, "2026-01-01", 663_540)]
    [InlineData(ThresholdKind.Works, "2026-01-01", 5_193_000)]
    [InlineData(ThresholdKind.Works, "2025-06-30", 5_372_609)]
    [InlineData(ThresholdKind.BelowThresholdNotice, "2026-06-01", 30_000)]
    public void ExactlyOneThresholdOfEachKindIsInForceOnAnyDate(ThresholdKind kind, string date, int amount)
    {
        var inForce = Rubric.Thresholds.Where(t => t.Kind == kind && t.InForceOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(amount, Assert.Single(inForce).Amount);
    }

    [Fact]
    public void RubricsAreFoundByVersion()
    {
        Assert.Same(RubricVersions.Current, RubricVersions.Get("2026.1"));
        var error = Assert.Throws<KeyNotFoundException>(() => RubricVersions.Get("1999.1"));
        Assert.Contains("2026.1", error.Message);
        Assert.False(RubricVersions.TryGet("1999.1", out _));
    }

    [Fact]
    public void TheRubricIsPublishedAsJsonWithItsParameters()
    {
        var json = DomainJson.Serialize(Rubric);
        using var document = JsonDocument.Parse(json);
        var parameters = document.RootElement.GetProperty("parameters");
        Assert.Equal(30, parameters.GetProperty("paymentTermsMaxDays").GetInt32());
        Assert.Equal(100_000, parameters.GetProperty("lotsExpectedAboveValue").GetInt32());
        Assert.Equal("co-production", parameters.GetProperty("involvementLadder")[4].GetProperty("level").GetString());
        Assert.Equal("light-touch", document.RootElement.GetProperty("thresholds")[2].GetProperty("kind").GetString());
    }

    [Fact]
    public void ANewVersionIsADataChangeThatTheEngineFollows()
    {
        // A council's stricter variant: 45-day bid windows. Nothing in the engine changes.
        var stricter = Rubric with { Version = "2026.1-strict", Parameters = Rubric.Parameters with { BidWindowMetDays = 45 } };
        var plan = TestPlans.Procured();
        var scorecard = Commissioning.Domain.Scoring.ScoringEngine.Score(plan, stricter, Samples.Stevenage, Samples.Today);
        Assert.Equal("2026.1-strict", scorecard.RubricVersion);
        Assert.Equal(Commissioning.Domain.Scoring.CriterionStatus.PartlyMet, scorecard.Criterion("P4").Status);
        Assert.Contains("give at least 45 days", scorecard.Criterion("P4").Recommendation);
    }
}
