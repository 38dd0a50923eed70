using Commissioning.Domain.Plans;
using Commissioning.Domain.Scoring;
using static Commissioning.Domain.Scoring.CriterionStatus;

namespace Commissioning.Domain.Tests.Scoring;

public class ProportionateFundingWordingTests
{
    private static readonly Dictionary<string, (string Id, Plan Plan)> Cases = new()
    {
        ["contract without a recorded reason"] = ("P1", TestPlans.Procured().ChangeBudget(b => b with { GrantConsidered = null })),
        ["only a route"] = ("P1", TestPlans.Procured().ChangeBudget(b => b with { FundingModel = null, GrantConsidered = null })),
        ["a contract without a route"] = ("P1", TestPlans.Procured().ChangeBudget(b => b with { GrantConsidered = null }).ChangeProcurement(p => p with { Route = null })),
        ["only the insurance"] = ("P3", TestPlans.Procured().ChangeProcurement(p => p with { SelectionQuestionnaire = null, MinimumAnnualTurnover = null })),
        ["only the questionnaire"] = ("P3", TestPlans.Procured().ChangeProcurement(p => p with { Insurance = null, MinimumAnnualTurnover = null })),
        ["only the turnover"] = ("P3", TestPlans.Procured().ChangeProcurement(p => p with { Insurance = null, SelectionQuestionnaire = null, MinimumAnnualTurnover = 120_001 })),
        ["every cash flow problem"] = ("P2", TestPlans.Procured().ChangeBudget(b => b with { PaymentTermsDays = 45, PaymentSchedule = PaymentSchedule.OnCompletion, PaymentByResultsPercent = 30 })),
        ["quarterly with some results"] = ("P2", TestPlans.Procured().ChangeBudget(b => b with { PaymentSchedule = PaymentSchedule.QuarterlyInArrears, PaymentByResultsPercent = 20 })),
        ["only a schedule"] = ("P2", TestPlans.Procured().ChangeBudget(b => b with { PaymentTermsDays = null, PaymentByResultsPercent = null })),
        ["no terms"] = ("P2", TestPlans.Procured().ChangeBudget(b => b with { PaymentTermsDays = null })),
        ["no schedule"] = ("P2", TestPlans.Procured().ChangeBudget(b => b with { PaymentSchedule = null })),
        ["only terms"] = ("P2", TestPlans.Procured().ChangeBudget(b => b with { PaymentSchedule = null, PaymentByResultsPercent = null })),
        ["every condition problem"] = ("P3", TestPlans.Procured().ChangeProcurement(p => p with
        {
            Insurance = new Insurance { RequiredAt = InsuranceStage.Participation, PublicLiability = 10_000_000 },
            SelectionQuestionnaire = true,
            MinimumAnnualTurnover = 500_000,
        })),
        ["grant with a questionnaire"] = ("P3", TestPlans.Grant().ChangeProcurement(p => p with { SelectionQuestionnaire = true, MinimumAnnualTurnover = 120_001 })),
        ["short term"] = ("P5", TestPlans.Procured().ChangeBudget(b => b with { TermMonths = 12, ExtensionMonths = 6 })),
        ["two years"] = ("P5", TestPlans.Procured().ChangeBudget(b => b with { TermMonths = 24, ExtensionMonths = null })),
        ["long term"] = ("P5", TestPlans.Procured().ChangeBudget(b => b with { TermMonths = 60, ExtensionMonths = 24 })),
        ["no break clause given"] = ("P5", TestPlans.Procured().ChangeBudget(b => b with { BreakClause = null })),
        ["no break clause"] = ("P5", TestPlans.Procured().ChangeBudget(b => b with { BreakClause = false })),
        ["price high without full cost recovery"] = ("P6", TestPlans.Procured().ChangeBudget(b => b with { FullCostRecovery = false }).ChangeProcurement(p => p with { Weighting = new Weighting { Price = 60 } })),
        ["no price weighting"] = ("P6", TestPlans.Procured().ChangeProcurement(p => p with { Weighting = null })),
        ["price high"] = ("P6", TestPlans.Procured().ChangeProcurement(p => p with { Weighting = new Weighting { Price = 41 } })),
        ["heavy process"] = ("P7", TestPlans.Procured().ChangeProcurement(p => p with { ScoredQuestions = 12, WordLimitTotal = 12_500 })),
        ["questions only"] = ("P7", TestPlans.Procured().ChangeProcurement(p => p with { ScoredQuestions = 8, WordLimitTotal = null })),
        ["words only above the threshold"] = ("P7", TestPlans.Procured().ChangeBudget(b => b with { TotalValue = 300_000 }).ChangeProcurement(p => p with { ScoredQuestions = null, WordLimitTotal = 12_000 })),
        ["tupe at tender"] = ("P8", TestPlans.Procured().ChangeProcurement(p => p with { Tupe = new Tupe { Applies = true, InformationAt = TupeInformationStage.Tender } })),
        ["tupe never shared"] = ("P8", TestPlans.Procured().ChangeProcurement(p => p with { Tupe = new Tupe { Applies = true, InformationAt = null } })),
    };

