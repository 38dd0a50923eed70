using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Commissioning.Functions.Plans;
using Commissioning.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Functions.Tests.Plans;

/// <summary>
/// Storage dies at each step of a save (Azurite keeps its data on disk, so what was written survives the restart):
/// the caller gets 503 with Retry-After, nothing half-written becomes visible, and a retry completes the plan.
/// </summary>
public sealed class CrashSafetyTests : IAsyncLifetime
{
    private const string Council = CommissioningApi.DemoCouncil;
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromSeconds(1);
    private Azurite _azurite = null!;
    private StorageFault _fault = null!;
    private CommissioningApi _api = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartNewAsync(keepDataOnDisk: true);
        _fault = new StorageFault(_azurite);
        _api = new CommissioningApi(_azurite, services =>
        {
            services.ConfigureAll<TableClientOptions>(o => o.AddPolicy(_fault, Azure.Core.HttpPipelinePosition.PerCall));
            services.ConfigureAll<BlobClientOptions>(o => o.AddPolicy(_fault, Azure.Core.HttpPipelinePosition.PerCall));
        }, new Dictionary<string, string?> { ["Commissioning:Storage:AbandonedVersionAfter"] = AbandonedAfter.ToString() });
        _client = await _api.CouncilAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Theory]
    [InlineData("guidance")]       // after the plan blob
    [InlineData("PlanVersions")]   // after the plan and guidance blobs
    [InlineData("Plans")]          // after the PlanVersions row
    public async Task AStorageFailureMidSaveIsA503AndLeavesNothingVisibleAndARetryCompletesVersionOne(string failingStep)
    {
        var reference = "CRASH-" + failingStep;
        _fault.StopStorageBeforeWritingTo(failingStep);

        var failed = await _client.PostAsync("/api/plans", TestPlans.Content(reference: reference));

        Assert.True(_fault.Fired, "the fault did not fire: the step was never reached");
        await ProblemAssert.IsProblem(failed, HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(failed.Headers.RetryAfter);

        await _azurite.StartAsync();
        await ProblemAssert.IsProblem(await _client.GetAsync($"/api/plans/{Council}/{reference}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(await _client.GetAsync($"/api/plans/{Council}/{reference}/guidance"), HttpStatusCode.NotFound);
        var listed = JsonNode.Parse(await _client.GetStringAsync($"/api/plans/{Council}"))!["plans"]!.AsArray();
        Assert.DoesNotContain(listed, p => p!["reference"]!.GetValue<string>() == reference);

        var retried = await _client.PostAsync("/api/plans", TestPlans.Content(reference: reference));

        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(1, JsonNode.Parse(await retried.Content.ReadAsStringAsync())!["version"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/plans/{Council}/{reference}/guidance")).StatusCode);
        var inspector = new StorageInspector(_azurite);
        Assert.Single(await inspector.Rows("PlanVersions", $"{Council}|{reference}"));
        Assert.Equal([$"{Council}/{reference}/v1.json"], await inspector.BlobNames("plans", $"{Council}/{reference}/"));
    }

    [Fact]
    public async Task AFailureAfterThePlanIsPublishedIsCompletedByTheRetryWithoutANewVersion()
    {
        const string reference = "CRASH-WEEK";
        _fault.StopStorageBeforeWritingTo("PlansByWeek");

        var failed = await _client.PostAsync("/api/plans", TestPlans.Content(reference: reference));
        await ProblemAssert.IsProblem(failed, HttpStatusCode.ServiceUnavailable);
        await _azurite.StartAsync();
        var week = PlanCalendar.IsoWeek(DateTimeOffset.UtcNow);
        var beforeRetry = JsonNode.Parse(await _client.GetStringAsync($"/api/plans/{Council}?week={week}"))!["plans"]!.AsArray();

        var retried = await _client.PostAsync("/api/plans", TestPlans.Content(reference: reference));

        Assert.Empty(beforeRetry);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);   // the version existed: the retry only completed it
        Assert.Equal(1, JsonNode.Parse(await retried.Content.ReadAsStringAsync())!["version"]!.GetValue<int>());
        var afterRetry = JsonNode.Parse(await _client.GetStringAsync($"/api/plans/{Council}?week={week}"))!["plans"]!.AsArray();
        Assert.Equal(reference, Assert.Single(afterRetry)!["reference"]!.GetValue<string>());
    }

    [Fact]
    public async Task AVersionRowWrittenWithoutItsGuidanceStaysInvisibleAndTheRetryWritesTheGuidanceBeforePublishing()
    {
        const string reference = "CRASH-GUIDANCE-ONLY";
        _fault.FailWritesTo("guidance");   // the PlanVersions row, written beside the guidance, lands; the guidance does not

        var failed = await _client.PostAsync("/api/plans", TestPlans.Content(reference: reference));

        await ProblemAssert.IsProblem(failed, HttpStatusCode.ServiceUnavailable);
        var inspector = new StorageInspector(_azurite);
        Assert.Single(await inspector.Rows("PlanVersions", $"{Council}|{reference}"));
        Assert.Empty(await inspector.BlobNames("guidance", $"{Council}/{reference}/"));
        _fault.FailWritesTo(null);
        await ProblemAssert.IsProblem(await _client.GetAsync($"/api/plans/{Council}/{reference}"), HttpStatusCode.NotFound);

        var retried = await _client.PostAsync("/api/plans", TestPlans.Content(reference: reference));

        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(1, JsonNode.Parse(await retried.Content.ReadAsStringAsync())!["version"]!.GetValue<int>());
        Assert.Equal([$"{Council}/{reference}/v1.html", $"{Council}/{reference}/v1.md"], await inspector.BlobNames("guidance", $"{Council}/{reference}/"));
        var html = await _client.GetAsync($"/api/plans/{Council}/{reference}/guidance?format=html");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Contains(reference, await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAbandonedVersionWithoutGuidanceGetsItsOwnGuidanceWhenAnotherSubmissionPublishesIt()
    {
        const string reference = "CRASH-ABANDONED";
        _fault.FailWritesTo("guidance");
        var abandoned = await _client.PostAsync("/api/plans", TestPlans.Content(reference: reference, change: plan => plan["title"] = "The abandoned first draft"));
        await ProblemAssert.IsProblem(abandoned, HttpStatusCode.ServiceUnavailable);
        _fault.FailWritesTo(null);
        await Task.Delay(AbandonedAfter + TimeSpan.FromMilliseconds(300));   // its writer is gone for good

        var next = await _client.PostAsync("/api/plans", TestPlans.Content(reference: reference, change: plan => plan["title"] = "The second draft"));

        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        Assert.Equal(2, JsonNode.Parse(await next.Content.ReadAsStringAsync())!["version"]!.GetValue<int>());
        var first = await _client.GetAsync($"/api/plans/{Council}/{reference}/guidance?format=md&version=1");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var markdown = await first.Content.ReadAsStringAsync();
        Assert.Contains("The abandoned first draft", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("The second draft", markdown, StringComparison.Ordinal);
        var second = await _client.GetStringAsync($"/api/plans/{Council}/{reference}/guidance?format=md");
        Assert.Contains("The second draft", second, StringComparison.Ordinal);
    }
}
