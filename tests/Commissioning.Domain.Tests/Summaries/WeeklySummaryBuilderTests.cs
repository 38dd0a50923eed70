
namespace Commissioning.Domain.Tests.Summaries;

public class WeeklySummaryBuilderTests
{
    private static readonly IsoWeek Week = IsoWeek.Parse("2026-W05");

    private static WeeklyPlanEntry Entry(
        string reference,
        int local,
        int funding,
        int coDesign,
        string[]? alerts = null,
        string[]? recommendations = null,
        (int Number, int Score)[]? principles = null,
        int version = 1,
        int day = 0)
    {
        var overall = (int)Math.Round((local + funding + coDesign) / 3m, MidpointRounding.AwayFromZero);
        return new WeeklyPlanEntry
        {
            Reference = reference,
            Title = $"Plan {reference}",
            Version = version,
            SubmittedAt = new DateTimeOffset(Week.Monday.AddDays(day).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero),
            Overall = new OverallScore(overall, WeeklySummaryBuilder.BandFor(overall)),
            Dimensions = new DimensionScores(local, funding, coDesign),
            Alerts = [.. (alerts ?? []).Select(id => new AlertMention(id, $"Alert {id}"))],
            TopRecommendations = [.. (recommendations ?? []).Select(id => new RecommendationMention(id, $"Criterion {id}"))],
            Principles = [.. (principles ?? []).Select(p => new PrincipleScore(p.Number, $"Principle {p.Number}", p.Score))],
        };
    }

    [Fact]
    public void AWeekWithoutPlansSaysSoAndStillComparesNothing()
    {
        var summary = WeeklySummaryBuilder.Build("E07000243", "Stevenage", Week, [], [Entry("OLD-1", 50, 50, 50)]);

        Assert.False(summary.HasPlans);
        Assert.Equal(new BandCounts(0, 0, 0), summary.Bands);
        Assert.All(summary.Dimensions, d => Assert.Null(d.ThisWeek));
        Assert.All(summary.Dimensions, d => Assert.Equal(50, d.PreviousFourWeeks));
        Assert.Empty(summary.Alerts);
        Assert.Empty(summary.Principles);
    }

    [Fact]
    public void DimensionAveragesThisWeekAreComparedWithThePreviousFourWeeks()
    {
        var summary = WeeklySummaryBuilder.Build(
            "E07000243", "Stevenage", Week,
            [Entry("A", 80, 40, 61), Entry("B", 61, 20, 60)],
            [Entry("C", 50, 50, 50), Entry("D", 70, 30, 10)]);

        Assert.Equal(
            [
                new DimensionTrend("local-by-default", "Local by default", 71, 60),
                new DimensionTrend("proportionate-funding", "Proportionate funding", 30, 40),
                new DimensionTrend("co-design", "Co-design through the whole cycle", 61, 30),
            ],
            summary.Dimensions);
        Assert.Equal([11, -10, 31], summary.Dimensions.Select(d => d.Change));
        Assert.Equal(2, summary.PreviousPlanCount);
    }

    [Fact]
    public void PlansNeedingMostAttentionComeFirstAndBandsAreCounted()
    {
        var summary = WeeklySummaryBuilder.Build(
            "E07000243", "Stevenage", Week,
            [Entry("GREEN", 90, 80, 70), Entry("RED", 10, 20, 30), Entry("AMBER", 50, 50, 50)],
            []);

        Assert.Equal(["RED", "AMBER", "GREEN"], summary.Plans.Select(p => p.Reference));
        Assert.Equal([Band.Red, Band.Amber, Band.Green], summary.Plans.Select(p => p.Band));
        Assert.Equal(new BandCounts(1, 1, 1), summary.Bands);
    }

    [Fact]
    public void APlanSubmittedTwiceInAWeekCountsOnceAtItsLatestVersion()
    {
        var summary = WeeklySummaryBuilder.Build(
            "E07000243", "Stevenage", Week,
            [Entry("A", 10, 10, 10, version: 1, day: 0), Entry("A", 90, 90, 90, version: 2, day: 3)],
            []);

        var plan = Assert.Single(summary.Plans);
        Assert.Equal(2, plan.Version);
        Assert.Equal(90, plan.Score);
    }

