using Commissioning.Domain.Plans;
using System.Text;

namespace Commissioning.Functions.Guidance;

public sealed partial record GuidancePage
{
    /// <summary>Describes one scored plan version in the commissioner's words, ready for the guidance templates.</summary>
    public static GuidancePage From(Plan plan, Scorecard scorecard, int version, GuidanceLinks links, GuidanceNarrative? narrative)
    {
        var criteria = new Dictionary<string, CriterionResult>(StringComparer.Ordinal);
        var dimensionTitles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dimension in scorecard.Dimensions)
        {
            dimensionTitles.TryAdd(dimension.Id, dimension.Title);
            foreach (var criterion in dimension.Criteria)
            {
                criteria.TryAdd(criterion.Id, criterion);
            }
        }

        var principleTitles = scorecard.Principles
            .GroupBy(p => p.Number)
            .ToDictionary(g => g.Key, g => g.First().Title);

        var recommendations = scorecard.Recommendations
            .OrderByDescending(r => r.Gain)
            .Select((r, index) => DescribeRecommendation(r, index + 1, criteria, dimensionTitles, principleTitles))
            .ToList();
        var anchors = recommendations
            .GroupBy(r => r.CriterionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Anchor, StringComparer.Ordinal);

        return new GuidancePage
        {
            Title = plan.Title,
            Reference = plan.Reference,
            CouncilName = string.IsNullOrWhiteSpace(plan.Council.Name) ? plan.Council.Code : plan.Council.Name,
            CouncilCode = plan.Council.Code,
            Version = version,
            RubricVersion = scorecard.RubricVersion,
            ScoredFor = GuidanceWording.Date(scorecard.ScoredFor),
            Overall = new ScoreSummary(
                scorecard.Overall.Score,
                GuidanceWording.BandKey(scorecard.Overall.Band),
                GuidanceWording.Band(scorecard.Overall.Band)),
            Dimensions = scorecard.Dimensions
                .Select(d => new DimensionSummary(d.Id, d.Title, d.Score, GuidanceWording.BandKey(d.Band), GuidanceWording.Band(d.Band)))
                .ToList(),
            Facts = DescribePlan(plan),
            CommissionerNote = string.IsNullOrWhiteSpace(plan.Narrative) ? null : plan.Narrative,
            Alerts = scorecard.Alerts.Select(a => new AlertItem(a.Id, a.Title, a.Message, a.Basis)).ToList(),
            Recommendations = recommendations,
            Shortfalls = scorecard.Dimensions.Select(d => DescribeShortfall(d, anchors)).ToList(),
            Strengths = scorecard.Dimensions
                .SelectMany(d => d.Criteria
                    .Where(c => c.Status == CriterionStatus.Met)
                    .Select(c => new StrengthItem(
                        c.Id,
                        c.Title,
                        d.Title,
                        $"{GuidanceWording.Number(c.Points)} of {c.Weight}",
                        DescribeEvidence(c.Evidence),
                        DescribePrinciples(c.Principles, principleTitles))))
                .ToList(),
            StrongPrinciples = scorecard.Principles
                .Where(p => p.Band == Band.Green)
                .OrderByDescending(p => p.Score).ThenBy(p => p.Number)
                .Select(DescribePrinciple)
                .ToList(),
            WeakPrinciples = scorecard.Principles
                .Where(p => p.Band != Band.Green)
                .OrderBy(p => p.Score).ThenBy(p => p.Number)
                .Select(DescribePrinciple)
                .ToList(),
            FieldsToAdd = DescribeFieldsToAdd(scorecard),
            Notes = scorecard.Notes,
            Narrative = DescribeNarrative(narrative, recommendations, criteria),
            Links = links,
        };
    }

    private static RecommendationItem DescribeRecommendation(
        Recommendation recommendation,
        int rank,
        Dictionary<string, CriterionResult> criteria,
        Dictionary<string, string> dimensionTitles,
        Dictionary<int, string> principleTitles)
    {
        criteria.TryGetValue(recommendation.CriterionId, out var criterion);
        return new RecommendationItem
        {
            Rank = rank,
            Anchor = Anchor(recommendation.CriterionId),
            CriterionId = recommendation.CriterionId,
            CriterionTitle = recommendation.Title,
            DimensionTitle = dimensionTitles.GetValueOrDefault(recommendation.Dimension, recommendation.Dimension),
            Status = GuidanceWording.StatusKey(recommendation.Status),
            StatusWords = GuidanceWording.Status(recommendation.Status),
            GainWords = GuidanceWording.Gain(recommendation.Gain),
            Text = recommendation.Text,
            Rule = criterion?.Rule ?? string.Empty,
            BasisWords = criterion is null ? string.Empty : GuidanceWording.Basis(criterion.Basis.Kind),
            BasisText = criterion is null || SaysTheSame(criterion.Basis.Text, GuidanceWording.Basis(criterion.Basis.Kind))
                ? string.Empty
                : criterion.Basis.Text,
            Evidence = criterion is null ? [] : DescribeEvidence(criterion.Evidence),
            MissingFields = criterion?.MissingFields ?? [],
            PrinciplesWords = criterion is null ? string.Empty : DescribePrinciples(criterion.Principles, principleTitles),
        };
    }

    private static DimensionShortfall DescribeShortfall(DimensionScore dimension, Dictionary<string, string> anchors) => new(
        dimension.Id,
        dimension.Title,
        dimension.Score,
        GuidanceWording.Band(dimension.Band),
        dimension.Criteria
            .Where(c => c.Status is not (CriterionStatus.Met or CriterionStatus.NotApplicable))
            .OrderByDescending(c => c.Weight - c.Points)
            .Select(c => new ShortfallItem(
                c.Id,
                c.Title,
                GuidanceWording.StatusKey(c.Status),
                GuidanceWording.Status(c.Status),
                $"{GuidanceWording.Number(c.Points)} of {c.Weight}",
                GuidanceWording.Number(c.Weight - c.Points),
                anchors.GetValueOrDefault(c.Id)))
            .ToList());

    private static PrincipleItem DescribePrinciple(PrincipleSummary principle) =>
        new(principle.Number, principle.Title, principle.Score, GuidanceWording.Band(principle.Band));

    private static List<EvidenceItem> DescribeEvidence(IReadOnlyList<Evidence> evidence) =>
        evidence.Select(e => new EvidenceItem(e.Field, GuidanceWording.EvidenceValue(e.Field, e.Value))).ToList();

    private static string DescribePrinciples(IReadOnlyList<int> numbers, Dictionary<int, string> titles) =>
        string.Join("; ", numbers.Select(n => titles.TryGetValue(n, out var title) ? $"{n} {title}" : n.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Every field the scorecard asks for, with the criteria it would let the rubric score.</summary>
    private static List<FieldToAdd> DescribeFieldsToAdd(Scorecard scorecard)
    {
        var fields = new List<string>(scorecard.MissingFields);
        var needers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var criterion in scorecard.Dimensions.SelectMany(d => d.Criteria))
        {
            foreach (var field in criterion.MissingFields)
            {
                if (!needers.TryGetValue(field, out var list))
                {
                    needers[field] = list = [];
                    if (!fields.Contains(field, StringComparer.Ordinal))
                    {
                        fields.Add(field);
                    }
                }

                list.Add($"{criterion.Id} {criterion.Title}");
            }
        }

        return fields
            .Distinct(StringComparer.Ordinal)
            .Select(f => new FieldToAdd(f, needers.TryGetValue(f, out var list) ? string.Join("; ", list) : "—"))
            .ToList();
    }

    private static NarrativeSection DescribeNarrative(
        GuidanceNarrative? narrative,
        List<RecommendationItem> recommendations,
        Dictionary<string, CriterionResult> criteria)
    {
        if (narrative is null)
        {
            return new NarrativeSection
            {
                UsesModel = false,
                SourceWords = "No language model was used: this guidance is the deterministic text, written from the scorecard alone.",
                Advice = [],
            };
        }

        var usesModel = !string.Equals(narrative.Source, GuidanceNarrative.Deterministic, StringComparison.OrdinalIgnoreCase);
        var order = recommendations.Select(r => r.CriterionId)
            .Concat(narrative.AdviceByCriterion.Keys.Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal);
        var advice = order
            .Where(id => narrative.AdviceByCriterion.TryGetValue(id, out var text) && !string.IsNullOrWhiteSpace(text))
            .Select(id => new AdviceItem(id, criteria.TryGetValue(id, out var c) ? c.Title : string.Empty, narrative.AdviceByCriterion[id]))
            .ToList();

        return new NarrativeSection
        {
            UsesModel = usesModel,
            SourceWords = usesModel
                ? $"Written with the help of a language model (source: {narrative.Source}), from the scorecard alone. It does not change any status, score or alert; the sections above are the record."
                : narrative.FallbackReason is { Length: > 0 } reason
                    ? $"The deterministic text is used because the language model's answer could not be used ({reason}). No language model contributed to this guidance."
                    : "The deterministic text is used: no language model contributed to this guidance.",
            Summary = string.IsNullOrWhiteSpace(narrative.Summary) ? null : narrative.Summary,
            Advice = advice,
        };
    }

    private static List<PlanFact> DescribePlan(Plan plan)
    {
        var facts = new List<PlanFact>();
        void Add(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                facts.Add(new PlanFact(label, value));
            }
        }

        Add("Commissioner", JoinPresent(", ", plan.Commissioner?.Name, plan.Commissioner?.Team));
        Add("Service", plan.Service?.Category is { } category ? GuidanceWording.Words(category) : null);
        Add("Description", plan.Service?.Description);

        var budget = plan.Budget;
        Add("Total value", budget?.TotalValue is { } total ? GuidanceWording.Money(total) + " including VAT, whole term" : null);
        Add("Term", DescribeTerm(budget));
        Add("Funding", budget?.FundingModel is { } model ? GuidanceWording.FundingModel(model) : null);
        Add("Largest single award", budget?.MaximumAward is { } award ? GuidanceWording.Money(award) : null);

        var procurement = plan.Procurement;
        Add("Route", procurement?.Route is { } route ? GuidanceWording.Route(route) : null);
        Add("Planned tender date", procurement?.PlannedTenderDate is { } date ? GuidanceWording.Date(date) : null);
        Add("Lots", DescribeLots(procurement?.Lots));
        Add("Neighbourhoods", plan.Service?.Neighbourhoods is { Count: > 0 } places ? string.Join(", ", places) : null);
        Add("Linked services", plan.Service?.LinkedServices is { Count: > 0 } linked ? string.Join(", ", linked) : null);
        return facts;
    }

    private static string? DescribeTerm(Budget? budget)
    {
        if (budget?.TermMonths is not { } term)
        {
            return null;
        }

        var text = new StringBuilder(GuidanceWording.Months(term));
        if (budget.ExtensionMonths is { } extension && extension > 0)
        {
            text.Append(" plus ").Append(GuidanceWording.Months(extension)).Append(" of extensions (")
                .Append(GuidanceWording.Months(term + extension)).Append(" in all)");
        }

        if (budget.BreakClause is { } breakClause)
        {
            text.Append(breakClause ? ", with a break clause" : ", no break clause");
        }

        return text.ToString();
    }

    private static string? DescribeLots(IReadOnlyList<Lot>? lots)
    {
        if (lots is not { Count: > 0 })
        {
            return null;
        }

        var parts = lots.Select((lot, i) => JoinPresent(
            " ",
            string.IsNullOrWhiteSpace(lot.Name) ? $"Lot {i + 1}" : lot.Name,
            lot.Value is { } value ? GuidanceWording.Money(value) : null));
        return (lots.Count == 1 ? "1 lot: " : $"{lots.Count} lots: ") + string.Join("; ", parts);
    }

    private static string? JoinPresent(string separator, params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return present.Count == 0 ? null : string.Join(separator, present);
    }

    private static bool SaysTheSame(string a, string b) =>
        string.Equals(a.Trim().TrimEnd('.'), b.Trim().TrimEnd('.'), StringComparison.OrdinalIgnoreCase);

    /// <summary>A fragment id made only of letters, digits and hyphens, whatever the criterion id holds.</summary>
    private static string Anchor(string criterionId)
    {
        var builder = new StringBuilder("rec-", criterionId.Length + 4);
        foreach (var c in criterionId)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        return builder.ToString();
    }
}
