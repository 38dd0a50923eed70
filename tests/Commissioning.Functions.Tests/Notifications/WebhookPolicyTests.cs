using Commissioning.Functions.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Tests.Notifications;

/// <summary>What the council PUT will refuse: webhook settings that are missing or point somewhere not allowed.</summary>
public sealed class WebhookPolicyTests
{
    private const string Secret = "s3cr3t-path-part";

    [Theory]
    [InlineData("teams", "https://example.com/" + Secret, "host example.com is not an allowed Teams or Slack webhook host")]
    [InlineData("slack", "https://hooks.slack.com.evil.example/services/" + Secret, "host hooks.slack.com.evil.example is not an allowed Teams or Slack webhook host")]
    [InlineData("teams", "https://contoso.webhook.office.com/webhookb2/" + Secret, "Office 365 connector webhooks are retired")]
    [InlineData("teams", "https://outlook.office.com/webhook/" + Secret, "Office 365 connector webhooks are retired")]
    [InlineData("teams", "http://prod-27.uksouth.logic.azure.com/workflows/" + Secret, "the webhook must use https (host prod-27.uksouth.logic.azure.com)")]
    [InlineData("teams", "http://127.0.0.1:5099/" + Secret, "loopback host 127.0.0.1 is only allowed when Notifications:AllowLoopback is on")]
    [InlineData("slack", "https://prod-27.uksouth.logic.azure.com/workflows/" + Secret, "host prod-27.uksouth.logic.azure.com is a Teams webhook host but the channel is Slack")]
    [InlineData("teams", "https://hooks.slack.com/services/" + Secret, "host hooks.slack.com is a Slack webhook host but the channel is Teams")]
    [InlineData("slack", "https://203.0.113.9/services/" + Secret, "host 203.0.113.9 is an IP address")]
    [InlineData("slack", "hooks.slack.com/services/" + Secret, "the webhook is not an absolute http(s) URL")]
    public void ACouncilWhoseWebhookIsNotAllowedIsRefusedNamingTheChannelPath(string kind, string url, string expected)
    {
        var validator = Validator(new() { ["Webhooks:ops"] = url });

        var problem = Assert.Single(validator.Validate(CouncilWith(Channel("alerts", kind, "ops"))));

        Assert.Equal("$.channels[0].webhook", problem.Path);
        Assert.StartsWith(expected, problem.Message);
        Assert.DoesNotContain(Secret, problem.ToString());
    }

    [Fact]
    public void TheProblemReadsAsPathThenReason()
    {
        var validator = Validator(new() { ["Webhooks:ops"] = "https://example.com/hook" });

        Assert.Equal("$.channels[0].webhook: host example.com is not an allowed Teams or Slack webhook host",
            Assert.Single(validator.Validate(CouncilWith(Channel("alerts", "teams", "ops")))).ToString());
    }

    [Fact]
    public void WorkflowsPowerPlatformAndSlackWebhooksAreAllowedAndLoopbackOnlyWhenTurnedOn()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Webhooks:logic"] = "https://prod-27.uksouth.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=" + Secret,
            ["Webhooks:platform"] = "https://default0a1b2c.3d.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/" + Secret,
            ["Webhooks:slack"] = "https://hooks.slack.com/services/T000/B000/" + Secret,
            ["Webhooks:local"] = "http://127.0.0.1:5099/" + Secret,
        };
        var council = CouncilWith(Channel("a", "teams", "logic"), Channel("b", "teams", "platform"), Channel("c", "slack", "slack"), Channel("d", "slack", "local"));

        Assert.Empty(Validator(settings, allowLoopback: true).Validate(council));
        Assert.Equal(["$.channels[3].webhook"], Validator(settings).Validate(council).Select(p => p.Path));
    }

    [Fact]
    public void AMissingSettingADuplicateNameAndNoEventsAreEachNamed()
    {
        var validator = Validator(new() { ["Webhooks:ops"] = "https://hooks.slack.com/services/T/B/" + Secret });
        var council = CouncilWith(
            Channel("alerts", "slack", "ops"),
            Channel("alerts", "slack", "not-configured"),
            new NotificationChannel("quiet", ChannelKind.Slack, "ops", []),
            Channel("url-pasted", "slack", "https://hooks.slack.com/services/T/B/" + Secret));

        Assert.Equal(
            [
                "$.channels[1].name: channel name alerts is used twice",
                "$.channels[1].webhook: setting Webhooks:not-configured is not set",
                "$.channels[2].events: list at least one event: red-or-alerts, every-submission or weekly-summary",
                "$.channels[3].webhook: the webhook is the name of a setting Webhooks:{name} (1–64 letters, digits, '-', '_' or '.'), not a URL",
            ],
            validator.Validate(council).Select(p => p.ToString()));
    }

    [Fact]
    public void TheAllowListIsConfigurable()
    {
        var options = new NotificationOptions { TeamsHosts = ["*.contoso-workflows.example"] };
        var policy = new WebhookPolicy(Options.Create(options));

        Assert.True(policy.Validate("https://uk.contoso-workflows.example/run/1", ChannelKind.Teams).IsAllowed);
        Assert.False(policy.Validate("https://prod-1.uksouth.logic.azure.com/workflows/1", ChannelKind.Teams).IsAllowed);
        Assert.True(policy.Validate("https://hooks.slack.com/services/1", ChannelKind.Slack).IsAllowed);
    }

    [Theory]
    [InlineData("https://prod-27.uksouth.logic.azure.com:443/workflows/abc?sig=xyz", "https://prod-27.uksouth.logic.azure.com/…")]
    [InlineData("https://hooks.slack.com/services/T/B/xyz", "https://hooks.slack.com/…")]
    [InlineData("http://127.0.0.1:5099/hook", "http://127.0.0.1:5099/…")]
    [InlineData("not a url", "(not a URL)")]
    public void AMaskedWebhookShowsOnlySchemeAndHost(string url, string masked)
    {
        Assert.Equal(masked, WebhookPolicy.Mask(url));
    }

    private static NotificationChannelValidator Validator(Dictionary<string, string?> settings, bool allowLoopback = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var policy = new WebhookPolicy(Options.Create(new NotificationOptions { AllowLoopback = allowLoopback }));
        return new NotificationChannelValidator(new WebhookSecrets(configuration), policy);
    }

    private static NotificationChannel Channel(string name, string kind, string webhook) =>
        new(name, kind == "teams" ? ChannelKind.Teams : ChannelKind.Slack, webhook, [NotificationEventKind.RedOrAlerts]);

    private static Council CouncilWith(params NotificationChannel[] channels) => new() { Code = "E07000243", Name = "Stevenage", Channels = channels };
}
