
namespace Commissioning.Domain.Summaries;

/// <summary>
/// Builds the weekly summary from the week's index entries and the four weeks before. Pure: the caller reads the
/// entries and decides which week it is. Averages are whole numbers (half away from zero), banded like scores:
/// green ≥ 70, amber 40–69, red &lt; 40. A plan submitted more than once in a period counts once, at its latest version.
/// </summary>
public static class WeeklySummaryBuilder
{
    /// <summary>How many of the most frequent recommendations the summary lists.</summary>
    public const int RecommendationsListed = 5;

    /// <summary>How many weeks before the summarised one the comparison covers.</summary>
    public const int ComparisonWeeks = 4;

    private static readonly (string Id, string Title, Func<DimensionScores, int> Score)[] DimensionsInOrder =
    [
        (DimensionScores.LocalByDefaultId, "Local by default", d => d.LocalByDefault),
        (DimensionScores.ProportionateFundingId, "Proportionate funding", d => d.ProportionateFunding),
        (DimensionScores.CoDesignId, "Co-design through the whole cycle", d => d.CoDesign),
    ];

    /// <param name="noticesThisWeek">Published notices imported in the week: listed on their own, never counted as plans.</param>
    public static WeeklySummary Build(
        string councilCode,
        string councilName,
        IsoWeek week,
        IReadOnlyList<WeeklyPlanEntry> thisWeek,
        IReadOnlyList<WeeklyPlanEntry> previousFourWeeks,
        IReadOnlyList<WeeklyNoticeEntry>? noticesThisWeek = null)
    {
        var plans = LatestPerReference(thisWeek);
        var previous = LatestPerReference(previousFourWeeks);

        return new WeeklySummary
        {
            CouncilCode = councilCode,
            CouncilName = councilName,
            Week = week,
            Plans =
            [
                .. plans
                    .OrderBy(p => p.Overall.Score)
                    .ThenBy(p => p.Reference, StringComparer.Ordinal)
                    .Select(p => new SummaryPlan(p.Reference, p.Title, p.Version, p.SubmittedAt, p.Overall.Score, p.Overall.Band, p.Category, p.Alerts.Count)),
            ],
            Bands = new BandCounts(
                plans.Count(p => p.Overall.Band == Band.Green),
                plans.Count(p => p.Overall.Band == Band.Amber),
                plans.Count(p => p.Overall.Band == Band.Red)),
            PreviousPlanCount = previous.Count,
            Dimensions = [.. DimensionsInOrder.Select(d => new DimensionTrend(d.Id, d.Title, Average(plans, p => d.Score(p.Dimensions)), Average(previous, p => d.Score(p.Dimensions))))],
            Alerts =
            [
                .. plans
                    .SelectMany(p => p.Alerts.DistinctBy(a => a.Id).Select(a => (Alert: a, Plan: p)))
                    .GroupBy(x => x.Alert.Id, StringComparer.Ordinal)
                    .OrderByDescending(g => g.Count())
                    .ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new AlertAttention(
                        g.Key,
                        g.First().Alert.Title,
                        [.. g.Select(x => new PlanMention(x.Plan.Reference, x.Plan.Title)).OrderBy(m => m.Reference, StringComparer.Ordinal)])),
            ],
            Recommendations =
            [
                .. plans
                    .SelectMany(p => p.TopRecommendations.DistinctBy(r => r.CriterionId))
                    .GroupBy(r => r.CriterionId, StringComparer.Ordinal)
                    .OrderByDescending(g => g.Count())
                    .ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Take(RecommendationsListed)
                    .Select(g => new FrequentRecommendation(g.Key, g.First().Title, g.Count())),
            ],
            Principles =
            [
                .. plans
                    .SelectMany(p => p.Principles)
                    .GroupBy(p => p.Number)
                    .OrderBy(g => g.Key)
                    .Select(g =>
                    {
                        var average = RoundedMean(g.Select(p => p.Score));
                        return new PrincipleStrength(g.Key, g.First().Title, average, BandFor(average));
                    }),
            ],
            Notices =
            [
                .. (noticesThisWeek ?? [])
                    .GroupBy(n => n.Ocid, StringComparer.Ordinal)
                    .Select(g => g.OrderByDescending(n => n.Version).First())
                    .OrderBy(n => n.ImportedAt)
                    .ThenBy(n => n.Ocid, StringComparer.Ordinal),
            ],
        };
    }

    /// <summary>The band a 0–100 score falls in: green ≥ 70, amber 40–69, red &lt; 40.</summary>
    public static Band BandFor(int score) => score switch
    {
        >= 70 => Band.Green,
        >= 40 => Band.Amber,
        _ => Band.Red,
    };

    private static List<WeeklyPlanEntry> LatestPerReference(IEnumerable<WeeklyPlanEntry> entries) =>
    [
        .. entries
            .GroupBy(e => e.Reference, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(e => e.SubmittedAt).ThenByDescending(e => e.Version).First()),
    ];

    private static int? Average(IReadOnlyCollection<WeeklyPlanEntry> entries, Func<WeeklyPlanEntry, int> score) =>
        entries.Count == 0 ? null : RoundedMean(entries.Select(score));

    private static int RoundedMean(IEnumerable<int> scores)
    {
        var list = scores as IReadOnlyCollection<int> ?? [.. scores];
        return (int)Math.Round((decimal)list.Sum() / list.Count, MidpointRounding.AwayFromZero);
    }
}
