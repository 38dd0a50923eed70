using static Commissioning.Domain.Scoring.CriterionStatus;

namespace Commissioning.Domain.Tests.Scoring;

public class CoDesignRuleTests
{
    [Theory]
    [InlineData(InvolvementLevel.CoProduction, Met, 20)]
    [InlineData(InvolvementLevel.CoDesign, PartlyMet, 15)]
    [InlineData(InvolvementLevel.Engagement, PartlyMet, 10)]
    [InlineData(InvolvementLevel.Consultation, PartlyMet, 5)]
    [InlineData(InvolvementLevel.Informing, NotMet, 0)]
    public void DepthOfInvolvementEarnsItsStepOnTheLadder(InvolvementLevel level, CriterionStatus expected, int points)
    {
        var scorecard = TestPlans.Procured().ChangeCoDesign(c => c with { InvolvementLevel = level }).Score();
        var result = scorecard.Criterion("C1");
        Assert.Equal(expected, result.Status);
        Assert.Equal(points, result.Points);
        // The fractional points reach the dimension: 80 + points out of 100.
        Assert.Equal(80 + points, scorecard.Dimension("co-design").Score);
    }

    private static CoDesignActivity Activity(CycleStage stage, params string[] groups) => new() { Stage = stage, Groups = groups, AccessibleFormats = true };

    [Theory]
    [InlineData(4, Met)]
    [InlineData(3, Met)]
    [InlineData(2, PartlyMet)]
    [InlineData(1, NotMet)]
    [InlineData(0, NotMet)]
    public void InvolvementAcrossThreeStagesOfTheCycleIsMet(int stages, CriterionStatus expected)
    {
        var activities = Enum.GetValues<CycleStage>().Take(stages).Select(s => Activity(s, "carers", "young people")).ToArray();
        var result = TestPlans.Procured().ChangeCoDesign(c => c with { Activities = activities }).Score().Criterion("C2");
        Assert.Equal(expected, result.Status);
        Assert.Empty(result.MissingFields);
    }

    [Fact]
    public void SeveralActivitiesAtOneStageCountAsOneStage()
    {
        var activities = new[] { Activity(CycleStage.Needs), Activity(CycleStage.Needs), Activity(CycleStage.Needs) };
        var result = TestPlans.Procured().ChangeCoDesign(c => c with { Activities = activities }).Score().Criterion("C2");
        Assert.Equal(NotMet, result.Status);
        Assert.Contains("covers 1 of the 4 stages (needs); involve residents at specification, evaluation and monitoring too", result.Recommendation);
    }

    [Theory]
    [InlineData(true, true, true, Met)]
    [InlineData(true, false, true, PartlyMet)]
    [InlineData(true, true, false, PartlyMet)]
    [InlineData(false, true, true, PartlyMet)]
    [InlineData(false, false, true, NotMet)]
    public void ResidentsScoreTrainedWithConflictsDeclared(bool residentsScore, bool trained, bool conflictsDeclared, CriterionStatus expected)
    {
        var plan = TestPlans.Procured().ChangeCoDesign(c => c with { EvaluationPanel = new EvaluationPanel { ResidentsScore = residentsScore, Trained = trained, ConflictsDeclared = conflictsDeclared } });
        Assert.Equal(expected, plan.StatusOf("C3"));
    }

    [Theory]
    [InlineData(SocialValueConsultation.Done, Met)]
    [InlineData(SocialValueConsultation.Considered, PartlyMet)]
    [InlineData(SocialValueConsultation.NotConsidered, NotMet)]
    public void SocialValueConsultationIsDone(SocialValueConsultation consultation, CriterionStatus expected)
    {
        Assert.Equal(expected, TestPlans.Procured().ChangeCoDesign(c => c with { SocialValueConsultation = consultation }).StatusOf("C4"));
    }

