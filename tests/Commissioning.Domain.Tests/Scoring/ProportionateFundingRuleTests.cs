using static Commissioning.Domain.Scoring.CriterionStatus;

namespace Commissioning.Domain.Tests.Scoring;

public class ProportionateFundingRuleTests
{
    [Theory]
    [InlineData(FundingModel.Contract, "The council sets the work", Met)]
    [InlineData(FundingModel.Contract, null, NotMet)]
    [InlineData(FundingModel.Contract, " ", NotMet)]
    [InlineData(FundingModel.Mixed, null, Met)]
    [InlineData(FundingModel.Grant, null, Met)]
    [InlineData(FundingModel.ParticipatoryBudget, null, Met)]
    [InlineData(FundingModel.CommunityChest, null, Met)]
    public void AGrantMustBeConsideredOrTheContractExplained(FundingModel model, string? reason, CriterionStatus expected)
    {
        var result = TestPlans.Procured().ChangeBudget(b => b with { FundingModel = model, GrantConsidered = reason }).Score().Criterion("P1");
        Assert.Equal(expected, result.Status);
        if (expected == NotMet)
        {
            Assert.Contains("funds this as a contract without recording whether a grant would do", result.Recommendation);
        }
    }

    [Theory]
    [InlineData(30, PaymentSchedule.Monthly, 0, Met)]
    [InlineData(31, PaymentSchedule.Monthly, 0, NotMet)]
    [InlineData(14, PaymentSchedule.Advance, 10, Met)]
    [InlineData(14, PaymentSchedule.Monthly, 11, PartlyMet)]
    [InlineData(14, PaymentSchedule.Monthly, 25, PartlyMet)]
    [InlineData(14, PaymentSchedule.Monthly, 26, NotMet)]
    [InlineData(14, PaymentSchedule.QuarterlyInArrears, 0, PartlyMet)]
    [InlineData(14, PaymentSchedule.OnCompletion, 0, NotMet)]
    public void CashFlowDependsOnTermsScheduleAndPaymentByResults(int days, PaymentSchedule schedule, int paymentByResults, CriterionStatus expected)
    {
        var result = TestPlans.Procured()
            .ChangeBudget(b => b with { PaymentTermsDays = days, PaymentSchedule = schedule, PaymentByResultsPercent = paymentByResults })
            .Score().Criterion("P2");
        Assert.Equal(expected, result.Status);
        Assert.Contains(new Evidence("$.budget.paymentTermsDays", days.ToString(System.Globalization.CultureInfo.InvariantCulture)), result.Evidence);
        if (days > 30)
        {
            Assert.Contains($"Payment terms are {days} days; pay within 30 days.", result.Recommendation);
        }
    }

    [Fact]
    public void CashFlowJudgedOnPartOfItsEvidenceIsAtBestPartlyMetAndSaysWhatToAdd()
    {
        var result = TestPlans.Procured().ChangeBudget(b => b with { PaymentByResultsPercent = null }).Score().Criterion("P2");
        Assert.Equal(PartlyMet, result.Status);
        Assert.Contains("Also add $.budget.paymentByResultsPercent", result.Recommendation);
    }

