using System.Globalization;
using System.Text.Json;
using Commissioning.Functions.Rendering;

namespace Commissioning.Functions.Summaries;

/// <summary>
/// A summary as councillors receive it: HTML for email and the archive, Markdown for chat and the archive, and plain
/// text for the email's text part (what a mail client shows when it shows no HTML).
/// </summary>
public sealed record SummaryDocuments(string Html, string Markdown, string Text);

/// <summary>Renders a weekly summary with <c>templates/summary.html.sbn</c>, <c>summary.md.sbn</c> and <c>summary.txt.sbn</c>.</summary>
public sealed class SummaryRenderer(TemplateLibrary templates, PublicLinks links)
{
    public const string HtmlTemplate = "summary.html.sbn";
    public const string MarkdownTemplate = "summary.md.sbn";
    public const string TextTemplate = "summary.txt.sbn";

    public SummaryDocuments Render(WeeklySummary summary)
    {
        var view = ToView(summary);
        return new SummaryDocuments(templates.Render(HtmlTemplate, view), templates.Render(MarkdownTemplate, view), templates.Render(TextTemplate, view));
    }

    /// <summary>The summary's API address (it needs a key in a header): for API clients.</summary>
    public string SummaryLink(string council, IsoWeek week) =>
        links.Absolute($"/api/summaries/{Uri.EscapeDataString(council)}/{week}?format=html");

    /// <summary>Where a councillor reads the summaries from an email or a chat message: the council's page, which asks for their key.</summary>
    public string SummaryPage(string council) => links.CouncilPage(council, PublicLinks.SummariesSection);

    private SummaryView ToView(WeeklySummary summary)
    {
        var council = summary.CouncilCode;
        return new SummaryView(
            council,
            summary.CouncilName,
            summary.Week.ToString(),
            summary.Week.Monday.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            summary.Week.Sunday.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            summary.HasPlans,
            summary.Plans.Count,
            summary.Bands.Green,
            summary.Bands.Amber,
            summary.Bands.Red,
            summary.PreviousPlanCount,
            [.. summary.Plans.Select(p => new PlanView(
                p.Reference,
                p.Title,
                p.Version,
                p.Score,
                Word(p.Band),
                p.Category is { } category ? Word(category) : null,
                p.AlertCount,
                links.ScorecardPage(council, p.Reference, p.Version),
                links.ScorecardPage(council, p.Reference, p.Version, PublicLinks.GuidanceSection)))],
            [.. summary.Dimensions.Select(d => new DimensionView(
                d.Title,
                d.ThisWeek?.ToString(CultureInfo.InvariantCulture) ?? "–",
                d.PreviousFourWeeks?.ToString(CultureInfo.InvariantCulture) ?? "–",
                d.Change switch { null => "", > 0 and var up => $"+{up}", var change => change.Value.ToString(CultureInfo.InvariantCulture) }))],
            [.. summary.Alerts.Select(a => new AlertView(a.Id, a.Title, [.. a.Plans.Select(p => new PlanMentionView(p.Reference, p.Title,
                links.ScorecardPage(council, p.Reference, summary.Plans.FirstOrDefault(x => x.Reference == p.Reference)?.Version)))]))],
            [.. summary.Recommendations.Select(r => new RecommendationView(r.CriterionId, r.Title, r.PlanCount))],
            [.. summary.StronglyServed.Select(ToView)],
            [.. summary.WeaklyServed.Select(ToView)],
            SummaryPage(council))
        {
            HasNotices = summary.HasNotices,
            NoticeCount = summary.Notices.Count,
            Notices = [.. summary.Notices.Select(n => NoticeView.From(n, NoticeLink(council)))],
        };
    }

    // A notice has no page of its own: the council's page lists the imported notices and opens each one's guidance.
    private string NoticeLink(string council) => links.CouncilPage(council, PublicLinks.NoticesSection);

    private static PrincipleView ToView(PrincipleStrength p) => new(p.Number, p.Title, p.AverageScore, Word(p.Band));

    private static string Word<T>(T value) where T : struct, Enum => JsonSerializer.Serialize(value, DomainJson.Options).Trim('"');
}

// What the templates see (camelCase): plain strings and numbers, links already built.
internal sealed record SummaryView(
    string CouncilCode,
    string CouncilName,
    string Week,
    string WeekStarts,
    string WeekEnds,
    bool HasPlans,
    int PlanCount,
    int Green,
    int Amber,
    int Red,
    int PreviousPlanCount,
    IReadOnlyList<PlanView> Plans,
    IReadOnlyList<DimensionView> Dimensions,
    IReadOnlyList<AlertView> Alerts,
    IReadOnlyList<RecommendationView> Recommendations,
    IReadOnlyList<PrincipleView> Strong,
    IReadOnlyList<PrincipleView> Weak,
    string Link)
{
    /// <summary>Published notices imported in the week: their own section, never counted as plans.</summary>
    public bool HasNotices { get; init; }
    public int NoticeCount { get; init; }
    public IReadOnlyList<NoticeView> Notices { get; init; } = [];
}

internal sealed record PlanView(string Reference, string Title, int Version, int Score, string Band, string? Category, int AlertCount, string Link, string GuidanceLink);

internal sealed record DimensionView(string Title, string ThisWeek, string PreviousFourWeeks, string Change);

internal sealed record AlertView(string Id, string Title, IReadOnlyList<PlanMentionView> Plans);

internal sealed record PlanMentionView(string Reference, string Title, string Link);

internal sealed record RecommendationView(string CriterionId, string Title, int PlanCount);

internal sealed record PrincipleView(int Number, string Title, int AverageScore, string Band);

/// <summary>A notice imported in the week, in words: its band or "withheld", and per dimension the score and how much the notice could show.</summary>
internal sealed record NoticeView(
    string Title, string Portal, string NoticeId, string Published, string Imported, int Score, string Band, string Evidenced,
    IReadOnlyList<NoticeDimensionView> Dimensions, string Link)
{
    public static NoticeView From(WeeklyNoticeEntry notice, string link) => new(
        notice.Title,
        notice.PortalName,
        notice.NoticeId,
        notice.PublicationDate?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "not stated",
        UkTime.TodayInEngland(notice.ImportedAt).ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        notice.Score,
        BandOrWithheld(notice.Band),
        $"{notice.CriteriaEvidenced} of {notice.CriteriaTotal}",
        [.. notice.Dimensions.Select(d => new NoticeDimensionView(d.Title, d.Score, $"{d.CoveragePercent}%", BandOrWithheld(d.Band)))],
        link);

    private static string BandOrWithheld(Band? band) => band is { } b ? EnumWords.ToWord(b) : "withheld";
}

internal sealed record NoticeDimensionView(string Title, int Score, string Coverage, string Band);
