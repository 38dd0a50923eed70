namespace Commissioning.Domain.Scoring;

/// <summary>
/// One criterion being judged: collects the plan values read, the shortfalls found (as advice from the rubric's
/// templates) and the fields missing, then concludes with a status.
/// </summary>
internal sealed class Assessment(CriterionDefinition criterion, Rubric rubric)
{
    private readonly List<Evidence> evidence = new(6);
    private List<string> advice = new(2);
    private List<string>? missing;
    private readonly List<string> partlyMissing = new(2);

    public CriterionDefinition Criterion => criterion;
    public CriterionStatus Status { get; private set; }
    /// <summary>Set only when the share differs from the status's usual share (C1's ladder).</summary>
    public decimal? Share { get; private set; }
    public IReadOnlyList<Evidence> Evidence => evidence;
    public IReadOnlyList<string> MissingFields => (IReadOnlyList<string>?)missing ?? [];
    public string? Recommendation { get; private set; }

    public Assessment Read(string path, string value)
    {
        evidence.Add(new Evidence(path, value));
        return this;
    }

    public Assessment Read(string path, decimal? value) => value is { } v ? Read(path, Wording.Number(v)) : this;
    public Assessment Read(string path, int? value) => value is { } v ? Read(path, Wording.Number(v)) : this;
    public Assessment Read(string path, bool? value) => value is { } v ? Read(path, Wording.Bool(v)) : this;
    public Assessment ReadText(string path, string? value) => value is not null ? Read(path, Wording.Quoted(value)) : this;
    public Assessment Read<T>(string path, T? value) where T : struct, Enum => value is { } v ? Read(path, Wording.Word(v)) : this;

    /// <summary>Reads the total value and the threshold it is compared with (the rules that branch on the threshold).</summary>
    public Assessment ReadThreshold(PlanFacts facts) => Read("$.budget.totalValue", facts.TotalValue).Read("threshold", facts.ThresholdText);

    /// <summary>Adds the rubric's advice for this shortfall, filled with the plan's values.</summary>
    public Assessment Advise(string key, params ReadOnlySpan<(string Name, string Value)> values)
    {
        foreach (var template in criterion.Recommendations)
        {
            if (template.Key == key)
            {
                advice.Add(Wording.Fill(template.Text, values));
                return this;
            }
        }
        throw new InvalidOperationException($"Rubric {rubric.Version} criterion {criterion.Id} has no recommendation '{key}'.");
    }

    /// <summary>Advice written by the engine from rubric texts outside the criterion (e.g. registering the council).</summary>
    public Assessment AdviseText(string text)
    {
        advice.Add(text);
        return this;
    }

    /// <summary>A field the rule would have used; named in the advice when the criterion is judged on part of its evidence.</summary>
    public Assessment Lacks(string path)
    {
        partlyMissing.Add(path);
        return this;
    }

    public bool HasAdvice => advice.Count > 0;

    public Assessment Met() => Conclude(CriterionStatus.Met);
    public Assessment PartlyMet() => Conclude(CriterionStatus.PartlyMet);
    public Assessment NotMet() => Conclude(CriterionStatus.NotMet);
    public Assessment NotApplicable() => Conclude(CriterionStatus.NotApplicable);

    /// <summary>A fractional share of the weight, recorded as partly met (or met / not met at the ends).</summary>
    public Assessment Earn(decimal share)
    {
        Share = share;
        return Conclude(share >= 1m ? CriterionStatus.Met : share <= 0m ? CriterionStatus.NotMet : CriterionStatus.PartlyMet);
    }

    public Assessment NotEvidenced(params ReadOnlySpan<string> paths)
    {
        missing = [.. paths];
        if (paths.Length > 0)
        {
            advice.Insert(0, Wording.Fill(rubric.Texts.NotEvidenced, [("title", criterion.Title), ("fields", Wording.List(missing))]));
        }
        return Conclude(CriterionStatus.NotEvidenced);
    }

    /// <summary>
    /// Concludes with the status every answer to the <paramref name="asked"/> fields gives (see <see cref="MissingAnswers"/>),
    /// from the <paramref name="examples"/> that show it: the evidence and advice they all share (the rest depends on
    /// the answer, not on the plan), each asked field as not given, and whichever the answer.
    /// </summary>
    public Assessment Settle(List<Assessment> examples, HashSet<string> asked, string questions, string result, CriterionStatus status)
    {
        var first = examples[0];
        evidence.AddRange(first.evidence.FindAll(e => !asked.Contains(e.Field) && examples.TrueForAll(o => o.evidence.Contains(e))));
        foreach (var field in asked)
        {
            Read(field, "not given");
        }
        Read("whichever the answer", $"to {questions}, this is {result}");
        // A met or not-applicable result shows no advice, so the request for the fields matters only to a shortfall.
        advice = first.advice.FindAll(text => examples.TrueForAll(o => o.advice.Contains(text)));
        advice.Add(Wording.Fill(rubric.Texts.SettledShortfall,
            [("status", result), ("questions", questions), ("fields", Wording.List([.. first.partlyMissing, .. asked]))]));
        return Conclude(status);
    }

    private Assessment Conclude(CriterionStatus status)
    {
        Status = status;
        if (status is CriterionStatus.Met or CriterionStatus.NotApplicable)
        {
            Recommendation = null;
            return this;
        }
        // The advice stays the rule's own, so a settled result can tell it from the request for missing fields.
        IReadOnlyList<string> texts = advice;
        if (status != CriterionStatus.NotEvidenced && partlyMissing.Count > 0)
        {
            texts = [.. texts, Wording.Fill(rubric.Texts.PartialEvidence, [("fields", Wording.List(partlyMissing))])];
        }
        if (texts.Count == 0)
        {
            throw new InvalidOperationException($"Criterion {criterion.Id} fell short ({status}) without advice: a rule defect.");
        }
        Recommendation = string.Join(" ", texts);
        return this;
    }
}
