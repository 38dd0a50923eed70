
namespace Commissioning.Functions.Summaries;

/// <summary>A weekly summary ready for the council's Teams and Slack channels.</summary>
public sealed record SummaryAnnouncement(Council Council, WeeklySummary Summary, string Markdown, string Link);

/// <summary>
/// Hands a sent summary to the council's chat channels (those subscribed to <c>weekly-summary</c>). The
/// notifications feature implements it (records the Teams and Slack messages and queues them for delivery); a throw
/// makes the next run try the announcement again, which is safe because the messages are keyed by council and week.
/// </summary>
public interface ISummaryAnnouncer
{
    Task AnnounceAsync(SummaryAnnouncement announcement, CancellationToken cancellationToken);
}
