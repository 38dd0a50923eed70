using System.Text.Json;
using Commissioning.Functions.Advisor;

namespace Commissioning.Functions.Tests.Advisor;

public sealed class NarrativeCheckTests
{
    private static readonly Scorecard Scorecard = ScorecardBuilder.Typical();
    private static readonly AdvisorOptions Limits = new();

    private static IReadOnlyList<string> Check(object answer) =>
        NarrativeCheck.Problems(JsonSerializer.Deserialize<AdvisorAnswer>(JsonSerializer.Serialize(answer))!, Scorecard, Limits);

    private static IReadOnlyList<string> CheckSummary(string summary) => Check(Answers.WithAdvice(summary));

    [Fact]
    public void AnAnswerThatRestatesTheScorecardPasses()
    {
        Assert.Empty(Check(Answers.Good()));
    }

    [Fact]
    public void AdviceForACriterionThatIsNotOnTheScorecardIsRejected()
    {
        var problems = Check(Answers.WithAdvice("A fair start.", ("L9", "Invent something.")));

        Assert.Equal(["advice for criterion 'L9', which is not on the scorecard"], problems);
    }

    [Theory]
    [InlineData("L1", "met")]
    [InlineData("C5", "not applicable")]
    public void AdviceForACriterionThatNeedsNoneIsRejected(string id, string status)
    {
        var problems = Check(Answers.WithAdvice("A fair start.", (id, "Keep going.")));

        Assert.Equal([$"advice for criterion {id}, which is {status} and needs none"], problems);
    }

    [Fact]
    public void TwoAdvicesForOneCriterionAreRejected()
    {
        var problems = Check(Answers.WithAdvice("A fair start.", ("L4", "One."), ("L4", "Two.")));

        Assert.Equal(["more than one advice for criterion L4"], problems);
    }

    [Theory]
    [InlineData("This plan scores 100/100.")]
    [InlineData("Overall the plan scored 80.")]
    [InlineData("It earns 57 out of 100 overall.")]
    [InlineData("The plan has a score of 90 and should go ahead.")]
    [InlineData("Co-design through the whole cycle scores 62 out of 100.")]
    [InlineData("A score of 57 leaves room to grow.")]
    public void AScoreTheScorecardDoesNotGiveIsRejected(string summary)
    {
        var problems = CheckSummary(summary);

        Assert.Single(problems);
        Assert.StartsWith("summary states a score of", problems[0]);
    }

    [Theory]
    [InlineData("Overall the plan scores 56 out of 100.")]
    [InlineData("Local by default scores 62/100 and co-design 35 out of 100.")]
    [InlineData("Proportionate funding scored 71.")]
    [InlineData("Bidders have 20 days; scored questions number 5, and 12 of 100 organisations replied.")]
    public void ScoresTheScorecardGivesAndNumbersThatAreNotScoresPass(string summary)
    {
        Assert.Empty(CheckSummary(summary));
    }

    [Theory]
    [InlineData("Overall the plan is green.", "summary calls the plan overall green, which the scorecard does not")]
    [InlineData("Co-design is amber.", "summary calls Co-design through the whole cycle amber, which the scorecard does not")]
    [InlineData("Proportionate funding is rated red.", "summary calls Proportionate funding red, which the scorecard does not")]
    public void ABandThatContradictsTheScorecardIsRejected(string summary, string expected)
    {
        Assert.Equal([expected], CheckSummary(summary));
    }

    [Theory]
    [InlineData("Overall the plan is amber, though co-design is red.")]
    [InlineData("Cut the red tape for small charities in the plan.")]
    [InlineData("Green spaces in Bedwell are a strength.")]
    public void BandsTheScorecardGivesAndOrdinaryColourWordsPass(string summary)
    {
        Assert.Empty(CheckSummary(summary));
    }

    [Fact]
    public void AClaimInAdviceIsCheckedLikeTheSummary()
    {
        var problems = Check(Answers.WithAdvice("A fair start.", ("L4", "Do this and local by default will be green.")));

        Assert.Equal(["advice for L4 calls Local by default green, which the scorecard does not"], problems);
    }

