using System.Diagnostics;
using System.Text.Json;
using Azure.Storage.Blobs;
using Commissioning.Functions.Tests.Advisor;
using Commissioning.Functions.Tests.Infrastructure;
using Commissioning.Functions.Tests.Notifications;
using TestPlans = Commissioning.Functions.Tests.Infrastructure.TestPlans;

namespace Commissioning.Functions.Tests.EndToEnd;

/// <summary>
/// What happens around a submission in the real app: the council's Teams channel hears about a red plan once, a
/// failing webhook neither fails nor slows the submission, and the advisor's narrative lands in the guidance
/// afterwards. Real Azurite, a real loopback Teams receiver and a real loopback chat-completions server.
/// </summary>
public sealed class SubmissionFanOutTests : IAsyncLifetime
{
    private const string Council = CommissioningApi.DemoCouncil;
    private Azurite _azurite = null!;
    private WebhookReceiver _teams = null!;
    private FakeChatModel _model = null!;
    private CommissioningApi _api = null!;
    private HttpClient _admin = null!;
    private HttpClient _council = null!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartNewAsync();
        _teams = WebhookReceiver.Teams();
        await _teams.StartAsync();
        _model = await FakeChatModel.StartAsync();
        _api = new CommissioningApi(_azurite, settings: new Dictionary<string, string?>
        {
            ["Webhooks:DemoTeams"] = _teams.UrlFor("demo"),
            ["Notifications:AttemptTimeout"] = "00:00:02",
            ["Advisor:Endpoint"] = _model.BaseAddress.ToString(),
            ["Advisor:Model"] = FakeChatModel.ModelName,
            ["Advisor:ApiKey"] = "test-model-key",
            ["Advisor:Timeout"] = "00:00:05",
            ["Advisor:MaxRetries"] = "0",
        });
        _admin = _api.Admin();
        var put = await _admin.PutAsJsonAsync($"/api/councils/{Council}", new
        {
            code = Council,
            name = "Stevenage Borough Council",
            localPostcodeDistricts = new[] { "SG1", "SG2" },
            channels = new[] { new { name = "commissioning", kind = "teams", webhook = "DemoTeams", events = new[] { "red-or-alerts" } } },
        });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var issued = JsonNode.Parse(await (await _admin.PostAsync($"/api/councils/{Council}/keys", null)).Content.ReadAsStringAsync())!;
        _council = _api.WithKey(issued["key"]!.GetValue<string>());
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        _council.Dispose();
        await _api.DisposeAsync();
        await _model.DisposeAsync();
        await _teams.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    private static JsonObject Sample(string file, string reference)
    {
        var plan = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", file)))!.AsObject();
        plan["reference"] = reference;
        return plan;
    }

    private static string PlanNotAdvisedOn(JsonObject scorecard) =>
        scorecard["recommendations"]!.AsArray().Select(r => r!["criterionId"]!.GetValue<string>()).First();

    [Fact]
    public async Task ARedPlanIsPostedToTheCouncilsTeamsChannelOnceAndTheAttemptIsRecorded()
    {
        _model.Then(FakeChatModel.ServerError(500));
        var plan = Sample("large-outsourcing-single-lot.json", "SBC-RED-1");

        var first = await _council.PostAsync("/api/plans", TestPlans.Content(plan.ToJsonString()));
        var again = await _council.PostAsync("/api/plans", TestPlans.Content(plan.ToJsonString()));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var post = Assert.Single(await _teams.WaitForPostsAsync("demo", 1));
        var card = JsonNode.Parse(post.Body)!;
        Assert.Equal("message", card["type"]!.GetValue<string>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", card["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Contains(plan["title"]!.GetValue<string>(), post.Body);
        Assert.Contains("/api/app/scorecard?council=E07000243&reference=SBC-RED-1&version=1", post.Body);   // the page, which asks for a key

        await Task.Delay(500);   // an unchanged resubmission must not post again
        Assert.Single(_teams.PostsTo("demo"));
        var deliveries = JsonNode.Parse(await _admin.GetStringAsync($"/api/councils/{Council}/deliveries"))!;
        Assert.Contains(deliveries["attempts"]!.AsArray(), a => a!.ToJsonString().Contains("SBC-RED-1", StringComparison.Ordinal));
        Assert.DoesNotContain(_teams.UrlFor("demo"), deliveries.ToJsonString());
    }

    [Fact]
    public async Task AFailingWebhookNeitherFailsNorSlowsASubmission()
    {
        _model.Then(FakeChatModel.ServerError(500), FakeChatModel.ServerError(500));
        _teams.Script("demo", Reply.Hanging, Reply.Hanging, Reply.Hanging, new Reply(500), new Reply(500), new Reply(500));
        var quiet = Sample("community-grants-round.json", "SBC-BASELINE");
        var baseline = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Created, (await _council.PostAsync("/api/plans", TestPlans.Content(quiet.ToJsonString()))).StatusCode);
        baseline.Stop();

        var red = Sample("large-outsourcing-single-lot.json", "SBC-RED-2");
        var timed = Stopwatch.StartNew();
        var response = await _council.PostAsync("/api/plans", TestPlans.Content(red.ToJsonString()));
        timed.Stop();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("red", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["scorecard"]!["overall"]!["band"]!.GetValue<string>());
        // The receiver hangs for the whole attempt timeout (2 s); a submission that waited for it would take that long.
        Assert.True(timed.Elapsed < TimeSpan.FromSeconds(1.5) + baseline.Elapsed,
            $"submission took {timed.ElapsedMilliseconds} ms against a {baseline.ElapsedMilliseconds} ms baseline");
        await _teams.WaitForPostsAsync("demo", 2, TimeSpan.FromSeconds(20));   // the background delivery is retrying
    }