    [Theory]
    [InlineData(FundingModel.Contract, 5, Met)]
    [InlineData(FundingModel.Contract, 4.9, PartlyMet)]
    [InlineData(FundingModel.Contract, 0.1, PartlyMet)]
    [InlineData(FundingModel.Contract, 0, NotMet)]
    [InlineData(FundingModel.CommunityChest, 0, NotMet)]
    [InlineData(FundingModel.ParticipatoryBudget, 0, Met)]
    public void ResidentsDecideAtLeastFivePercentOfTheBudget(FundingModel model, double percent, CriterionStatus expected)
    {
        var plan = TestPlans.Procured().ChangeBudget(b => b with { FundingModel = model, CommunityControlledPercent = (decimal)percent });
        Assert.Equal(expected, plan.StatusOf("C5"));
    }

    [Fact]
    public void ReachingTwoGroupsInAccessibleFormatsIsMetAndTheSameGroupNamedTwiceCountsOnce()
    {
        CriterionStatus StatusFor(params CoDesignActivity[] activities) =>
            TestPlans.Procured().ChangeCoDesign(c => c with { Activities = activities }).StatusOf("C6");

        Assert.Equal(Met, StatusFor(Activity(CycleStage.Needs, "carers"), new CoDesignActivity { Stage = CycleStage.Specification, Groups = ["young people"], AccessibleFormats = false }));
        Assert.Equal(PartlyMet, StatusFor(new CoDesignActivity { Groups = ["carers", "young people"], AccessibleFormats = false }));
        Assert.Equal(PartlyMet, StatusFor(Activity(CycleStage.Needs, "carers"), Activity(CycleStage.Specification, " Carers ")));
        Assert.Equal(NotMet, StatusFor(Activity(CycleStage.Needs)));
        Assert.Equal(NotMet, StatusFor());
    }

    [Theory]
    [InlineData(true, 8, Met)]
    [InlineData(true, 9, PartlyMet)]
    [InlineData(true, null, PartlyMet)]
    [InlineData(false, 6, PartlyMet)]
    [InlineData(false, null, NotMet)]
    public void YouSaidWeDidIsPublishedWithinEightWeeks(bool published, int? withinWeeks, CriterionStatus expected)
    {
        Assert.Equal(expected, TestPlans.Procured().ChangeCoDesign(c => c with { Feedback = new Feedback { Published = published, WithinWeeks = withinWeeks } }).StatusOf("C7"));
    }

    [Theory]
    [InlineData(true, 12, Met)]
    [InlineData(true, 13, PartlyMet)]
    [InlineData(false, 6, PartlyMet)]
    [InlineData(false, null, NotMet)]
    [InlineData(null, null, NotEvidenced)]
    public void TheCommunityShapesOutcomesAndReviewsAtLeastYearly(bool? outcomesCoDesigned, int? reviewMonths, CriterionStatus expected)
    {
        var plan = TestPlans.Procured().ChangeCoDesign(c => c with { OutcomesCoDesigned = outcomesCoDesigned, CommunityReviewMonths = reviewMonths });
        Assert.Equal(expected, plan.StatusOf("C8"));
    }

    [Fact]
    public void MissingCoDesignFieldsAreNamedByJsonPath()
    {
        var scorecard = (TestPlans.Procured() with { CoDesign = null }).Score();
        // C5 reads the budget, which is still there (10% community controlled): 10 of 100.
        Assert.Equal(10, scorecard.Dimension("co-design").Score);
        Assert.All(scorecard.Dimension("co-design").Criteria.Where(c => c.Id != "C5"), c => Assert.Equal(NotEvidenced, c.Status));
        Assert.Equal(["$.coDesign.involvementLevel"], scorecard.Criterion("C1").MissingFields);
        Assert.Equal(["$.coDesign.activities"], scorecard.Criterion("C2").MissingFields);
        Assert.Equal(["$.coDesign.evaluationPanel"], scorecard.Criterion("C3").MissingFields);
        Assert.Equal(["$.budget.communityControlledPercent"], TestPlans.Procured().ChangeBudget(b => b with { CommunityControlledPercent = null }).Score().Criterion("C5").MissingFields);
    }
}
