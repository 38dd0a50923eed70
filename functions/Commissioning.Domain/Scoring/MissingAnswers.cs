namespace Commissioning.Domain.Scoring;

/// <summary>
/// A missing answer costs points only when it could change the result (decision 0013). When a rule finds a criterion
/// not evidenced, the plan is scored again with every answer its missing fields could take, and with every answer
/// to the fields those answers bring into question. If each gives the same status, the criterion takes it; if each
/// gives met or not applicable, it is not applicable (nothing the plan could say would cost it a point). Either way
/// the evidence says so. A field is tried only when its answers can be listed: yes or no, the schema's choices, or a
/// number whose every answer behaves like one of a few (see <see cref="TotalValues"/>, <see cref="TermMonths"/>), so
/// trying them all is a proof. Any other missing field keeps the criterion not evidenced, naming the fields that
/// would decide it.
/// </summary>
internal static class MissingAnswers
{
    /// <summary>A field's question as a commissioner reads it, and the plan completed with each of its answers.</summary>
    private sealed record Question(string Words, Func<PlanFacts, IEnumerable<Plan>> Answers);

    /// <summary>
    /// The least and greatest total values the schema allows. Every rule that asks for one (L1, L2, L3, P7) compares it
    /// in one direction only, against the threshold, the lots floor or the local size, so each status it can give
    /// for some value it gives for nothing or for the most.
    /// </summary>
    private static readonly decimal[] TotalValues = [0m, PlanShape.MaxMoney];

    private static readonly Dictionary<string, Question> Questions = new(StringComparer.Ordinal)
    {
        ["$.service.lightTouch"] = new("light-touch service?", f => YesNo(answer => f.Plan with { Service = f.Service with { LightTouch = answer } })),
        ["$.service.healthcareService"] = new("healthcare service?", f => YesNo(answer => f.Plan with { Service = f.Service with { HealthcareService = answer } })),
        ["$.procurement.reservation"] = new("reservation?", f => Enum.GetValues<Reservation>().Select(answer => f.Plan with { Procurement = f.Procurement with { Reservation = answer } })),
        ["$.procurement.tupe.applies"] = new("does TUPE apply?", f => YesNo(answer => f.Plan with
        {
            Procurement = f.Procurement with { Tupe = (f.Procurement.Tupe ?? new Tupe()) with { Applies = answer } },
        })),
        ["$.budget.totalValue"] = new("total value?", f => TotalValues.Select(answer => f.Plan with { Budget = f.Budget with { TotalValue = answer } })),
        ["$.budget.termMonths"] = new("term?", f => TermMonths(f).Select(answer => f.Plan with { Budget = f.Budget with { TermMonths = answer } })),
    };

    private static IEnumerable<Plan> YesNo(Func<bool, Plan> answer) => [answer(true), answer(false)];

    /// <summary>
    /// The shortest and longest terms the schema allows, and the term that makes the whole length P5's shortest good
    /// one. L3 sizes a contract by its length in one direction only; P5's bands run not met, partly met, met (with a
    /// break clause), partly met, so the only status it can give between the two ends and not at them is met, from
    /// that length on.
    /// </summary>
    private static IEnumerable<int> TermMonths(PlanFacts f) =>
        new[] { 1, f.Parameters.TermMetFromMonths - (f.Budget.ExtensionMonths ?? 0), PlanShape.MaxMonths }.Where(term => term >= 1);

    public static Assessment Settle(Assessment assessment, CriterionRule rule, PlanFacts facts)
    {
        if (assessment.Status != CriterionStatus.NotEvidenced)
        {
            return assessment;
        }
        var asked = new HashSet<string>(StringComparer.Ordinal);
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
        var questions = Wording.List([.. asked.Select(field => Wording.Quoted(Questions[field].Words))]);
        var result = metWhereItApplies ? "met wherever it applies, so it is not counted" : Wording.StatusWords(status);
        return new Assessment(assessment.Criterion, facts.Rubric).Settle(outcomes.FindAll(o => o.Status == shown), asked, questions, result, status);
    }

    /// <summary>
    /// Scores the criterion with every answer to the fields it lacks (and to those the answers bring into question);
    /// false as soon as one of them has no listed answers, or is asked again on the same path.
    /// </summary>
    private static bool TryEveryAnswer(Assessment notEvidenced, CriterionRule rule, PlanFacts facts, string[] answered,
        HashSet<string> asked, List<Assessment> outcomes)
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
            asked.Add(field);
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
