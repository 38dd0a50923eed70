using Commissioning.Domain.Plans;
using Commissioning.Domain.Scoring;
using static Commissioning.Domain.Scoring.CriterionStatus;

namespace Commissioning.Domain.Tests.Scoring;

public class CoDesignWordingTests
{
    private static readonly Dictionary<string, (string Id, Plan Plan)> Cases = new()
    {
        ["consultation"] = ("C1", TestPlans.Procured().ChangeCoDesign(c => c with { InvolvementLevel = InvolvementLevel.Consultation })),
        ["informing"] = ("C1", TestPlans.Procured().ChangeCoDesign(c => c with { InvolvementLevel = InvolvementLevel.Informing })),
        ["no activities"] = ("C2", TestPlans.Procured().ChangeCoDesign(c => c with { Activities = [] })),
        ["one activity"] = ("C2", TestPlans.Procured().ChangeCoDesign(c => c with { Activities = [new CoDesignActivity { Stage = CycleStage.Monitoring }] })),
        ["two stages"] = ("C2", TestPlans.Procured().ChangeCoDesign(c => c with { Activities = [new CoDesignActivity { Stage = CycleStage.Needs }, new CoDesignActivity { Stage = CycleStage.Evaluation }, new CoDesignActivity()] })),
        ["untrained without conflicts declared"] = ("C3", TestPlans.Procured().ChangeCoDesign(c => c with { EvaluationPanel = new EvaluationPanel { ResidentsScore = true } })),
        ["advising"] = ("C3", TestPlans.Procured().ChangeCoDesign(c => c with { EvaluationPanel = new EvaluationPanel { ResidentsScore = false, Trained = true } })),
        ["no resident role"] = ("C3", TestPlans.Procured().ChangeCoDesign(c => c with { EvaluationPanel = new EvaluationPanel() })),
        ["consultation considered"] = ("C4", TestPlans.Procured().ChangeCoDesign(c => c with { SocialValueConsultation = SocialValueConsultation.Considered })),
        ["consultation not considered"] = ("C4", TestPlans.Procured().ChangeCoDesign(c => c with { SocialValueConsultation = SocialValueConsultation.NotConsidered })),
        ["some money"] = ("C5", TestPlans.Procured().ChangeBudget(b => b with { CommunityControlledPercent = 2.5m })),
        ["no money"] = ("C5", TestPlans.Procured().ChangeBudget(b => b with { CommunityControlledPercent = 0 })),
        ["groups without accessible formats"] = ("C6", TestPlans.Procured().ChangeCoDesign(c => c with
        {
            Activities = [new CoDesignActivity { Groups = ["carers", "Young people", " "] }, new CoDesignActivity { Groups = ["CARERS", "older people"], AccessibleFormats = false }],
        })),
        ["two groups without accessible formats"] = ("C6", TestPlans.Procured().ChangeCoDesign(c => c with { Activities = [new CoDesignActivity { Groups = ["carers", "young people"] }] })),
        ["one group"] = ("C6", TestPlans.Procured().ChangeCoDesign(c => c with { Activities = [new CoDesignActivity { Groups = [" carers "], AccessibleFormats = true }] })),
        ["no groups"] = ("C6", TestPlans.Procured().ChangeCoDesign(c => c with { Activities = [new CoDesignActivity { AccessibleFormats = true }] })),
        ["feedback late"] = ("C7", TestPlans.Procured().ChangeCoDesign(c => c with { Feedback = new Feedback { Published = true, WithinWeeks = 12 } })),
        ["feedback without a time frame"] = ("C7", TestPlans.Procured().ChangeCoDesign(c => c with { Feedback = new Feedback { Published = true } })),
        ["feedback planned"] = ("C7", TestPlans.Procured().ChangeCoDesign(c => c with { Feedback = new Feedback { Published = false, WithinWeeks = 4 } })),
        ["no feedback"] = ("C7", TestPlans.Procured().ChangeCoDesign(c => c with { Feedback = new Feedback() })),
        ["review too rare"] = ("C8", TestPlans.Procured().ChangeCoDesign(c => c with { CommunityReviewMonths = 18 })),
        ["outcomes not co-designed"] = ("C8", TestPlans.Procured().ChangeCoDesign(c => c with { OutcomesCoDesigned = false })),
        ["neither"] = ("C8", TestPlans.Procured().ChangeCoDesign(c => c with { OutcomesCoDesigned = null, CommunityReviewMonths = 0 })),
    };