    [Fact]
    public void AlertsAreGroupedWithTheirPlansMostFrequentFirst()
    {
        var summary = WeeklySummaryBuilder.Build(
            "E07000243", "Stevenage", Week,
            [Entry("A", 50, 50, 50, alerts: ["A4", "A5"]), Entry("B", 50, 50, 50, alerts: ["A5"]), Entry("C", 50, 50, 50)],
            []);

        Assert.Equal(["A5", "A4"], summary.Alerts.Select(a => a.Id));
        Assert.Equal(["A", "B"], summary.Alerts[0].Plans.Select(p => p.Reference));
        Assert.Equal("Alert A5", summary.Alerts[0].Title);
        Assert.Equal(2, summary.Plans.Single(p => p.Reference == "A").AlertCount);
    }

    [Fact]
    public void TheMostFrequentRecommendationsAreListedUpToFive()
    {
        var summary = WeeklySummaryBuilder.Build(
            "E07000243", "Stevenage", Week,
            [
                Entry("A", 50, 50, 50, recommendations: ["P2", "L4", "C1"]),
                Entry("B", 50, 50, 50, recommendations: ["P2", "L4", "C7"]),
                Entry("C", 50, 50, 50, recommendations: ["P2", "L1", "L2"]),
                Entry("D", 50, 50, 50, recommendations: ["P4", "C2", "C3"]),
            ],
            []);

        Assert.Equal(["P2", "L4", "C1", "C2", "C3"], summary.Recommendations.Select(r => r.CriterionId));
        Assert.Equal([3, 2, 1, 1, 1], summary.Recommendations.Select(r => r.PlanCount));
    }

    [Fact]
    public void PrinciplesAreServedStronglyFromSeventyAndWeaklyBelowForty()
    {
        var summary = WeeklySummaryBuilder.Build(
            "E07000243", "Stevenage", Week,
            [
                Entry("A", 50, 50, 50, principles: [(1, 80), (3, 30), (5, 50)]),
                Entry("B", 50, 50, 50, principles: [(1, 60), (3, 49), (5, 40)]),
            ],
            []);

        Assert.Equal([(1, 70), (3, 40), (5, 45)], summary.Principles.Select(p => (p.Number, p.AverageScore)));
        Assert.Equal([1], summary.StronglyServed.Select(p => p.Number));
        Assert.Empty(summary.WeaklyServed);

        var weaker = WeeklySummaryBuilder.Build("E07000243", "Stevenage", Week, [Entry("A", 50, 50, 50, principles: [(3, 39)])], []);
        Assert.Equal([3], weaker.WeaklyServed.Select(p => p.Number));
    }

    private static WeeklyNoticeEntry Notice(string ocid, int version, int hour, int score = 13) => new()
    {
        Ocid = ocid,
        Title = $"Notice {ocid}",
        Version = version,
        ImportedAt = new DateTimeOffset(Week.Monday.AddDays(1).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero),
        PortalName = "Find a Tender",
        NoticeId = ocid,
        Score = score,
        Band = null,
        CriteriaEvidenced = 5,
        CriteriaTotal = 24,
        Dimensions = [new NoticeDimensionMention("local-by-default", "Local by default", 25, 25, null)],
    };

    [Fact]
    public void NoticesImportedInTheWeekAreListedByImportTimeEachOnceAndCountInNoneOfThePlanFigures()
    {
        var plans = WeeklySummaryBuilder.Build("E07000243", "Stevenage", Week, [Entry("A", 80, 40, 61, alerts: ["A4"])], []);

        var summary = WeeklySummaryBuilder.Build("E07000243", "Stevenage", Week, [Entry("A", 80, 40, 61, alerts: ["A4"])], [],
            [Notice("ocds-h6vhtk-2", 1, hour: 15), Notice("ocds-h6vhtk-1", 1, hour: 9), Notice("ocds-h6vhtk-1", 2, hour: 11, score: 0)]);

        Assert.Equal([("ocds-h6vhtk-1", 2), ("ocds-h6vhtk-2", 1)], summary.Notices.Select(n => (n.Ocid, n.Version)));
        Assert.True(summary.HasNotices);
        Assert.Equal(plans.Plans, summary.Plans);
        Assert.Equal(plans.Bands, summary.Bands);
        Assert.Equal(plans.Dimensions, summary.Dimensions);
        Assert.Equal(plans.Alerts.Select(a => (a.Id, a.Plans.Count)), summary.Alerts.Select(a => (a.Id, a.Plans.Count)));
        Assert.Equal(plans.Principles, summary.Principles);
        Assert.False(WeeklySummaryBuilder.Build("E07000243", "Stevenage", Week, [], []).HasNotices);
    }
}
