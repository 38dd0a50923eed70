using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Commissioning.Functions.Advisor;

/// <summary>
/// What the model must answer: the shape becomes a strict <c>json_schema</c> response format, so a compliant
/// model can only return these members. The answer is still checked against the scorecard before it is used.
/// </summary>
public sealed record AdvisorAnswer
{
    [JsonPropertyName("summary")]
    [Description("One paragraph for the commissioner: how the plan stands and what matters most. Plain English.")]
    public required string Summary { get; init; }

    [JsonPropertyName("advice")]
    [Description("Advice for criteria that are partly met, not met or not evidenced; at most one entry per criterion.")]
    public required IReadOnlyList<CriterionAdvice> Advice { get; init; }
}

public sealed record CriterionAdvice
{
    [JsonPropertyName("criterionId")]
    [Description("The criterion id exactly as in the scorecard data, e.g. L4.")]
    public required string CriterionId { get; init; }

    [JsonPropertyName("advice")]
    [Description("What this commissioner could do next for this criterion, using the plan's own numbers.")]
    public required string Advice { get; init; }
}
