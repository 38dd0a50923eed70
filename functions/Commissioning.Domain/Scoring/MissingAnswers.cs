using Commissioning.Domain.Plans;

namespace Commissioning.Domain.Scoring;

/// <summary>
/// A missing answer costs points only when it could change the result (decision 0013). When a rule finds a criterion
/// not evidenced, the plan is scored again with every answer its missing fields could take, and with every answer
/// to the fields those answers bring into question. If each gives the same status, the criterion takes it; if each
/// gives met or not applicable, it is not applicable (nothing the plan could say would cost it a point). Either way
/// the evidence says so. A field is tried only when its answers can be listed: yes or no, the schema's choices, or a
/// number at and either side of every boundary the rules compare it with, so trying them all is a proof. Any other
/// missing field keeps the criterion not evidenced, naming the fields that would decide it.
/// </summary>
internal static class MissingAnswers
{
    /// <summary>A field's question as a commissioner reads it, and the plan completed with each of its answers.</summary>
    private sealed record Question(string Words, Func<PlanFacts, IEnumerable<Plan>> Answers);

    private static readonly Dictionary<string, Question> Questions = new(StringComparer.Ordinal)
    {
        ["$.service.lightTouch"] = new("light-touch service?", f => YesNo(answer => f.Plan with { Service = f.Service with { LightTouch = answer } })),
        ["$.service.healthcareService"] = new("healthcare service?", f => YesNo(answer => f.Plan with { Service = f.Service with { HealthcareService = answer } })),
        ["$.procurement.reservation"] = new("reservation?", f => Enum.GetValues<Reservation>().Select(answer => f.Plan with { Procurement = f.Procurement with { Reservation = answer } })),
        ["$.procurement.tupe.applies"] = new("does TUPE apply?", f => YesNo(answer => f.Plan with
        {
            Procurement = f.Procurement with { Tupe = (f.Procurement.Tupe ?? new Tupe()) with { Applies = answer } },
        })),
        ["$.budget.totalValue"] = new("total value?", f => TotalValues(f).Select(answer => f.Plan with { Budget = f.Budget with { TotalValue = answer } })),
        ["$.budget.termMonths"] = new("term?", f => TermMonths(f).Select(answer => f.Plan with { Budget = f.Budget with { TermMonths = answer } })),
    };

    private static IEnumerable<Plan> YesNo(Func<bool, Plan> answer) => [answer(true), answer(false)];

    /// <summary>
    /// The least and greatest values the schema allows, and a penny either side of and at each amount a rule compares
    /// a total value with: the lots floor (L2), the threshold (L1, L2, P7) and the local size over the plan's years,
    /// alone and for a consortium (L3; with the term unknown too, the extremes decide, as L3 grows with the value).
    /// </summary>
    private static IEnumerable<decimal> TotalValues(PlanFacts f)
    {
        var parameters = f.Parameters;
        var years = f.TotalTermMonths is > 0 and var months ? months / 12m : 1m;
        decimal[] boundaries =
        [
            parameters.LotsExpectedAboveValue,
            f.Threshold.Amount,
            parameters.LocalSizeAnnualValue * years,
            parameters.LocalSizeAnnualValue * parameters.ConsortiumSizeMultiple * years,
        ];
        return boundaries.SelectMany(b => new[] { b - 0.01m, b, b + 0.01m }).Prepend(0m).Append(PlanShape.MaxMoney).Distinct();
    }

    /// <summary>
    /// The shortest and longest terms the schema allows, and a month either side of and at each length a rule compares
    /// a term with extensions against: the bands of P5, and the terms over which the plan's value or a lot's value is
    /// the local size a year, alone and for a consortium (L3).
    /// </summary>
    private static IEnumerable<int> TermMonths(PlanFacts f)
    {
        var parameters = f.Parameters;
        var local = parameters.LocalSizeAnnualValue;
        var amounts = (f.Procurement.Lots ?? []).Select(l => l.Value).Append(f.TotalValue).OfType<decimal>();
        IEnumerable<decimal> boundaries =
        [
            parameters.TermPartlyFromMonths, parameters.TermMetFromMonths, parameters.TermMetToMonths,
            .. amounts.SelectMany(amount => new[] { 12m * amount / local, 12m * amount / (local * parameters.ConsortiumSizeMultiple) }),
        ];
        var extension = f.Budget.ExtensionMonths ?? 0;
        return boundaries
            .Select(b => (int)Math.Min(Math.Ceiling(b), PlanShape.MaxMonths + extension + 1))
            .SelectMany(b => new[] { b - 1, b, b + 1 })
            .Select(total => total - extension)
            .Append(1).Append(PlanShape.MaxMonths)
            .Where(term => term is >= 1 and <= PlanShape.MaxMonths)
            .Order()
            .Distinct();
    }

    public static Assessment Settle(Assessment assessment, CriterionRule rule, PlanFacts facts)
    {
        if (assessment.Status != CriterionStatus.NotEvidenced)
        {
            return assessment;
        }
        var asked = new List<string>(2);
        var outcomes = new List<Assessment>(16);
        if (!TryEveryAnswer(assessment, rule, facts, [], asked, outcomes))
        {
            return assessment;
        }
        var status = outcomes[0].Status;
        var metWhereItApplies = false;
        foreach (var outcome in outcomes)
        {
            if (outcome.Status == status)
            {
                continue;
            }
            if (outcome.Status is not (CriterionStatus.Met or CriterionStatus.NotApplicable) || status is not (CriterionStatus.Met or CriterionStatus.NotApplicable))
            {
                return assessment;
            }
            status = CriterionStatus.NotApplicable;
            metWhereItApplies = true;
        }
        var shown = metWhereItApplies ? CriterionStatus.Met : status;
        var questions = Wording.List(asked.ConvertAll(field => Wording.Quoted(Questions[field].Words)));
        var result = metWhereItApplies ? "met wherever it applies, so it is not counted" : Wording.StatusWords(status);
        return new Assessment(assessment.Criterion, facts.Rubric).Settle(outcomes.FindAll(o => o.Status == shown), asked, questions, result, status);
    }

    /// <summary>
    /// Scores the criterion with every answer to the fields it lacks (and to those the answers bring into question);
    /// false as soon as one of them has no listed answers, or is asked again on the same path.
    /// </summary>
    private static bool TryEveryAnswer(Assessment notEvidenced, CriterionRule rule, PlanFacts facts, string[] answered,
        List<string> asked, List<Assessment> outcomes)
    {
        if (notEvidenced.MissingFields.Count == 0)
        {
            return false;
        }
        IEnumerable<PlanFacts> completions = [facts];
        foreach (var field in notEvidenced.MissingFields)
        {
            if (answered.Contains(field) || !Questions.TryGetValue(field, out var question))
            {
                return false;
            }
            if (!asked.Contains(field))
            {
                asked.Add(field);
            }
            completions = completions.SelectMany(f => question.Answers(f).Select(f.With));
        }
        string[] nowAnswered = [.. answered, .. notEvidenced.MissingFields];
        foreach (var completed in completions)
        {
            var outcome = rule(new Assessment(notEvidenced.Criterion, facts.Rubric), completed);
            if (outcome.Status != CriterionStatus.NotEvidenced)
            {
                outcomes.Add(outcome);
            }
            else if (!TryEveryAnswer(outcome, rule, completed, nowAnswered, asked, outcomes))
            {
                return false;
            }
        }
        return true;
    }
}
