using Commissioning.Domain.Plans;
using Commissioning.Functions.Rendering;

namespace Commissioning.Functions.Guidance;

/// <summary>The guidance documents for one plan version: an HTML page to print or forward, and its Markdown twin.</summary>
public sealed record GuidanceDocuments(string Html, string Markdown);

/// <summary>
/// Where the reader can find the plan's other documents: root-relative (<c>/api/...</c>) or absolute http(s) URLs.
/// </summary>
public sealed record GuidanceLinks(string Scorecard, string Html, string Markdown);

/// <summary>
/// Optional narrative from the advisor. <see cref="Source"/> is <c>"deterministic"</c> when the advisor fell back to the
/// rubric's own text, <c>"model"</c> when the language model wrote it (which model is kept in the advisor record). A null
/// narrative means the deterministic text is used.
/// <see cref="FallbackReason"/> says, for the reader, why the model's text was not used.
/// </summary>
public sealed record GuidanceNarrative(string Source, string Summary, IReadOnlyDictionary<string, string> AdviceByCriterion, string? FallbackReason = null)
{
    public const string Deterministic = "deterministic";
}

/// <summary>
/// Renders the guidance for a scored plan with <c>templates/guidance.html.sbn</c> and <c>templates/guidance.md.sbn</c>.
/// The page model is built in the commissioner's words first (<see cref="GuidancePage"/>); the templates lay it out
/// and escape every string.
/// </summary>
public sealed class GuidanceRenderer(TemplateLibrary templates)
{
    public const string HtmlTemplate = "guidance.html.sbn";
    public const string MarkdownTemplate = "guidance.md.sbn";

    public GuidanceDocuments Render(Plan plan, Scorecard scorecard, int version, GuidanceLinks links, GuidanceNarrative? narrative = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(links);
        RequireWebLink(links.Scorecard, nameof(links.Scorecard));
        RequireWebLink(links.Html, nameof(links.Html));
        RequireWebLink(links.Markdown, nameof(links.Markdown));

        var page = GuidancePage.From(plan, scorecard, version, links, narrative);
        return new GuidanceDocuments(templates.Render(HtmlTemplate, page), templates.Render(MarkdownTemplate, page));
    }

    /// <summary>Links go into href attributes: only root-relative paths and http(s) URLs, never <c>javascript:</c> or <c>//host</c>.</summary>
    private static void RequireWebLink(string link, string name)
    {
        var rootRelative = link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !link.Contains('\\', StringComparison.Ordinal);
        var absoluteWeb = Uri.TryCreate(link, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && link.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase);
        if (!rootRelative && !absoluteWeb)
        {
            throw new ArgumentException($"The {name} link must be a root-relative path or an http(s) URL.", nameof(link));
        }
    }
}
