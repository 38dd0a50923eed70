
namespace Commissioning.Domain.Summaries;

/// <summary>
/// What the weekly summary knows about one plan submitted in a week: the latest version submitted that week, its
/// scores and bands, the alerts it carries, its top recommendations and how well it serves each principle.
/// One entry of a week's digest in the <c>PlansByWeek</c> index; built from a scorecard when the plan is submitted.
/// </summary>
public sealed record WeeklyPlanEntry
{
    public required string Reference { get; init; }
    public required string Title { get; init; }
    public required int Version { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public required OverallScore Overall { get; init; }
    public required DimensionScores Dimensions { get; init; }
    public ServiceCategory? Category { get; init; }
    public IReadOnlyList<AlertMention> Alerts { get; init; } = [];
    /// <summary>The plan's highest-gain recommendations (criterion id and title), best first.</summary>
    public IReadOnlyList<RecommendationMention> TopRecommendations { get; init; } = [];
    public IReadOnlyList<PrincipleScore> Principles { get; init; } = [];

    /// <summary>How many recommendations an entry keeps: enough to find the week's most frequent ones.</summary>
    public const int RecommendationsKept = 3;

    /// <summary>The index entry for a scored plan version submitted at <paramref name="submittedAt"/>.</summary>
    public static WeeklyPlanEntry FromScorecard(Plan plan, Scorecard scorecard, int version, DateTimeOffset submittedAt) =>
        FromScorecard(plan.Title, plan.Service?.Category, scorecard, version, submittedAt);

    /// <summary>The index entry for a scored plan version, from its title and category.</summary>
    public static WeeklyPlanEntry FromScorecard(string title, ServiceCategory? category, Scorecard scorecard, int version, DateTimeOffset submittedAt) => new()
    {
        Reference = scorecard.Reference,
        Title = title,
        Version = version,
        SubmittedAt = submittedAt,
        Overall = scorecard.Overall,
        Dimensions = new DimensionScores(
            ScoreOf(scorecard, DimensionScores.LocalByDefaultId),
            ScoreOf(scorecard, DimensionScores.ProportionateFundingId),
            ScoreOf(scorecard, DimensionScores.CoDesignId)),
        Category = category,
        Alerts = [.. scorecard.Alerts.Select(a => new AlertMention(a.Id, a.Title))],
        TopRecommendations = [.. scorecard.Recommendations.Take(RecommendationsKept).Select(r => new RecommendationMention(r.CriterionId, r.Title))],
        Principles = [.. scorecard.Principles.Select(p => new PrincipleScore(p.Number, p.Title, p.Score))],
    };

    private static int ScoreOf(Scorecard scorecard, string dimensionId) =>
        scorecard.Dimensions.FirstOrDefault(d => d.Id == dimensionId)?.Score
        ?? throw new ArgumentException($"The scorecard has no '{dimensionId}' dimension.", nameof(scorecard));
}

/// <summary>The three dimension scores of a plan (0–100).</summary>
public sealed record DimensionScores(int LocalByDefault, int ProportionateFunding, int CoDesign)
{
    public const string LocalByDefaultId = "local-by-default";
    public const string ProportionateFundingId = "proportionate-funding";
    public const string CoDesignId = "co-design";
}

public sealed record AlertMention(string Id, string Title);

public sealed record RecommendationMention(string CriterionId, string Title);

/// <summary>How well a plan serves one Keep it Local principle (1–6), 0–100.</summary>
public sealed record PrincipleScore(int Number, string Title, int Score);
