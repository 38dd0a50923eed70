using System.Text.Json.Serialization;
using Commissioning.Domain.Notices;

namespace Commissioning.Functions.Notices;

// The notice endpoints' request outcomes and response bodies. Notice scorecards are written with the domain's JSON
// conventions; every one is labelled "notice-derived" and never counts as a submitted plan.

/// <summary>What the body held: how it was packaged, how many releases (or records, or CSV rows) and processes, and the addresses in it, none of them fetched.</summary>
public sealed record NoticesReceived(NoticeContainer Container, int Releases, int Processes, IReadOnlyList<NoticeLink> LinksNotFollowed)
{
    public static NoticesReceived From(NoticeBatch batch) => new(batch.Container, batch.Releases, batch.Processes.Count, batch.Links);
}

/// <summary>What became of one contracting process of the body.</summary>
public enum NoticeOutcomeStatus
{
    /// <summary>Scored; nothing stored (the score endpoint).</summary>
    [JsonStringEnumMemberName("scored")] Scored,
    /// <summary>Award or contract notices only: reported, not scored or stored.</summary>
    [JsonStringEnumMemberName("outcome-only")] OutcomeOnly,
    /// <summary>Nothing that can be scored, for the reason given.</summary>
    [JsonStringEnumMemberName("not-scored")] NotScored,
    /// <summary>Stored as the council's notice for the first time (version 1).</summary>
    [JsonStringEnumMemberName("created")] Created,
    /// <summary>Stored as a new version: the notice's content changed since the last import.</summary>
    [JsonStringEnumMemberName("updated")] Updated,
    /// <summary>Already stored with this content: nothing written.</summary>
    [JsonStringEnumMemberName("unchanged")] Unchanged,
    /// <summary>Scored but not stored: another buyer's notice, or an ocid this service cannot address.</summary>
    [JsonStringEnumMemberName("rejected")] Rejected,
}

/// <summary>One process of the body: its status, why, whose it is, and (when scored) its labelled notice scorecard.</summary>
public sealed record NoticeOutcome(
    string Ocid,
    NoticeOutcomeStatus Status,
    string? Reason,
    BuyerMatch? BuyerMatch,
    NoticeBuyer? Buyer,
    IReadOnlyList<string> ReleaseIds,
    int? Version = null,
    NoticeScorecard? Scorecard = null,
    NoticeLinks? Links = null);

/// <summary>The answer to a score: every process of the body scored or reported, nothing stored.</summary>
public sealed record ScoredNotices(string Council, NoticesReceived Received, IReadOnlyList<NoticeOutcome> Results);

/// <summary>
/// The answer to an import: every process with what was done with it. <see cref="Replayed"/> is true when the
/// <c>Idempotency-Key</c> had been used before: the results are those of that import, and nothing was imported now.
/// </summary>
public sealed record ImportedNotices(
    string Council,
    DateTimeOffset ImportedAt,
    Actor? ImportedBy,
    bool Replayed,
    NoticesReceived Received,
    IReadOnlyList<NoticeOutcome> Results);

/// <summary>What an import with an <c>Idempotency-Key</c> did, kept so a retry with the key gets the same answer.</summary>
public sealed record NoticeImportRecord(DateTimeOffset ImportedAt, Actor? ImportedBy, NoticesReceived Received, IReadOnlyList<NoticeImportLine> Results);

/// <summary>One process of a recorded import; the scorecard of a stored one is read back from its version.</summary>
public sealed record NoticeImportLine(string Ocid, NoticeOutcomeStatus Status, string? Reason, BuyerMatch? BuyerMatch, int? Version, IReadOnlyList<string> ReleaseIds);

/// <summary>Root-relative addresses of one stored notice version's scorecard and guidance.</summary>
public sealed record NoticeLinks(string Scorecard, string Latest, string GuidanceHtml, string GuidanceMarkdown)
{
    public static NoticeLinks For(string council, string ocid, int version)
    {
        var notice = $"/api/notices/{Uri.EscapeDataString(council)}/{Uri.EscapeDataString(ocid)}";
        return new NoticeLinks($"{notice}?version={version}", notice, $"{notice}/guidance?format=html&version={version}", $"{notice}/guidance?format=md&version={version}");
    }
}

/// <summary>A page of notices; follow <see cref="Next"/> (or send <see cref="ContinuationToken"/>) for the next page.</summary>
public sealed record NoticeList(
    string Council,
    DateOnly? From,
    DateOnly? To,
    string? Portal,
    int PageSize,
    IReadOnlyList<NoticeSummary> Notices,
    string? ContinuationToken,
    string? Next);

/// <summary>One imported version of a notice: its labelled scorecard (with the mapping and the notice's source), and every version imported.</summary>
public sealed record NoticeDetails(
    string Council,
    string Ocid,
    int Version,
    int LatestVersion,
    DateTimeOffset ImportedAt,
    Actor? ImportedBy,
    BuyerMatch? BuyerMatch,
    NoticeScorecard Scorecard,
    NoticeLinks Links,
    IReadOnlyList<NoticeSummary> Imports);
