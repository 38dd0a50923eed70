using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Commissioning.Functions.Notifications;
using Commissioning.Functions.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Functions.Tests.Notifications;

/// <summary>
/// Teams and Slack delivery end to end: the outbox and the notifications queue in Azurite, the queue-triggered
/// delivery functions run by the local runner with the host's queue semantics, and real loopback receivers playing
/// Teams (202) and Slack (200 "ok") that record every body they get.
/// </summary>
public sealed class NotificationDeliveryTests(NotificationFixture fixture) : IClassFixture<NotificationFixture>
{
    private WebhookReceiver Teams => fixture.Teams;
    private WebhookReceiver Slack => fixture.Slack;

    [Fact]
    public async Task ARedPlanIsPostedOnceToEachChannelThatWantsItWithLinksToTheScorecardAndGuidance()
    {
        var scenario = fixture.NewScenario();
        var council = scenario.Council(new NotificationChannel("summaries-only", ChannelKind.Slack, "slack-summaries", [NotificationEventKind.WeeklySummary]));
        await using var host = await scenario.StartHostAsync();
        var plan = scenario.RedPlan();

        var recorded = await host.SendAsync(outbox => outbox.RecordAsync(council, plan, CancellationToken.None));

        Assert.Equal([$"plan-CT-2026-014-v1|commissioning-team", "plan-CT-2026-014-v1|commissioning-slack"], recorded.Keys.Select(k => k.DedupeKey));
        var teams = Assert.Single(await Teams.WaitForPostsAsync(scenario.TeamsPath, 1));
        var card = JsonNode.Parse(teams.Body)!;
        Assert.Equal("message", (string?)card["type"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)card["attachments"]![0]!["contentType"]);
        var content = card["attachments"]![0]!["content"]!;
        Assert.Equal("AdaptiveCard", (string?)content["type"]);
        Assert.Equal("1.4", (string?)content["version"]);
        var texts = content["body"]!.AsArray().Select(b => (string?)b!["text"]).ToList();
        Assert.Equal("Community transport hubs", texts[0]);
        Assert.Equal("Scored 38/100 (red), 1 compliance alert", texts[1]);
        Assert.Contains("Short bid window: 10 days is below the minimum tendering period.", texts);
        Assert.Equal([plan.ScorecardUrl, plan.GuidanceUrl], content["actions"]!.AsArray().Select(a => (string?)a!["url"]));

        var slack = Assert.Single(await Slack.WaitForPostsAsync(scenario.SlackPath, 1));
        var message = JsonNode.Parse(slack.Body)!;
        Assert.Equal("Community transport hubs (Stevenage Borough Council): Scored 38/100 (red), 1 compliance alert", (string?)message["text"]);
        var blocks = message["blocks"]!.AsArray();
        Assert.Equal("header", (string?)blocks[0]!["type"]);
        Assert.Equal("Community transport hubs", (string?)blocks[0]!["text"]!["text"]);
        Assert.Equal([plan.ScorecardUrl, plan.GuidanceUrl], blocks[^1]!["elements"]!.AsArray().Select(e => (string?)e!["url"]));

        var attempts = await EventuallyAsync(() => host.Deliveries.ListAsync(scenario.CouncilCode, 10, CancellationToken.None), a => a.Count == 2);
        Assert.All(attempts, a => Assert.Equal((DeliveryOutcome.Delivered, 1, false), (a.Outcome, a.Attempt, a.WillRetry)));
        Assert.Equal([200, 202], attempts.Select(a => a.HttpStatus ?? 0).Order());
        var messages = await EventuallyAsync(() => host.Outbox.ListAsync(scenario.CouncilCode, 10, CancellationToken.None), m => m.All(x => x.Status == OutboxStatus.Sent));
        Assert.Equal(2, messages.Count);
        AssertNoWebhookUrlIn(host, scenario);
    }