    [Fact]
    public async Task TheAdvisorsNarrativeReachesTheGuidanceAfterTheSubmissionAndItsRawOutputIsKept()
    {
        var plan = Sample("neighbourhood-lotted-wellbeing-service.json", "SBC-ADVISED");
        var check = await _council.PostAsync("/api/plans/score", TestPlans.Content(plan.ToJsonString()));
        var criterion = PlanNotAdvisedOn(JsonNode.Parse(await check.Content.ReadAsStringAsync())!.AsObject());
        _model.Then(FakeChatModel.Answer(new
        {
            summary = "A well-shaped plan: the lots and the local reservation give neighbourhood groups a real chance.",
            advice = new[] { new { criterionId = criterion, advice = "Close this gap before the notice goes out." } },
        }));

        var submitted = await _council.PostAsync("/api/plans", TestPlans.Content(plan.ToJsonString()));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);

        string html = string.Empty;
        for (var wait = Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromSeconds(15); await Task.Delay(100))
        {
            html = await _council.GetStringAsync($"/api/plans/{Council}/SBC-ADVISED/guidance?format=html");
            if (html.Contains("give neighbourhood groups a real chance", StringComparison.Ordinal))
            {
                break;
            }
        }

        Assert.Contains("give neighbourhood groups a real chance", html);
        Assert.Contains("Close this gap before the notice goes out.", html);
        Assert.Contains("language model", html);
        var audit = await new BlobServiceClient(_azurite.ConnectionString).GetBlobContainerClient("guidance")
            .GetBlobClient($"{Council}/SBC-ADVISED/v1.advisor.json").DownloadContentAsync();
        var record = JsonNode.Parse(audit.Value.Content.ToString())!;
        Assert.Equal("model", record["narrative"]!["source"]!.GetValue<string>());
        Assert.Contains("real chance", record["rawOutput"]!.GetValue<string>());
    }

    [Fact]
    public async Task ANarrativeWhoseModelTimesOutFallsBackToTheDeterministicTextAndSaysWhy()
    {
        // Slower than Advisor:Timeout (5 s): the narratives queue's function gives up on the model and keeps the fallback.
        _model.Then(FakeChatModel.Delayed(TimeSpan.FromSeconds(8), FakeChatModel.Answer(new { summary = "Too late to be used.", advice = Array.Empty<object>() })));
        var plan = Sample("neighbourhood-lotted-wellbeing-service.json", "SBC-SLOW-MODEL");

        var submitted = await _council.PostAsync("/api/plans", TestPlans.Content(plan.ToJsonString()));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);

        var blob = new BlobServiceClient(_azurite.ConnectionString).GetBlobContainerClient("guidance").GetBlobClient($"{Council}/SBC-SLOW-MODEL/v1.advisor.json");
        for (var wait = Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromSeconds(20) && !(await blob.ExistsAsync()).Value; await Task.Delay(100))
        {
        }

        var record = JsonNode.Parse((await blob.DownloadContentAsync()).Value.Content.ToString())!;
        Assert.Equal("deterministic", record["narrative"]!["source"]!.GetValue<string>());
        Assert.Equal("timeout", record["reason"]!["kind"]!.GetValue<string>());
        var html = await _council.GetStringAsync($"/api/plans/{Council}/SBC-SLOW-MODEL/guidance?format=html");
        Assert.DoesNotContain("Too late to be used.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheCouncilOrTheAdminMayRegenerateANarrativeOrReadASummary()
    {
        _model.Then(FakeChatModel.ServerError(500), FakeChatModel.ServerError(500));
        Assert.Equal(HttpStatusCode.Created,
            (await _council.PostAsync("/api/plans", TestPlans.Content(Sample("community-grants-round.json", "SBC-OWN").ToJsonString()))).StatusCode);
        using var other = await _api.CouncilAsync(CommissioningApi.OtherCouncil);
        using var nobody = _api.Anonymous();

        var forbidden = await other.PostAsync($"/api/plans/{Council}/SBC-OWN/narrative", null);
        var anonymous = await nobody.PostAsync($"/api/plans/{Council}/SBC-OWN/narrative", null);
        var summary = await other.GetAsync($"/api/summaries/{Council}/2026-W05");
        var own = await _council.PostAsync($"/api/plans/{Council}/SBC-OWN/narrative", null);

        await ProblemAssert.IsProblem(forbidden, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(anonymous, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblem(summary, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var body = JsonNode.Parse(await own.Content.ReadAsStringAsync())!;
        Assert.Equal("deterministic", body["source"]!.GetValue<string>());
        Assert.Equal(1, body["version"]!.GetValue<int>());
    }
}
