namespace Commissioning.Domain.Scoring;

/// <summary>
/// Turns a plan into an explainable scorecard. Pure and deterministic: no clock (the caller passes today's date),
/// no I/O; the same plan, rubric and council always give a byte-identical scorecard.
/// </summary>
public static class ScoringEngine
{
    public static Scorecard Score(Plan plan, Rubric rubric, Council? council, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rubric);
        var facts = new PlanFacts(plan, rubric, council, today);
        var notes = new List<string>(3);

        // 1. Judge every criterion and total each dimension.
        var tallies = new DimensionTally[rubric.Dimensions.Count];
        for (var d = 0; d < tallies.Length; d++)
        {
            var definition = rubric.Dimensions[d];
            var assessments = new Assessment[definition.Criteria.Count];
            var points = new decimal[assessments.Length];
            decimal earned = 0, applicable = 0;
            for (var c = 0; c < assessments.Length; c++)
            {
                var assessment = CriterionRules.Assess(definition.Criteria[c], facts);
                assessments[c] = assessment;
                if (assessment.Status != CriterionStatus.NotApplicable)
                {
                    points[c] = Points(assessment, rubric);
                    earned += points[c];
                    applicable += assessment.Criterion.Weight;
                }
            }
            tallies[d] = new DimensionTally(definition, assessments, points, earned, applicable);
        }

        // 2. Scores: a dimension is 100 × earned ÷ applicable; the overall score is the mean of the dimensions shown.
        var included = tallies.Count(t => t.Applicable > 0);
        var overallOfShown = 0;
        foreach (var tally in tallies)
        {
            if (tally.Applicable > 0)
            {
                overallOfShown += tally.Score;
            }
            else
            {
                notes.Add(Wording.Fill(rubric.Texts.DimensionWithoutApplicableCriteriaNote, [("dimension", tally.Definition.Title)]));
            }
        }
        var overall = included == 0 ? 100 : Round((decimal)overallOfShown / included);

        // 3. Results with the gain each shortfall would bring to the overall score, and the recommendations in gain order.
        var dimensions = new DimensionScore[tallies.Length];
        var recommendations = new List<(Recommendation Recommendation, int Dimension, int Criterion)>();
        var missingFields = new SortedSet<string>(StringComparer.Ordinal);
        for (var d = 0; d < tallies.Length; d++)
        {
            var tally = tallies[d];
            var results = new CriterionResult[tally.Assessments.Length];
            for (var c = 0; c < results.Length; c++)
            {
                var a = tally.Assessments[c];
                var points = tally.Points[c];
                var gain = 0m;
                if (a.Status is not (CriterionStatus.Met or CriterionStatus.NotApplicable))
                {
                    var lost = a.Criterion.Weight - points;
                    gain = Tidy(Math.Round(100m * lost / tally.Applicable / included, 1, MidpointRounding.AwayFromZero));
                    recommendations.Add((new Recommendation(a.Criterion.Id, tally.Definition.Id, a.Criterion.Title, a.Status, gain, a.Recommendation!), d, c));
                }
                missingFields.UnionWith(a.MissingFields);
                results[c] = new CriterionResult
                {
                    Id = a.Criterion.Id,
                    Title = a.Criterion.Title,
                    Status = a.Status,
                    Weight = a.Criterion.Weight,
                    Points = points,
                    Evidence = a.Evidence,
                    Rule = a.Criterion.Rule,
                    Recommendation = a.Recommendation,
                    Gain = gain,
                    Principles = a.Criterion.Principles,
                    Basis = a.Criterion.Basis,
                    MissingFields = a.MissingFields,
                };
            }
            dimensions[d] = new DimensionScore
            {
                Id = tally.Definition.Id,
                Title = tally.Definition.Title,
                Score = tally.Score,
                Band = rubric.Bands.For(tally.Score),
                Criteria = results,
            };
        }
        recommendations.Sort(static (x, y) =>
        {
            var byGain = y.Recommendation.Gain.CompareTo(x.Recommendation.Gain);
            if (byGain != 0)
            {
                return byGain;
            }
            var byDimension = x.Dimension.CompareTo(y.Dimension);
            return byDimension != 0 ? byDimension : x.Criterion.CompareTo(y.Criterion);
        });

