using static Commissioning.Domain.Scoring.CriterionStatus;

namespace Commissioning.Domain.Tests.Scoring;

public class LocalByDefaultRuleTests
{
    [Fact]
    public void TheBaselineTestPlansMeetEveryCriterionThatApplies()
    {
        foreach (var plan in new[] { TestPlans.Procured(), TestPlans.Grant() })
        {
            var scorecard = plan.Score();
            var shortfalls = scorecard.Dimensions.SelectMany(d => d.Criteria).Where(c => c.Status is not (Met or NotApplicable)).Select(c => $"{c.Id}:{c.Status}");
            Assert.Empty(shortfalls);
            Assert.All(scorecard.Dimensions, d => Assert.Equal(100, d.Score));
        }
    }

    [Theory]
    [InlineData(Reservation.LocalArea, null, Met)]
    [InlineData(Reservation.SmeVcse, null, Met)]
    [InlineData(Reservation.LocalAreaAndSmeVcse, null, Met)]
    [InlineData(Reservation.Uk, null, PartlyMet)]
    [InlineData(Reservation.None, "Only one provider can deliver it", PartlyMet)]
    [InlineData(Reservation.None, "  ", NotMet)]
    [InlineData(Reservation.None, null, NotMet)]
    [InlineData(Reservation.SupportedEmployment, null, PartlyMet)]
    public void BelowTheThresholdAReservationToLocalOrSmallSuppliersIsMet(Reservation reservation, string? reason, CriterionStatus expected)
    {
        var plan = TestPlans.Procured().ChangeProcurement(p => p with { Reservation = reservation, ReservationReason = reason });
        var result = plan.Score().Criterion("L1");
        Assert.Equal(expected, result.Status);
        Assert.Contains(result.Evidence, e => e.Field == "$.procurement.reservation");
        if (expected != Met)
        {
            Assert.Contains("below the £207,720 (goods and services (councils)) threshold", result.Recommendation);
        }
    }

    [Theory]
    [InlineData(Reservation.PublicServiceMutual, 1, Met)]
    [InlineData(Reservation.SupportedEmployment, 1, Met)]
    [InlineData(Reservation.None, 2, Met)]
    [InlineData(Reservation.None, 1, NotApplicable)]
    [InlineData(Reservation.LocalArea, 1, NotApplicable)]
    public void AboveTheThresholdOnlyMutualOrSupportedEmploymentReservationsOrLotsCount(Reservation reservation, int lots, CriterionStatus expected)
    {
        var plan = TestPlans.Procured()
            .ChangeBudget(b => b with { TotalValue = 400_000 })
            .ChangeProcurement(p => p with { Reservation = reservation, Lots = [.. Enumerable.Range(1, lots).Select(i => new Lot { Value = 400_000m / lots })] });
        Assert.Equal(expected, plan.StatusOf("L1"));
    }

    [Fact]
    public void GrantFundingIsJudgedByTheBelowThresholdRuleWhateverItsValue()
    {
        var plan = TestPlans.Grant().ChangeBudget(b => b with { TotalValue = 2_000_000 }).ChangeProcurement(p => p with { Reservation = Reservation.None });
        var result = plan.Score().Criterion("L1");
        Assert.Equal(NotMet, result.Status);
        Assert.StartsWith("Grant funding is outside the Procurement Act", result.Recommendation);
    }

    [Fact]
    public void WithoutAKnownValueAReservationIsNotEvidencedWhenTheSideOfTheThresholdWouldDecide()
    {
        // No reservation and no reason: not met below the threshold, not applicable above it.
        var result = TestPlans.Procured()
            .ChangeBudget(b => b with { TotalValue = null })
            .ChangeProcurement(p => p with { Reservation = Reservation.None })
            .Score().Criterion("L1");
        Assert.Equal(NotEvidenced, result.Status);
        Assert.Equal(["$.budget.totalValue"], result.MissingFields);
        Assert.Equal("The plan does not say enough to score \"Reservation considered\". Add $.budget.totalValue.", result.Recommendation);
    }

    [Fact]
    public void AboveTheThresholdInOneLotASilentReservationCostsNothing()
    {
        var result = TestPlans.Procured()
            .ChangeBudget(b => b with { TotalValue = 400_000 })
            .ChangeProcurement(p => p with { Reservation = null, Lots = [new Lot { Value = 400_000 }] })
            .Score().Criterion("L1");
        Assert.Equal(NotApplicable, result.Status);
        Assert.Contains(new Evidence("whichever the answer", "to \"reservation?\", this is met wherever it applies, so it is not counted"), result.Evidence);
        Assert.Contains(new Evidence("$.procurement.reservation", "not given"), result.Evidence);
        Assert.Contains(new Evidence("$.procurement.lots", "1"), result.Evidence);
        Assert.Equal(NotEvidenced, TestPlans.Procured().ChangeProcurement(p => p with { Reservation = null }).StatusOf("L1"));
    }

