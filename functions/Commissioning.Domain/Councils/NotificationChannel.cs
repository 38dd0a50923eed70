using System.Text.Json.Serialization;

namespace Commissioning.Domain.Councils;

/// <summary>
/// A Teams or Slack channel a council posts to. <see cref="Webhook"/> is the *name* of a secret setting
/// (<c>Webhooks:{name}</c>, a Key Vault reference in Azure), never the URL: webhook URLs are secrets.
/// </summary>
public sealed record NotificationChannel(string Name, ChannelKind Kind, string Webhook, IReadOnlyList<NotificationEventKind> Events);

public enum ChannelKind
{
    [JsonStringEnumMemberName("teams")] Teams,
    [JsonStringEnumMemberName("slack")] Slack,
}

public enum NotificationEventKind
{
    /// <summary>A plan scored red or carrying compliance alerts.</summary>
    [JsonStringEnumMemberName("red-or-alerts")] RedOrAlerts,
    /// <summary>Every submission (when the council turns it on).</summary>
    [JsonStringEnumMemberName("every-submission")] EverySubmission,
    /// <summary>The weekly councillor summary.</summary>
    [JsonStringEnumMemberName("weekly-summary")] WeeklySummary,
}