    [Theory]
    [InlineData("slack", 400, "invalid_payload")]
    [InlineData("slack", 404, "channel_not_found")]
    [InlineData("slack", 403, "no_service")]
    [InlineData("teams", 404, "")]
    public async Task AReceiverThatRefusesTheMessageIsNotRetriedAndItsAnswerIsRecorded(string kind, int status, string slackCode)
    {
        var scenario = fixture.NewScenario();
        var council = kind == "slack" ? scenario.SlackOnly() : scenario.TeamsOnly();
        var (receiver, path) = kind == "slack" ? (Slack, scenario.SlackPath) : (Teams, scenario.TeamsPath);
        receiver.Script(path, new Reply(status, slackCode));
        await using var host = await scenario.StartHostAsync();

        await host.SendAsync(outbox => outbox.RecordAsync(council, scenario.RedPlan(), CancellationToken.None));

        var message = Assert.Single(await EventuallyAsync(() => host.Outbox.ListAsync(scenario.CouncilCode, 10, CancellationToken.None), m => m.Any(x => x.Status == OutboxStatus.Failed)));
        Assert.Equal((1, status, kind == "slack" ? slackCode : null), (message.Attempts, message.LastHttpStatus, message.LastSlackError));
        var attempt = Assert.Single(await EventuallyAsync(() => host.Deliveries.ListAsync(scenario.CouncilCode, 10, CancellationToken.None), d => d.Count > 0));
        Assert.Equal((DeliveryOutcome.PermanentFailure, status, kind == "slack" ? slackCode : null, false), (attempt.Outcome, attempt.HttpStatus, attempt.SlackError, attempt.WillRetry));
        await Task.Delay(300);
        Assert.Single(receiver.PostsTo(path));
    }

    [Fact]
    public async Task AServerErrorIsRetriedAndTheNextAttemptDelivers()
    {
        var scenario = fixture.NewScenario();
        var council = scenario.TeamsOnly();
        Teams.Script(scenario.TeamsPath, new Reply(500), new Reply(503));
        await using var host = await scenario.StartHostAsync();

        await host.SendAsync(outbox => outbox.RecordAsync(council, scenario.RedPlan(), CancellationToken.None));

        var posts = await Teams.WaitForPostsAsync(scenario.TeamsPath, 3);
        Assert.Equal([500, 503, 202], posts.Select(p => p.Status));
        Assert.All(posts, p => Assert.Equal(posts[0].Body, p.Body));
        var attempts = await EventuallyAsync(() => host.Deliveries.ListAsync(scenario.CouncilCode, 10, CancellationToken.None), a => a.Count == 3);
        Assert.Equal(
            [(1, DeliveryOutcome.TransientFailure, 500, true), (2, DeliveryOutcome.TransientFailure, 503, true), (3, DeliveryOutcome.Delivered, 202, false)],
            attempts.OrderBy(a => a.Attempt).Select(a => (a.Attempt, a.Outcome, a.HttpStatus ?? 0, a.WillRetry)));
        var message = Assert.Single(await EventuallyAsync(() => host.Outbox.ListAsync(scenario.CouncilCode, 10, CancellationToken.None), m => m.All(x => x.Status == OutboxStatus.Sent)));
        Assert.Equal(3, message.Attempts);
        AssertNoWebhookUrlIn(host, scenario);
    }

    [Theory]
    [InlineData("seconds")]
    [InlineData("date")]
    public async Task TooManyRequestsWaitsForTheRetryAfterSecondsBeforeTryingAgain(string form)
    {
        var scenario = fixture.NewScenario();
        var council = scenario.SlackOnly();
        // As a date, Retry-After has whole-second precision: three seconds from the answer is two to three seconds away.
        Slack.Script(scenario.SlackPath, form == "seconds"
            ? new Reply(429, "rate_limited", new Dictionary<string, string> { ["Retry-After"] = "2" })
            : new Reply(429, "rate_limited", RetryAfterDateIn: TimeSpan.FromSeconds(3)));
        await using var host = await scenario.StartHostAsync();

        await host.SendAsync(outbox => outbox.RecordAsync(council, scenario.RedPlan(), CancellationToken.None));

        var posts = await Slack.WaitForPostsAsync(scenario.SlackPath, 2, TimeSpan.FromSeconds(8));
        Assert.Equal([429, 200], posts.Select(p => p.Status));
        var waited = posts[1].At - posts[0].At;
        Assert.InRange(waited.TotalSeconds, 1.9, 4.5);
        var attempts = await EventuallyAsync(() => host.Deliveries.ListAsync(scenario.CouncilCode, 10, CancellationToken.None), a => a.Count == 2);
        Assert.Equal((DeliveryOutcome.TransientFailure, 429, "rate_limited"), attempts.Single(a => a.Attempt == 1) is var first ? (first.Outcome, first.HttpStatus ?? 0, first.SlackError) : default);
    }

