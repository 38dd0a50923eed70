using System.Net;
using System.Text.Json.Nodes;
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
        });
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
}
