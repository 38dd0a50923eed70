using Commissioning.Functions.Tests.Infrastructure;
using Commissioning.Functions.Tests.Notifications;

namespace Commissioning.Functions.Tests.EndToEnd;

/// <summary>
/// The app's process killed while it is posting to Teams (as a crash or a reclaimed instance stops it), then started
/// again: the queue message reappears when its lease runs out, the outbox claim of the dead process lapses, and the
/// post is delivered once. Two real processes of the built app, a real Azurite, a real loopback Teams receiver.
/// </summary>
public sealed class RunnerKilledMidDeliveryTests : IAsyncLifetime
{
    private const string AdminKey = "killed-runner-admin-key-0123456789";
    private const string Council = CommissioningApi.DemoCouncil;
    private Azurite _azurite = null!;
    private WebhookReceiver _teams = null!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartNewAsync();
        _teams = WebhookReceiver.Teams();
        await _teams.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _teams.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    private Dictionary<string, string> Settings() => new()
    {
        ["AzureWebJobsStorage"] = _azurite.ConnectionString,
        ["Commissioning__AdminKey"] = AdminKey,
        ["Smtp__Host"] = "127.0.0.1",
        ["Smtp__From"] = "summaries@advisor.example.gov.uk",
        ["Notifications__AllowLoopback"] = "true",
        ["Webhooks__DemoTeams"] = _teams.UrlFor("demo"),
        ["Notifications__AttemptTimeout"] = "00:00:03",
        ["Notifications__ClaimMargin"] = "00:00:01",
        ["LocalRunner__MessageLease"] = "00:00:02",
        ["AzureFunctionsJobHost__extensions__queues__visibilityTimeout"] = "00:00:00.200",
        ["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = "00:00:00.500",
        ["AzureWebJobs__WeeklySummary__Disabled"] = "true",
    };

    [Fact]
    public async Task KillingTheRunnerMidDeliveryAndStartingItAgainDeliversThePostExactlyOnce()
    {
        _teams.Script("demo", Reply.Hanging);
        var first = await AppProcess.StartAsync(BuiltApp.Dll, BuiltApp.Folder, Settings(), TimeSpan.FromSeconds(60));
        try
        {
            using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{first.Port}") };
            admin.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
            var put = await admin.PutAsJsonAsync($"/api/councils/{Council}", new
            {
                code = Council,
                name = "Stevenage Borough Council",
                localPostcodeDistricts = new[] { "SG1", "SG2" },
                channels = new[] { new { name = "commissioning", kind = "teams", webhook = "DemoTeams", events = new[] { "every-submission" } } },
            });
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
            var submitted = await admin.PostAsync("/api/plans", TestPlans.Content(reference: "SBC-KILLED-1"));
            Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);

            // The first process has claimed the message and is waiting on Teams: kill it there.
            await _teams.WaitForPostsAsync("demo", 1, TimeSpan.FromSeconds(15));
        }
        finally
        {
            await first.KillAsync();
            await first.DisposeAsync();
        }

        await using var second = await AppProcess.StartAsync(BuiltApp.Dll, BuiltApp.Folder, Settings(), TimeSpan.FromSeconds(60));
        var posts = await _teams.WaitForPostsAsync("demo", 2, TimeSpan.FromSeconds(30));
        await Task.Delay(1_500);   // nothing more may come

        Assert.Equal([0, 202], _teams.PostsTo("demo").Select(p => p.Status));
        Assert.Equal(posts[0].Body, posts[1].Body);
        using var reader = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{second.Port}") };
        reader.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        var deliveries = JsonNode.Parse(await reader.GetStringAsync($"/api/councils/{Council}/deliveries"))!;
        var message = deliveries["messages"]!.AsArray().Single()!;
        Assert.Equal("sent", (string?)message["status"]);
        Assert.Equal("delivered", (string?)deliveries["attempts"]![0]!["outcome"]);
        Assert.DoesNotContain(_teams.UrlFor("demo"), deliveries.ToJsonString(), StringComparison.Ordinal);
    }
}
