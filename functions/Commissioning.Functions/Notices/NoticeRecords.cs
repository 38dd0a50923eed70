using Commissioning.Domain.Notices;

namespace Commissioning.Functions.Notices;

// What the notice store hands out: plain records, never table entities (no ETags, no timestamps).

/// <summary>
/// A contracting process about to be stored under a council: the releases it was read from (as a release package),
/// their content hash, its notice scorecard and who imported it.
/// </summary>
public sealed record NoticeDraft(
    string Council,
    string Ocid,
    string ContentHash,
    ReadOnlyMemory<byte> Document,
    NoticeScorecard Scorecard,
    BuyerMatch? BuyerMatch,
    IReadOnlyList<string> ReleaseIds,
    DateTimeOffset ImportedAt,
    Actor ImportedBy);

/// <summary>
/// The headline of one imported version of a notice: what the listing and the history show, always labelled as read
/// from a published notice (<see cref="Kind"/>), with the addresses of its scorecard and guidance.
/// </summary>
public sealed record NoticeSummary(
    string Council,
    string Ocid,
    int Version,
    string Title,
    NoticePortal Portal,
    string PortalName,
    string NoticeId,
    DateOnly? PublicationDate,
    DateTimeOffset ImportedAt,
    string IsoWeek,
    int Score,
    Band? Band,
    int CriteriaEvidenced,
    int CriteriaTotal,
    IReadOnlyList<NoticeDimensionMention> Dimensions,
    BuyerMatch? BuyerMatch,
    IReadOnlyList<string> ReleaseIds,
    Actor? ImportedBy)
{
    public string Kind => "notice-derived";

    public NoticeLinks Links => NoticeLinks.For(Council, Ocid, Version);
}

/// <summary>One stored version with its whole notice scorecard.</summary>
public sealed record NoticeVersion(NoticeSummary Summary, string ContentHash, NoticeScorecard Scorecard);

/// <summary>What an import did with one process: stored it as a new notice, as a new version of one, or found it unchanged.</summary>
public enum NoticeSaveResult
{
    Created,
    Updated,
    Unchanged,
}

public sealed record NoticeSaveOutcome(NoticeVersion Stored, NoticeSaveResult Result);

/// <summary>A notice as the API shows it: the requested version, the latest, and every version imported.</summary>
public sealed record NoticeRecord(NoticeVersion Version, NoticeSummary Latest, IReadOnlyList<NoticeSummary> History);

/// <summary>One page of a council's notices and the opaque token for the next page (null on the last page).</summary>
public sealed record NoticePage(IReadOnlyList<NoticeSummary> Notices, string? ContinuationToken);

/// <summary>Which of a council's notices to list: published between two dates (either may be open), from one portal.</summary>
public sealed record NoticeFilter(DateOnly? From, DateOnly? To, NoticePortal? Portal);
