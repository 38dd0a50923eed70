using Commissioning.Functions.Plans;
using Commissioning.Functions.Summaries;

namespace Commissioning.Functions.Notifications;

/// <summary>
/// A new plan version goes to the council's Teams/Slack channels that want it (red or alerts, or every submission):
/// the outbox rows are recorded, then put on the notifications queue; a queue-triggered function posts them, so a slow
/// or failing webhook never slows or fails the submission.
/// </summary>
public sealed class PlanNotifications(NotificationOutbox outbox, NotificationQueue queue, PublicLinks links)
    : IPlanSubmittedHandler, IPlanResubmittedHandler
{
    public async Task HandleAsync(PlanSubmitted submitted, CancellationToken cancellationToken)
    {
        // An imported plan is history (decision 0030): its channels heard nothing when it was written, and a red
        // card about a plan long gone to market would read as news. Only plans submitted now are announced.
        if (submitted.Council is not { Channels.Count: > 0 } council || submitted.Summary.ImportedAt is not null)
        {
            return;
        }

        var summary = submitted.Summary;
        var message = PlanMessage.For(council, submitted.Plan.Title, submitted.Scorecard, summary.Version,
            links.ScorecardPage(summary.Council, summary.Reference, summary.Version),
            links.ScorecardPage(summary.Council, summary.Reference, summary.Version, PublicLinks.GuidanceSection));
        await queue.EnqueueAsync(await outbox.RecordAsync(council, message, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// A resubmission of the same content records the same outbox rows again: nothing is added when they exist (a sent
    /// row is never sent again), and a version whose submission died before recording them gets them now.
    /// </summary>
    public Task HandleResubmittedAsync(PlanSubmitted submitted, CancellationToken cancellationToken) => HandleAsync(submitted, cancellationToken);
}

/// <summary>The weekly summary, handed to the council's channels subscribed to <c>weekly-summary</c>.</summary>
public sealed class SummaryNotifications(NotificationOutbox outbox, NotificationQueue queue) : ISummaryAnnouncer
{
    public async Task AnnounceAsync(SummaryAnnouncement announcement, CancellationToken cancellationToken)
    {
        if (announcement.Council.Channels.Count == 0)
        {
            return;
        }

        var message = MessageFor(announcement.Summary, announcement.Link);
        await queue.EnqueueAsync(await outbox.RecordAsync(announcement.Council, message, cancellationToken), cancellationToken);
    }

    /// <summary>What the channels hear about a week: the bands, the alerts to check, then each plan; and where to read it all.</summary>
    public static SummaryMessage MessageFor(WeeklySummary summary, string link) => new(
        EventId: $"summary|{summary.Week}",
        Title: $"{summary.CouncilName}: plans submitted in {summary.Week}",
        Lines: Lines(summary),
        Link: link);

    private static List<string> Lines(WeeklySummary summary)
    {
        if (!summary.HasPlans)
        {
            return ["No plans were submitted this week."];
        }

        var lines = new List<string>
        {
            $"{summary.Plans.Count} plans: {summary.Bands.Green} green, {summary.Bands.Amber} amber, {summary.Bands.Red} red.",
        };
        lines.AddRange(summary.Alerts.Select(a => $"Alert {a.Id} ({a.Title}): {a.Plans.Count} plan(s) to check."));
        lines.AddRange(summary.Plans.Select(p => $"{p.Title} ({p.Reference}): {EnumWords.ToWord(p.Band)}, {p.Score}/100"));
        return lines;
    }
}
