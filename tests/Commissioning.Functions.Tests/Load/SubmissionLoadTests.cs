using System.Collections.Concurrent;
using System.Diagnostics;
using Commissioning.Functions.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Commissioning.Functions.Tests.Load;

/// <summary>Bounded load on loopback: 2,000 distinct plans, 16 at a time, against a private Azurite on real Kestrel.</summary>
public sealed class SubmissionLoadTests(KestrelApiFixture fixture, ITestOutputHelper output) : IClassFixture<KestrelApiFixture>
{
    private const int Submissions = 2_000;
    private const int Concurrency = 16;
    private CommissioningApi Api => fixture.Api;
    private Azurite Storage => fixture.Azurite;

    [Fact]
    public async Task TwoThousandSubmissionsAtSixteenConcurrencyAreAllAcceptedAndAllStored()
    {
        using var client = await Api.CouncilAsync();
        Assert.True(client.BaseAddress!.IsLoopback, "load stays on loopback");
        var documents = Enumerable.Range(0, Submissions).Select(i => TestPlans.Document(reference: $"LOAD-{i:D5}")).ToArray();
        var failures = new ConcurrentBag<string>();
        var accepted = 0;
        var clock = Stopwatch.StartNew();

        // Bounded in count and in time: on a 2-core machine shared with the rest of the suite the run must end within
        // four minutes, and a run that does not is a failure that says how far it got (not a hang, not a bare timeout).
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var run = Parallel.ForAsync(0, Submissions, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = deadline.Token }, async (i, ct) =>
        {
            using var response = await client.PostAsync("/api/plans", TestPlans.Content(documents[i]), ct);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                Interlocked.Increment(ref accepted);
            }
            else
            {
                failures.Add($"{i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
        });
        try
        {
            await run;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            Assert.Fail($"the run did not finish within 4 minutes: {accepted} of {Submissions} accepted after {clock.Elapsed.TotalSeconds:F0} s");
        }

        clock.Stop();
        output.WriteLine($"{Submissions} submissions at {Concurrency} concurrency in {clock.Elapsed.TotalSeconds:F1} s ({Submissions / clock.Elapsed.TotalSeconds:F0}/s)");
        Assert.True(failures.IsEmpty, $"{failures.Count} failed, e.g. {failures.FirstOrDefault()}");
        Assert.Equal(Submissions, accepted);
        var stored = await new StorageInspector(Storage).Rows("Plans", CommissioningApi.DemoCouncil);
        Assert.Equal(accepted, stored.Count);
    }
}
