using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Commissioning.Domain;
using Commissioning.Domain.Councils;
using Commissioning.Domain.Plans;
using Commissioning.Domain.Scoring;
using RubricVersions = Commissioning.Domain.Rubrics.Rubrics;

namespace Commissioning.Benchmarks;

/// <summary>Scoring a full plan (the ~5 KB lotted light-touch sample) against rubric 2026.1. Target: ≤ 20 µs mean.</summary>
[MemoryDiagnoser]
public class ScorePlanBenchmarks
{
    private static readonly DateOnly Today = new(2026, 1, 15);
    private Plan plan = null!;
    private Council council = null!;

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "samples");
        plan = JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(folder, "neighbourhood-lotted-wellbeing-service.json")), DomainJsonContext.Default.Plan)!;
        council = new Council { Code = "E07000243", Name = "Stevenage Borough Council", LocalPostcodeDistricts = ["SG1", "SG2"] };
    }

    [Benchmark]
    public Scorecard ScoreFullPlan() => ScoringEngine.Score(plan, RubricVersions.Current, council, Today);

    [Benchmark]
    public string ScoreAndSerialise() => DomainJson.Serialize(ScoringEngine.Score(plan, RubricVersions.Current, council, Today));
}
