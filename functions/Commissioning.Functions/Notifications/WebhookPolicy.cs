using System.Net;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Notifications;

/// <summary>The verdict on one webhook URL: allowed, or the reason it is not (never containing the URL itself).</summary>
public sealed record WebhookCheck(bool IsAllowed, string? Problem)
{
    public static WebhookCheck Allowed { get; } = new(true, null);

    public static WebhookCheck Refused(string problem) => new(false, problem);
}

/// <summary>
/// Which webhook URLs the service will post to: https only, host on the Teams (Workflows / Power Platform) or Slack
/// allow-list, no retired Office 365 connectors, loopback only when <c>Notifications:AllowLoopback</c> is on.
/// Used when a council is saved and again before every send (the secret may have changed since).
/// </summary>
public sealed class WebhookPolicy(IOptions<NotificationOptions> options)
{
    private const string RetiredConnector =
        "Office 365 connector webhooks are retired; create a Teams Workflows webhook (\"When a Teams webhook request is received\") and use its URL";

    /// <summary>Checks <paramref name="url"/> for a channel of <paramref name="kind"/> (or for either kind when null).</summary>
    public WebhookCheck Validate(string? url, ChannelKind? kind = null)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return WebhookCheck.Refused("the webhook URL is empty");
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return WebhookCheck.Refused("the webhook is not an absolute http(s) URL");
        }

        var host = uri.IdnHost.ToLowerInvariant();
        if (host.EndsWith(".webhook.office.com", StringComparison.Ordinal) || host == "webhook.office.com"
            || (host == "outlook.office.com" && uri.AbsolutePath.StartsWith("/webhook", StringComparison.OrdinalIgnoreCase)))
        {
            return WebhookCheck.Refused(RetiredConnector);
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return WebhookCheck.Refused("the webhook URL must not carry a user name or password");
        }

        if (uri.IsLoopback)
        {
            return options.Value.AllowLoopback
                ? WebhookCheck.Allowed
                : WebhookCheck.Refused($"loopback host {host} is only allowed when Notifications:AllowLoopback is on (tests and local runs)");
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return WebhookCheck.Refused($"the webhook must use https (host {host})");
        }

        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || IPAddress.TryParse(host, out _))
        {
            return WebhookCheck.Refused($"host {host} is an IP address, not an allowed Teams or Slack webhook host");
        }

        var isTeams = Matches(host, options.Value.EffectiveTeamsHosts);
        var isSlack = Matches(host, options.Value.EffectiveSlackHosts);
        return (kind, isTeams, isSlack) switch
        {
            (ChannelKind.Teams, true, _) or (ChannelKind.Slack, _, true) or (null, true, _) or (null, _, true) => WebhookCheck.Allowed,
            (ChannelKind.Teams, false, true) => WebhookCheck.Refused($"host {host} is a Slack webhook host but the channel is Teams"),
            (ChannelKind.Slack, true, false) => WebhookCheck.Refused($"host {host} is a Teams webhook host but the channel is Slack"),
            _ => WebhookCheck.Refused($"host {host} is not an allowed Teams or Slack webhook host"),
        };
    }

    /// <summary>What may appear in logs and API answers: scheme, host and port, never the secret path or query.</summary>
    public static string Mask(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host)
            ? $"{uri.Scheme}://{uri.Authority}/…"
            : "(not a URL)";

    private static bool Matches(string host, IReadOnlyList<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            var p = pattern.Trim().ToLowerInvariant();
            if (p.StartsWith("*.", StringComparison.Ordinal)
                ? host.EndsWith(p[1..], StringComparison.Ordinal) && host.Length > p.Length - 1
                : host == p)
            {
                return true;
            }
        }

        return false;
    }
}
