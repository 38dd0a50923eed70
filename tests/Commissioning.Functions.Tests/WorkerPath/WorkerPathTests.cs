using Commissioning.Functions.Summaries;
using Commissioning.Functions.Tests.Infrastructure;
using Commissioning.Functions.Tests.Summaries;
using Commissioning.Functions.Tests.WorkerHost;

namespace Commissioning.Functions.Tests.WorkerPath;

/// <summary>
/// The real isolated worker process (the app's own build output) behind a stand-in Functions host that speaks the
/// host's gRPC protocol: the worker's binding and middleware path, which the local runner does not exercise. A
/// subset of the front-door behaviour: a stored submission, ProblemDetails for 400/401/403/413, 503 when storage is
/// down, and the timer with IsPastDue.
/// </summary>
public sealed class WorkerPathTests(WorkerPathFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<WorkerPathFixture>, IAsyncLifetime
{
    private const string AdminKey = WorkerPathFixture.AdminKey;
    private const string Council = CommissioningApi.DemoCouncil;
    private SummaryServers _servers => fixture.Servers;
    private StandInHost _host => fixture.Host;
    private HttpClient _admin = null!;

    public Task InitializeAsync()
    {
        _admin = WithKey(AdminKey);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        output.WriteLine(_host.Output);
        return Task.CompletedTask;
    }

    private HttpClient WithKey(string key)
    {
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private async Task<HttpClient> CouncilKeyAsync(string code)
    {
        var put = await _admin.PutAsJsonAsync($"/api/councils/{code}", new { code, name = $"Council {code}", localPostcodeDistricts = new[] { "SG1", "SG2" } });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var issued = await _admin.PostAsync($"/api/councils/{code}/keys", null);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        return WithKey(JsonNode.Parse(await issued.Content.ReadAsStringAsync())!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheWorkerIndexesEveryFunctionOfTheApp()
    {
        Assert.Equal(Hosting.FunctionCatalog.App.Functions.Select(f => f.Name).Order(), _host.Functions.Select(f => f.Name).Order());
        Assert.Contains(_host.Functions, f => f is { Name: "SubmitPlan", IsHttp: true, Route: "plans" });
        Assert.Contains(_host.Functions, f => f is { Name: "WeeklySummary", IsTimer: true });
    }

    [Fact]
    public async Task ASubmissionThroughTheWorkerIsStoredAndAnswered201WithItsScorecard()
    {
        using var council = await CouncilKeyAsync(Council);

        var response = await council.PostAsync("/api/plans", TestPlans.Content(reference: "WORKER-1"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var body = JsonNode.Parse(text)!;
        Assert.Equal(("WORKER-1", 1, true), ((string?)body["reference"], (int?)body["version"], (bool?)body["created"]));
        Assert.Equal("/api/plans/E07000243/WORKER-1?version=1", response.Headers.Location?.OriginalString);
        Assert.NotNull(body["scorecard"]!["overall"]!["score"]);

        var read = JsonNode.Parse(await council.GetStringAsync("/api/plans/e07000243/WORKER-1"))!;
        Assert.Equal(1, (int?)read["latestVersion"]);
    }

    [Fact]
    public async Task AnInvalidPlanIsA400NamingTheFieldByItsJsonPath()
    {
        using var council = await CouncilKeyAsync(Council);

        var response = await council.PostAsync("/api/plans", TestPlans.Content(change: plan => plan["budget"]!["totalValue"] = "lots"));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(ProblemAssert.Errors(problem, "$.budget.totalValue"));
    }

    [Fact]
    public async Task NoKeyIsA401AndAnotherCouncilsKeyA403BothAsProblemDetails()
    {
        using var anonymous = _host.CreateClient();
        var missing = await anonymous.PostAsync("/api/plans", TestPlans.Content());
        var problem = await ProblemAssert.IsProblem(missing, HttpStatusCode.Unauthorized);
        Assert.Equal("Send a key in the X-Api-Key header.", (string?)problem["detail"]);

        using var other = await CouncilKeyAsync(CommissioningApi.OtherCouncil);
        var forbidden = await other.GetAsync($"/api/plans/{Council}");
        await ProblemAssert.IsProblem(forbidden, HttpStatusCode.Forbidden);
        var forbiddenSubmit = await other.PostAsync("/api/plans", TestPlans.Content());
        await ProblemAssert.IsProblem(forbiddenSubmit, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ABodyOverTheLimitIsA413ProblemDetails()
    {
        using var council = await CouncilKeyAsync(Council);
        var body = new string(' ', 1024 * 1024 + 10);

        var response = await council.PostAsync("/api/plans", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblem(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task WithStorageDownASubmissionIsA503WithRetryAfterAndTheWorkerKeepsServing()
    {
        using var council = await CouncilKeyAsync(Council);
        await _servers.Azurite.StopAsync();
        try
        {
            var response = await council.PostAsync("/api/plans", TestPlans.Content(reference: "WORKER-DOWN"));

            await ProblemAssert.IsProblem(response, HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(response.Headers.RetryAfter);
        }
        finally
        {
            await _servers.Azurite.StartAsync();
        }

        using var anonymous = _host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/rubric")).StatusCode);
    }

    [Fact]
    public async Task TheTimerWithIsPastDueSendsTheMissedSummaryOnce()
    {
        var week = SummaryTiming.LatestWeekDue(UkTime.ToUkTime(DateTimeOffset.UtcNow), 8);
        await _servers.RegisterAsync(SummaryData.Council("E06000073", "Basildon", "leader@basildon.example"));
        await _servers.IndexAsync("E06000073", week, SummaryData.Entry("BAS-1", week));

        var first = await _host.InvokeTimerAsync("WeeklySummary", isPastDue: true);
        var again = await _host.InvokeTimerAsync("WeeklySummary", isPastDue: true);

        Assert.True(first.Succeeded, first.Error);
        Assert.True(again.Succeeded, again.Error);
        var mails = (await _servers.MailDev.MessagesAsync()).Where(m => m.Subject.EndsWith($"Basildon, week {week}", StringComparison.Ordinal)).ToList();
        Assert.Single(mails);
        Assert.Contains(_host.Logs, l => l.Message.Contains("Weekly summary timer (past due: True", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs, l => l.Message.Contains(AdminKey, StringComparison.Ordinal));
    }
}

/// <summary>One Azurite, one MailDev and one worker behind the stand-in host for the worker-path tests.</summary>
public sealed class WorkerPathFixture : IAsyncLifetime
{
    public const string AdminKey = "worker-path-admin-key-0123456789";

    public SummaryServers Servers { get; } = new();

    public StandInHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Servers.InitializeAsync();
        Host = await StandInHost.StartAsync(BuiltApp.Dll, new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = Servers.Azurite.ConnectionString,
            ["Commissioning__AdminKey"] = AdminKey,
            ["Commissioning__Storage__NetworkTimeout"] = "00:00:03",
            ["Commissioning__Storage__MaxRetries"] = "0",
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = Servers.MailDev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp__From"] = "summaries@advisor.example.gov.uk",
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Servers.DisposeAsync();
    }
}
