using System.Diagnostics;
using System.Globalization;

namespace Commissioning.Benchmarks;

/// <summary>
/// The submit benchmark's four methods measured side by side in one process: round after round, each method runs 32
/// times, then the plan storage is emptied, exactly as a BenchmarkDotNet iteration of <see cref="SubmitPlanBenchmarks"/>.
/// BenchmarkDotNet gives every method its own process, and a process's steady state (its JIT's, its Azurite's) varies
/// by ±10–20%, which a ratio of two processes inherits. Here all methods share one process and one Azurite, and every
/// round compares them under the same conditions, so the ratio is steadier. The first third of the rounds is warm-up.
/// Also reports each side's CPU time per operation in this process and in Azurite, which shows what the handler adds.
/// Run: dotnet run -c Release --project tests/Commissioning.Benchmarks -- --paired [rounds, default 60]
/// </summary>
public static class PairedSubmitRounds
{
    private const int OperationsPerRound = 32;

    public static async Task RunAsync(int rounds)
    {
        // As in BenchmarkDotNet's own processes: the handler's content root is found from the build output.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var benchmarks = new SubmitPlanBenchmarks();
        await benchmarks.SetUp();
        var methods = new (string Name, Func<Task> Run)[]
        {
            ("SubmitPlan", benchmarks.SubmitPlan),
            ("RawStorageCalls", benchmarks.RawStorageCalls),
            ("RawStorageWrites", benchmarks.RawStorageWrites),
            ("RawStorageSameShape", benchmarks.RawStorageSameShape),
        };
        var measured = methods.ToDictionary(m => m.Name, _ => new List<Round>());
        try
        {
            for (var round = 0; round < rounds; round++)
            {
                foreach (var (name, run) in methods)
                {
                    var result = await MeasureAsync(run);
                    benchmarks.EmptyPlanStorageAfterEachIteration();
                    if (round >= rounds / 3)
                    {
                        measured[name].Add(result);
                    }
                }
            }
        }
        finally
        {
            await benchmarks.TearDown();
        }

        Report(measured, rounds);
    }

    private sealed record Round(double WallMs, double HandlerCpuMs, double AzuriteCpuMs);

    private static async Task<Round> MeasureAsync(Func<Task> run)
    {
        var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var azurite = AzuriteCpu();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < OperationsPerRound; i++)
        {
            await run();
        }

        var wall = clock.Elapsed.TotalMilliseconds;
        self.Refresh();
        return new Round(wall / OperationsPerRound,
            (self.TotalProcessorTime - cpu).TotalMilliseconds / OperationsPerRound,
            (AzuriteCpu() - azurite).TotalMilliseconds / OperationsPerRound);
    }

    /// <summary>The CPU time of the node processes on the machine: this run's Azurite (run it on an otherwise idle machine).</summary>
    private static TimeSpan AzuriteCpu() => Process.GetProcessesByName("node").Aggregate(TimeSpan.Zero, (sum, p) => sum + p.TotalProcessorTime);

    private static void Report(Dictionary<string, List<Round>> measured, int rounds)
    {
        var submit = measured["SubmitPlan"];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{submit.Count} measured rounds of {OperationsPerRound} operations (after {rounds - submit.Count} warm-up rounds)"));
        Console.WriteLine("| method | mean | CPU here / op | Azurite CPU / op | SubmitPlan ÷ this (mean) | median of per-round ratios |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (name, results) in measured)
        {
            var perRound = submit.Zip(results, (s, r) => s.WallMs / r.WallMs).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {results.Average(r => r.WallMs):F2} ms | {results.Average(r => r.HandlerCpuMs):F2} ms | {results.Average(r => r.AzuriteCpuMs):F2} ms | " +
                $"{submit.Average(r => r.WallMs) / results.Average(r => r.WallMs):F2}× | {perRound[perRound.Count / 2]:F2}× |"));
        }
    }
}