    [Fact]
    public void WithoutAKnownValueALocalReservationInTwoLotsIsMetOnEitherSideOfTheThreshold()
    {
        var result = TestPlans.Procured().ChangeBudget(b => b with { TotalValue = null }).Score().Criterion("L1");
        Assert.Equal(Met, result.Status);
        Assert.Empty(result.MissingFields);
        Assert.Equal(
            [
                new Evidence("$.procurement.reservation", "local-area-and-sme-vcse"),
                new Evidence("threshold", "£207,720 (goods and services (councils))"),
                new Evidence("$.budget.totalValue", "not given"),
                new Evidence("whichever the answer", "to \"total value?\", this is met"),
            ],
            result.Evidence);
    }

    [Theory]
    [InlineData(100_000, 1, null, NotApplicable)]
    [InlineData(100_001, 1, null, NotMet)]
    [InlineData(100_001, 0, null, NotMet)]
    [InlineData(100_001, 2, null, Met)]
    [InlineData(100_001, 1, "", NotMet)]
    [InlineData(100_001, 1, "One integrated pathway", Met)]
    [InlineData(5_000_000, 1, null, NotMet)]
    public void LotsAreExpectedAboveOneHundredThousandPounds(int value, int lots, string? noLotsReason, CriterionStatus expected)
    {
        var plan = TestPlans.Procured()
            .ChangeBudget(b => b with { TotalValue = value })
            .ChangeProcurement(p => p with { Lots = [.. Enumerable.Range(1, lots).Select(_ => new Lot { Value = value / (decimal)lots })], NoLotsReason = noLotsReason });
        var result = plan.Score().Criterion("L2");
        Assert.Equal(expected, result.Status);
        if (expected == NotMet)
        {
            Assert.Contains($"At £{value:#,0} this is large enough to divide", result.Recommendation);
        }
    }

    [Theory]
    [InlineData(2, null, NotApplicable)]
    [InlineData(1, "One integrated pathway", NotApplicable)]
    [InlineData(1, null, NotEvidenced)]
    public void LotsOrAReasonCostNothingWhateverTheValue(int lots, string? noLotsReason, CriterionStatus expected)
    {
        var result = TestPlans.Procured()
            .ChangeBudget(b => b with { TotalValue = null })
            .ChangeProcurement(p => p with { Lots = [.. Enumerable.Range(1, lots).Select(_ => new Lot { Value = 50_000 })], NoLotsReason = noLotsReason })
            .Score().Criterion("L2");
        Assert.Equal(expected, result.Status);
        Assert.Equal(expected == NotEvidenced ? ["$.budget.totalValue"] : [], result.MissingFields);
    }

    [Fact]
    public void LotsDoNotApplyToGrantProgrammes()
    {
        Assert.Equal(NotApplicable, TestPlans.Grant().ChangeBudget(b => b with { TotalValue = 5_000_000 }).StatusOf("L2"));
    }

    [Fact]
    public void LotsWithNeitherListNorReasonAreNotEvidenced()
    {
        var result = TestPlans.Procured().ChangeProcurement(p => p with { Lots = null }).Score().Criterion("L2");
        Assert.Equal(NotEvidenced, result.Status);
        Assert.Equal(["$.procurement.lots", "$.procurement.noLotsReason"], result.MissingFields);
    }

    // One-year term so a lot's value is its annual value.
    [Theory]
    [InlineData(207_720, true, Met)]
    [InlineData(207_721, true, PartlyMet)]
    [InlineData(415_440, true, PartlyMet)]
    [InlineData(415_440, false, NotMet)]
    [InlineData(415_441, true, NotMet)]
    public void TheLargestLotsAnnualValueDecidesWhetherALocalOrganisationCanWinIt(int largestLot, bool consortia, CriterionStatus expected)
    {
        var plan = TestPlans.Procured()
            .ChangeBudget(b => b with { TermMonths = 12, ExtensionMonths = 0, TotalValue = largestLot + 10_000 })
            .ChangeProcurement(p => p with { ConsortiaWelcome = consortia, Lots = [new Lot { Value = largestLot }, new Lot { Value = 10_000 }] });
        var result = plan.Score().Criterion("L3");
        Assert.Equal(expected, result.Status);
        Assert.Contains(result.Evidence, e => e.Field == "annual value" && e.Value == $"£{largestLot:#,0}");
        Assert.Contains(new Evidence("$.procurement.lots (largest value)", $"£{largestLot:#,0}"), result.Evidence);
    }