    [Fact]
    public async Task AReceiverThatHangsIsGivenUpOnAfterTheAttemptTimeoutAndTriedAgain()
    {
        var scenario = fixture.NewScenario();
        var council = scenario.TeamsOnly();
        Teams.Script(scenario.TeamsPath, Reply.Hanging);
        await using var host = await scenario.StartHostAsync(("Notifications:AttemptTimeout", "00:00:00.800"));

        var clock = Stopwatch.StartNew();
        await host.SendAsync(outbox => outbox.RecordAsync(council, scenario.RedPlan(), CancellationToken.None));

        var message = Assert.Single(await EventuallyAsync(() => host.Outbox.ListAsync(scenario.CouncilCode, 10, CancellationToken.None), m => m.All(x => x.Status == OutboxStatus.Sent)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        var posts = Teams.PostsTo(scenario.TeamsPath);
        Assert.Equal((0, 202), (posts[0].Status, posts[^1].Status));
        var attempts = (await EventuallyAsync(() => host.Deliveries.ListAsync(scenario.CouncilCode, 10, CancellationToken.None), d => d.Count == message.Attempts)).OrderBy(a => a.Attempt).ToList();
        Assert.Equal(message.Attempts, attempts.Count);
        var timedOut = attempts[0];
        Assert.Equal((DeliveryOutcome.TransientFailure, (int?)null, true), (timedOut.Outcome, timedOut.HttpStatus, timedOut.WillRetry));
        Assert.Equal("no answer within 0.8 s", timedOut.Detail);
        Assert.InRange(timedOut.DurationMs, 750, 3_000);
        Assert.Equal(DeliveryOutcome.Delivered, attempts[^1].Outcome);
    }

    [Fact]
    public async Task AMessageWhoseAttemptFailedIsDeliveredExactlyOnceByTheNextRunnerAfterARestart()
    {
        var scenario = fixture.NewScenario();
        var council = scenario.TeamsOnly();
        Teams.Script(scenario.TeamsPath, new Reply(500));

        // The first runner: its attempt fails and the message goes back to the queue, hidden for longer than this
        // runner lives; then it stops.
        await using (var first = await scenario.StartHostAsync(("AzureFunctionsJobHost:extensions:queues:visibilityTimeout", "00:00:02")))
        {
            await first.SendAsync(outbox => outbox.RecordAsync(council, scenario.RedPlan(), CancellationToken.None));
            var pending = Assert.Single(await EventuallyAsync(() => first.Outbox.ListAsync(scenario.CouncilCode, 10, CancellationToken.None), m => m.Any(x => x.Attempts == 1)));
            Assert.Equal(OutboxStatus.Pending, pending.Status);
        }

        Assert.Single(Teams.PostsTo(scenario.TeamsPath));

        // The next runner finds the message on the queue when it shows again, and finishes it.
        await using var second = await scenario.StartHostAsync();
        var posts = await Teams.WaitForPostsAsync(scenario.TeamsPath, 2, TimeSpan.FromSeconds(8));
        await Task.Delay(600);
        Assert.Equal([500, 202], Teams.PostsTo(scenario.TeamsPath).Select(p => p.Status));
        var message = Assert.Single(await EventuallyAsync(() => second.Outbox.ListAsync(scenario.CouncilCode, 10, CancellationToken.None), m => m.All(x => x.Status == OutboxStatus.Sent)));
        Assert.Equal(2, message.Attempts);
        var attempts = await EventuallyAsync(() => second.Deliveries.ListAsync(scenario.CouncilCode, 10, CancellationToken.None), d => d.Count == 2);
        Assert.Equal([(1, DeliveryOutcome.TransientFailure), (2, DeliveryOutcome.Delivered)], attempts.OrderBy(a => a.Attempt).Select(a => (a.Attempt, a.Outcome)));
        Assert.Equal(posts[0].Body, posts[1].Body);
    }

    [Fact]
    public async Task AReceiverThatAlwaysFailsEndsInThePoisonQueueAndIsShownAsFailedToTheAdmin()
    {
        var scenario = fixture.NewScenario();
        var council = scenario.TeamsOnly();
        Teams.Script(scenario.TeamsPath, Enumerable.Repeat(new Reply(503), 10).ToArray());
        await using var host = await scenario.StartHostAsync();

        await host.SendAsync(outbox => outbox.RecordAsync(council, scenario.RedPlan(), CancellationToken.None));

        // maxDequeueCount is 4 here: four attempts, then the poison queue, then the failure is recorded.
        var message = Assert.Single(await EventuallyAsync(() => host.Outbox.ListAsync(scenario.CouncilCode, 10, CancellationToken.None), m => m.Any(x => x.Status == OutboxStatus.Failed)));
        Assert.Equal(("GaveUp", 4), (message.LastOutcome, message.Attempts));
        Assert.Equal(4, Teams.PostsTo(scenario.TeamsPath).Count);
        Assert.All(Teams.PostsTo(scenario.TeamsPath), p => Assert.Equal(503, p.Status));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/councils/{scenario.CouncilCode}/deliveries");
        request.Headers.Add("X-Api-Key", Scenario.AdminKey);
        var json = JsonNode.Parse(await (await host.Client.SendAsync(request)).Content.ReadAsStringAsync())!;
        Assert.Equal("failed", (string?)json["messages"]![0]!["status"]);
        var attempts = json["attempts"]!.AsArray();
        Assert.Equal(5, attempts.Count);
        Assert.Equal(("gave-up", 5), ((string?)attempts[0]!["outcome"], (int?)attempts[0]!["attempt"]));
        Assert.Contains("poison", (string?)attempts[0]!["detail"], StringComparison.Ordinal);
        Assert.All(attempts.Skip(1), a => Assert.Equal(("transient-failure", 503), ((string?)a!["outcome"], (int?)a["httpStatus"])));
        var poison = host.Get<Storage.WorkQueues>().Client(Storage.StorageLayout.NotificationsPoisonQueue);
        Assert.Equal(0, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);   // read and recorded, not left behind
    }

    [Fact]
    public async Task TheSameEventRecordedAndQueuedTwiceIsPostedOnce()
    {
        var scenario = fixture.NewScenario();
        var council = scenario.Council();
        await using var host = await scenario.StartHostAsync();

        var first = await host.SendAsync(outbox => outbox.RecordAsync(council, scenario.RedPlan(), CancellationToken.None));
        var again = await host.SendAsync(outbox => outbox.RecordAsync(council, scenario.RedPlan(), CancellationToken.None));
        await EventuallyAsync(() => host.Outbox.ListAsync(scenario.CouncilCode, 10, CancellationToken.None), m => m.Count == 2 && m.All(x => x.Status == OutboxStatus.Sent));
        await host.SendAsync(outbox => outbox.RecordAsync(council, scenario.RedPlan(), CancellationToken.None));
        await Task.Delay(600);

        Assert.Equal(first.Keys, again.Keys);
        Assert.Single(Teams.PostsTo(scenario.TeamsPath));
        Assert.Single(Slack.PostsTo(scenario.SlackPath));
        Assert.Equal(2, (await host.Deliveries.ListAsync(scenario.CouncilCode, 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task TwoInstancesDeliveringOneMessageAtOncePostItOnce()
    {
        var scenario = fixture.NewScenario();
        var council = scenario.TeamsOnly();
        Teams.Script(scenario.TeamsPath, new Reply(202, Delay: TimeSpan.FromMilliseconds(300)));
        // Two instances of the app (as two scaled-out instances would be), each told three times to deliver it.
        await using var one = await scenario.StartHostAsync();
        await using var other = await scenario.StartHostAsync();

        var key = Assert.Single((await one.Outbox.RecordAsync(council, scenario.RedPlan(), CancellationToken.None)).Keys);
        var results = await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => new[] { one, other })
            .Select(host => Task.Run(() => host.Delivery.DeliverAsync(key, CancellationToken.None))));

        Assert.Single(Teams.PostsTo(scenario.TeamsPath));
        Assert.DoesNotContain(results, r => r.Step == DeliveryStep.Retry);
        var attempt = Assert.Single(await other.Deliveries.ListAsync(scenario.CouncilCode, 10, CancellationToken.None));
        Assert.Equal(DeliveryOutcome.Delivered, attempt.Outcome);
    }

    [Fact]
    public async Task AFortyKilobyteSummaryIsTrimmedWithinTheChannelLimitsAndSaysHowManyWereLeftOut()
    {
        var scenario = fixture.NewScenario();
        var council = scenario.Council();
        await using var host = await scenario.StartHostAsync();
        var lines = Enumerable.Range(1, 400)
            .Select(i => $"Plan CT-2026-{i:D3}: Neighbourhood support service number {i}, scored {i % 100}/100, amber — {new string('x', 40)}")
            .ToArray();
        Assert.True(Encoding.UTF8.GetByteCount(string.Concat(lines)) > 40_000);
        var summary = new SummaryMessage("summary-2026-W05", "Commissioning plans, week 5 of 2026", lines, "https://advisor.example.gov.uk/api/summaries/E07000243/2026-W05");

        await host.SendAsync(outbox => outbox.RecordAsync(council, summary, CancellationToken.None));

        var teams = Assert.Single(await Teams.WaitForPostsAsync(scenario.TeamsPath, 1));
        Assert.True(Encoding.UTF8.GetByteCount(teams.Body) < 28 * 1024, $"Teams body is {Encoding.UTF8.GetByteCount(teams.Body)} bytes");
        var body = JsonNode.Parse(teams.Body)!["attachments"]![0]!["content"]!["body"]!.AsArray().Select(b => (string)b!["text"]!).ToList();
        var shown = body.Skip(1).SkipLast(1).ToList();
        Assert.Equal(lines.Take(shown.Count), shown);
        Assert.InRange(shown.Count, 50, 399);
        Assert.Equal($"…and {400 - shown.Count} more, in the full summary", body[^1]);

        var slack = JsonNode.Parse(Assert.Single(await Slack.WaitForPostsAsync(scenario.SlackPath, 1)).Body)!;
        var blocks = slack["blocks"]!.AsArray();
        Assert.InRange(blocks.Count, 3, NotificationComposer.SlackMaxBlocks);
        var sections = blocks.Where(b => (string?)b!["type"] == "section").Select(b => (string)b!["text"]!["text"]!).ToList();
        Assert.All(sections, s => Assert.InRange(s.Length, 1, NotificationComposer.SlackMaxText));
        var slackShown = sections.SelectMany(s => s.Split('\n')).ToList();
        Assert.Equal(lines.Take(slackShown.Count), slackShown);
        var more = (string)blocks.Single(b => (string?)b!["type"] == "context")!["elements"]![0]!["text"]!;
        Assert.Equal($"…and {400 - slackShown.Count} more, in the full summary", more);
        Assert.Equal(summary.Link, (string?)blocks[^1]!["elements"]![0]!["url"]);
    }

    [Fact]
    public async Task HostilePlanTextArrivesAsValidJsonWithTheTextExactlyAsWrittenAndInertInTeamsMarkdown()
    {
        const string hostile = "Say \"hi\"\nto the 🏘️ hub <script>alert('x')</script> & {{ model.secret }} \\ ' \t end";
        var scenario = fixture.NewScenario();
        var council = scenario.Council();
        await using var host = await scenario.StartHostAsync();
        var plan = scenario.RedPlan(hostile, alerts: [new ComplianceAlert("A1", hostile, hostile, "basis")], recommendations: [hostile]);

        await host.SendAsync(outbox => outbox.RecordAsync(council, plan, CancellationToken.None));

        var card = JsonNode.Parse(Assert.Single(await Teams.WaitForPostsAsync(scenario.TeamsPath, 1)).Body)!;
        var texts = card["attachments"]![0]!["content"]!["body"]!.AsArray().Select(b => (string?)b!["text"]).ToList();
        // Teams reads TextBlock text as Markdown: the text arrives escaped for it (the rendering is checked in Chromium).
        var inert = TemplateFunctions.TeamsEscape(hostile);
        Assert.Equal(inert, texts[0]);
        Assert.Contains($"{inert}: {inert}", texts);
        Assert.Contains($"• {inert}", texts);

        var slack = JsonNode.Parse(Assert.Single(await Slack.WaitForPostsAsync(scenario.SlackPath, 1)).Body)!;
        var blocks = slack["blocks"]!.AsArray();
        Assert.Equal(hostile, (string?)blocks[0]!["text"]!["text"]);
        Assert.Contains($"⚠️ {hostile}: {hostile}", blocks.Select(b => (string?)b!["text"]?["text"]));
        var fallback = (string)slack["text"]!;
        Assert.StartsWith(TemplateFunctions.SlackEscape(hostile), fallback);
        Assert.DoesNotContain("<script>", fallback);
    }

    [Fact]
    public async Task RecordingAndQueueingReturnsInMillisecondsEvenWhenEveryWebhookHangsOrFails()
    {
        var scenario = fixture.NewScenario();
        var council = scenario.Council();
        Teams.Script(scenario.TeamsPath, Enumerable.Repeat(Reply.Hanging, 20).ToArray());
        Slack.Script(scenario.SlackPath, Enumerable.Repeat(new Reply(500), 20).ToArray());
        await using var host = await scenario.StartHostAsync();
        await host.SendAsync(outbox => outbox.RecordAsync(council, scenario.RedPlan(version: 1), CancellationToken.None));

        var timings = new List<double>();
        for (var version = 2; version <= 8; version++)
        {
            var clock = Stopwatch.StartNew();
            var recorded = await host.SendAsync(outbox => outbox.RecordAsync(council, scenario.RedPlan(version: version), CancellationToken.None));
            timings.Add(clock.Elapsed.TotalMilliseconds);
            Assert.Equal(2, recorded.Keys.Count);
        }

        // Sending inline would take at least the 2 s attempt timeout of the hanging Teams receiver. The fastest call shows
        // the real cost (one table write and two renders); the slowest allows for a machine shared with other builds.
        var report = $"record + enqueue took {string.Join(", ", timings.Select(t => t.ToString("0.0")))} ms";
        Assert.True(timings.Min() < 50, report);
        Assert.True(timings.Max() < 500, report);
        Assert.All(await Slack.WaitForPostsAsync(scenario.SlackPath, 2), p => Assert.Equal(500, p.Status));
    }

    [Fact]
    public async Task ARedirectIsNotFollowedAndIsRecordedAsAPermanentFailure()
    {
        var scenario = fixture.NewScenario();
        var council = scenario.TeamsOnly();
        var elsewhere = $"elsewhere/{Guid.NewGuid():N}";
        Teams.Script(scenario.TeamsPath, new Reply(307, Headers: new Dictionary<string, string> { ["Location"] = Teams.UrlFor(elsewhere) }));
        await using var host = await scenario.StartHostAsync();

        await host.SendAsync(outbox => outbox.RecordAsync(council, scenario.RedPlan(), CancellationToken.None));

        var attempt = Assert.Single(await EventuallyAsync(() => host.Deliveries.ListAsync(scenario.CouncilCode, 10, CancellationToken.None), a => a.Count > 0));
        Assert.Equal((DeliveryOutcome.PermanentFailure, 307, false), (attempt.Outcome, attempt.HttpStatus ?? 0, attempt.WillRetry));
        Assert.Contains("redirect 307 not followed", attempt.Detail);
        Assert.Empty(Teams.PostsTo(elsewhere));
    }

    [Fact]
    public async Task AWebhookSettingChangedToADisallowedHostIsRefusedAtSendTimeAndNothingIsPosted()
    {
        var scenario = fixture.NewScenario();
        var council = scenario.SlackOnly();
        scenario.Settings[$"Webhooks:{council.Channels[0].Webhook}"] = "https://example.com/services/secret-part";
        await using var host = await scenario.StartHostAsync();

        await host.SendAsync(outbox => outbox.RecordAsync(council, scenario.RedPlan(), CancellationToken.None));

        var attempt = Assert.Single(await EventuallyAsync(() => host.Deliveries.ListAsync(scenario.CouncilCode, 10, CancellationToken.None), a => a.Count > 0));
        Assert.Equal((DeliveryOutcome.Refused, (int?)null), (attempt.Outcome, attempt.HttpStatus));
        Assert.Equal("host example.com is not an allowed Teams or Slack webhook host", attempt.Detail);
        Assert.Equal("https://example.com/…", attempt.Target);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("secret-part", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDeliveriesEndpointNeedsTheAdminKeyAndNeverShowsAWebhookUrl()
    {
        var scenario = fixture.NewScenario();
        var council = scenario.SlackOnly();
        Slack.Script(scenario.SlackPath, new Reply(404, "channel_not_found"));
        await using var host = await scenario.StartHostAsync();
        await host.SendAsync(outbox => outbox.RecordAsync(council, scenario.RedPlan(), CancellationToken.None));
        await EventuallyAsync(() => host.Deliveries.ListAsync(scenario.CouncilCode, 10, CancellationToken.None), a => a.Count > 0);

        var refused = await host.Client.GetAsync($"/api/councils/{scenario.CouncilCode}/deliveries");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("https://keep-it-local.example/problems/unauthorized", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["type"]?.GetValue<string>());

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/councils/{scenario.CouncilCode}/deliveries");
        request.Headers.Add("X-Api-Key", Scenario.AdminKey);
        var answer = await host.Client.SendAsync(request);
        var text = await answer.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var json = JsonNode.Parse(text)!;
        var message = json["messages"]![0]!;
        Assert.Equal(("commissioning-slack", "failed", "channel_not_found"), ((string?)message["channel"], (string?)message["status"], (string?)message["lastSlackError"]));
        var attempt = json["attempts"]![0]!;
        Assert.Equal(("permanent-failure", 404, 1), ((string?)attempt["outcome"], (int?)attempt["httpStatus"], (int?)attempt["attempt"]));
        Assert.Equal(council.Channels[0].Webhook, (string?)attempt["webhook"]);
        Assert.Equal($"{new Uri(scenario.SlackUrl).GetLeftPart(UriPartial.Authority)}/…", (string?)attempt["target"]);
        Assert.DoesNotContain(scenario.SlackPath.Split('/')[^1], text);
    }

    [Fact]
    public async Task AnInvalidNotificationSettingStopsStartUpNamingIt()
    {
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://127.0.0.1:9",
            ["Commissioning__AdminKey"] = "notification-test-admin-key-0123456789",
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__From"] = "summaries@advisor.example.gov.uk",
            ["AzureWebJobs__WeeklySummary__Disabled"] = "true",
            ["Notifications__MaxAttempts"] = "0",
        };

        var (exitCode, output) = await AppProcess.RefusalAsync(BuiltApp.Dll, BuiltApp.Folder, settings, TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("OptionsValidationException", output);
        Assert.Contains("MaxAttempts", output);
    }

    private static void AssertNoWebhookUrlIn(NotificationHost host, Scenario scenario)
    {
        var secrets = new[] { scenario.TeamsPath.Split('/')[1], scenario.SlackPath.Split('/')[^1] };
        Assert.NotEmpty(host.Logs.Lines);
        Assert.DoesNotContain(host.Logs.Lines, line => secrets.Any(s => line.Contains(s, StringComparison.Ordinal)));
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, double seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"condition not met within {seconds} s; last value: {JsonSerializer.Serialize(value)}");
            }

            await Task.Delay(25);
        }
    }
}
