
namespace Commissioning.Domain.Rubrics;

/// <summary>
/// A versioned rubric: criteria, weights, thresholds, alerts, their texts and every number the rules use.
/// It is data: a later law change or a council's own version is a new <see cref="Rubric"/> value, and the
/// scoring engine reads everything it compares against from here. Why each rule reads as it does: docs/rubric.md.
/// </summary>
public sealed record Rubric
{
    public required string Version { get; init; }
    /// <summary>What this version is and where it comes from.</summary>
    public string Description { get; init; } = "";
    public required BandLimits Bands { get; init; }
    /// <summary>The share of a criterion's weight each status earns (met 1.0, partly-met 0.5, otherwise 0).</summary>
    public required StatusShares Shares { get; init; }
    public required IReadOnlyList<Principle> Principles { get; init; }
    /// <summary>Dimensions in the order they are shown, each with its criteria in order.</summary>
    public required IReadOnlyList<DimensionDefinition> Dimensions { get; init; }
    /// <summary>Procurement Act thresholds with the dates they are in force.</summary>
    public required IReadOnlyList<Threshold> Thresholds { get; init; }
    public required IReadOnlyList<AlertDefinition> Alerts { get; init; }
    public required RuleParameters Parameters { get; init; }
    /// <summary>Texts the engine uses outside any one criterion (placeholders in braces).</summary>
    public required RubricTexts Texts { get; init; }
}

/// <summary>green ≥ <see cref="GreenFrom"/>, amber ≥ <see cref="AmberFrom"/>, red below.</summary>
public sealed record BandLimits(int GreenFrom, int AmberFrom)
{
    public Band For(int score) => score >= GreenFrom ? Band.Green : score >= AmberFrom ? Band.Amber : Band.Red;
}

public sealed record StatusShares(decimal Met, decimal PartlyMet);

/// <summary>A Keep it Local principle (1–6).</summary>
public sealed record Principle(int Number, string Title);

public sealed record DimensionDefinition
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<CriterionDefinition> Criteria { get; init; }
}

public sealed record CriterionDefinition
{
    /// <summary>L1–L8, P1–P8, C1–C8: the engine finds the rule by this id.</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required int Weight { get; init; }
    /// <summary>Keep it Local principles (1–6) the criterion serves.</summary>
    public required IReadOnlyList<int> Principles { get; init; }
    /// <summary>The rule in plain English, as shown to the commissioner.</summary>
    public required string Rule { get; init; }
    public required Basis Basis { get; init; }
    /// <summary>Advice for each way the criterion can fall short; placeholders in braces take the plan's own values.</summary>
    public required IReadOnlyList<RecommendationTemplate> Recommendations { get; init; }
}

/// <summary>One piece of advice, chosen by <see cref="Key"/> when the rule finds that shortfall.</summary>
public sealed record RecommendationTemplate(string Key, string Text);

public enum ThresholdKind
{
    [System.Text.Json.Serialization.JsonStringEnumMemberName("goods-and-services")] GoodsAndServices,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("light-touch")] LightTouch,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("works")] Works,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("below-threshold-notice")] BelowThresholdNotice,
}

/// <summary>A threshold (VAT included) in force from <see cref="From"/> to <see cref="Until"/> inclusive; null means open-ended.</summary>
public sealed record Threshold(ThresholdKind Kind, string Name, decimal Amount, DateOnly? From, DateOnly? Until, string Source)
{
    public bool InForceOn(DateOnly date) => (From is null || date >= From) && (Until is null || date <= Until);
}

public sealed record AlertDefinition
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>Plain-English condition, for the reader of the rubric.</summary>
    public required string When { get; init; }
    /// <summary>Message with placeholders; always ends by asking the commissioner to check.</summary>
    public required string Message { get; init; }
    public required string Basis { get; init; }
}

/// <summary>A step on the ladder of co-production and the share of C1's weight it earns.</summary>
public sealed record InvolvementShare(InvolvementLevel Level, decimal Share);

/// <summary>Every number a rule compares against. A new rubric version changes these, not the engine.</summary>
public sealed record RuleParameters
{
    // Local by default
    /// <summary>L2: lots are expected above this total value (or above the threshold).</summary>
    public required decimal LotsExpectedAboveValue { get; init; }
    /// <summary>L3: the largest annual value a local organisation can realistically win alone.</summary>
    public required decimal LocalSizeAnnualValue { get; init; }
    /// <summary>L3: up to this multiple of <see cref="LocalSizeAnnualValue"/> is within reach of a consortium.</summary>
    public required decimal ConsortiumSizeMultiple { get; init; }
    /// <summary>L4: engagement this many weeks before the planned tender date counts as early.</summary>
    public required int EarlyEngagementWeeks { get; init; }
    /// <summary>L4: organisation types that count as the local voluntary sector.</summary>
    public required IReadOnlyList<OrganisationType> LocalSectorTypes { get; init; }
    /// <summary>L5: social value weighting (%) for met; and the floor for partly-met.</summary>
    public required decimal SocialValueMetPercent { get; init; }
    public required decimal SocialValuePartlyPercent { get; init; }
    /// <summary>L6: share of English councils' spend that went to local suppliers, and the year.</summary>
    public required decimal CouncilLocalSpendBenchmarkPercent { get; init; }
    public required int CouncilLocalSpendBenchmarkYear { get; init; }
    /// <summary>L8: routes suited to people-centred services (met).</summary>
    public required IReadOnlyList<ProcurementRoute> PeopleCentredRoutes { get; init; }

