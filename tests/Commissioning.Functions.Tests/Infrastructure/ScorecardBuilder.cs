
namespace Commissioning.Functions.Tests.Infrastructure;

/// <summary>
/// Builds scorecards by hand, so tests of guidance, the advisor and notifications do not depend on the scoring engine.
/// Scores and bands are computed from the criteria the way the rubric says (round(100 × earned ÷ applicable),
/// green ≥ 70, amber ≥ 40) unless a test states them, and recommendations default to every criterion not fully met
/// with its gain, in the order criteria were added.
/// </summary>
public sealed class ScorecardBuilder
{
    private readonly List<(string Id, string Title, List<CriterionResult> Criteria, OverallScore? Stated)> _dimensions = [];
    private OverallScore? _overall;
    private readonly List<ComplianceAlert> _alerts = [];
    private readonly List<string> _missingFields = [];
    private readonly List<string> _notes = [];
    private readonly List<PrincipleSummary> _principles = [];
    private List<Recommendation>? _recommendations;
    private readonly Dictionary<string, string> _recommendationTexts = new(StringComparer.Ordinal);

    public string CouncilCode { get; init; } = "E07000243";
    public string Reference { get; init; } = "SBC-2026-014";
    public DateOnly ScoredFor { get; init; } = new(2026, 3, 2);

    public ScorecardBuilder Dimension(string id, string title, params CriterionResult[] criteria)
    {
        _dimensions.Add((id, title, [.. criteria], null));
        return this;
    }

    /// <summary>A dimension whose score and band the test states (not computed from its criteria).</summary>
    public ScorecardBuilder Dimension(string id, string title, int score, Band band, params CriterionResult[] criteria)
    {
        _dimensions.Add((id, title, [.. criteria], new OverallScore(score, band)));
        return this;
    }

    /// <summary>The overall score and band as the test states them (not the mean of the dimensions).</summary>
    public ScorecardBuilder Overall(int score, Band band)
    {
        _overall = new OverallScore(score, band);
        return this;
    }

    public ScorecardBuilder Alert(string id, string title, string message, string basis)
    {
        _alerts.Add(new ComplianceAlert(id, title, message, basis));
        return this;
    }

    public ScorecardBuilder MissingField(string field)
    {
        _missingFields.Add(field);
        return this;
    }

    public ScorecardBuilder Note(string note)
    {
        _notes.Add(note);
        return this;
    }

    public ScorecardBuilder Principle(int number, string title, int score)
    {
        _principles.Add(new PrincipleSummary(number, title, score, BandFor(score)));
        return this;
    }

    /// <summary>Overrides the text of one recommendation (defaults to the criterion's own recommendation).</summary>
    public ScorecardBuilder RecommendationText(string criterionId, string text)
    {
        _recommendationTexts[criterionId] = text;
        return this;
    }

    /// <summary>Sets the recommendations exactly as given (in this order), instead of deriving them.</summary>
    public ScorecardBuilder Recommendations(params Recommendation[] recommendations)
    {
        _recommendations = [.. recommendations];
        return this;
    }

    public static CriterionResult Criterion(
        string id,
        string title,
        CriterionStatus status,
        int weight,
        decimal? points = null,
        string? recommendation = null,
        decimal gain = 0,
        IReadOnlyList<Evidence>? evidence = null,
        IReadOnlyList<string>? missingFields = null,
        BasisKind basis = BasisKind.Rubric,
        string basisText = "The rubric's own judgement",
        string? rule = null,
        params int[] principles) => new()
    {
        Id = id,
        Title = title,
        Status = status,
        Weight = weight,
        Points = points ?? status switch
        {
            CriterionStatus.Met => weight,
            CriterionStatus.PartlyMet => weight / 2m,
            _ => 0,
        },
        Evidence = evidence ?? [],
        Rule = rule ?? $"The rule for {id}.",
        Recommendation = status is CriterionStatus.Met or CriterionStatus.NotApplicable ? null : recommendation ?? $"Do better on {id}.",
        Gain = gain,
        Principles = principles,
        Basis = new Basis(basis, basisText),
        MissingFields = missingFields ?? [],
    };

    public Scorecard Build()
    {
        var dimensions = _dimensions.Select(d =>
        {
            var applicable = d.Criteria.Where(c => c.Status != CriterionStatus.NotApplicable).ToList();
            var weight = applicable.Sum(c => c.Weight);
            var score = d.Stated?.Score ?? (weight == 0 ? 0 : (int)Math.Round(100m * applicable.Sum(c => c.Points) / weight, MidpointRounding.AwayFromZero));
            return new DimensionScore { Id = d.Id, Title = d.Title, Score = score, Band = d.Stated?.Band ?? BandFor(score), Criteria = d.Criteria };
        }).ToList();
        var overall = _overall ?? OverallOf(dimensions);

        var recommendations = _recommendations ?? dimensions
            .SelectMany(d => d.Criteria
                .Where(c => c.Recommendation is not null)
                .Select(c => new Recommendation(c.Id, d.Id, c.Title, c.Status, c.Gain, _recommendationTexts.GetValueOrDefault(c.Id, c.Recommendation!))))
            .ToList();

        return new Scorecard
        {
            RubricVersion = "2026.1",
            CouncilCode = CouncilCode,
            Reference = Reference,
            ScoredFor = ScoredFor,
            Overall = overall,
            Dimensions = dimensions,
            Alerts = _alerts,
            MissingFields = _missingFields,
            Recommendations = recommendations,
            Principles = _principles,
            Notes = _notes,
        };
    }