    [Fact]
    public void ALotsValueCoversTheWholeTermSoItIsDividedByTheYears()
    {
        // £831,000 over 36 + 12 months is £207,750 a year: just above the local size.
        var plan = TestPlans.Procured()
            .ChangeBudget(b => b with { TermMonths = 36, ExtensionMonths = 12, TotalValue = 831_000 })
            .ChangeProcurement(p => p with { ConsortiaWelcome = false, Lots = null });
        var result = plan.Score().Criterion("L3");
        Assert.Equal(NotMet, result.Status);
        Assert.Contains("The contract is worth £207,750 a year", result.Recommendation);
    }

    [Theory]
    [InlineData(207_720, Met)]
    [InlineData(300_000, PartlyMet)]
    [InlineData(500_000, NotMet)]
    public void GrantProgrammesAreSizedByTheirLargestAward(int maximumAward, CriterionStatus expected)
    {
        Assert.Equal(expected, TestPlans.Grant().ChangeBudget(b => b with { MaximumAward = maximumAward }).StatusOf("L3"));
    }

    [Theory]
    [InlineData(17_000, Met)]
    [InlineData(17_311, NotEvidenced)]
    [InlineData(400_000, NotEvidenced)]
    [InlineData(9_600_000, NotEvidenced)]
    public void AContractSmallEnoughWhateverItsTermNeedsNoTerm(int totalValue, CriterionStatus expected)
    {
        // £17,000 over the shortest term, one month, is £204,000 a year: within the local size; £17,311 is £207,732.
        // £400,000 is local-sized over 36 months but not over one; £9.6m over the longest term, 50 years, is £192,000 a year.
        var result = TestPlans.Procured()
            .ChangeBudget(b => b with { TotalValue = totalValue, TermMonths = null, ExtensionMonths = null })
            .ChangeProcurement(p => p with { Lots = null, ConsortiaWelcome = false })
            .Score().Criterion("L3");
        Assert.Equal(expected, result.Status);
        if (expected == Met)
        {
            Assert.Equal([new Evidence("$.budget.totalValue", "17000"), new Evidence("$.procurement.consortiaWelcome", "false"), new Evidence("$.budget.termMonths", "not given"),
                new Evidence("whichever the answer", "to \"term?\", this is met")], result.Evidence);
        }
    }

    [Fact]
    public void AGrantProgrammeWithoutAMaximumAwardCannotBeSized()
    {
        var result = TestPlans.Grant().ChangeBudget(b => b with { MaximumAward = null }).Score().Criterion("L3");
        Assert.Equal(NotEvidenced, result.Status);
        Assert.Equal(["$.budget.maximumAward"], result.MissingFields);
    }

    private static EngagementEvent Event(DateOnly? date, string? postcode, OrganisationType type = OrganisationType.Vcse) => new()
    {
        Date = date,
        Format = EngagementFormat.Workshop,
        Organisations = [new EngagedOrganisation { Name = "Bedwell Community Association", Type = type, Postcode = postcode }],
    };

    [Theory]
    [InlineData(56, Met)]
    [InlineData(55, PartlyMet)]
    public void LocalEngagementEightWeeksBeforeTheTenderIsEarlyEnough(int daysBefore, CriterionStatus expected)
    {
        var plan = TestPlans.Procured().WithEngagement(Event(TestPlans.TenderDate.AddDays(-daysBefore), "SG1 2BB"));
        var result = plan.Score().Criterion("L4");
        Assert.Equal(expected, result.Status);
        if (expected == PartlyMet)
        {
            Assert.Contains("7 weeks before the planned tender date of 2026-03-02", result.Recommendation);
        }
    }

    [Theory]
    [InlineData("SG1 2BB", Met)]
    [InlineData("sg12bb", Met)]
    [InlineData("  sg2   9qt ", Met)]
    [InlineData("SG10 1AB", PartlyMet)]
    [InlineData("SG11 1AB", PartlyMet)]
    [InlineData("LU1 1AA", PartlyMet)]
    [InlineData(null, PartlyMet)]
    public void OrganisationsAreLocalByPostcodeDistrictNeverByPrefix(string? postcode, CriterionStatus expected)
    {
        var plan = TestPlans.Procured().WithEngagement(Event(new DateOnly(2025, 11, 1), postcode));
        Assert.Equal(expected, plan.StatusOf("L4"));
    }

