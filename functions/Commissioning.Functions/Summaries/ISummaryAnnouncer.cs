using Commissioning.Domain.Councils;
using Commissioning.Domain.Summaries;

namespace Commissioning.Functions.Summaries;

/// <summary>A weekly summary ready for the council's Teams and Slack channels.</summary>
public sealed record SummaryAnnouncement(Council Council, WeeklySummary Summary, string Markdown, string Link);

/// <summary>
/// Hands a sent summary to the council's chat channels (those subscribed to <c>weekly-summary</c>). The
/// notifications feature implements it (Teams card, Slack blocks, retries, Deliveries records); it should record
/// its own failures rather than throw, because a throw makes the next run try the announcement again.
/// </summary>
public interface ISummaryAnnouncer
{
    Task AnnounceAsync(SummaryAnnouncement announcement, CancellationToken cancellationToken);
}

/// <summary>Until notifications are wired in, summaries go by email only.</summary>
public sealed class NoChatAnnouncer : ISummaryAnnouncer
{
    public Task AnnounceAsync(SummaryAnnouncement announcement, CancellationToken cancellationToken) => Task.CompletedTask;
}
