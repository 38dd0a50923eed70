using Commissioning.Domain.Plans;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Commissioning.Functions.Rendering;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Commissioning.Functions.Advisor;

/// <summary>
/// Builds the conversation sent to the model about a plan from two templates: <c>advisor-system.sbn</c> (who the model is and
/// the rules) and <c>advisor-prompt.sbn</c> (the task, with the scorecard and the plan's own words as delimited
/// data). The data is JSON in which &lt;, &gt;, &amp; and quotes are escaped, so nothing a commissioner types can
/// close a data block or open a new message. The messages are given to the chat service as they are: no
/// Semantic Kernel prompt-template parsing ever sees plan text.
/// </summary>
public sealed partial class AdvisorPrompt(TemplateLibrary templates)
{
    public const string SystemTemplate = "advisor-system.sbn";
    public const string UserTemplate = "advisor-prompt.sbn";
    public const string ScorecardBlock = "scorecard-data";
    public const string PlanBlock = "plan-data";

    private static readonly JsonSerializerOptions DataJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Escapes <, >, &, ' and " inside strings whatever the range, keeps £ and accents readable.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public ChatHistory Build(Plan plan, Scorecard scorecard, AdvisorOptions limits)
    {
        var toAdvise = DeterministicNarrative.CriteriaToImprove(scorecard).Select(c => c.Id).ToList();
        var model = new PromptModel(
            ScorecardBlock,
            PlanBlock,
            JsonSerializer.Serialize(ScorecardData.From(scorecard), DataJson),
            JsonSerializer.Serialize(PlanWords.From(plan), DataJson),
            toAdvise,
            limits.SummaryMaxLength,
            limits.AdviceMaxLength);

        var history = new ChatHistory();
        history.AddSystemMessage(templates.Render(SystemTemplate, model).Trim());
        history.AddUserMessage(templates.Render(UserTemplate, model).Trim());
        return history;
    }

    private sealed record PromptModel(
        string ScorecardBlock,
        string PlanBlock,
        string ScorecardJson,
        string PlanJson,
        IReadOnlyList<string> CriteriaToAdvise,
        int SummaryMaxLength,
        int AdviceMaxLength);

    /// <summary>The scorecard as the model reads it: scores, bands, alerts, and per criterion its rule and result.</summary>
    private sealed record ScorecardData(
        string RubricVersion,
        OverallScore Overall,
        IReadOnlyList<DimensionData> Dimensions,
        IReadOnlyList<AlertData> Alerts,
        IReadOnlyList<string> MissingFields)
    {
        public static ScorecardData From(Scorecard scorecard) => new(
            scorecard.RubricVersion,
            scorecard.Overall,
            [.. scorecard.Dimensions.Select(d => new DimensionData(d.Id, d.Title, d.Score, d.Band,
                [.. d.Criteria.Select(c => new CriterionData(c.Id, c.Title, c.Status, c.Weight, c.Points, c.Gain, c.Rule,
                    c.Recommendation, [.. c.Evidence.Select(e => $"{e.Field}: {e.Value}")], c.MissingFields))]))],
            [.. scorecard.Alerts.Select(a => new AlertData(a.Id, a.Title, a.Message, a.Basis))],
            scorecard.MissingFields);
    }

    private sealed record DimensionData(string Id, string Title, int Score, Band Band, IReadOnlyList<CriterionData> Criteria);

    private sealed record CriterionData(
        string Id,
        string Title,
        CriterionStatus Status,
        int Weight,
        decimal Points,
        decimal Gain,
        string Rule,
        string? Recommendation,
        IReadOnlyList<string> Evidence,
        IReadOnlyList<string> MissingFields);

    private sealed record AlertData(string Id, string Title, string Message, string Basis);

    /// <summary>The plan's own words: everything the commissioner wrote as free text.</summary>
    private sealed record PlanWords(
        string Title,
        string? Council,
        string? ServiceDescription,
        IReadOnlyList<string>? Neighbourhoods,
        IReadOnlyList<string>? LinkedServices,
        string? GrantConsidered,
        string? ReservationReason,
        string? NoLotsReason,
        string? LocalDefinition,
        IReadOnlyList<string>? Lots,
        IReadOnlyList<string>? SocialValueMeasures,
        IReadOnlyList<string>? EngagedOrganisations,
        IReadOnlyList<string>? GroupsInvolved,
        string? Narrative)
    {
        public static PlanWords From(Plan plan) => new(
            plan.Title,
            plan.Council.Name,
            plan.Service?.Description,
            plan.Service?.Neighbourhoods,
            plan.Service?.LinkedServices,
            plan.Budget?.GrantConsidered,
            plan.Procurement?.ReservationReason,
            plan.Procurement?.NoLotsReason,
            plan.Procurement?.LocalDefinition,
            NonEmpty(plan.Procurement?.Lots?.Select(l => l.Name)),
            NonEmpty(plan.Procurement?.SocialValueMeasures?.Select(m => m.Description)),
            NonEmpty(plan.Market?.Engagement?.SelectMany(e => e.Organisations ?? []).Select(o => o.Name)),
            NonEmpty(plan.CoDesign?.Activities?.SelectMany(a => a.Groups ?? [])),
            plan.Narrative);

        private static IReadOnlyList<string>? NonEmpty(IEnumerable<string?>? texts)
        {
            var list = texts?.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).Distinct(StringComparer.Ordinal).ToList();
            return list is { Count: > 0 } ? list : null;
        }
    }
}
