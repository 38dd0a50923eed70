
namespace Commissioning.Domain.Summaries;

/// <summary>
/// What councillors read on Monday about last week's plans: each plan with its band, how the week's dimension
/// scores compare with the four weeks before, the alerts that need attention, the recommendations that came up
/// most, and the Keep it Local principles the week's plans served strongly or weakly.
/// </summary>
public sealed record WeeklySummary
{
    public required string CouncilCode { get; init; }
    public required string CouncilName { get; init; }
    public required IsoWeek Week { get; init; }
    /// <summary>The week's plans, those needing most attention (lowest overall score) first.</summary>
    public required IReadOnlyList<SummaryPlan> Plans { get; init; }
    public required BandCounts Bands { get; init; }
    /// <summary>How many plans the previous four weeks held (the comparison's base).</summary>
    public required int PreviousPlanCount { get; init; }
    public required IReadOnlyList<DimensionTrend> Dimensions { get; init; }
    /// <summary>Compliance alerts raised this week, most frequent first, with the plans that carry each.</summary>
    public required IReadOnlyList<AlertAttention> Alerts { get; init; }
    public required IReadOnlyList<FrequentRecommendation> Recommendations { get; init; }
    /// <summary>Every principle the week's plans were scored on, by number, with the week's average.</summary>
    public required IReadOnlyList<PrincipleStrength> Principles { get; init; }
    /// <summary>
    /// Published notices imported this week, by import date: a section of their own. They are not plans and count in
    /// none of the figures above (plans, bands, averages, alerts, recommendations, principles).
    /// </summary>
    public IReadOnlyList<WeeklyNoticeEntry> Notices { get; init; } = [];

    public bool HasPlans => Plans.Count > 0;
    public bool HasNotices => Notices.Count > 0;
    public IEnumerable<PrincipleStrength> StronglyServed => Principles.Where(p => p.Band == Band.Green);
    public IEnumerable<PrincipleStrength> WeaklyServed => Principles.Where(p => p.Band == Band.Red);
}

public sealed record SummaryPlan(
    string Reference,
    string Title,
    int Version,
    DateTimeOffset SubmittedAt,
    int Score,
    Band Band,
    ServiceCategory? Category,
    int AlertCount);

public sealed record BandCounts(int Green, int Amber, int Red);

/// <summary>A dimension's average this week against the previous four weeks; null when a period had no plans.</summary>
public sealed record DimensionTrend(string Id, string Title, int? ThisWeek, int? PreviousFourWeeks)
{
    public int? Change => ThisWeek - PreviousFourWeeks;
}

public sealed record AlertAttention(string Id, string Title, IReadOnlyList<PlanMention> Plans);

public sealed record PlanMention(string Reference, string Title);

/// <summary>A recommendation and how many of the week's plans had it among their top recommendations.</summary>
public sealed record FrequentRecommendation(string CriterionId, string Title, int PlanCount);

public sealed record PrincipleStrength(int Number, string Title, int AverageScore, Band Band);
