namespace Commissioning.Domain.Scoring;

/// <summary>
/// The rules of the "co-design through the whole cycle" dimension (C1–C8), as <c>docs/rubric.md</c> explains them.
/// </summary>
internal static class CoDesignRules
{
    /// <summary>Every criterion id of the dimension, bound to its rule.</summary>
    public static IReadOnlyDictionary<string, CriterionRule> ById { get; } = new Dictionary<string, CriterionRule>(StringComparer.Ordinal)
    {
        ["C1"] = DepthOfInvolvement,
        ["C2"] = InvolvementAcrossTheCycle,
        ["C3"] = ResidentsOnTheEvaluationPanel,
        ["C4"] = SocialValueConsultation,
        ["C5"] = MoneyTheCommunityControls,
        ["C6"] = ReachingThoseMostAffected,
        ["C7"] = FeedbackLoop,
        ["C8"] = CommunityInTheContract,
    };

    private static Assessment DepthOfInvolvement(Assessment a, PlanFacts f)
    {
        if (f.CoDesign.InvolvementLevel is not { } level)
        {
            return a.NotEvidenced("$.coDesign.involvementLevel");
        }
        a.Read("$.coDesign.involvementLevel", Wording.Word(level));
        var share = 0m;
        foreach (var step in f.Parameters.InvolvementLadder)
        {
            if (step.Level == level)
            {
                share = step.Share;
            }
        }
        // The advice shows only when the share falls short of the whole weight.
        return a.Advise("climb", ("level", Wording.Word(level))).Earn(share);
    }

    private static readonly CycleStage[] Stages = Enum.GetValues<CycleStage>();

    private static Assessment InvolvementAcrossTheCycle(Assessment a, PlanFacts f)
    {
        var activities = f.CoDesign.Activities;
        if (activities is null)
        {
            return a.NotEvidenced("$.coDesign.activities");
        }
        var covered = new List<string>(4);
        var missing = new List<string>(4);
        foreach (var stage in Stages)
        {
            (activities.Any(activity => activity.Stage == stage) ? covered : missing).Add(Wording.Word(stage));
        }
        a.Read("$.coDesign.activities", $"{activities.Count} activit{(activities.Count == 1 ? "y" : "ies")}; stages: {(covered.Count == 0 ? "none" : string.Join(", ", covered))}");
        var parameters = f.Parameters;
        if (covered.Count >= parameters.CycleStagesMet)
        {
            return a.Met();
        }
        a.Advise("stages",
            ("stageCount", Wording.Number(covered.Count)),
            ("coveredStages", covered.Count == 0 ? "" : $" ({Wording.List(covered)})"),
            ("missingStages", Wording.List(missing)));
        return covered.Count >= parameters.CycleStagesPartly ? a.PartlyMet() : a.NotMet();
    }

    private static Assessment ResidentsOnTheEvaluationPanel(Assessment a, PlanFacts f)
    {
        if (f.CoDesign.EvaluationPanel is not { } panel)
        {
            return a.NotEvidenced("$.coDesign.evaluationPanel");
        }
        a.Read("$.coDesign.evaluationPanel.residentsScore", panel.ResidentsScore).Read("$.coDesign.evaluationPanel.trained", panel.Trained)
         .Read("$.coDesign.evaluationPanel.conflictsDeclared", panel.ConflictsDeclared);
        if (panel.ResidentsScore == true)
        {
            if (panel.Trained != true)
            {
                a.Advise("untrained");
            }
            if (panel.ConflictsDeclared != true)
            {
                a.Advise("conflicts");
            }
            return a.HasAdvice ? a.PartlyMet() : a.Met();
        }
        return panel.Trained == true ? a.Advise("advise").PartlyMet() : a.Advise("none").NotMet();
    }

    private static Assessment SocialValueConsultation(Assessment a, PlanFacts f)
    {
        if (f.CoDesign.SocialValueConsultation is not { } consultation)
        {
            return a.NotEvidenced("$.coDesign.socialValueConsultation");
        }
        a.Read("$.coDesign.socialValueConsultation", Wording.Word(consultation));
        return consultation switch
        {
            Plans.SocialValueConsultation.Done => a.Met(),
            Plans.SocialValueConsultation.Considered => a.Advise("considered").PartlyMet(),
            _ => a.Advise("not-considered").NotMet(),
        };
    }