    // Proportionate funding
    /// <summary>P2, A4: the longest payment terms (days).</summary>
    public required int PaymentTermsMaxDays { get; init; }
    /// <summary>P2: payment by results (%) up to which is met, and up to which is partly-met.</summary>
    public required decimal PaymentByResultsMetPercent { get; init; }
    public required decimal PaymentByResultsPartlyPercent { get; init; }
    /// <summary>P2: payment schedules that keep a small organisation's cash flowing.</summary>
    public required IReadOnlyList<PaymentSchedule> CashFlowFriendlySchedules { get; init; }
    /// <summary>P3: a turnover test above this multiple of the annual value is disproportionate.</summary>
    public required decimal TurnoverMultipleOfAnnualValue { get; init; }
    /// <summary>P3: public liability cover above this is disproportionate.</summary>
    public required decimal PublicLiabilityMax { get; init; }
    /// <summary>P4: bid window (days) for met, and the floor for partly-met.</summary>
    public required int BidWindowMetDays { get; init; }
    public required int BidWindowPartlyDays { get; init; }
    /// <summary>P5: term with extensions (months) that fits a relationship, and the floor for partly-met.</summary>
    public required int TermMetFromMonths { get; init; }
    public required int TermMetToMonths { get; init; }
    public required int TermPartlyFromMonths { get; init; }
    /// <summary>P6: the highest price weighting (%).</summary>
    public required decimal PriceWeightMaxPercent { get; init; }
    /// <summary>P7: scored questions and total words below threshold for met, and for partly-met.</summary>
    public required int ScoredQuestionsMet { get; init; }
    public required int WordLimitMet { get; init; }
    public required int ScoredQuestionsPartly { get; init; }
    public required int WordLimitPartly { get; init; }
    /// <summary>P7: above threshold the question and word limits are multiplied by this.</summary>
    public required int AboveThresholdProcessMultiple { get; init; }

    // Co-design
    /// <summary>C1: the ladder of co-production.</summary>
    public required IReadOnlyList<InvolvementShare> InvolvementLadder { get; init; }
    /// <summary>C2: stages of the cycle with activity for met, and for partly-met.</summary>
    public required int CycleStagesMet { get; init; }
    public required int CycleStagesPartly { get; init; }
    /// <summary>C5: share of the budget residents decide (%) for met.</summary>
    public required decimal CommunityControlledMetPercent { get; init; }
    /// <summary>C6: distinct groups reached for met.</summary>
    public required int DistinctGroupsMet { get; init; }
    /// <summary>C7: "you said, we did" published within this many weeks.</summary>
    public required int FeedbackWithinWeeks { get; init; }
    /// <summary>C8: a community review at least this often (months).</summary>
    public required int CommunityReviewMaxMonths { get; init; }

    // Alerts
    /// <summary>A3: the longest term (months, with extensions) for a public-service-mutual reservation.</summary>
    public required int MutualReservationMaxMonths { get; init; }
    /// <summary>A2: reservations allowed below threshold only.</summary>
    public required IReadOnlyList<Reservation> BelowThresholdOnlyReservations { get; init; }
    /// <summary>A1, A8: routes that are below-threshold routes; A8: those that are advertised.</summary>
    public required IReadOnlyList<ProcurementRoute> BelowThresholdRoutes { get; init; }
    public required IReadOnlyList<ProcurementRoute> AdvertisedBelowThresholdRoutes { get; init; }
    /// <summary>A9: routes under the Provider Selection Regime.</summary>
    public required IReadOnlyList<ProcurementRoute> ProviderSelectionRegimeRoutes { get; init; }
}

public sealed record RubricTexts
{
    /// <summary>Recommendation for a not-evidenced criterion: {fields}, {title}.</summary>
    public required string NotEvidenced { get; init; }
    /// <summary>Recommendation when the council has no record: {councilCode}.</summary>
    public required string CouncilNotRegisteredRecommendation { get; init; }
    /// <summary>Scorecard note when the council has no record: {councilCode}.</summary>
    public required string CouncilNotRegisteredNote { get; init; }
    /// <summary>Scorecard note naming the threshold used: {threshold}, {thresholdName}, {inForce}, {date}, {dateSource}.</summary>
    public required string ThresholdNote { get; init; }
    /// <summary>Added to a recommendation when some of the criterion's fields are missing: {fields}.</summary>
    public required string PartialEvidence { get; init; }
    /// <summary>
    /// Added to a recommendation when every answer to the missing fields gives the same shortfall (decision 0013):
    /// {status}, {questions}, {fields}.
    /// </summary>
    public required string SettledShortfall { get; init; }
    /// <summary>Scorecard note when a dimension has no applicable criteria: {dimension}.</summary>
    public required string DimensionWithoutApplicableCriteriaNote { get; init; }
}

public static class Rubrics
{
    /// <summary>Every rubric version this build knows, oldest first.</summary>
    public static IReadOnlyList<Rubric> All { get; } = [Rubric2026_1.Rubric];

    /// <summary>The version used when a council has not chosen one.</summary>
    public static Rubric Current => Rubric2026_1.Rubric;

    public static bool TryGet(string version, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Rubric? rubric)
    {
        rubric = All.FirstOrDefault(r => string.Equals(r.Version, version, StringComparison.Ordinal));
        return rubric is not null;
    }

    /// <exception cref="KeyNotFoundException">No rubric has that version.</exception>
    public static Rubric Get(string version) =>
        TryGet(version, out var rubric)
            ? rubric
            : throw new KeyNotFoundException($"No rubric version '{version}'. Known versions: {string.Join(", ", All.Select(r => r.Version))}.");
}