    [Theory]
    [InlineData(OrganisationType.Infrastructure, Met)]
    [InlineData(OrganisationType.Sme, PartlyMet)]
    [InlineData(OrganisationType.Large, PartlyMet)]
    public void OnlyLocalVcsesAndInfrastructureBodiesCount(OrganisationType type, CriterionStatus expected)
    {
        Assert.Equal(expected, TestPlans.Procured().WithEngagement(Event(new DateOnly(2025, 11, 1), "SG1 2BB", type)).StatusOf("L4"));
    }

    [Fact]
    public void EngagementWithoutAPlannedTenderDateIsPartlyMet()
    {
        var plan = TestPlans.Procured().ChangeProcurement(p => p with { PlannedTenderDate = null });
        var result = plan.Score().Criterion("L4");
        Assert.Equal(PartlyMet, result.Status);
        Assert.Contains("without a planned tender date the timing cannot be checked", result.Recommendation);
    }

    [Fact]
    public void AnEmptyEngagementListIsEvidenceOfNoEngagement()
    {
        var result = TestPlans.Procured().WithEngagement().Score().Criterion("L4");
        Assert.Equal(NotMet, result.Status);
        Assert.Empty(result.MissingFields);
        Assert.Contains("at least 8 weeks before the tender date", result.Recommendation);
    }

    [Fact]
    public void MissingEngagementIsNotEvidenced()
    {
        var result = (TestPlans.Procured() with { Market = null }).Score().Criterion("L4");
        Assert.Equal(NotEvidenced, result.Status);
        Assert.Equal(["$.market.engagement"], result.MissingFields);
    }

    [Fact]
    public void WithoutACouncilRecordLocalEngagementIsNotEvidencedAndTheNoteSaysHowToRegister()
    {
        var scorecard = TestPlans.Procured().Score(unregistered: true);
        var result = scorecard.Criterion("L4");
        Assert.Equal(NotEvidenced, result.Status);
        Assert.Contains("PUT /api/councils/E07000243", result.Recommendation);
        Assert.Contains(scorecard.Notes, n => n.Contains("Council E07000243 is not registered", StringComparison.Ordinal) && n.Contains("PUT /api/councils/E07000243", StringComparison.Ordinal));
        // Only the criterion that needs postcodes is affected.
        Assert.Equal(Met, scorecard.Criterion("L1").Status);
    }

