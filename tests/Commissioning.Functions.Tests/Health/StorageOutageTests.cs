using System.Diagnostics;
using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Functions.Tests.Health;

public sealed class StorageOutageTests : IAsyncLifetime
{
    private Azurite _azurite = null!;
    private CommissioningApi _api = null!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartNewAsync();
        _api = new CommissioningApi(_azurite);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task WhenStorageStopsRequestsGet503WithRetryAfterWithinSecondsAndRecoverWhenItReturns()
    {
        using var admin = _api.Admin();
        using var anonymous = _api.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/health")).StatusCode);

        await _azurite.StopAsync();
        var clock = Stopwatch.StartNew();
        var read = await admin.GetAsync("/api/councils/E07000243");
        var elapsed = clock.Elapsed;
        var health = await anonymous.GetAsync("/api/health");

        var problem = await ProblemAssert.IsProblem(read, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("Retry-After", problem["detail"]!.GetValue<string>());
        Assert.True(read.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 must carry Retry-After");
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"a dead storage took {elapsed} to answer");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("unhealthy", await health.Content.ReadAsStringAsync());

        await _azurite.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/health")).StatusCode);
        var put = await admin.PutAsJsonAsync("/api/councils/E07000243", new { code = "E07000243", name = "Stevenage" });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);   // the emulator came back empty: tables are re-created
    }
}
