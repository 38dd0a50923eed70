namespace Commissioning.Domain.Scoring;

/// <summary>What the rules need to know about a plan beyond its own fields: funding type, threshold, annual value.</summary>
internal sealed class PlanFacts
{
    public PlanFacts(Plan plan, Rubric rubric, Council? council, DateOnly today)
    {
        Plan = plan;
        Rubric = rubric;
        scoringDate = today;
        Parameters = rubric.Parameters;
        Council = council;
        Budget = plan.Budget ?? EmptyBudget;
        Procurement = plan.Procurement ?? EmptyProcurement;
        Service = plan.Service ?? EmptyService;
        CoDesign = plan.CoDesign ?? EmptyCoDesign;

        GrantType = Budget.FundingModel is FundingModel.Grant or FundingModel.ParticipatoryBudget or FundingModel.CommunityChest
                    || Procurement.Route == ProcurementRoute.GrantAward;
        ThresholdDateIsPlanned = Procurement.PlannedTenderDate is not null;
        ThresholdDate = Procurement.PlannedTenderDate ?? today;
        Threshold = Find(rubric, Service.LightTouch == true ? ThresholdKind.LightTouch : ThresholdKind.GoodsAndServices, ThresholdDate);
        NoticeThreshold = Find(rubric, ThresholdKind.BelowThresholdNotice, ThresholdDate);

        TotalValue = Budget.TotalValue;
        if (Budget.TermMonths is { } term)
        {
            TotalTermMonths = term + (Budget.ExtensionMonths ?? 0);
        }
        if (TotalValue is { } value && TotalTermMonths is > 0 and var months)
        {
            AnnualValue = value / (months / 12m);
        }
        LocalDistricts = council is { LocalPostcodeDistricts.Count: > 0 } ? council.LocalPostcodeDistricts : null;
    }

    private readonly DateOnly scoringDate;

    /// <summary>The same facts for another version of the plan (the same rubric, council and scoring date).</summary>
    public PlanFacts With(Plan plan) => new(plan, Rubric, Council, scoringDate);

    private static readonly Budget EmptyBudget = new();
    private static readonly Procurement EmptyProcurement = new();
    private static readonly Service EmptyService = new();
    private static readonly CoDesign EmptyCoDesign = new();

    public Plan Plan { get; }
    public Rubric Rubric { get; }
    public RuleParameters Parameters { get; }
    public Council? Council { get; }
    public Budget Budget { get; }
    public Procurement Procurement { get; }
    public Service Service { get; }
    public CoDesign CoDesign { get; }

    /// <summary>Grant, participatory budget or community chest funding, or a grant-award route: outside the Procurement Act.</summary>
    public bool GrantType { get; }
    public DateOnly ThresholdDate { get; }
    public bool ThresholdDateIsPlanned { get; }
    /// <summary>Light-touch when the service says so, otherwise goods and services; the one in force on <see cref="ThresholdDate"/>.</summary>
    public Threshold Threshold { get; }
    public Threshold NoticeThreshold { get; }
    public decimal? TotalValue { get; }
    /// <summary>Term plus extensions, when the term is known (a missing extension counts as none).</summary>
    public int? TotalTermMonths { get; }
    /// <summary>Total value ÷ (term with extensions in years).</summary>
    public decimal? AnnualValue { get; }
    /// <summary>The council's local postcode districts; null when the council is not registered or lists none.</summary>
    public IReadOnlyList<string>? LocalDistricts { get; }

    /// <summary>True when a text field says something (not missing, empty or blank).</summary>
    public static bool Given(string? text) => !string.IsNullOrWhiteSpace(text);

    /// <summary>True or false when the total value is known: compared with the threshold as the Act does (whole term, VAT included).</summary>
    public bool? AtOrAboveThreshold => TotalValue is { } value ? value >= Threshold.Amount : null;

    /// <summary>"£207,720 (goods and services (councils))".</summary>
    public string ThresholdText => $"{ThresholdAmountText} ({Threshold.Name})";
    public string ThresholdAmountText => Wording.Money(Threshold.Amount);
    /// <summary>The total value in words ("£480,000"), read only where a rule or alert knows the value is given.</summary>
    public string TotalValueText => Wording.Money(TotalValue ?? 0m);

    private static Threshold Find(Rubric rubric, ThresholdKind kind, DateOnly date)
    {
        foreach (var threshold in rubric.Thresholds)
        {
            if (threshold.Kind == kind && threshold.InForceOn(date))
            {
                return threshold;
            }
        }
        throw new InvalidOperationException($"Rubric {rubric.Version} has no {kind} threshold in force on {Wording.Date(date)}.");
    }
}
