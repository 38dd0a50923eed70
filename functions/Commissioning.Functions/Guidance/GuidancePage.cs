namespace Commissioning.Functions.Guidance;

// What the guidance templates read (as `model`, camelCase). Everything is already in the commissioner's words:
// numbers, money, bands and statuses are formatted here so the templates only lay out and escape.
// Plan-supplied and model-supplied text is carried as-is; the templates escape every string they print.

public sealed partial record GuidancePage
{
    public required string Title { get; init; }
    public required string Reference { get; init; }
    public required string CouncilName { get; init; }
    public required string CouncilCode { get; init; }
    public required int Version { get; init; }
    public required string RubricVersion { get; init; }
    public required string ScoredFor { get; init; }
    public required ScoreSummary Overall { get; init; }
    public required IReadOnlyList<DimensionSummary> Dimensions { get; init; }
    /// <summary>The plan at a glance: value, term, funding, route, dates, places.</summary>
    public required IReadOnlyList<PlanFact> Facts { get; init; }
    /// <summary>What the commissioner wrote in the plan's own narrative field, if anything.</summary>
    public string? CommissionerNote { get; init; }
    public required IReadOnlyList<AlertItem> Alerts { get; init; }
    /// <summary>Ordered by the points the overall score would gain, highest first.</summary>
    public required IReadOnlyList<RecommendationItem> Recommendations { get; init; }
    /// <summary>Per dimension, the criteria not fully met, ordered by points lost.</summary>
    public required IReadOnlyList<DimensionShortfall> Shortfalls { get; init; }
    /// <summary>The criteria the plan fully meets.</summary>
    public required IReadOnlyList<StrengthItem> Strengths { get; init; }
    public required IReadOnlyList<PrincipleItem> StrongPrinciples { get; init; }
    public required IReadOnlyList<PrincipleItem> WeakPrinciples { get; init; }
    public required IReadOnlyList<FieldToAdd> FieldsToAdd { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
    public required NarrativeSection Narrative { get; init; }
    public required GuidanceLinks Links { get; init; }
}

public sealed record ScoreSummary(int Score, string Band, string BandWords);

public sealed record DimensionSummary(string Id, string Title, int Score, string Band, string BandWords);

public sealed record PlanFact(string Label, string Value);

public sealed record AlertItem(string Id, string Title, string Message, string Basis);

public sealed record EvidenceItem(string Field, string Value);

public sealed record RecommendationItem
{
    public required int Rank { get; init; }
    /// <summary>A safe fragment id (letters, digits, hyphens) for links from the per-dimension tables.</summary>
    public required string Anchor { get; init; }
    public required string CriterionId { get; init; }
    public required string CriterionTitle { get; init; }
    public required string DimensionTitle { get; init; }
    public required string Status { get; init; }
    public required string StatusWords { get; init; }
    public required string GainWords { get; init; }
    public required string Text { get; init; }
    public required string Rule { get; init; }
    public required string BasisWords { get; init; }
    public required string BasisText { get; init; }
    public required IReadOnlyList<EvidenceItem> Evidence { get; init; }
    public required IReadOnlyList<string> MissingFields { get; init; }
    public required string PrinciplesWords { get; init; }
}

public sealed record DimensionShortfall(string Id, string Title, int Score, string BandWords, IReadOnlyList<ShortfallItem> Criteria);

public sealed record ShortfallItem(
    string CriterionId,
    string Title,
    string Status,
    string StatusWords,
    string PointsWords,
    string PointsLost,
    string? RecommendationAnchor);

public sealed record StrengthItem(
    string CriterionId,
    string Title,
    string DimensionTitle,
    string PointsWords,
    IReadOnlyList<EvidenceItem> Evidence,
    string PrinciplesWords);

public sealed record PrincipleItem(int Number, string Title, int Score, string BandWords);

public sealed record FieldToAdd(string Field, string Criteria);

public sealed record NarrativeSection
{
    /// <summary>True when a language model wrote the narrative; false when the deterministic text is used.</summary>
    public required bool UsesModel { get; init; }
    public required string SourceWords { get; init; }
    public string? Summary { get; init; }
    public required IReadOnlyList<AdviceItem> Advice { get; init; }
}

public sealed record AdviceItem(string CriterionId, string CriterionTitle, string Text);
