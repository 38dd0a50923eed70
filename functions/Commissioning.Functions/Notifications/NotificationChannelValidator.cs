using System.Text.RegularExpressions;

namespace Commissioning.Functions.Notifications;

/// <summary>One refused channel setting, named by its JSON path in the council record.</summary>
public sealed record ChannelProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// Checks a council's Teams and Slack channels when the council is saved (PUT /api/councils/{code}): names are
/// usable and unique, each webhook setting exists, and the URL it holds passes <see cref="WebhookPolicy"/>.
/// Problems name JSON paths, e.g. <c>$.channels[0].webhook: host example.com is not an allowed Teams or Slack webhook host</c>,
/// and never contain the URL.
/// </summary>
public sealed partial class NotificationChannelValidator(WebhookSecrets secrets, WebhookPolicy policy)
{
    /// <summary>Every problem with the council's channels; empty when all of them can be posted to.</summary>
    public IReadOnlyList<ChannelProblem> Validate(Council council)
    {
        var problems = new List<ChannelProblem>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < council.Channels.Count; i++)
        {
            var channel = council.Channels[i];
            var path = $"$.channels[{i}]";
            if (string.IsNullOrWhiteSpace(channel.Name) || !SafeName().IsMatch(channel.Name))
            {
                problems.Add(new($"{path}.name", "a channel name is 1–64 letters, digits, '-', '_' or '.'"));
            }
            else if (!names.Add(channel.Name))
            {
                problems.Add(new($"{path}.name", $"channel name {channel.Name} is used twice"));
            }

            if (!Enum.IsDefined(channel.Kind))
            {
                problems.Add(new($"{path}.kind", "kind is teams or slack"));
            }

            if (channel.Events is not { Count: > 0 })
            {
                problems.Add(new($"{path}.events", "list at least one event: red-or-alerts, every-submission or weekly-summary"));
            }

            if (string.IsNullOrWhiteSpace(channel.Webhook) || !SafeName().IsMatch(channel.Webhook))
            {
                problems.Add(new($"{path}.webhook", "the webhook is the name of a setting Webhooks:{name} (1–64 letters, digits, '-', '_' or '.'), not a URL"));
                continue;
            }

            var url = secrets.Resolve(channel.Webhook);
            if (url is null)
            {
                problems.Add(new($"{path}.webhook", $"setting {WebhookSecrets.SettingName(channel.Webhook)} is not set"));
                continue;
            }

            var check = policy.Validate(url, Enum.IsDefined(channel.Kind) ? channel.Kind : null);
            if (!check.IsAllowed)
            {
                problems.Add(new($"{path}.webhook", check.Problem!));
            }
        }

        return problems;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex SafeName();
}

/// <summary>Reads webhook URLs from configuration (<c>Webhooks:{name}</c>) at the moment they are needed.</summary>
public sealed class WebhookSecrets(IConfiguration configuration)
{
    public static string SettingName(string name) => $"Webhooks:{name}";

    public string? Resolve(string name) => configuration[SettingName(name)] is { Length: > 0 } url ? url.Trim() : null;
}
