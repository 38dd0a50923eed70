using RubricVersions = Commissioning.Domain.Rubrics.Rubrics;

namespace Commissioning.Domain.Tests.Scoring;

/// <summary>Plans built in code for rule tests: each starts meeting every criterion, and a test changes one thing.</summary>
internal static class TestPlans
{
    public static readonly DateOnly TenderDate = new(2026, 3, 2);

    /// <summary>A £180,000 goods-and-services contract below the threshold that meets every applicable criterion.</summary>
    public static Plan Procured() => new()
    {
        SchemaVersion = "1.0",
        Council = new CouncilRef { Code = "E07000243", Name = "Stevenage Borough Council" },
        Reference = "TEST-1",
        Title = "Community gardening",
        Service = new Service
        {
            Category = ServiceCategory.Environment,
            LightTouch = false,
            HealthcareService = false,
            Neighbourhoods = ["Bedwell", "Shephall"],
            LinkedServices = ["Green social prescribing"],
        },
        Budget = new Budget
        {
            TotalValue = 180_000,
            TermMonths = 36,
            ExtensionMonths = 0,
            BreakClause = true,
            FundingModel = FundingModel.Contract,
            GrantConsidered = "The council sets the work programme.",
            PaymentTermsDays = 14,
            PaymentSchedule = PaymentSchedule.Monthly,
            PaymentByResultsPercent = 0,
            FullCostRecovery = true,
            CommunityControlledPercent = 10,
        },
        Procurement = new Procurement
        {
            Route = ProcurementRoute.BelowThresholdOpen,
            PlannedTenderDate = TenderDate,
            Reservation = Reservation.LocalAreaAndSmeVcse,
            Lots = [new Lot { Name = "North", Value = 90_000, Basis = LotBasis.Geography }, new Lot { Name = "South", Value = 90_000, Basis = LotBasis.Geography }],
            ConsortiaWelcome = true,
            BidWindowDays = 35,
            SelectionQuestionnaire = false,
            MinimumAnnualTurnover = 0,
            Insurance = new Insurance { PublicLiability = 1_000_000, RequiredAt = InsuranceStage.Award },
            Weighting = new Weighting { Quality = 60, Price = 30, SocialValue = 10 },
            SocialValueMeasures = [new SocialValueMeasure { Description = "Local volunteers", Local = true }],
            LocalSpendTargetPercent = 60,
            LocalDefinition = "SG1 and SG2",
            ScoredQuestions = 5,
            WordLimitTotal = 5_000,
            Tupe = new Tupe { Applies = false },
            NoticePlanned = true,
        },
        Market = new Market
        {
            Engagement =
            [
                new EngagementEvent
                {
                    Date = new DateOnly(2025, 12, 1),
                    Format = EngagementFormat.Workshop,
                    Organisations = [new EngagedOrganisation { Name = "Stevenage CVS", Type = OrganisationType.Infrastructure, Postcode = "SG1 1HN" }],
                },
            ],
        },
        CoDesign = new CoDesign
        {
            InvolvementLevel = InvolvementLevel.CoProduction,
            Activities =
            [
                new CoDesignActivity { Stage = CycleStage.Needs, Method = CoDesignMethod.Workshop, Groups = ["carers"], AccessibleFormats = true },
                new CoDesignActivity { Stage = CycleStage.Specification, Method = CoDesignMethod.FocusGroup, Groups = ["young people"], AccessibleFormats = false },
                new CoDesignActivity { Stage = CycleStage.Evaluation, Method = CoDesignMethod.CitizensPanel, Groups = [], AccessibleFormats = false },
            ],
            EvaluationPanel = new EvaluationPanel { ResidentsScore = true, Trained = true, ConflictsDeclared = true },
            SocialValueConsultation = SocialValueConsultation.Done,
            Feedback = new Feedback { Published = true, WithinWeeks = 6 },
            OutcomesCoDesigned = true,
            CommunityReviewMonths = 12,
        },
    };

    /// <summary>The same plan funded as a grant programme of awards up to £15,000.</summary>
    public static Plan Grant() => Procured()
        .ChangeBudget(b => b with { FundingModel = FundingModel.Grant, MaximumAward = 15_000, GrantConsidered = null })
        .ChangeProcurement(p => p with { Route = ProcurementRoute.GrantAward, Lots = null, Weighting = null, SocialValueMeasures = null, Tupe = null });

    public static Plan ChangeBudget(this Plan plan, Func<Budget, Budget> change) => plan with { Budget = change(plan.Budget ?? new Budget()) };
    public static Plan ChangeProcurement(this Plan plan, Func<Procurement, Procurement> change) => plan with { Procurement = change(plan.Procurement ?? new Procurement()) };
    public static Plan ChangeService(this Plan plan, Func<Service, Service> change) => plan with { Service = change(plan.Service ?? new Service()) };
    public static Plan ChangeCoDesign(this Plan plan, Func<CoDesign, CoDesign> change) => plan with { CoDesign = change(plan.CoDesign ?? new CoDesign()) };

    public static Plan WithEngagement(this Plan plan, params EngagementEvent[] events) => plan with { Market = new Market { Engagement = events } };

    public static Scorecard Score(this Plan plan, Council? council = null, bool unregistered = false, DateOnly? today = null) =>
        ScoringEngine.Score(plan, RubricVersions.Current, unregistered ? null : council ?? Samples.Stevenage, today ?? Samples.Today);

    public static CriterionResult Criterion(this Scorecard scorecard, string id) =>
        scorecard.Dimensions.SelectMany(d => d.Criteria).Single(c => c.Id == id);

    /// <summary>Asserts a criterion's whole result as the commissioner reads it: status, recommendation and evidence, in order.</summary>
    public static void AssertResult(this Plan plan, string id, CriterionStatus status, string? recommendation, IReadOnlyList<Evidence> evidence)
    {
        var result = plan.Score().Criterion(id);
        Assert.Equal(status, result.Status);
        Assert.Equal(recommendation, result.Recommendation);
        Assert.Equal(evidence, result.Evidence);
    }

    public static DimensionScore Dimension(this Scorecard scorecard, string id) => scorecard.Dimensions.Single(d => d.Id == id);

    public static CriterionStatus StatusOf(this Plan plan, string id) => plan.Score().Criterion(id).Status;

    public static IReadOnlyList<string> AlertIds(this Plan plan) => plan.Score().Alerts.Select(a => a.Id).ToList();

    /// <summary>The overall score before rounding, recomputed from the criteria on the scorecard.</summary>
    public static decimal UnroundedOverall(this Scorecard scorecard) =>
        scorecard.Dimensions.Average(d =>
        {
            var applicable = d.Criteria.Where(c => c.Status != CriterionStatus.NotApplicable).ToList();
            return 100m * applicable.Sum(c => c.Points) / applicable.Sum(c => c.Weight);
        });
}
