using System.Text.Json.Serialization;

namespace Commissioning.Domain.Plans;

// The commissioning plan a commissioner submits; its published JSON Schema (GET /api/schema/plan) comes from PlanShape.cs.
// Every member that is not required is nullable: a missing field is evidence that is absent,
// never an error. Shapes and limits for validation and the JSON Schema live in PlanShape.cs;
// a test proves the two agree member by member.

public sealed record Plan
{
    public required string SchemaVersion { get; init; }
    public required CouncilRef Council { get; init; }
    public required string Reference { get; init; }
    public required string Title { get; init; }
    public Commissioner? Commissioner { get; init; }
    public Service? Service { get; init; }
    public Budget? Budget { get; init; }
    public Procurement? Procurement { get; init; }
    public Market? Market { get; init; }
    public CoDesign? CoDesign { get; init; }
    public string? Narrative { get; init; }
}

public sealed record CouncilRef
{
    public required string Code { get; init; }
    public string? Name { get; init; }
}

public sealed record Commissioner
{
    public string? Name { get; init; }
    public string? Team { get; init; }
    public string? Email { get; init; }
}

public sealed record Service
{
    public ServiceCategory? Category { get; init; }
    public string? Description { get; init; }
    public bool? LightTouch { get; init; }
    public bool? HealthcareService { get; init; }
    public IReadOnlyList<string>? Neighbourhoods { get; init; }
    public IReadOnlyList<string>? LinkedServices { get; init; }
}

public sealed record Budget
{
    public decimal? TotalValue { get; init; }
    public int? TermMonths { get; init; }
    public int? ExtensionMonths { get; init; }
    public bool? BreakClause { get; init; }
    public FundingModel? FundingModel { get; init; }
    public decimal? MaximumAward { get; init; }
    public string? GrantConsidered { get; init; }
    public int? PaymentTermsDays { get; init; }
    public PaymentSchedule? PaymentSchedule { get; init; }
    public decimal? PaymentByResultsPercent { get; init; }
    public bool? FullCostRecovery { get; init; }
    public decimal? CommunityControlledPercent { get; init; }
}

public sealed record Procurement
{
    public ProcurementRoute? Route { get; init; }
    public DateOnly? PlannedTenderDate { get; init; }
    public Reservation? Reservation { get; init; }
    public string? ReservationReason { get; init; }
    public IReadOnlyList<Lot>? Lots { get; init; }
    public string? NoLotsReason { get; init; }
    public bool? ConsortiaWelcome { get; init; }
    public int? BidWindowDays { get; init; }
    public bool? SelectionQuestionnaire { get; init; }
    public decimal? MinimumAnnualTurnover { get; init; }
    public Insurance? Insurance { get; init; }
    public Weighting? Weighting { get; init; }
    public IReadOnlyList<SocialValueMeasure>? SocialValueMeasures { get; init; }
    public decimal? LocalSpendTargetPercent { get; init; }
    public string? LocalDefinition { get; init; }
    public int? ScoredQuestions { get; init; }
    public int? WordLimitTotal { get; init; }
    public Tupe? Tupe { get; init; }
    public bool? NoticePlanned { get; init; }
}

public sealed record Lot
{
    public string? Name { get; init; }
    public decimal? Value { get; init; }
    public LotBasis? Basis { get; init; }
}

public sealed record Insurance
{
    public decimal? PublicLiability { get; init; }
    public InsuranceStage? RequiredAt { get; init; }
}

public sealed record Weighting
{
    public decimal? Quality { get; init; }
    public decimal? Price { get; init; }
    public decimal? SocialValue { get; init; }
}

public sealed record SocialValueMeasure
{
    public string? Description { get; init; }
    public bool? Local { get; init; }
}

public sealed record Tupe
{
    public bool? Applies { get; init; }
    public TupeInformationStage? InformationAt { get; init; }
}

public sealed record Market
{
    public IReadOnlyList<EngagementEvent>? Engagement { get; init; }
}

public sealed record EngagementEvent
{
    public DateOnly? Date { get; init; }
    public EngagementFormat? Format { get; init; }
    public IReadOnlyList<EngagedOrganisation>? Organisations { get; init; }
}

public sealed record EngagedOrganisation
{
    public string? Name { get; init; }
    public OrganisationType? Type { get; init; }
    public string? Postcode { get; init; }
}

public sealed record CoDesign
{
    public InvolvementLevel? InvolvementLevel { get; init; }
    public IReadOnlyList<CoDesignActivity>? Activities { get; init; }
    public EvaluationPanel? EvaluationPanel { get; init; }
    public SocialValueConsultation? SocialValueConsultation { get; init; }
    public Feedback? Feedback { get; init; }
    public bool? OutcomesCoDesigned { get; init; }
    public int? CommunityReviewMonths { get; init; }
}

public sealed record CoDesignActivity
{
    public CycleStage? Stage { get; init; }
    public CoDesignMethod? Method { get; init; }
    public DateOnly? Date { get; init; }
    public int? Participants { get; init; }
    public IReadOnlyList<string>? Groups { get; init; }
    public bool? AccessibleFormats { get; init; }
}

public sealed record EvaluationPanel
{
    public bool? ResidentsScore { get; init; }
    public bool? Trained { get; init; }
    public bool? ConflictsDeclared { get; init; }
}

public sealed record Feedback
{
    public bool? Published { get; init; }
    public int? WithinWeeks { get; init; }
}