    private static OverallScore OverallOf(List<DimensionScore> dimensions)
    {
        var overall = dimensions.Count == 0 ? 0 : (int)Math.Round(dimensions.Average(d => (decimal)d.Score), MidpointRounding.AwayFromZero);
        return new OverallScore(overall, BandFor(overall));
    }

    /// <summary>
    /// A plan scoring 56 overall (amber): local by default 62 (amber), proportionate funding 71 (green),
    /// co-design 35 (red). Criteria needing advice: L4, L5, P4, C1, C2. Met: L1, P1. Not applicable: C5.
    /// </summary>
    public static Scorecard Typical() => new ScorecardBuilder { ScoredFor = new DateOnly(2026, 2, 2) }
        .Overall(56, Band.Amber)
        .Dimension("local-by-default", "Local by default", 62, Band.Amber,
            Advised("L1", "Reservation considered", CriterionStatus.Met, 15, 0),
            Advised("L4", "Early, two-way market engagement with local organisations", CriterionStatus.PartlyMet, 15, 2.5m,
                "Hold a market engagement event at least 8 weeks before 2 March 2026 and invite a local VCSE."),
            Advised("L5", "Social value with a local element", CriterionStatus.NotMet, 15, 5m,
                "Raise the social value weighting from 3% to at least 10% and add a local measure."))
        .Dimension("proportionate-funding", "Proportionate funding", 71, Band.Green,
            Advised("P1", "Grant considered", CriterionStatus.Met, 15, 0),
            Advised("P4", "Time to bid", CriterionStatus.PartlyMet, 10, 1.7m, "Give bidders at least 30 days rather than 20."))
        .Dimension("co-design", "Co-design through the whole cycle", 35, Band.Red,
            Advised("C1", "Depth of involvement", CriterionStatus.PartlyMet, 20, 3.3m, "Move from consultation towards co-design with residents."),
            Advised("C2", "Involvement across the cycle", CriterionStatus.NotEvidenced, 20, 6.7m, null, "coDesign.activities"),
            Advised("C5", "Money the community controls", CriterionStatus.NotApplicable, 10, 0))
        .Alert("A4", "Payment terms above 30 days", "Payment terms of 45 days: check with your procurement/legal team.", "Procurement Act 2023 s.88")
        .Principle(6, "Commission simply and collaboratively", 60)
        .Build();

    private static CriterionResult Advised(string id, string title, CriterionStatus status, int weight, decimal gain, string? recommendation = null, string? missing = null) =>
        Criterion(id, title, status, weight, recommendation: recommendation, gain: gain, evidence: [new Evidence("example.field", "12")],
            missingFields: missing is null ? [] : [missing], rule: $"The rubric's rule for {id} in plain English.", principles: [6])
        with { Recommendation = recommendation };

    private static Band BandFor(int score) => score >= 70 ? Band.Green : score >= 40 ? Band.Amber : Band.Red;

    /// <summary>A realistic plan, close to the schema's example, with every text field filled.</summary>
    public static Plan ExamplePlan(string? everyText = null) => new()
    {
        SchemaVersion = "1.0",
        Council = new CouncilRef { Code = "E07000243", Name = everyText ?? "Stevenage Borough Council" },
        Reference = everyText ?? "SBC-2026-014",
        Title = everyText ?? "Neighbourhood wellbeing hubs",
        Commissioner = new Commissioner { Name = everyText ?? "A. Officer", Team = everyText ?? "Communities", Email = "a.officer@example.gov.uk" },
        Service = new Service
        {
            Category = ServiceCategory.Community,
            Description = everyText ?? "Drop-in wellbeing hubs in two neighbourhoods.",
            LightTouch = true,
            HealthcareService = false,
            Neighbourhoods = [everyText ?? "Bedwell", "Shephall"],
            LinkedServices = [everyText ?? "GP social prescribing"],
        },
        Budget = new Budget
        {
            TotalValue = 480000,
            TermMonths = 36,
            ExtensionMonths = 24,
            BreakClause = true,
            FundingModel = FundingModel.Contract,
            GrantConsidered = everyText ?? "A contract is needed because outcomes are specified.",
            PaymentTermsDays = 45,
            PaymentSchedule = PaymentSchedule.Monthly,
        },
        Procurement = new Procurement
        {
            Route = ProcurementRoute.BelowThresholdOpen,
            PlannedTenderDate = new DateOnly(2026, 3, 2),
            Lots = [new Lot { Name = everyText ?? "North", Value = 240000, Basis = LotBasis.Geography }, new Lot { Name = "South", Value = 240000 }],
            BidWindowDays = 10,
            LocalDefinition = everyText ?? "Stevenage postcode districts SG1 and SG2",
        },
        Narrative = everyText ?? "We ran two workshops with residents in Bedwell.",
    };
}