    private static Assessment MoneyTheCommunityControls(Assessment a, PlanFacts f)
    {
        var b = f.Budget;
        if (b.FundingModel == FundingModel.ParticipatoryBudget)
        {
            return a.Read("$.budget.fundingModel", b.FundingModel).Met();
        }
        if (b.CommunityControlledPercent is not { } percent)
        {
            return a.NotEvidenced("$.budget.communityControlledPercent");
        }
        a.Read("$.budget.communityControlledPercent", percent);
        var metPercent = f.Parameters.CommunityControlledMetPercent;
        if (percent >= metPercent)
        {
            return a.Met();
        }
        return percent > 0
            ? a.Advise("some", ("percent", Wording.Number(percent)), ("metPercent", Wording.Number(metPercent))).PartlyMet()
            : a.Advise("none", ("metPercent", Wording.Number(metPercent))).NotMet();
    }

    private static Assessment ReachingThoseMostAffected(Assessment a, PlanFacts f)
    {
        var activities = f.CoDesign.Activities;
        if (activities is null)
        {
            return a.NotEvidenced("$.coDesign.activities");
        }
        var groups = new List<string>(4);
        var accessible = activities.Any(activity => activity.AccessibleFormats == true);
        foreach (var activity in activities)
        {
            foreach (var group in activity.Groups ?? [])
            {
                if (PlanFacts.Given(group) && !ContainsIgnoringCase(groups, group.Trim()))
                {
                    groups.Add(group.Trim());
                }
            }
        }
        a.Read("groups named across $.coDesign.activities", groups.Count == 0 ? "none" : string.Join(", ", groups))
         .Read("accessible formats in any activity", accessible);
        var metGroups = f.Parameters.DistinctGroupsMet;
        if (groups.Count >= metGroups && accessible)
        {
            return a.Met();
        }
        if (groups.Count == 0)
        {
            return a.Advise("no-groups", ("metGroups", Wording.Number(metGroups))).NotMet();
        }
        return groups.Count >= metGroups
            ? a.Advise("no-accessible", ("groupCount", Wording.Number(groups.Count)), ("groups", Wording.List(groups))).PartlyMet()
            : a.Advise("one-group", ("groups", Wording.List(groups)), ("metGroups", Wording.Number(metGroups))).PartlyMet();
    }

    private static bool ContainsIgnoringCase(List<string> items, string item)
    {
        foreach (var existing in items)
        {
            if (string.Equals(existing, item, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static Assessment FeedbackLoop(Assessment a, PlanFacts f)
    {
        if (f.CoDesign.Feedback is not { } feedback)
        {
            return a.NotEvidenced("$.coDesign.feedback");
        }
        a.Read("$.coDesign.feedback.published", feedback.Published).Read("$.coDesign.feedback.withinWeeks", feedback.WithinWeeks);
        var metWeeks = f.Parameters.FeedbackWithinWeeks;
        if (feedback.Published == true)
        {
            if (feedback.WithinWeeks <= metWeeks)
            {
                return a.Met();
            }
            var when = feedback.WithinWeeks is { } weeks ? $"after {Wording.Number(weeks)} weeks" : "without a time frame";
            return a.Advise("late", ("when", when), ("metWeeks", Wording.Number(metWeeks))).PartlyMet();
        }
        if (feedback.WithinWeeks is { } planned)
        {
            return a.Advise("planned", ("withinWeeks", Wording.Number(planned)), ("metWeeks", Wording.Number(metWeeks))).PartlyMet();
        }
        return a.Advise("none", ("metWeeks", Wording.Number(metWeeks))).NotMet();
    }

    private static Assessment CommunityInTheContract(Assessment a, PlanFacts f)
    {
        var c = f.CoDesign;
        if (c.OutcomesCoDesigned is null && c.CommunityReviewMonths is null)
        {
            return a.NotEvidenced("$.coDesign.outcomesCoDesigned", "$.coDesign.communityReviewMonths");
        }
        a.Read("$.coDesign.outcomesCoDesigned", c.OutcomesCoDesigned).Read("$.coDesign.communityReviewMonths", c.CommunityReviewMonths);
        var maxMonths = f.Parameters.CommunityReviewMaxMonths;
        var outcomes = c.OutcomesCoDesigned == true;
        var review = c.CommunityReviewMonths is > 0 and var months && months <= maxMonths;
        if (!outcomes)
        {
            a.Advise("no-outcomes");
        }
        if (!review)
        {
            a.Advise("no-review",
                ("reviewMonths", Wording.Number(maxMonths)),
                ("currentReview", c.CommunityReviewMonths is > 0 and var current ? $" (the plan says every {Wording.Number(current)} months)" : ""));
        }
        return (outcomes, review) switch
        {
            (true, true) => a.Met(),
            (false, false) => a.NotMet(),
            _ => a.PartlyMet(),
        };
    }
}