    [Fact]
    public void TextOverTheLengthLimitsIsRejected()
    {
        var problems = Check(Answers.WithAdvice(new string('a', 1_201), ("L4", new string('b', 801))));

        Assert.Equal(["summary has 1201 characters; the limit is 1200", "advice for L4 has 801 characters; the limit is 800"], problems);
    }

    [Fact]
    public void EmptyTextIsRejected()
    {
        Assert.Equal(["summary is empty", "advice for L4 is empty"], Check(Answers.WithAdvice("  ", ("L4", ""))));
    }

    [Theory]
    [InlineData("Paying in 45 days is unlawful.")]
    [InlineData("That reservation would be illegal.")]
    public void CallingThePlanUnlawfulIsRejected(string summary)
    {
        var problem = Assert.Single(CheckSummary(summary));
        Assert.Contains("check with their procurement/legal team", problem);
    }

    [Fact]
    public void TheDeterministicNarrativeAlwaysPassesTheCheck()
    {
        var scorecards = new[]
        {
            Scorecard,
            new ScorecardBuilder().Overall(88, Band.Green)
                .Dimension("local-by-default", "Local by default", 100, Band.Green, ScorecardBuilder.Criterion("L1", "Reservation considered", CriterionStatus.Met, 15))
                .Dimension("proportionate-funding", "Proportionate funding", 85, Band.Green, ScorecardBuilder.Criterion("P1", "Grant considered", CriterionStatus.Met, 15))
                .Dimension("co-design", "Co-design through the whole cycle", 79, Band.Green, ScorecardBuilder.Criterion("C4", "Social value consultation", CriterionStatus.Met, 10))
                .Build(),
            new ScorecardBuilder().Overall(12, Band.Red)
                .Dimension("local-by-default", "Local by default", 0, Band.Red, ScorecardBuilder.Criterion("L4", "Early engagement", CriterionStatus.NotMet, 15, recommendation: "Engage early."))
                .Dimension("proportionate-funding", "Proportionate funding", 36, Band.Red, ScorecardBuilder.Criterion("P2", "Cash flow", CriterionStatus.NotMet, 20, recommendation: "Pay monthly."))
                .Dimension("co-design", "Co-design through the whole cycle", 0, Band.Red, ScorecardBuilder.Criterion("C2", "Across the cycle", CriterionStatus.NotEvidenced, 20, missingFields: ["coDesign.activities"]))
                .Build(),
        };

        foreach (var scorecard in scorecards)
        {
            var answer = new AdvisorAnswer
            {
                Summary = DeterministicNarrative.Summary(scorecard),
                Advice = [.. DeterministicNarrative.AdviceByCriterion(scorecard).Select(a => new CriterionAdvice { CriterionId = a.Key, Advice = a.Value })],
            };

            Assert.Empty(NarrativeCheck.Problems(answer, scorecard, Limits));
        }
    }

    [Fact]
    public void TheDeterministicNarrativeRestatesTheScorecardAndEachRecommendation()
    {
        var narrative = DeterministicNarrative.From(Scorecard, new AdvisorFallbackReason(AdvisorFallbackKind.Timeout, "no answer within 20 s"));

        Assert.Equal("deterministic", narrative.Source);
        Assert.Equal(
            "Overall this plan scores 56 out of 100, which is amber. Local by default scores 62 out of 100 (amber), "
            + "Proportionate funding scores 71 out of 100 (green) and Co-design through the whole cycle scores 35 out of 100 (red). "
            + "There is 1 compliance alert: check it with your procurement/legal team before going further. "
            + "The biggest improvements available: Involvement across the cycle (C2, up to 6.7 points), "
            + "Social value with a local element (L5, up to 5 points) and Depth of involvement (C1, up to 3.3 points).",
            narrative.Summary);
        Assert.Equal(["C2", "L5", "C1", "L4", "P4"], narrative.AdviceByCriterion.Keys);
        Assert.Equal("Give bidders at least 30 days rather than 20.", narrative.AdviceByCriterion["P4"]);
        Assert.Equal("Add coDesign.activities so this criterion can be scored.", narrative.AdviceByCriterion["C2"]);
        Assert.Equal("the language model did not answer in time", narrative.FallbackReason);
    }
}