        // 4. Context notes: the threshold used and, when the council is unknown, how to register it.
        notes.Insert(0, Wording.Fill(rubric.Texts.ThresholdNote,
        [
            ("thresholdName", facts.Threshold.Name),
            ("threshold", Wording.Money(facts.Threshold.Amount)),
            ("inForce", facts.Threshold.From is { } from ? "in force from " + Wording.Date(from) : "in force until " + Wording.Date(facts.Threshold.Until!.Value)),
            ("dateSource", facts.ThresholdDateIsPlanned ? "the planned tender date" : "the date of scoring, as the plan has no planned tender date"),
            ("date", Wording.Date(facts.ThresholdDate)),
        ]));
        if (facts.LocalDistricts is null)
        {
            notes.Add(Wording.Fill(rubric.Texts.CouncilNotRegisteredNote, [("councilCode", plan.Council.Code)]));
        }

        return new Scorecard
        {
            RubricVersion = rubric.Version,
            CouncilCode = plan.Council.Code,
            Reference = plan.Reference,
            ScoredFor = facts.ThresholdDate,
            Overall = new OverallScore(overall, rubric.Bands.For(overall)),
            Dimensions = dimensions,
            Alerts = AlertRules.Raise(facts),
            MissingFields = [.. missingFields],
            Recommendations = recommendations.ConvertAll(r => r.Recommendation),
            Principles = SummarisePrinciples(rubric, tallies),
            Notes = notes,
        };
    }

    private static decimal Points(Assessment assessment, Rubric rubric)
    {
        var share = assessment.Share ?? assessment.Status switch
        {
            CriterionStatus.Met => rubric.Shares.Met,
            CriterionStatus.PartlyMet => rubric.Shares.PartlyMet,
            _ => 0m,
        };
        return Tidy(assessment.Criterion.Weight * share);
    }

    /// <summary>Drops trailing zeros (15.00 → 15, 7.50 → 7.5) so a number is always written the same way.</summary>
    private static decimal Tidy(decimal value)
    {
        while (value.Scale > 0 && decimal.Round(value, value.Scale - 1) == value)
        {
            value = decimal.Round(value, value.Scale - 1);
        }
        return value;
    }

    private static int Round(decimal value) => (int)Math.Round(value, 0, MidpointRounding.AwayFromZero);

    private static PrincipleSummary[] SummarisePrinciples(Rubric rubric, DimensionTally[] tallies)
    {
        var count = rubric.Principles.Count;
        // stackalloc starts at zero.
        Span<decimal> earned = stackalloc decimal[count];
        Span<decimal> applicable = stackalloc decimal[count];
        foreach (var tally in tallies)
        {
            for (var c = 0; c < tally.Assessments.Length; c++)
            {
                var a = tally.Assessments[c];
                if (a.Status == CriterionStatus.NotApplicable)
                {
                    continue;
                }
                foreach (var number in a.Criterion.Principles)
                {
                    for (var i = 0; i < count; i++)
                    {
                        if (rubric.Principles[i].Number == number)
                        {
                            earned[i] += tally.Points[c];
                            applicable[i] += a.Criterion.Weight;
                        }
                    }
                }
            }
        }
        var summaries = new PrincipleSummary[count];
        for (var i = 0; i < count; i++)
        {
            var principle = rubric.Principles[i];
            var score = applicable[i] == 0 ? 100 : Round(100m * earned[i] / applicable[i]);
            summaries[i] = new PrincipleSummary(principle.Number, principle.Title, score, rubric.Bands.For(score));
        }
        return summaries;
    }

    private sealed class DimensionTally(DimensionDefinition definition, Assessment[] assessments, decimal[] points, decimal earned, decimal applicable)
    {
        public DimensionDefinition Definition => definition;
        public Assessment[] Assessments => assessments;
        /// <summary>Points each criterion earned (0 when not applicable).</summary>
        public decimal[] Points => points;
        public decimal Applicable => applicable;
        /// <summary>100 × earned ÷ applicable, rounded (100 when nothing applies: nothing asked was left undone).</summary>
        public int Score { get; } = applicable == 0 ? 100 : Round(100m * earned / applicable);
    }
}
