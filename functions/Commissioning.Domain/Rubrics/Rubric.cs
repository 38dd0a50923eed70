namespace Commissioning.Domain.Rubrics;

/// <summary>A versioned rubric: criteria, weights, thresholds, alerts and their texts. (Filled in by the scoring work item.)</summary>
public sealed record Rubric
{
    public required string Version { get; init; }
}

public static class Rubrics
{
    public static Rubric Current => throw new NotImplementedException();
}