    [Theory]
    [InlineData(4, true, NotMet)]
    [InlineData(5, true, PartlyMet)]
    [InlineData(9, true, PartlyMet)]
    [InlineData(9.5, true, PartlyMet)]
    [InlineData(10, true, Met)]
    [InlineData(10, false, PartlyMet)]
    [InlineData(25, false, PartlyMet)]
    public void SocialValueNeedsTenPercentAndALocalMeasure(double socialValue, bool localMeasure, CriterionStatus expected)
    {
        var plan = TestPlans.Procured().ChangeProcurement(p => p with
        {
            Weighting = new Weighting { Quality = 60, Price = 30, SocialValue = (decimal)socialValue },
            SocialValueMeasures = [new SocialValueMeasure { Description = "Apprenticeships", Local = localMeasure }],
        });
        var result = plan.Score().Criterion("L5");
        Assert.Equal(expected, result.Status);
        Assert.Contains(result.Evidence, e => e.Field == "$.procurement.weighting.socialValue" && e.Value == ((decimal)socialValue).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void SocialValueWeightingDoesNotApplyToGrants()
    {
        Assert.Equal(NotApplicable, TestPlans.Grant().StatusOf("L5"));
    }

    [Theory]
    [InlineData(60, "SG1 and SG2", Met)]
    [InlineData(60, null, PartlyMet)]
    [InlineData(null, "SG1 and SG2", PartlyMet)]
    [InlineData(0, "", NotMet)]
    [InlineData(null, null, NotEvidenced)]
    public void LocalSpendNeedsATargetAndADefinition(int? target, string? definition, CriterionStatus expected)
    {
        var result = TestPlans.Procured().ChangeProcurement(p => p with { LocalSpendTargetPercent = target, LocalDefinition = definition }).Score().Criterion("L6");
        Assert.Equal(expected, result.Status);
        Assert.Contains("46%", result.Rule);
        if (expected is PartlyMet or NotMet)
        {
            Assert.Contains("about 46% of spend to local suppliers in 2022", result.Recommendation);
        }
    }

    [Theory]
    [InlineData(true, true, Met)]
    [InlineData(true, false, PartlyMet)]
    [InlineData(false, true, PartlyMet)]
    [InlineData(false, false, NotMet)]
    public void NeighbourhoodFitNeedsNamedNeighbourhoodsAndLinkedServices(bool neighbourhoods, bool linked, CriterionStatus expected)
    {
        var plan = TestPlans.Procured().ChangeService(s => s with { Neighbourhoods = neighbourhoods ? ["Bedwell"] : [], LinkedServices = linked ? ["Housing options"] : [] });
        Assert.Equal(expected, plan.StatusOf("L7"));
    }

    [Theory]
    [InlineData(true, false, ProcurementRoute.LightTouchFlexible, Met)]
    [InlineData(true, false, ProcurementRoute.Open, PartlyMet)]
    [InlineData(true, false, ProcurementRoute.CompetitiveFlexible, PartlyMet)]
    [InlineData(false, true, ProcurementRoute.PsrMostSuitableProvider, Met)]
    [InlineData(false, true, ProcurementRoute.PsrDirectAward, Met)]
    [InlineData(false, true, ProcurementRoute.Open, PartlyMet)]
    [InlineData(false, false, ProcurementRoute.Open, NotApplicable)]
    public void PeopleCentredServicesSuitAFlexibleOrProviderSelectionRoute(bool lightTouch, bool healthcare, ProcurementRoute route, CriterionStatus expected)
    {
        var plan = TestPlans.Procured()
            .ChangeService(s => s with { LightTouch = lightTouch, HealthcareService = healthcare })
            .ChangeProcurement(p => p with { Route = route });
        Assert.Equal(expected, plan.StatusOf("L8"));
    }

    [Theory]
    [InlineData("participatory-budgeting-round")]
    [InlineData("community-grants-round")]
    public void AGrantRoundThatLeavesTheServiceQuestionsBlankLosesNoPointsForIt(string sample)
    {
        var answered = Samples.Score(sample);
        var blank = Samples.Plan(sample).ChangeService(s => s with { LightTouch = null, HealthcareService = null }).Score();

        var result = blank.Criterion("L8");
        Assert.Equal(NotApplicable, result.Status);
        Assert.Equal(answered.Dimensions.Select(d => d.Score), blank.Dimensions.Select(d => d.Score));
        Assert.Equal(answered.Overall, blank.Overall);
        Assert.DoesNotContain("$.service.lightTouch", blank.MissingFields);
        Assert.Equal(
            [
                new Evidence("$.budget.fundingModel", Wording.Word(Samples.Plan(sample).Budget!.FundingModel!.Value)),
                new Evidence("$.procurement.route", "grant-award"),
                new Evidence("$.procurement.reservation", "local-area-and-sme-vcse"),
                new Evidence("$.service.lightTouch", "not given"),
                new Evidence("$.service.healthcareService", "not given"),
                new Evidence("whichever the answer", "to \"light-touch service?\" and \"healthcare service?\", this is met wherever it applies, so it is not counted"),
            ],
            result.Evidence);
    }

    [Fact]
    public void AProcuredLightTouchPlanThatLeavesItsRouteBlankIsStillNotEvidenced()
    {
        var plan = TestPlans.Procured().ChangeService(s => s with { LightTouch = true }).ChangeProcurement(p => p with { Route = null });
        var result = plan.Score().Criterion("L8");
        Assert.Equal(NotEvidenced, result.Status);
        Assert.Equal(["$.procurement.route"], result.MissingFields);
    }

    [Fact]
    public void AProcuredPlanThatLeavesBothServiceQuestionsBlankIsNotEvidencedNamingThem()
    {
        var plan = TestPlans.Procured().ChangeService(s => s with { LightTouch = null, HealthcareService = null }).ChangeProcurement(p => p with { Route = ProcurementRoute.Open });
        var result = plan.Score().Criterion("L8");
        Assert.Equal(NotEvidenced, result.Status);
        Assert.Equal(["$.service.lightTouch", "$.service.healthcareService"], result.MissingFields);
        Assert.Equal("The plan does not say enough to score \"A route that suits people-centred services\". Add $.service.lightTouch and $.service.healthcareService.", result.Recommendation);
    }

    [Fact]
    public void AMutualReservationOrAGrantSuitsALightTouchService()
    {
        var mutual = TestPlans.Procured().ChangeService(s => s with { LightTouch = true })
            .ChangeProcurement(p => p with { Route = ProcurementRoute.Open, Reservation = Reservation.PublicServiceMutual });
        Assert.Equal(Met, mutual.StatusOf("L8"));
        Assert.Equal(Met, TestPlans.Grant().ChangeService(s => s with { LightTouch = true }).StatusOf("L8"));
    }
}
