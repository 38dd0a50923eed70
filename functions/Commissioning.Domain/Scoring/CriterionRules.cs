namespace Commissioning.Domain.Scoring;

/// <summary>A criterion's rule: reads the plan's facts into the assessment and concludes it with a status.</summary>
internal delegate Assessment CriterionRule(Assessment assessment, PlanFacts facts);

/// <summary>
/// Finds the rule behind each criterion id in the three dimension tables (<see cref="LocalByDefaultRules"/>,
/// <see cref="ProportionateFundingRules"/>, <see cref="CoDesignRules"/>). Every number a rule compares against comes
/// from <see cref="RuleParameters"/>, every text from the rubric; why each rule reads as it does is in
/// <c>docs/rubric.md</c> and <c>docs/decisions/0004-rubric-readings.md</c>.
/// </summary>
internal static class CriterionRules
{
    /// <summary>Every criterion id this engine has a rule for.</summary>
    public static IReadOnlyDictionary<string, CriterionRule> ById { get; } = new[] { LocalByDefaultRules.ById, ProportionateFundingRules.ById, CoDesignRules.ById }
        .SelectMany(table => table)
        .ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal);

    /// <summary>Judges one criterion; when the rule finds it not evidenced, <see cref="MissingAnswers"/> asks whether any answer could matter.</summary>
    public static Assessment Assess(CriterionDefinition criterion, PlanFacts facts) =>
        ById.TryGetValue(criterion.Id, out var rule)
            ? MissingAnswers.Settle(rule(new Assessment(criterion, facts.Rubric), facts), rule, facts)
            : throw new InvalidOperationException($"Rubric {facts.Rubric.Version} names criterion {criterion.Id}, which this engine has no rule for.");
}
