
namespace Commissioning.Domain.Notices;

/// <summary>
/// Totals a scorecard again from its criteria after the notice lens has changed some of them, by the rubric's
/// mechanics (rubric.md; decision 0004): dimension = round(100 × points ÷ applicable weight), overall = rounded mean
/// of the dimensions with applicable weight, gains on unrounded scores. A test holds it to the engine's own totals.
/// </summary>
internal static class ScorecardRecount
{
    public static Scorecard Recount(Scorecard card, Rubric rubric)
    {
        var applicable = card.Dimensions.Select(d => d.Criteria.Where(Applies).Sum(c => (decimal)c.Weight)).ToArray();
        var scores = card.Dimensions.Select((d, i) => applicable[i] == 0 ? 100 : Round(100m * d.Criteria.Where(Applies).Sum(c => c.Points) / applicable[i])).ToArray();
        var included = applicable.Count(a => a > 0);
        var overall = included == 0 ? 100 : Round((decimal)scores.Where((_, i) => applicable[i] > 0).Sum() / included);

        var dimensions = card.Dimensions.Select((d, i) => d with
        {
            Score = scores[i],
            Band = rubric.Bands.For(scores[i]),
            Criteria = [.. d.Criteria.Select(c => c with { Gain = Gain(c, applicable[i], included) })],
        }).ToList();
        var recommendations = dimensions
            .SelectMany((d, di) => d.Criteria.Select((c, ci) => (c, d.Id, di, ci)))
            .Where(x => x.c.Status is not (CriterionStatus.Met or CriterionStatus.NotApplicable) && x.c.Recommendation is not null)
            .OrderByDescending(x => x.c.Gain).ThenBy(x => x.di).ThenBy(x => x.ci)
            .Select(x => new Recommendation(x.c.Id, x.Id, x.c.Title, x.c.Status, x.c.Gain, x.c.Recommendation!))
            .ToList();
        return card with
        {
            Overall = new OverallScore(overall, rubric.Bands.For(overall)),
            Dimensions = dimensions,
            Recommendations = recommendations,
            Principles = [.. rubric.Principles.Select(p => Principle(p, dimensions, rubric))],
            MissingFields = [.. dimensions.SelectMany(d => d.Criteria).SelectMany(c => c.MissingFields).Distinct().Order(StringComparer.Ordinal)],
        };
    }

    private static bool Applies(CriterionResult criterion) => criterion.Status != CriterionStatus.NotApplicable;

    private static decimal Gain(CriterionResult criterion, decimal applicable, int included) =>
        criterion.Status is CriterionStatus.Met or CriterionStatus.NotApplicable || applicable == 0
            ? 0m
            : Plain(Math.Round(100m * (criterion.Weight - criterion.Points) / applicable / included, 1, MidpointRounding.AwayFromZero));

    private static PrincipleSummary Principle(Principle principle, List<DimensionScore> dimensions, Rubric rubric)
    {
        var serving = dimensions.SelectMany(d => d.Criteria).Where(c => Applies(c) && c.Principles.Contains(principle.Number)).ToList();
        var weight = serving.Sum(c => (decimal)c.Weight);
        var score = weight == 0 ? 100 : Round(100m * serving.Sum(c => c.Points) / weight);
        return new PrincipleSummary(principle.Number, principle.Title, score, rubric.Bands.For(score));
    }

    private static int Round(decimal value) => (int)Math.Round(value, 0, MidpointRounding.AwayFromZero);

    private static decimal Plain(decimal value) => value / 1.000000000000000000000000000000000m;
}