    public static TheoryData<string, CriterionStatus, string?, Evidence[]> Expected => new()
    {
        { "two groups without accessible formats", PartlyMet, "Activities reached 2 group(s) (carers and young people) but none was in accessible formats; offer easy read, interpreters or other accessible formats.",
            [new Evidence("groups named across $.coDesign.activities", "carers, young people"), new Evidence("accessible formats in any activity", "false")] },
        { "consultation", PartlyMet, "Involvement is at the level of consultation; move up the ladder towards co-production, with residents sharing decisions and delivery.", [new Evidence("$.coDesign.involvementLevel", "consultation")] },
        { "informing", NotMet, "Involvement is at the level of informing; move up the ladder towards co-production, with residents sharing decisions and delivery.", [new Evidence("$.coDesign.involvementLevel", "informing")] },
        { "no activities", NotMet, "Involvement covers 0 of the 4 stages; involve residents at needs, specification, evaluation and monitoring too.", [new Evidence("$.coDesign.activities", "0 activities; stages: none")] },
        { "one activity", NotMet, "Involvement covers 1 of the 4 stages (monitoring); involve residents at needs, specification and evaluation too.", [new Evidence("$.coDesign.activities", "1 activity; stages: monitoring")] },
        { "two stages", PartlyMet, "Involvement covers 2 of the 4 stages (needs and evaluation); involve residents at specification and monitoring too.", [new Evidence("$.coDesign.activities", "3 activities; stages: needs, evaluation")] },
        { "untrained without conflicts declared", PartlyMet, "Residents score bids but are not trained; train them before evaluation. Residents score bids but conflicts of interest are not declared; ask every panel member to declare them.", [new Evidence("$.coDesign.evaluationPanel.residentsScore", "true")] },
        { "advising", PartlyMet, "Residents advise the evaluation panel but do not score; give them a scoring role, trained and with conflicts declared.", [new Evidence("$.coDesign.evaluationPanel.residentsScore", "false"), new Evidence("$.coDesign.evaluationPanel.trained", "true")] },
        { "no resident role", NotMet, "Residents have no role in evaluation; put trained residents or people with lived experience on the panel, scoring, with conflicts declared.", [] },
        { "consultation considered", PartlyMet, "Social value consultation has been considered but not done; ask residents which social value outcomes matter to them before setting the measures.", [new Evidence("$.coDesign.socialValueConsultation", "considered")] },
        { "consultation not considered", NotMet, "Ask residents which social value outcomes matter to them before setting the measures.", [new Evidence("$.coDesign.socialValueConsultation", "not-considered")] },
        { "some money", PartlyMet, "Residents decide 2.5% of the budget; hand at least 5% to them, for example through a participatory budgeting round or a resident grants panel.", [new Evidence("$.budget.communityControlledPercent", "2.5")] },
        { "no money", NotMet, "Residents decide none of the budget; hand at least 5% to them, for example through a participatory budgeting round or a resident grants panel.", [new Evidence("$.budget.communityControlledPercent", "0")] },
        { "groups without accessible formats", PartlyMet, "Activities reached 3 group(s) (carers, Young people and older people) but none was in accessible formats; offer easy read, interpreters or other accessible formats.", [new Evidence("groups named across $.coDesign.activities", "carers, Young people, older people"), new Evidence("accessible formats in any activity", "false")] },
        { "one group", PartlyMet, "Activities reached one group (carers); reach at least 2 of the groups most affected, in accessible formats.", [new Evidence("groups named across $.coDesign.activities", "carers"), new Evidence("accessible formats in any activity", "true")] },
        { "no groups", NotMet, "No activity names the groups it reached; name and reach at least 2 of the groups most affected, in accessible formats.", [new Evidence("groups named across $.coDesign.activities", "none"), new Evidence("accessible formats in any activity", "true")] },
        { "feedback late", PartlyMet, "Feedback is published after 12 weeks; publish \"you said, we did\" within 8 weeks.", [new Evidence("$.coDesign.feedback.published", "true"), new Evidence("$.coDesign.feedback.withinWeeks", "12")] },
        { "feedback without a time frame", PartlyMet, "Feedback is published without a time frame; publish \"you said, we did\" within 8 weeks.", [new Evidence("$.coDesign.feedback.published", "true")] },
        { "feedback planned", PartlyMet, "Feedback is planned within 4 weeks but not yet published; publish \"you said, we did\" within 8 weeks.", [new Evidence("$.coDesign.feedback.published", "false"), new Evidence("$.coDesign.feedback.withinWeeks", "4")] },
        { "no feedback", NotMet, "Publish \"you said, we did\" feedback within 8 weeks of each activity.", [] },
        { "review too rare", PartlyMet, "Hold a community review at least every 12 months (the plan says every 18 months).", [new Evidence("$.coDesign.outcomesCoDesigned", "true"), new Evidence("$.coDesign.communityReviewMonths", "18")] },
        { "outcomes not co-designed", PartlyMet, "Co-design the outcomes in the contract with the community.", [new Evidence("$.coDesign.outcomesCoDesigned", "false"), new Evidence("$.coDesign.communityReviewMonths", "12")] },
        { "neither", NotMet, "Co-design the outcomes in the contract with the community. Hold a community review at least every 12 months.", [new Evidence("$.coDesign.communityReviewMonths", "0")] },
    };

    /// <summary>Each way a criterion falls short, word for word: the evidence it read and the advice in the plan's own numbers.</summary>
    [Theory]
    [MemberData(nameof(Expected))]
    public void EachShortfallReadsTheEvidenceAndGivesTheAdviceInThePlansOwnNumbers(string name, CriterionStatus status, string? recommendation, Evidence[] evidence)
    {
        var (id, plan) = Cases[name];
        plan.AssertResult(id, status, recommendation, evidence);
    }
}