    [Theory]
    [InlineData(InsuranceStage.Award, false, 0, 1_000_000, Met)]
    [InlineData(InsuranceStage.Participation, false, 0, 1_000_000, NotMet)]
    [InlineData(InsuranceStage.Award, true, 0, 1_000_000, NotMet)]
    [InlineData(InsuranceStage.Award, false, 120_000, 1_000_000, Met)]
    [InlineData(InsuranceStage.Award, false, 120_001, 1_000_000, PartlyMet)]
    [InlineData(InsuranceStage.Award, false, 0, 5_000_000, Met)]
    [InlineData(InsuranceStage.Award, false, 0, 5_000_001, PartlyMet)]
    public void ConditionsToTakePartMustBeProportionate(InsuranceStage requiredAt, bool questionnaire, int turnover, int publicLiability, CriterionStatus expected)
    {
        // £180,000 over three years is £60,000 a year, so a turnover test up to £120,000 is proportionate.
        var result = TestPlans.Procured().ChangeProcurement(p => p with
        {
            Insurance = new Insurance { RequiredAt = requiredAt, PublicLiability = publicLiability },
            SelectionQuestionnaire = questionnaire,
            MinimumAnnualTurnover = turnover,
        }).Score().Criterion("P3");
        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public void ASelectionQuestionnaireAboveTheThresholdIsNotAShortfall()
    {
        var plan = TestPlans.Procured().ChangeBudget(b => b with { TotalValue = 300_000 }).ChangeProcurement(p => p with { SelectionQuestionnaire = true, Route = ProcurementRoute.Open });
        Assert.Equal(Met, plan.StatusOf("P3"));
    }

    [Theory]
    [InlineData(14, NotMet)]
    [InlineData(15, PartlyMet)]
    [InlineData(29, PartlyMet)]
    [InlineData(30, Met)]
    public void BidWindowsOfThirtyDaysGiveTimeToBid(int days, CriterionStatus expected)
    {
        var result = TestPlans.Procured().ChangeProcurement(p => p with { BidWindowDays = days }).Score().Criterion("P4");
        Assert.Equal(expected, result.Status);
        Assert.Equal([new Evidence("$.procurement.bidWindowDays", days.ToString(System.Globalization.CultureInfo.InvariantCulture))], result.Evidence);
        Assert.Equal(expected == Met ? null : $"The bid window is {days} days; give at least 30 days so small organisations and consortia can prepare.", result.Recommendation);
    }

    [Theory]
    [InlineData(23, 0, true, NotMet)]
    [InlineData(24, 0, true, PartlyMet)]
    [InlineData(35, 0, true, PartlyMet)]
    [InlineData(36, 0, true, Met)]
    [InlineData(36, 24, true, Met)]
    [InlineData(60, 0, true, Met)]
    [InlineData(61, 0, true, PartlyMet)]
    [InlineData(36, 25, true, PartlyMet)]
    [InlineData(48, 0, false, PartlyMet)]
    public void TermsOfThreeToFiveYearsWithABreakClauseFitARelationship(int term, int extension, bool breakClause, CriterionStatus expected)
    {
        var plan = TestPlans.Procured().ChangeBudget(b => b with { TermMonths = term, ExtensionMonths = extension, BreakClause = breakClause });
        Assert.Equal(expected, plan.StatusOf("P5"));
    }

    [Theory]
    [InlineData(FundingModel.ParticipatoryBudget)]
    [InlineData(FundingModel.CommunityChest)]
    public void AnnualRoundsAreNotJudgedOnTheirLength(FundingModel model)
    {
        Assert.Equal(NotApplicable, TestPlans.Grant().ChangeBudget(b => b with { FundingModel = model, TermMonths = 12 }).StatusOf("P5"));
    }

    [Theory]
    [InlineData(40, true, Met)]
    [InlineData(41, true, PartlyMet)]
    [InlineData(40, false, PartlyMet)]
    [InlineData(41, false, NotMet)]
    public void PriceWeightingAtMostFortyPercentWithFullCostRecoveryIsRealistic(int price, bool fullCostRecovery, CriterionStatus expected)
    {
        var plan = TestPlans.Procured()
            .ChangeBudget(b => b with { FullCostRecovery = fullCostRecovery })
            .ChangeProcurement(p => p with { Weighting = new Weighting { Quality = 90 - price, Price = price, SocialValue = 10 } });
        Assert.Equal(expected, plan.StatusOf("P6"));
        Assert.Equal(NotApplicable, TestPlans.Grant().StatusOf("P6"));
    }

    [Theory]
    [InlineData(180_000, 5, 5_000, Met)]
    [InlineData(180_000, 6, 5_000, PartlyMet)]
    [InlineData(180_000, 5, 5_001, PartlyMet)]
    [InlineData(180_000, 10, 10_000, PartlyMet)]
    [InlineData(180_000, 11, 10_000, NotMet)]
    [InlineData(180_000, 10, 10_001, NotMet)]
    [InlineData(300_000, 10, 10_000, Met)]
    [InlineData(300_000, 20, 20_000, PartlyMet)]
    [InlineData(300_000, 21, 20_000, NotMet)]
    public void TheProcessIsLightWithFewQuestionsAndWordsAndTwiceAsManyAboveTheThreshold(int value, int questions, int words, CriterionStatus expected)
    {
        var plan = TestPlans.Procured()
            .ChangeBudget(b => b with { TotalValue = value })
            .ChangeProcurement(p => p with { ScoredQuestions = questions, WordLimitTotal = words });
        Assert.Equal(expected, plan.StatusOf("P7"));
    }

    [Theory]
    [InlineData(true, TupeInformationStage.Engagement, Met)]
    [InlineData(true, TupeInformationStage.Tender, PartlyMet)]
    [InlineData(true, TupeInformationStage.None, NotMet)]
    [InlineData(true, null, NotMet)]
    [InlineData(false, null, NotApplicable)]
    public void TransferRisksAreSharedAtMarketEngagement(bool applies, TupeInformationStage? informationAt, CriterionStatus expected)
    {
        var plan = TestPlans.Procured().ChangeProcurement(p => p with { Tupe = new Tupe { Applies = applies, InformationAt = informationAt } });
        Assert.Equal(expected, plan.StatusOf("P8"));
    }

    [Fact]
    public void AProcuredPlanThatIsSilentOnTupeIsNotEvidencedButAGrantIsNotAsked()
    {
        var result = TestPlans.Procured().ChangeProcurement(p => p with { Tupe = null }).Score().Criterion("P8");
        Assert.Equal(NotEvidenced, result.Status);
        Assert.Equal(["$.procurement.tupe.applies"], result.MissingFields);
        Assert.Equal(NotApplicable, TestPlans.Grant().StatusOf("P8"));
    }

    [Fact]
    public void TransferInformationSharedAtEngagementCostsNothingWhetherOrNotTupeApplies()
    {
        var result = TestPlans.Procured().ChangeProcurement(p => p with { Tupe = new Tupe { InformationAt = TupeInformationStage.Engagement } }).Score().Criterion("P8");
        Assert.Equal(NotApplicable, result.Status);
        Assert.Equal(
            [
                new Evidence("$.procurement.tupe.informationAt", "engagement"),
                new Evidence("$.procurement.tupe.applies", "not given"),
                new Evidence("whichever the answer", "to \"does TUPE apply?\", this is met wherever it applies, so it is not counted"),
            ],
            result.Evidence);
        Assert.Null(result.Recommendation);
        var atTender = TestPlans.Procured().ChangeProcurement(p => p with { Tupe = new Tupe { InformationAt = TupeInformationStage.Tender } }).Score().Criterion("P8");
        Assert.Equal(NotEvidenced, atTender.Status);
        Assert.Equal(["$.procurement.tupe.applies"], atTender.MissingFields);
    }

    [Theory]
    [InlineData(3, 1_000, Met)]
    [InlineData(7, 5_000, NotEvidenced)]
    [InlineData(12, 15_000, NotEvidenced)]
    [InlineData(25, 30_000, NotMet)]
    public void AProcessJudgedTheSameOnEitherSideOfTheThresholdNeedsNoValue(int questions, int words, CriterionStatus expected)
    {
        var result = TestPlans.Procured()
            .ChangeBudget(b => b with { TotalValue = null })
            .ChangeProcurement(p => p with { ScoredQuestions = questions, WordLimitTotal = words })
            .Score().Criterion("P7");
        Assert.Equal(expected, result.Status);
        if (expected is PartlyMet or NotMet)
        {
            Assert.Equal(
                $"Whichever the answer to \"total value?\", this is {(expected == NotMet ? "not met" : "partly met")}; add $.budget.totalValue and score the plan again to see what would meet it.",
                result.Recommendation);
            Assert.Contains(new Evidence("$.procurement.scoredQuestions", questions.ToString(System.Globalization.CultureInfo.InvariantCulture)), result.Evidence);
            Assert.Contains(new Evidence("$.budget.totalValue", "not given"), result.Evidence);
        }
    }

    [Fact]
    public void ASettledShortfallAsksForTheFieldsItWasJudgedWithoutAsWellAsTheMissingAnswer()
    {
        var result = TestPlans.Procured()
            .ChangeBudget(b => b with { TotalValue = null })
            .ChangeProcurement(p => p with { ScoredQuestions = 25, WordLimitTotal = null })
            .Score().Criterion("P7");
        Assert.Equal(NotMet, result.Status);
        Assert.Equal("Whichever the answer to \"total value?\", this is not met; add $.procurement.wordLimitTotal and $.budget.totalValue and score the plan again to see what would meet it.", result.Recommendation);
    }

    [Fact]
    public void ATermThatIsLongWhateverItsInitialMonthsIsPartlyMetAndAsksForThem()
    {
        var result = TestPlans.Procured().ChangeBudget(b => b with { TermMonths = null, ExtensionMonths = 61 }).Score().Criterion("P5");
        Assert.Equal(PartlyMet, result.Status);
        Assert.Equal("Whichever the answer to \"term?\", this is partly met; add $.budget.termMonths and score the plan again to see what would meet it.", result.Recommendation);
        Assert.Equal([new Evidence("$.budget.extensionMonths", "61"), new Evidence("$.budget.breakClause", "true"), new Evidence("$.budget.termMonths", "not given"),
            new Evidence("whichever the answer", "to \"term?\", this is partly met")], result.Evidence);
        Assert.Equal(NotEvidenced, TestPlans.Procured().ChangeBudget(b => b with { TermMonths = null, ExtensionMonths = 0 }).StatusOf("P5"));
        // 30 months of extensions: 31–35 in all is partly met, 36–60 met with the break clause, more partly met.
        Assert.Equal(NotEvidenced, TestPlans.Procured().ChangeBudget(b => b with { TermMonths = null, ExtensionMonths = 30 }).StatusOf("P5"));
    }
}
