using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Commissioning.Domain;
using Commissioning.Domain.Plans;

namespace Commissioning.Benchmarks;

/// <summary>
/// Reading a submitted plan: parse, validate every field against PlanShape, then read the records.
/// Target: at most 60 µs mean for plan-full.json (about 5 KB, every field given).
/// Run: dotnet run -c Release --project tests/Commissioning.Benchmarks -- --filter '*Parse*' --job short
/// (add --inProcess when the machine is so busy that BenchmarkDotNet's 2-minute build of its runner times out).
/// </summary>
[MemoryDiagnoser]
public class ParsePlanBenchmarks
{
    private byte[] fullPlan = [];

    [GlobalSetup]
    public void LoadPlan()
    {
        fullPlan = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "plan-full.json"));
        if (!PlanParser.Parse(fullPlan).IsValid) throw new InvalidOperationException("plan-full.json should be a valid plan.");
    }

    [Benchmark(Description = "PlanParser.Parse (validate + read records)")]
    public Plan? ParseAndValidate() => PlanParser.Parse(fullPlan).Plan;

    [Benchmark(Baseline = true, Description = "Deserialize only, no validation (floor)")]
    public Plan? DeserializeOnly() => JsonSerializer.Deserialize(fullPlan, DomainJsonContext.Default.Plan);
}
