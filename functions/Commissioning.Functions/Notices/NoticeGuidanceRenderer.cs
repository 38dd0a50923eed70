using Commissioning.Functions.Guidance;
using Commissioning.Functions.Rendering;

namespace Commissioning.Functions.Notices;

/// <summary>
/// Renders the guidance of an imported notice version with <c>templates/notice-guidance.html.sbn</c> and
/// <c>templates/notice-guidance.md.sbn</c>, from its stored scorecard, when it is asked for: nothing is stored, so the
/// document always reads as the templates now say. It opens with the notice label; the advisor's narrative, once written,
/// follows the scores. The templates escape every string.
/// </summary>
public sealed class NoticeGuidanceRenderer(TemplateLibrary templates)
{
    public const string HtmlTemplate = "notice-guidance.html.sbn";
    public const string MarkdownTemplate = "notice-guidance.md.sbn";

    public string Render(NoticeVersion stored, string councilName, DocumentFormat format, GuidanceNarrative? narrative = null)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var links = NoticeLinks.For(stored.Summary.Council, stored.Summary.Ocid, stored.Summary.Version);
        var page = NoticeGuidancePage.From(stored, councilName, new GuidanceLinks(links.Scorecard, links.GuidanceHtml, links.GuidanceMarkdown), narrative);
        return templates.Render(format == DocumentFormat.Html ? HtmlTemplate : MarkdownTemplate, page);
    }
}
