using System.ComponentModel.DataAnnotations;

namespace Commissioning.Functions.Notifications;

/// <summary>
/// Settings under <c>Notifications</c>. Webhook URLs are not here: each channel names a secret setting
/// <c>Webhooks:{name}</c> (env <c>Webhooks__{name}</c>, a Key Vault reference in Azure), read at send time.
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public static readonly IReadOnlyList<string> DefaultTeamsHosts =
        ["*.logic.azure.com", "*.powerplatform.com", "*.api.powerplatform.com", "*.environment.api.powerplatform.com"];

    public static readonly IReadOnlyList<string> DefaultSlackHosts = ["hooks.slack.com"];

    /// <summary>Allows http://127.0.0.1 (and localhost, ::1) webhooks, for tests and local runs only. Off by default.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Hosts a Teams (Workflows) webhook may point at; <c>*.</c> matches any subdomain. Null means the defaults.</summary>
    public string[]? TeamsHosts { get; set; }

    /// <summary>Hosts a Slack incoming webhook may point at. Null means the defaults.</summary>
    public string[]? SlackHosts { get; set; }

    /// <summary>
    /// Attempts per message in all, the first included, before it is marked failed. A transient failure without
    /// Retry-After is retried by the queue (host.json <c>maxDequeueCount</c>, then the poison queue); this caps the
    /// rounds a receiver's Retry-After can add.
    /// </summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How long one POST may take before it counts as a (retryable) timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Extra time a claimed message stays reserved beyond the attempt it is making.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:30:00")]
    public TimeSpan ClaimMargin { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Teams rejects cards over about 28 KB; stay a little under.</summary>
    [Range(2_048, 28_000)]
    public int TeamsMaxBytes { get; set; } = 27_000;

    /// <summary>Slack payload budget (also keeps the outbox row within one table property).</summary>
    [Range(2_048, 30_000)]
    public int SlackMaxBytes { get; set; } = 30_000;



    public IReadOnlyList<string> EffectiveTeamsHosts => TeamsHosts is { Length: > 0 } hosts ? hosts : DefaultTeamsHosts;

    public IReadOnlyList<string> EffectiveSlackHosts => SlackHosts is { Length: > 0 } hosts ? hosts : DefaultSlackHosts;
}
