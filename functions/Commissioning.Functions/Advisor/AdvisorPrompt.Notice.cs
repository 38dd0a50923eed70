using Commissioning.Domain.Notices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Commissioning.Functions.Advisor;

/// <summary>
/// The conversation about an imported published notice, from <c>advisor-notice-system.sbn</c> and
/// <c>advisor-notice-prompt.sbn</c>. Both messages open with the notice label, and say plainly that this is a published
/// notice, not a plan the council submitted. The notice scorecard (coverage and withheld bands per dimension), the
/// questions for councillors and the notice's own words go as delimited JSON data with the plan prompt's hygiene; the
/// label, which carries the notice's id, is one line in which &lt; and &gt; are escaped as in the data.
/// </summary>
public sealed partial class AdvisorPrompt
{
    public const string NoticeSystemTemplate = "advisor-notice-system.sbn";
    public const string NoticeUserTemplate = "advisor-notice-prompt.sbn";
    public const string NoticeScorecardBlock = "notice-scorecard-data";
    public const string QuestionsBlock = "councillor-questions";
    public const string NoticeBlock = "notice-data";

    public ChatHistory Build(NoticeScorecard notice, AdvisorOptions limits)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var model = new NoticePromptModel(
            PromptLabel(notice.Label),
            NoticeScorecardBlock,
            QuestionsBlock,
            NoticeBlock,
            JsonSerializer.Serialize(NoticeScorecardData.From(notice), DataJson),
            JsonSerializer.Serialize(notice.Questions, DataJson),
            JsonSerializer.Serialize(NoticeWords.From(notice), DataJson),
            [.. DeterministicNarrative.CriteriaToImprove(notice.Scorecard).Select(c => c.Id)],
            limits.SummaryMaxLength,
            limits.AdviceMaxLength);

        var history = new ChatHistory();
        history.AddSystemMessage(templates.Render(NoticeSystemTemplate, model).Trim());
        history.AddUserMessage(templates.Render(NoticeUserTemplate, model).Trim());
        return history;
    }

    /// <summary>The label as the prompt's first line: one line, with &lt; and &gt; escaped so it can open no data block.</summary>
    public static string PromptLabel(string label) =>
        Whitespace().Replace(label, " ").Trim().Replace("<", "\\u003C", StringComparison.Ordinal).Replace(">", "\\u003E", StringComparison.Ordinal);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private sealed record NoticePromptModel(
        string Label,
        string ScorecardBlock,
        string QuestionsBlock,
        string NoticeBlock,
        string ScorecardJson,
        string QuestionsJson,
        string NoticeJson,
        IReadOnlyList<string> CriteriaToAdvise,
        int SummaryMaxLength,
        int AdviceMaxLength);

    /// <summary>
    /// The notice scorecard as the model reads it: the bands to show (null where withheld, with why), coverage per
    /// dimension, the score of what the notice shows, and per criterion its rule and result after the notice lens.
    /// </summary>
    private sealed record NoticeScorecardData(
        string Kind,
        string RubricVersion,
        string LensVersion,
        string? Banner,
        NoticeOverall Overall,
        int CriteriaEvidenced,
        int CriteriaTotal,
        IReadOnlyList<NoticeDimensionData> Dimensions,
        IReadOnlyList<AlertData> Alerts,
        IReadOnlyList<WithheldAlert> WithheldAlerts,
        IReadOnlyList<string> Notes)
    {
        public static NoticeScorecardData From(NoticeScorecard notice)
        {
            var engine = notice.Scorecard.Dimensions.ToDictionary(d => d.Id, StringComparer.Ordinal);
            return new(
                notice.Kind,
                notice.Scorecard.RubricVersion,
                notice.LensVersion,
                notice.Banner,
                notice.Overall,
                notice.CriteriaEvidenced,
                notice.CriteriaTotal,
                [.. notice.Dimensions.Select(d => new NoticeDimensionData(d.Id, d.Title, d.Score, d.Band, d.BandWithheld, d.CoveragePercent,
                    d.EvidencedWeight, d.ApplicableWeight, d.EvidencedOnlyScore,
                    [.. (engine.TryGetValue(d.Id, out var scored) ? scored.Criteria : []).Select(c => new CriterionData(c.Id, c.Title, c.Status, c.Weight,
                        c.Points, c.Gain, c.Rule, c.Recommendation, [.. c.Evidence.Select(e => $"{e.Field}: {e.Value}")], c.MissingFields))]))],
                [.. notice.Scorecard.Alerts.Select(a => new AlertData(a.Id, a.Title, a.Message, a.Basis))],
                notice.WithheldAlerts,
                [.. notice.Notes, .. notice.Mapping.Notes]);
        }
    }

    private sealed record NoticeDimensionData(
        string Id,
        string Title,
        int Score,
        Band? Band,
        string? BandWithheld,
        int CoveragePercent,
        int EvidencedWeight,
        int ApplicableWeight,
        int? EvidencedOnlyScore,
        IReadOnlyList<CriterionData> Criteria);

    /// <summary>The notice's own words: where it was published, the plan read from it, and the text signals it raised.</summary>
    private sealed record NoticeWords(
        string PortalName,
        string NoticeId,
        DateOnly? PublicationDate,
        string? Buyer,
        PlanWords Words,
        IReadOnlyList<NoticeHint> Hints,
        IReadOnlyList<NoticeContext> Context)
    {
        public static NoticeWords From(NoticeScorecard notice) => new(
            notice.Source.PortalName,
            notice.Source.NoticeId,
            notice.Source.PublicationDate,
            notice.Buyer?.Name,
            PlanWords.From(notice.Plan),
            notice.Mapping.Hints,
            notice.Mapping.Context);
    }
}
