using Commissioning.Functions.Notifications;
using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Functions.Tests.Notifications;

/// <summary>One Azurite and two loopback receivers (Teams, Slack) shared by the notification tests; each test uses its own tables, paths and council.</summary>
public sealed class NotificationFixture : IAsyncLifetime
{
    private int _scenarios;

    public Azurite Storage { get; private set; } = null!;

    public WebhookReceiver Teams { get; } = WebhookReceiver.Teams();

    public WebhookReceiver Slack { get; } = WebhookReceiver.Slack();

    public async Task InitializeAsync()
    {
        var starting = Azurite.StartNewAsync();
        await Teams.StartAsync();
        await Slack.StartAsync();
        Storage = await starting;
    }

    public async Task DisposeAsync()
    {
        await Teams.DisposeAsync();
        await Slack.DisposeAsync();
        await Storage.DisposeAsync();
    }

    public Scenario NewScenario() => new(this, Interlocked.Increment(ref _scenarios));
}

/// <summary>A test's own council, tables, receiver paths and settings (small backoffs, loopback allowed).</summary>
public sealed class Scenario(NotificationFixture fixture, int number)
{
    public const string AdminKey = "admin-key-for-tests";

    public string CouncilCode { get; } = $"E0700{number:D4}";

    public string TeamsPath { get; } = $"workflows/{Guid.NewGuid():N}/triggers/manual/paths/invoke";

    public string SlackPath { get; } = $"services/T0{number}/B0{number}/{Guid.NewGuid():N}";

    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["AzureWebJobsStorage"] = fixture.Storage.ConnectionString,
        ["Commissioning:TemplatesPath"] = NotificationHost.TemplatesPath,
        ["Commissioning:AdminKey"] = AdminKey,
        ["Notifications:AllowLoopback"] = "true",
        ["Notifications:AttemptTimeout"] = "00:00:02",
        ["Notifications:ClaimMargin"] = "00:00:01",
        // The queue's retries, quick (host.json's extensions.queues, overridden as the host allows), and the local
        // runner's message lease short enough for a restart test.
        ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00.200",
        ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "4",
        ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.500",
        ["LocalRunner:MessageLease"] = "00:00:03",
        // Only the notification functions: no weekly summary timer, no narratives.
        ["AzureWebJobs:WeeklySummary:Disabled"] = "true",
        ["AzureWebJobs:WriteNarrative:Disabled"] = "true",
    };

    public string TeamsUrl => fixture.Teams.UrlFor(TeamsPath);

    public string SlackUrl => fixture.Slack.UrlFor(SlackPath);

    /// <summary>A council with a Teams channel for red plans and alerts, and a Slack channel for every submission; weekly summaries to both.</summary>
    public Council Council(params NotificationChannel[] extra)
    {
        Settings[$"Webhooks:teams-{number}"] = TeamsUrl;
        Settings[$"Webhooks:slack-{number}"] = SlackUrl;
        return new Council
        {
            Code = CouncilCode,
            Name = "Stevenage Borough Council",
            Channels =
            [
                new("commissioning-team", ChannelKind.Teams, $"teams-{number}", [NotificationEventKind.RedOrAlerts, NotificationEventKind.WeeklySummary]),
                new("commissioning-slack", ChannelKind.Slack, $"slack-{number}", [NotificationEventKind.EverySubmission, NotificationEventKind.WeeklySummary]),
                .. extra,
            ],
        };
    }

    public Council TeamsOnly() => Council() with { Channels = [Council().Channels[0]] };

    public Council SlackOnly() => Council() with { Channels = [Council().Channels[1]] };

    public PlanMessage RedPlan(string title = "Community transport hubs", int version = 1, IReadOnlyList<ComplianceAlert>? alerts = null, IReadOnlyList<string>? recommendations = null) => new()
    {
        CouncilCode = CouncilCode,
        CouncilName = "Stevenage Borough Council",
        Reference = "CT-2026-014",
        Version = version,
        Title = title,
        Overall = new OverallScore(38, Band.Red),
        Alerts = alerts ?? [new ComplianceAlert("PA23-bid-window", "Short bid window", "10 days is below the minimum tendering period.", "Procurement Act 2023 s.54")],
        Recommendations = recommendations ?? ["Lot the service by neighbourhood so local providers can bid.", "Pay within 30 days."],
        ScorecardUrl = $"https://advisor.example.gov.uk/api/plans/{CouncilCode}/CT-2026-014?version={version}",
        GuidanceUrl = $"https://advisor.example.gov.uk/api/plans/{CouncilCode}/CT-2026-014/guidance?format=html",
    };

    public Task<NotificationHost> StartHostAsync(params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>(Settings);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return NotificationHost.StartAsync(settings);
    }
}
