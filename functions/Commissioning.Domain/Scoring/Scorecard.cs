using System.Text.Json.Serialization;

namespace Commissioning.Domain.Scoring;

// The explainable result of scoring one plan. This shape is the API contract (camelCase JSON):
// rubricVersion, overall {score, band}, dimensions [{id, score, band, criteria [...]}], alerts, missingFields.

public sealed record Scorecard
{
    public required string RubricVersion { get; init; }
    public required string CouncilCode { get; init; }
    public required string Reference { get; init; }
    /// <summary>The date the plan was scored for (thresholds in force on the planned tender date, else this date).</summary>
    public required DateOnly ScoredFor { get; init; }
    public required OverallScore Overall { get; init; }
    public required IReadOnlyList<DimensionScore> Dimensions { get; init; }
    public required IReadOnlyList<ComplianceAlert> Alerts { get; init; }
    /// <summary>JSON paths of fields that, if supplied, would let not-evidenced criteria be scored.</summary>
    public required IReadOnlyList<string> MissingFields { get; init; }
    /// <summary>Every criterion not fully met, ordered by the points the overall score would gain (highest first).</summary>
    public required IReadOnlyList<Recommendation> Recommendations { get; init; }
    /// <summary>Keep it Local principles (1–6) and how well the plan serves each.</summary>
    public required IReadOnlyList<PrincipleSummary> Principles { get; init; }
    /// <summary>Notes about the scoring context, e.g. that the council is not registered.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}

public sealed record OverallScore(int Score, Band Band);

public sealed record DimensionScore
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required int Score { get; init; }
    public required Band Band { get; init; }
    public required IReadOnlyList<CriterionResult> Criteria { get; init; }
}

public sealed record CriterionResult
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required CriterionStatus Status { get; init; }
    public required int Weight { get; init; }
    /// <summary>Weight × earned share (0 for not-applicable).</summary>
    public required decimal Points { get; init; }
    /// <summary>The plan values the rule read, as "field": value pairs in plain text (e.g. "bidWindowDays": 10).</summary>
    public required IReadOnlyList<Evidence> Evidence { get; init; }
    public required string Rule { get; init; }
    /// <summary>Null when fully met or not applicable.</summary>
    public string? Recommendation { get; init; }
    /// <summary>Points the overall score would gain if the recommendation were followed (0 when met or not applicable).</summary>
    public required decimal Gain { get; init; }
    public required IReadOnlyList<int> Principles { get; init; }
    public required Basis Basis { get; init; }
    /// <summary>Fields to add when not-evidenced (JSON paths).</summary>
    public IReadOnlyList<string> MissingFields { get; init; } = [];
}

public sealed record Evidence(string Field, string Value);

public sealed record Basis(BasisKind Kind, string Text);

public sealed record ComplianceAlert(string Id, string Title, string Message, string Basis);

public sealed record Recommendation(string CriterionId, string Dimension, string Title, CriterionStatus Status, decimal Gain, string Text);

public sealed record PrincipleSummary(int Number, string Title, int Score, Band Band);

[JsonConverter(typeof(JsonStringEnumConverter<Band>))]
public enum Band
{
    [JsonStringEnumMemberName("red")] Red,
    [JsonStringEnumMemberName("amber")] Amber,
    [JsonStringEnumMemberName("green")] Green,
}

[JsonConverter(typeof(JsonStringEnumConverter<CriterionStatus>))]
public enum CriterionStatus
{
    [JsonStringEnumMemberName("met")] Met,
    [JsonStringEnumMemberName("partly-met")] PartlyMet,
    [JsonStringEnumMemberName("not-met")] NotMet,
    [JsonStringEnumMemberName("not-evidenced")] NotEvidenced,
    [JsonStringEnumMemberName("not-applicable")] NotApplicable,
}

[JsonConverter(typeof(JsonStringEnumConverter<BasisKind>))]
public enum BasisKind
{
    /// <summary>An Act, regulation or statutory instrument.</summary>
    [JsonStringEnumMemberName("law")] Law,
    /// <summary>Government or sector guidance.</summary>
    [JsonStringEnumMemberName("guidance")] Guidance,
    /// <summary>The rubric's own judgement, marked as such.</summary>
    [JsonStringEnumMemberName("rubric")] Rubric,
}
