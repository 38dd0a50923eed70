
namespace Commissioning.Domain.Tests.Scoring;

public class SampleTests
{
    [Theory]
    [InlineData("community-grants-round", Band.Green)]
    [InlineData("participatory-budgeting-round", Band.Green)]
    [InlineData("ward-councillors-community-chest", Band.Amber)]
    [InlineData("neighbourhood-lotted-wellbeing-service", Band.Green)]
    [InlineData("large-outsourcing-single-lot", Band.Red)]
    [InlineData("sexual-health-service-psr", Band.Green)]
    [InlineData("mislabelled-below-threshold-route", Band.Green)]
    [InlineData("required-fields-only", Band.Red)]
    public void EachSamplePlanGetsItsBand(string sample, Band band)
    {
        var scorecard = Samples.Score(sample);
        Assert.Equal(band, scorecard.Overall.Band);
        Assert.Equal("2026.1", scorecard.RubricVersion);
        Assert.Equal("E07000243", scorecard.CouncilCode);
    }

    [Fact]
    public void EverySampleIsCoveredByTheBandTable()
    {
        Assert.Equal(8, Samples.PlanNames.Count());
    }

    [Theory]
    [InlineData("community-grants-round")]
    [InlineData("participatory-budgeting-round")]
    [InlineData("neighbourhood-lotted-wellbeing-service")]
    public void CommunityLedPlansOutscoreTheOutsourcingOnEveryDimension(string communityLed)
    {
        var outsourcing = Samples.Score("large-outsourcing-single-lot");
        var community = Samples.Score(communityLed);
        foreach (var dimension in outsourcing.Dimensions)
        {
            Assert.True(community.Dimension(dimension.Id).Score > dimension.Score,
                $"{communityLed} {dimension.Id}: {community.Dimension(dimension.Id).Score} should beat {dimension.Score}");
        }
        Assert.True(community.Overall.Score > outsourcing.Overall.Score);
    }

    [Fact]
    public void TheLargeSingleLotOutsourcingIsRedWithInsuranceAndLotsAlerts()
    {
        var scorecard = Samples.Score("large-outsourcing-single-lot");
        Assert.Equal(Band.Red, scorecard.Overall.Band);
        Assert.All(scorecard.Dimensions, d => Assert.Equal(Band.Red, d.Band));
        var ids = scorecard.Alerts.Select(a => a.Id).ToList();
        Assert.Contains("A5", ids);
        Assert.Contains("A7", ids);
    }

    [Fact]
    public void TheMislabelledRouteIsFlaggedEvenThoughItScoresWell()
    {
        var scorecard = Samples.Score("mislabelled-below-threshold-route");
        Assert.Equal(["A1", "A2"], scorecard.Alerts.Select(a => a.Id));
        Assert.Contains("£320,000", scorecard.Alerts[0].Message);
    }

    [Fact]
    public void TheHealthServiceUnderTheProviderSelectionRegimeRaisesNoAlert()
    {
        var scorecard = Samples.Score("sexual-health-service-psr");
        Assert.Empty(scorecard.Alerts);
        Assert.Equal(CriterionStatus.Met, scorecard.Criterion("L8").Status);
    }

    [Fact]
    public void TheCouncillorsChestIsNotCountedAsResidentControlledMoney()
    {
        Assert.Equal(CriterionStatus.NotMet, Samples.Score("ward-councillors-community-chest").Criterion("C5").Status);
        Assert.Equal(CriterionStatus.Met, Samples.Score("participatory-budgeting-round").Criterion("C5").Status);
    }
}
