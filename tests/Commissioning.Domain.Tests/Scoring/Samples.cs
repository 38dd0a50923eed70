using System.Text.Json;
using RubricVersions = Commissioning.Domain.Rubrics.Rubrics;

namespace Commissioning.Domain.Tests.Scoring;

/// <summary>The sample plans and council in samples/, as copied next to the tests.</summary>
internal static class Samples
{
    /// <summary>A fixed "today" so sample scorecards never depend on the day the tests run.</summary>
    public static readonly DateOnly Today = new(2026, 1, 15);

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "samples");

    public static IEnumerable<string> PlanNames =>
        Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal);

    // The validating parser is written in parallel; until it lands, samples are read with the plain generated reader.
    public static Plan Plan(string name) =>
        JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(Folder, name + ".json")), DomainJsonContext.Default.Plan)
        ?? throw new InvalidOperationException($"Sample {name} is empty.");

    public static Council Stevenage { get; } =
        JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(Folder, "councils", "E07000243.json")), DomainJsonContext.Default.Council)
        ?? throw new InvalidOperationException("Sample council is empty.");

    public static Scorecard Score(string name) => ScoringEngine.Score(Plan(name), RubricVersions.Current, Stevenage, Today);
}
