using BenchmarkDotNet.Attributes;
using Commissioning.Domain.Plans;
using Commissioning.Domain.Scoring;
using Commissioning.Functions.Guidance;
using Commissioning.Functions.Rendering;

namespace Commissioning.Benchmarks;

// dotnet run -c Release --project tests/Commissioning.Benchmarks -- --filter '*RenderGuidance*'
// What one submission pays to write its guidance: the page model, then each template.
[MemoryDiagnoser]
public class RenderGuidanceBenchmarks
{
    private GuidanceRenderer _renderer = null!;
    private TemplateLibrary _templates = null!;
    private Plan _plan = null!;
    private Scorecard _scorecard = null!;
    private GuidancePage _page = null!;
    private readonly GuidanceLinks _links = new("/api/plans/E07000243/SBC-2026-014", "/api/plans/E07000243/SBC-2026-014/guidance?format=html", "/api/plans/E07000243/SBC-2026-014/guidance?format=md");

    [GlobalSetup]
    public void Setup()
    {
        _templates = new TemplateLibrary(TemplateLibrary.LocateDefaultDirectory());
        _renderer = new GuidanceRenderer(_templates);
        _plan = new Plan
        {
            SchemaVersion = "1.0",
            Council = new CouncilRef { Code = "E07000243", Name = "Stevenage Borough Council" },
            Reference = "SBC-2026-014",
            Title = "Neighbourhood wellbeing hubs",
            Budget = new Budget { TotalValue = 480000, TermMonths = 36, ExtensionMonths = 24, FundingModel = FundingModel.Contract },
            Procurement = new Procurement { Route = ProcurementRoute.BelowThresholdOpen, PlannedTenderDate = new DateOnly(2026, 3, 2), BidWindowDays = 10 },
            Narrative = "We ran two workshops with residents in Bedwell.",
        };
        _scorecard = FullRubricScorecard();
        _page = GuidancePage.From(_plan, _scorecard, 3, _links, null);
    }

    [Benchmark(Baseline = true)]
    public GuidanceDocuments HtmlAndMarkdown() => _renderer.Render(_plan, _scorecard, 3, _links);

    [Benchmark]
    public GuidancePage PageModelOnly() => GuidancePage.From(_plan, _scorecard, 3, _links, null);

    [Benchmark]
    public string HtmlTemplateOnly() => _templates.Render(GuidanceRenderer.HtmlTemplate, _page);

    [Benchmark]
    public string MarkdownTemplateOnly() => _templates.Render(GuidanceRenderer.MarkdownTemplate, _page);

    /// <summary>A scorecard the size of the real rubric: 3 dimensions × 8 criteria, a mix of statuses, two alerts.</summary>
    private static Scorecard FullRubricScorecard()
    {
        CriterionStatus[] statuses = [CriterionStatus.Met, CriterionStatus.PartlyMet, CriterionStatus.NotMet, CriterionStatus.NotEvidenced, CriterionStatus.NotApplicable];
        var dimensions = new[] { ("local-by-default", "Local by default", 'L'), ("proportionate-funding", "Proportionate funding", 'P'), ("co-design", "Co-design through the whole cycle", 'C') }
            .Select((d, di) => new DimensionScore
            {
                Id = d.Item1,
                Title = d.Item2,
                Score = 40 + (di * 15),
                Band = Band.Amber,
                Criteria = Enumerable.Range(1, 8).Select(i =>
                {
                    var status = statuses[(i + di) % statuses.Length];
                    return new CriterionResult
                    {
                        Id = $"{d.Item3}{i}",
                        Title = $"Criterion {d.Item3}{i}",
                        Status = status,
                        Weight = 10,
                        Points = status == CriterionStatus.Met ? 10 : status == CriterionStatus.PartlyMet ? 5 : 0,
                        Evidence = [new Evidence("procurement.bidWindowDays", "10"), new Evidence("budget.totalValue", "480000")],
                        Rule = "≥ 30 days met; 15–29 partly; < 15 not met.",
                        Recommendation = status is CriterionStatus.Met or CriterionStatus.NotApplicable ? null : "Give at least 30 days to bid: the plan gives 10.",
                        Gain = status is CriterionStatus.Met or CriterionStatus.NotApplicable ? 0 : 3.3m,
                        Principles = [5, 6],
                        Basis = new Basis(BasisKind.Rubric, "The rubric's own judgement"),
                        MissingFields = status == CriterionStatus.NotEvidenced ? ["coDesign.activities"] : [],
                    };
                }).ToList(),
            }).ToList();

        return new Scorecard
        {
            RubricVersion = "2026.1",
            CouncilCode = "E07000243",
            Reference = "SBC-2026-014",
            ScoredFor = new DateOnly(2026, 3, 2),
            Overall = new OverallScore(55, Band.Amber),
            Dimensions = dimensions,
            Alerts = [new ComplianceAlert("A4", "Payment terms above 30 days", "The plan pays in 45 days.", "Procurement Act 2023 s.88"), new ComplianceAlert("A6", "Selection questionnaire below threshold", "A selection questionnaire is used.", "s.85")],
            MissingFields = ["coDesign.activities"],
            Recommendations = dimensions.SelectMany(d => d.Criteria.Where(c => c.Recommendation is not null)
                .Select(c => new Recommendation(c.Id, d.Id, c.Title, c.Status, c.Gain, c.Recommendation!))).ToList(),
            Principles = Enumerable.Range(1, 6).Select(n => new PrincipleSummary(n, $"Principle {n}", n * 15, n * 15 >= 70 ? Band.Green : Band.Amber)).ToList(),
            Notes = ["Council E07000243 is not registered."],
        };
    }
}
