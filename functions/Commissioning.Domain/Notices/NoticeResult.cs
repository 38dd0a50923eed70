namespace Commissioning.Domain.Notices;

/// <summary>What became of one contracting process in a notice body.</summary>
public sealed record NoticeResult
{
    public required string Ocid { get; init; }
    public required NoticeProcessStatus Status { get; init; }
    /// <summary>Why it is not scored; null when scored.</summary>
    public string? Reason { get; init; }
    public IReadOnlyList<string> ReleaseIds { get; init; } = [];
    /// <summary>Who published it (also for processes not scored, so the caller can tell whose they are).</summary>
    public NoticeBuyer? Buyer { get; init; }
    /// <summary>Whether the buyer is the council; null when no council record was given.</summary>
    public BuyerMatch? BuyerMatch { get; init; }
    public NoticeScorecard? Scorecard { get; init; }
}
