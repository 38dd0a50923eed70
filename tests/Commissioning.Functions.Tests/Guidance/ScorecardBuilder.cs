using Commissioning.Domain.Plans;
using Commissioning.Domain.Scoring;

namespace Commissioning.Functions.Tests.Guidance;

/// <summary>
/// Builds scorecards by hand for guidance tests, so they do not depend on the scoring engine. Scores and bands are
/// computed from the criteria the way the rubric says (round(100 × earned ÷ applicable), green ≥ 70, amber ≥ 40),
/// and recommendations default to every criterion not fully met with its gain, in the order criteria were added.
/// </summary>
public sealed class ScorecardBuilder
{
    private readonly List<(string Id, string Title, List<CriterionResult> Criteria)> _dimensions = [];
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
        _dimensions.Add((id, title, [.. criteria]));
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
        Rule = $"The rule for {id}.",
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
            var score = weight == 0 ? 0 : (int)Math.Round(100m * applicable.Sum(c => c.Points) / weight, MidpointRounding.AwayFromZero);
            return new DimensionScore { Id = d.Id, Title = d.Title, Score = score, Band = BandFor(score), Criteria = d.Criteria };
        }).ToList();
        var overall = dimensions.Count == 0 ? 0 : (int)Math.Round(dimensions.Average(d => (decimal)d.Score), MidpointRounding.AwayFromZero);

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
            Overall = new OverallScore(overall, BandFor(overall)),
            Dimensions = dimensions,
            Alerts = _alerts,
            MissingFields = _missingFields,
            Recommendations = recommendations,
            Principles = _principles,
            Notes = _notes,
        };
    }

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
