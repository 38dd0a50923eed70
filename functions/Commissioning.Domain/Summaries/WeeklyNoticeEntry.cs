using Commissioning.Domain.Notices;

namespace Commissioning.Domain.Summaries;

/// <summary>
/// What the weekly summary knows about one published notice imported in a week: the version imported that week, where
/// it was published, its score, how much of each dimension the notice could show and the band or why it is withheld.
/// A notice is never a submitted plan: it has its own section of the summary and counts in none of the plan figures.
/// One entry of a week's notice digest (the <c>NoticesByWeek</c> index); built from the notice scorecard when imported.
/// </summary>
public sealed record WeeklyNoticeEntry
{
    public required string Ocid { get; init; }
    public required string Title { get; init; }
    public required int Version { get; init; }
    public required DateTimeOffset ImportedAt { get; init; }
    /// <summary>"Find a Tender", "Contracts Finder" …</summary>
    public required string PortalName { get; init; }
    /// <summary>The notice a reader would look up on the portal.</summary>
    public required string NoticeId { get; init; }
    public DateOnly? PublicationDate { get; init; }
    public required int Score { get; init; }
    /// <summary>Null when withheld (a dimension's band is withheld).</summary>
    public Band? Band { get; init; }
    public required int CriteriaEvidenced { get; init; }
    public required int CriteriaTotal { get; init; }
    public required IReadOnlyList<NoticeDimensionMention> Dimensions { get; init; }

    /// <summary>The index entry for a notice scorecard imported as <paramref name="version"/> at <paramref name="importedAt"/>.</summary>
    public static WeeklyNoticeEntry FromScorecard(NoticeScorecard scorecard, int version, DateTimeOffset importedAt)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        return new WeeklyNoticeEntry
        {
            Ocid = scorecard.Source.Ocid,
            Title = scorecard.Plan.Title,
            Version = version,
            ImportedAt = importedAt,
            PortalName = scorecard.Source.PortalName,
            NoticeId = scorecard.Source.NoticeId,
            PublicationDate = scorecard.Source.PublicationDate,
            Score = scorecard.Overall.Score,
            Band = scorecard.Overall.Band,
            CriteriaEvidenced = scorecard.CriteriaEvidenced,
            CriteriaTotal = scorecard.CriteriaTotal,
            Dimensions = [.. scorecard.Dimensions.Select(d => new NoticeDimensionMention(d.Id, d.Title, d.Score, d.CoveragePercent, d.Band))],
        };
    }
}

/// <summary>One dimension of a notice: its score, the share (0–100) the notice could show, and its band (null when withheld).</summary>
public sealed record NoticeDimensionMention(string Id, string Title, int Score, int CoveragePercent, Band? Band);
