
namespace Commissioning.Functions.Plans;

// The plan endpoints' response bodies. Scorecards are written with the domain's JSON conventions.

/// <summary>
/// The answer to a submission: the version it became (created now, or the existing one) and where to read it.
/// <see cref="ImportedAt"/> is set when the version was imported with its original date (<see cref="SubmittedAt"/>).
/// </summary>
public sealed record SubmittedPlan(
    string Council,
    string Reference,
    int Version,
    bool Created,
    DateTimeOffset SubmittedAt,
    Scorecard Scorecard,
    PlanLinks Links,
    DateTimeOffset? ImportedAt = null)
{
    public static SubmittedPlan From(SaveOutcome outcome)
    {
        var summary = outcome.Stored.Summary;
        return new SubmittedPlan(summary.Council, summary.Reference, summary.Version, outcome.Created, summary.SubmittedAt,
            outcome.Stored.Scorecard, PlanLinks.For(summary.Council, summary.Reference, summary.Version), summary.ImportedAt);
    }
}

/// <summary>One version of a plan with its scorecard, and the plan's history.</summary>
public sealed record PlanDetails(
    string Council,
    string Reference,
    string Title,
    int Version,
    int LatestVersion,
    DateTimeOffset SubmittedAt,
    Scorecard Scorecard,
    PlanLinks Links,
    IReadOnlyList<PlanListItem> Versions,
    DateTimeOffset? ImportedAt = null);

/// <summary>
/// A plan version's headline in a list or history. An imported version has <see cref="ImportedAt"/> (when it was
/// imported) and its original date as <see cref="SubmittedAt"/>: "imported, originally submitted on …".
/// </summary>
public sealed record PlanListItem(
    string Reference,
    string Title,
    int Version,
    int Score,
    Band Band,
    int AlertsCount,
    DateTimeOffset SubmittedAt,
    string IsoWeek,
    IReadOnlyList<DimensionSummary> Dimensions,
    PlanLinks Links,
    string? Category = null,
    Actor? SubmittedBy = null,
    DateTimeOffset? ImportedAt = null)
{
    public static PlanListItem From(PlanSummary summary) => new(summary.Reference, summary.Title, summary.Version, summary.Score,
        summary.Band, summary.AlertsCount, summary.SubmittedAt, summary.IsoWeek, summary.Dimensions,
        PlanLinks.For(summary.Council, summary.Reference, summary.Version),
        summary.Category is { } category ? EnumWords.ToWord(category) : null,
        summary.SubmittedBy,
        summary.ImportedAt);
}

/// <summary>A page of plans; follow <see cref="Next"/> (or send <see cref="ContinuationToken"/>) for the next page.</summary>
public sealed record PlanList(
    string Council,
    string? Week,
    Band? Band,
    int PageSize,
    IReadOnlyList<PlanListItem> Plans,
    string? ContinuationToken,
    string? Next);
