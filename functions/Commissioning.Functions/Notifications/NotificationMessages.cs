
namespace Commissioning.Functions.Notifications;

/// <summary>
/// What a channel hears about one scored plan version. <see cref="EventId"/> is the same however often the submission
/// is retried, so the message is recorded, and posted, once per channel.
/// </summary>
public sealed record PlanMessage
{
    public required string CouncilCode { get; init; }
    public required string CouncilName { get; init; }
    public required string Reference { get; init; }
    public required int Version { get; init; }
    public required string Title { get; init; }
    public required OverallScore Overall { get; init; }
    public IReadOnlyList<ComplianceAlert> Alerts { get; init; } = [];
    /// <summary>Recommendation texts, most valuable first.</summary>
    public IReadOnlyList<string> Recommendations { get; init; } = [];
    public required string ScorecardUrl { get; init; }
    public required string GuidanceUrl { get; init; }

    public string EventId => $"plan-{Reference}-v{Version}";

    /// <summary>Red plans and plans carrying compliance alerts go to red-or-alerts channels; every plan to every-submission channels.</summary>
    public bool IsRedOrAlerts => Overall.Band == Band.Red || Alerts.Count > 0;

    public bool GoesTo(NotificationChannel channel) =>
        channel.Events.Contains(NotificationEventKind.EverySubmission)
        || (IsRedOrAlerts && channel.Events.Contains(NotificationEventKind.RedOrAlerts));

    public static PlanMessage For(Council council, string planTitle, Scorecard scorecard, int version, string scorecardUrl, string guidanceUrl) => new()
    {
        CouncilCode = council.Code,
        CouncilName = council.Name,
        Reference = scorecard.Reference,
        Version = version,
        Title = planTitle,
        Overall = scorecard.Overall,
        Alerts = scorecard.Alerts,
        Recommendations = [.. scorecard.Recommendations.Select(r => r.Text)],
        ScorecardUrl = scorecardUrl,
        GuidanceUrl = guidanceUrl,
    };
}

/// <summary>
/// A summary for channels (the weekly councillor summary fills it): a title, one line per item, and a link to the
/// full summary. <see cref="EventId"/> must be stable for the council and period, e.g. <c>summary-2026-W05</c>.
/// </summary>
public sealed record SummaryMessage(string EventId, string Title, IReadOnlyList<string> Lines, string Link)
{
    public string LinkText { get; init; } = "Read the full summary";

    public static bool GoesTo(NotificationChannel channel) => channel.Events.Contains(NotificationEventKind.WeeklySummary);
}
