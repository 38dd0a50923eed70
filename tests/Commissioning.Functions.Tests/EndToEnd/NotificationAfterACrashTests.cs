using Commissioning.Functions.Plans;
using Commissioning.Functions.Tests.Infrastructure;
using Commissioning.Functions.Tests.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Commissioning.Functions.Tests.EndToEnd;

/// <summary>
/// A submission that stored its version and died before recording its notifications is completed by the client's
/// retry, as the rest of the save is: the retry records the outbox rows and the channel hears about the plan once.
/// </summary>
public sealed class NotificationAfterACrashTests : IAsyncLifetime
{
    private const string Council = CommissioningApi.DemoCouncil;
    private Azurite _azurite = null!;
    private WebhookReceiver _teams = null!;
    private CommissioningApi _api = null!;

    /// <summary>Stands in for the process dying between storing the version and running its listeners.</summary>
    private sealed class DiesBeforeListeners : IPlanSubmittedHandler
    {
        public Task HandleAsync(PlanSubmitted submitted, CancellationToken cancellationToken) =>
            throw new OperationCanceledException("the process stopped here");
    }

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartNewAsync();
        _teams = WebhookReceiver.Teams();
        await _teams.StartAsync();
        _api = new CommissioningApi(_azurite,
            services =>
            {
                services.RemoveAll<IPlanSubmittedHandler>();
                services.AddSingleton<IPlanSubmittedHandler, DiesBeforeListeners>();
            },
            new Dictionary<string, string?> { ["Webhooks:DemoTeams"] = _teams.UrlFor("demo") });
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _teams.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task TheRetryOfASubmissionThatDiedAfterStoringItsVersionPostsOnce()
    {
        using var admin = _api.Admin();
        var put = await admin.PutAsJsonAsync($"/api/councils/{Council}", new
        {
            code = Council,
            name = "Stevenage Borough Council",
            localPostcodeDistricts = new[] { "SG1", "SG2" },
            channels = new[] { new { name = "commissioning", kind = "teams", webhook = "DemoTeams", events = new[] { "every-submission" } } },
        });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var plan = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "community-grants-round.json")))!.ToJsonString();

        var first = await admin.PostAsync("/api/plans", TestPlans.Content(plan));
        await Task.Delay(500);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Empty(_teams.PostsTo("demo"));   // the version is stored, its notification never recorded

        var retry = await admin.PostAsync("/api/plans", TestPlans.Content(plan));
        var again = await admin.PostAsync("/api/plans", TestPlans.Content(plan));

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(await _teams.WaitForPostsAsync("demo", 1));
        await Task.Delay(500);
        Assert.Single(_teams.PostsTo("demo"));
    }
}
