using Commissioning.Domain.Plans;

namespace Commissioning.Functions.Plans;

// What the plan store hands out: plain records, never table entities (no ETags, no timestamps).

/// <summary>
/// A plan about to be stored: the raw document exactly as submitted, its content hash, its scorecard and who sent it.
/// <see cref="SubmittedAt"/> is when the council submitted it: now, or for an imported plan its original date, with
/// <see cref="ImportedAt"/> saying when it was imported.
/// </summary>
public sealed record PlanDraft(
    string Council,
    string Reference,
    string Title,
    ReadOnlyMemory<byte> Document,
    string ContentHash,
    string? IdempotencyKey,
    Scorecard Scorecard,
    DateTimeOffset SubmittedAt,
    ServiceCategory? Category = null,
    Actor? SubmittedBy = null,
    DateTimeOffset? ImportedAt = null);

/// <summary>Renders the guidance documents of one version of a plan, from the plan and its scorecard.</summary>
public delegate Guidance.GuidanceDocuments RenderGuidance(Plan plan, Scorecard scorecard, int version);

/// <summary>
/// The headline of one plan version: what lists, the weekly summary and the history show. Its week is the week of
/// <see cref="SubmittedAt"/>; <see cref="ImportedAt"/> is set only on a version imported with its original date.
/// </summary>
public sealed record PlanSummary(
    string Council,
    string Reference,
    string Title,
    int Version,
    int Score,
    Band Band,
    int AlertsCount,
    DateTimeOffset SubmittedAt,
    string IsoWeek,
    string RubricVersion,
    IReadOnlyList<DimensionSummary> Dimensions,
    ServiceCategory? Category = null,
    Actor? SubmittedBy = null,
    DateTimeOffset? ImportedAt = null)
{
    /// <summary>When this version reached storage: its import for an imported version, else its submission.</summary>
    public DateTimeOffset StoredAt => ImportedAt ?? SubmittedAt;
}

public sealed record DimensionSummary(string Id, int Score, Band Band);

/// <summary>One stored version with its full scorecard.</summary>
public sealed record PlanVersion(PlanSummary Summary, string ContentHash, Scorecard Scorecard);

/// <summary>The outcome of storing a draft: the version it is (new or existing), and whether this call created it.</summary>
public sealed record SaveOutcome(PlanVersion Stored, bool Created);

/// <summary>A plan as the API shows it: the requested version, the latest, and the history.</summary>
public sealed record PlanRecord(PlanVersion Version, PlanSummary Latest, IReadOnlyList<PlanSummary> History);

/// <summary>One page of plans and the opaque token for the next page (null on the last page).</summary>
public sealed record PlanPage(IReadOnlyList<PlanSummary> Plans, string? ContinuationToken);
