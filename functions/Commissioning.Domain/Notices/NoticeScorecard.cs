
namespace Commissioning.Domain.Notices;

/// <summary>
/// A scorecard read from a published notice (design: notices.md §10): labelled as such, with its source and OGL
/// attribution, the engine's scorecard after the notice lens (statuses a notice cannot evidence set to not-evidenced,
/// alerts it cannot support withheld), coverage per dimension, bands withheld below the lens's minimum coverage,
/// questions for councillors, hints and the mapping. It never counts as a submitted plan.
/// The bands to show are this record's <see cref="Overall"/> and <see cref="Dimensions"/>; the inner
/// <see cref="Scorecard"/> keeps the engine's bands only because its shape cannot hold a withheld one.
/// </summary>
public sealed record NoticeScorecard
{
    public string Kind { get; init; } = "notice-derived";
    /// <summary>The sentence every rendering opens with.</summary>
    public required string Label { get; init; }
    /// <summary>For a notice outside the Procurement Act: the sentence that follows the label.</summary>
    public string? Banner { get; init; }
    public required string LensVersion { get; init; }
    public required NoticeSource Source { get; init; }
    public NoticeBuyer? Buyer { get; init; }
    public required NoticeOverall Overall { get; init; }
    public required IReadOnlyList<NoticeDimension> Dimensions { get; init; }
    /// <summary>Criteria whose status could be read from the notice (not "not-evidenced"), of <see cref="CriteriaTotal"/>.</summary>
    public required int CriteriaEvidenced { get; init; }
    public required int CriteriaTotal { get; init; }
    /// <summary>One question for each criterion the notice does not evidence.</summary>
    public required IReadOnlyList<CouncillorQuestion> Questions { get; init; }
    /// <summary>Alerts the engine raised that the notice cannot support, and why.</summary>
    public required IReadOnlyList<WithheldAlert> WithheldAlerts { get; init; }
    /// <summary>The engine's scorecard of the mapped plan, after the lens.</summary>
    public required Scorecard Scorecard { get; init; }
    /// <summary>The plan read from the notice, as scored.</summary>
    public required Plan Plan { get; init; }
    /// <summary>Each plan field with the OCDS paths and method that gave it; fields never in a notice; hints.</summary>
    public required NoticeProvenance Mapping { get; init; }
    public IReadOnlyList<AwardedSupplier> Outcome { get; init; } = [];
    /// <summary>What the lens concluded about the notice as a whole (VAT and the threshold, lots without values …).</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}

/// <summary>The overall score, with its band unless a dimension's band is withheld.</summary>
public sealed record NoticeOverall(int Score, Band? Band, string? BandWithheld);

/// <summary>One dimension: its score, how much of it the notice could show, and its band or why it is withheld.</summary>
public sealed record NoticeDimension
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required int Score { get; init; }
    public Band? Band { get; init; }
    public string? BandWithheld { get; init; }
    /// <summary>Share (0–100) of the applicable weight whose criterion was evidenced.</summary>
    public required int CoveragePercent { get; init; }
    public required int EvidencedWeight { get; init; }
    public required int ApplicableWeight { get; init; }
    /// <summary>Points earned ÷ evidenced weight × 100: the score of what the notice does show. Null when nothing is.</summary>
    public int? EvidencedOnlyScore { get; init; }
}

/// <summary>A question for councillors in place of a criterion the notice does not evidence.</summary>
public sealed record CouncillorQuestion(string CriterionId, string Title, string Question, string Reason);

/// <summary>An alert the engine raised on the mapped plan that the notice cannot support.</summary>
public sealed record WithheldAlert(string Id, string Title, string Reason);
