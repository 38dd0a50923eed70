using System.Globalization;
using System.Text;
using Commissioning.Functions.Guidance;

namespace Commissioning.Functions.Advisor;

/// <summary>
/// The narrative written from the scorecard alone: used when no model is configured and whenever the model's answer
/// cannot be used. It restates only what the scorecard says, so it always passes <see cref="NarrativeCheck"/>.
/// </summary>
public static class DeterministicNarrative
{
    private const int BiggestGainsShown = 3;

    public static GuidanceNarrative From(Scorecard scorecard, AdvisorFallbackReason reason) =>
        new(NarrativeSources.Deterministic, Summary(scorecard), AdviceByCriterion(scorecard), reason.ForReader);

    public static string Summary(Scorecard scorecard)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"Overall this plan scores {scorecard.Overall.Score} out of 100, which is {Word(scorecard.Overall.Band)}.");

        if (scorecard.Dimensions.Count > 0)
        {
            var parts = scorecard.Dimensions
                .Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Title} scores {d.Score} out of 100 ({Word(d.Band)})"))
                .ToList();
            text.Append(' ').Append(JoinAsList(parts)).Append('.');
        }

        text.Append(' ').Append(scorecard.Alerts.Count switch
        {
            0 => "There are no compliance alerts.",
            1 => "There is 1 compliance alert: check it with your procurement/legal team before going further.",
            var n => $"There are {n} compliance alerts: check them with your procurement/legal team before going further.",
        });

        var gains = CriteriaToImprove(scorecard).Where(c => c.Gain > 0).Take(BiggestGainsShown).ToList();
        if (gains.Count > 0)
        {
            var parts = gains.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Title} ({c.Id}, up to {c.Gain:0.#} points)")).ToList();
            text.Append(" The biggest improvements available: ").Append(JoinAsList(parts)).Append('.');
        }
        else if (!CriteriaToImprove(scorecard).Any())
        {
            text.Append(" Every criterion that applies is met.");
        }

        return text.ToString();
    }

    /// <summary>Each criterion not fully met, with its own recommendation (or the fields it needs to be scored).</summary>
    public static IReadOnlyDictionary<string, string> AdviceByCriterion(Scorecard scorecard)
    {
        var fromList = scorecard.Recommendations
            .GroupBy(r => r.CriterionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Text, StringComparer.Ordinal);

        var advice = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var criterion in CriteriaToImprove(scorecard))
        {
            advice[criterion.Id] = criterion.Recommendation
                ?? fromList.GetValueOrDefault(criterion.Id)
                ?? (criterion.MissingFields.Count > 0
                    ? $"Add {JoinAsList(criterion.MissingFields)} so this criterion can be scored."
                    : $"See the rule: {criterion.Rule}");
        }

        return advice;
    }

    /// <summary>Criteria partly met, not met or not evidenced: those with the biggest gain first, then by id.</summary>
    public static IEnumerable<CriterionResult> CriteriaToImprove(Scorecard scorecard) =>
        scorecard.Dimensions
            .SelectMany(d => d.Criteria)
            .Where(c => NarrativeCheck.IsNotFullyMet(c.Status))
            .OrderByDescending(c => c.Gain)
            .ThenBy(c => c.Id, StringComparer.Ordinal);

    internal static string Word(Band band) => band switch
    {
        Band.Green => "green",
        Band.Amber => "amber",
        _ => "red",
    };

    internal static string JoinAsList(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => string.Empty,
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
    };
}