    public static TheoryData<string, CriterionStatus, string?, Evidence[]> Expected => new()
    {
        { "a contract without a route", NotMet, "The plan funds this as a contract without recording whether a grant would do. Consider a grant, or record in grantConsidered why a contract is needed.",
            [new Evidence("$.budget.fundingModel", "contract")] },
        { "only the insurance", Met, null, [new Evidence("$.procurement.insurance.requiredAt", "award"), new Evidence("$.procurement.insurance.publicLiability", "1000000")] },
        { "only the questionnaire", Met, null, [new Evidence("$.procurement.selectionQuestionnaire", "false")] },
        { "only the turnover", PartlyMet, "The minimum annual turnover of £120,001 is more than 2 times the annual value of £60,000; lower it or drop it.",
            [new Evidence("$.procurement.minimumAnnualTurnover", "120001"), new Evidence("annual value", "£60,000")] },
        { "no terms", PartlyMet, "Also add $.budget.paymentTermsDays so this can be judged in full.", [new Evidence("$.budget.paymentSchedule", "monthly"), new Evidence("$.budget.paymentByResultsPercent", "0")] },
        { "no schedule", PartlyMet, "Also add $.budget.paymentSchedule so this can be judged in full.", [new Evidence("$.budget.paymentTermsDays", "14"), new Evidence("$.budget.paymentByResultsPercent", "0")] },
        { "contract without a recorded reason", NotMet, "The plan funds this as a contract without recording whether a grant would do. Consider a grant, or record in grantConsidered why a contract is needed.", [new Evidence("$.budget.fundingModel", "contract")] },
        { "only a route", NotMet, "The plan funds this as a contract without recording whether a grant would do. Consider a grant, or record in grantConsidered why a contract is needed. Also add $.budget.fundingModel so this can be judged in full.", [new Evidence("$.procurement.route", "below-threshold-open")] },
        { "every cash flow problem", NotMet, "Payment terms are 45 days; pay within 30 days. Payment on completion leaves providers carrying the whole cost; pay monthly or in advance. Payment by results is 30% of the price; keep it to 10% or less so small organisations do not carry the risk.", [new Evidence("$.budget.paymentTermsDays", "45"), new Evidence("$.budget.paymentSchedule", "on-completion"), new Evidence("$.budget.paymentByResultsPercent", "30")] },
        { "quarterly with some results", PartlyMet, "Payment quarterly in arrears strains small organisations' cash flow; pay monthly or in advance. Payment by results is 20% of the price; keep it to 10% or less so small organisations do not carry the risk.", [new Evidence("$.budget.paymentTermsDays", "14"), new Evidence("$.budget.paymentSchedule", "quarterly-in-arrears"), new Evidence("$.budget.paymentByResultsPercent", "20")] },
        { "only a schedule", PartlyMet, "Also add $.budget.paymentTermsDays and $.budget.paymentByResultsPercent so this can be judged in full.", [new Evidence("$.budget.paymentSchedule", "monthly")] },
        { "only terms", PartlyMet, "Also add $.budget.paymentSchedule and $.budget.paymentByResultsPercent so this can be judged in full.", [new Evidence("$.budget.paymentTermsDays", "14")] },
        { "every condition problem", NotMet, "Insurance is required at the participation stage; ask only the winner for it, at award. A selection questionnaire is planned for a below-threshold contract (£180,000); drop it and check suitability proportionately. The minimum annual turnover of £500,000 is more than 2 times the annual value of £60,000; lower it or drop it. Public liability cover of £10,000,000 is asked for; more than £5,000,000 is rarely needed for a service like this.", [new Evidence("$.procurement.insurance.requiredAt", "participation"), new Evidence("$.procurement.insurance.publicLiability", "10000000"), new Evidence("$.procurement.selectionQuestionnaire", "true"), new Evidence("$.procurement.minimumAnnualTurnover", "500000"), new Evidence("$.budget.totalValue", "180000"), new Evidence("threshold", "£207,720 (goods and services (councils))"), new Evidence("annual value", "£60,000")] },
        { "grant with a questionnaire", PartlyMet, "The minimum annual turnover of £120,001 is more than 2 times the annual value of £60,000; lower it or drop it.", [new Evidence("$.procurement.insurance.requiredAt", "award"), new Evidence("$.procurement.insurance.publicLiability", "1000000"), new Evidence("$.procurement.selectionQuestionnaire", "true"), new Evidence("$.procurement.minimumAnnualTurnover", "120001"), new Evidence("annual value", "£60,000")] },
        { "short term", NotMet, "The term with extensions is 18 months; 36–60 months with a break clause gives time to build relationships and prevention.", [new Evidence("$.budget.termMonths", "12"), new Evidence("$.budget.extensionMonths", "6"), new Evidence("$.budget.breakClause", "true")] },
        { "two years", PartlyMet, "The term with extensions is 24 months; 36–60 months with a break clause gives time to build relationships and prevention.", [new Evidence("$.budget.termMonths", "24"), new Evidence("$.budget.breakClause", "true")] },
        { "long term", PartlyMet, "The term with extensions is 84 months; keep it to 60 months or less, with a break clause, so the market stays open.", [new Evidence("$.budget.termMonths", "60"), new Evidence("$.budget.extensionMonths", "24"), new Evidence("$.budget.breakClause", "true")] },
        { "no break clause given", PartlyMet, "The term of 36 months has no break clause; add one. Also add $.budget.breakClause so this can be judged in full.", [new Evidence("$.budget.termMonths", "36"), new Evidence("$.budget.extensionMonths", "0")] },
        { "no break clause", PartlyMet, "The term of 36 months has no break clause; add one.", [new Evidence("$.budget.termMonths", "36"), new Evidence("$.budget.extensionMonths", "0"), new Evidence("$.budget.breakClause", "false")] },
        { "price high without full cost recovery", NotMet, "Price is weighted at 60%; keep it to 40% or less. Allow full cost recovery so bids can include overheads and core costs.", [new Evidence("$.procurement.weighting.price", "60"), new Evidence("$.budget.fullCostRecovery", "false")] },
        { "no price weighting", PartlyMet, "Also add $.procurement.weighting.price so this can be judged in full.", [new Evidence("$.budget.fullCostRecovery", "true")] },
        { "price high", PartlyMet, "Price is weighted at 41%; keep it to 40% or less.", [new Evidence("$.procurement.weighting.price", "41"), new Evidence("$.budget.fullCostRecovery", "true")] },
        { "heavy process", NotMet, "The process asks for 12 scored question(s) and up to 12,500 words in total; keep it to 5 questions and 5,000 words.", [new Evidence("$.procurement.scoredQuestions", "12"), new Evidence("$.procurement.wordLimitTotal", "12500"), new Evidence("$.budget.totalValue", "180000"), new Evidence("threshold", "£207,720 (goods and services (councils))")] },
        { "questions only", PartlyMet, "The process asks for 8 scored question(s) and up to an unstated number of words in total; keep it to 5 questions and 5,000 words. Also add $.procurement.wordLimitTotal so this can be judged in full.", [new Evidence("$.procurement.scoredQuestions", "8"), new Evidence("$.budget.totalValue", "180000"), new Evidence("threshold", "£207,720 (goods and services (councils))")] },
        { "words only above the threshold", PartlyMet, "The process asks for an unstated number of scored question(s) and up to 12,000 words in total; keep it to 10 questions and 10,000 words. Also add $.procurement.scoredQuestions so this can be judged in full.", [new Evidence("$.procurement.wordLimitTotal", "12000"), new Evidence("$.budget.totalValue", "300000"), new Evidence("threshold", "£207,720 (goods and services (councils))")] },
        { "tupe at tender", PartlyMet, "TUPE applies and staff information is shared only at tender; share it during market engagement so bidders can price the risk.", [new Evidence("$.procurement.tupe.applies", "true"), new Evidence("$.procurement.tupe.informationAt", "tender")] },
        { "tupe never shared", NotMet, "TUPE applies but no sharing of staff information is planned; share it during market engagement so bidders can price the risk.", [new Evidence("$.procurement.tupe.applies", "true")] },
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
