using System.Text.Json.Serialization;

namespace Commissioning.Domain.Notices;

/// <summary>
/// The notice lens (design: notices.md §7, §8, §10): data shipped beside a rubric version saying, for each criterion,
/// what a published notice can evidence and what to ask councillors instead, and for each alert what a notice must
/// show before it may be raised. Like the rubric it is data: a new rubric version gets a new lens, not new code.
/// </summary>
public sealed record NoticeLens
{
    /// <summary>"notice-lens/2026.1".</summary>
    public required string Version { get; init; }
    /// <summary>The rubric version this lens reads.</summary>
    public required string RubricVersion { get; init; }
    public string Description { get; init; } = "";
    /// <summary>Below this share of a dimension's applicable weight evidenced, its band is withheld.</summary>
    public required int BandCoverageMinimumPercent { get; init; }
    public required IReadOnlyList<CriterionLens> Criteria { get; init; }
    public required IReadOnlyList<AlertLens> Alerts { get; init; }
    /// <summary>Plan fields no notice can carry that no criterion names (council code, reference, the commissioner …).</summary>
    public required IReadOnlyList<string> NeverInNotice { get; init; }
    public required NoticeLensTexts Texts { get; init; }
}

/// <summary>What a notice can show for one criterion.</summary>
public sealed record CriterionLens
{
    public required string Id { get; init; }
    public required NoticeEvidence Evidence { get; init; }
    /// <summary>Plan fields the criterion reads that a notice never carries.</summary>
    public IReadOnlyList<string> NeverInNotice { get; init; } = [];
    /// <summary>For a partial criterion: what the notice never says, worded about the notice ("The notice does not say …").</summary>
    public string? Limit { get; init; }
    /// <summary>The question for councillors when the notice cannot evidence the criterion.</summary>
    public required string Question { get; init; }
}

public enum NoticeEvidence
{
    /// <summary>A notice can carry everything the criterion reads.</summary>
    [JsonStringEnumMemberName("full")] Full,
    /// <summary>A notice carries part of it; the rest is a named notice limit, and "met" may be out of reach.</summary>
    [JsonStringEnumMemberName("partial")] Partial,
    /// <summary>No notice carries what the criterion reads: always not-evidenced, with a question instead.</summary>
    [JsonStringEnumMemberName("none")] None,
}

/// <summary>When an alert raised on a notice's plan may stand.</summary>
/// <param name="CanFire">False when a notice can never show what the alert needs.</param>
/// <param name="Needs">What the notice must show besides what the alert's own rule reads.</param>
/// <param name="Reason">Why it is withheld when it cannot stand, in words.</param>
public sealed record AlertLens(string Id, bool CanFire, IReadOnlyList<AlertNeed> Needs, string Reason);

public enum AlertNeed
{
    /// <summary>The value is certainly at or above the threshold, whatever VAT and whatever regime of threshold applies.</summary>
    [JsonStringEnumMemberName("certainly-at-or-above-threshold")] CertainlyAtOrAboveThreshold,
    /// <summary>The value is certainly below the threshold: gross below it, or even with VAT added.</summary>
    [JsonStringEnumMemberName("certainly-below-threshold")] CertainlyBelowThreshold,
    /// <summary>The portal publishes a lots structure, so "one lot" is evidence.</summary>
    [JsonStringEnumMemberName("lots-published")] LotsPublished,
    /// <summary>The term is known.</summary>
    [JsonStringEnumMemberName("term-known")] TermKnown,
}

/// <summary>The lens's own words; placeholders in braces.</summary>
public sealed record NoticeLensTexts
{
    /// <summary>Opens every rendering: {portal}, {noticeId}, {evidenced}, {criteria}.</summary>
    public required string Label { get; init; }
    /// <summary>Recommendation of a criterion no notice can show: {question}.</summary>
    public required string CannotShow { get; init; }
    /// <summary>Recommendation of a criterion this notice does not say enough about: {title}, {question}.</summary>
    public required string NotStated { get; init; }
    /// <summary>{coverage}, {minimum}, {score}.</summary>
    public required string BandWithheld { get; init; }
    /// <summary>{dimensions}.</summary>
    public required string OverallBandWithheld { get; init; }
    /// <summary>Why a question is asked: the criterion is beyond any notice.</summary>
    public required string QuestionBeyondNotices { get; init; }
    /// <summary>Why a question is asked: this notice does not say.</summary>
    public required string QuestionNotStated { get; init; }
    /// <summary>Alerts withheld by the regime gate: {regime}.</summary>
    public required string RegimeSuppressed { get; init; }
    /// <summary>The opening banner for each regime without alerts.</summary>
    public required IReadOnlyList<RegimeBanner> RegimeBanners { get; init; }
    /// <summary>{value}, {basis}, {threshold}, {thresholdName}.</summary>
    public required string ThresholdSideUncertain { get; init; }
    /// <summary>Why an alert needing "at or above" is withheld when the light-touch regime may apply: {lightTouchThreshold}.</summary>
    public required string LightTouchUnknown { get; init; }
    /// <summary>{date}.</summary>
    public required string ThresholdsBeforeTheAct { get; init; }
    /// <summary>{stated}, {value}, {side}, {threshold}.</summary>
    public required string AboveThresholdConflict { get; init; }
    public required string SizeIsACeiling { get; init; }
    /// <summary>{lots}.</summary>
    public required string LotsWithoutValues { get; init; }
    /// <summary>{unknown}, {lots}.</summary>
    public required string SomeLotsWithoutValues { get; init; }
}

public sealed record RegimeBanner(NoticeRegime Regime, string Text);
