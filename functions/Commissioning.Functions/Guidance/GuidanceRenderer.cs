using Commissioning.Domain.Plans;
using Commissioning.Domain.Scoring;
using Commissioning.Functions.Rendering;

namespace Commissioning.Functions.Guidance;

/// <summary>The guidance documents for one plan version: an HTML page to print or forward, and its Markdown twin.</summary>
public sealed record GuidanceDocuments(string Html, string Markdown);

/// <summary>Where the reader can find the plan's other documents (absolute or root-relative URLs).</summary>
public sealed record GuidanceLinks(string Scorecard, string Html, string Markdown);

/// <summary>
/// Optional narrative from the advisor (issue 7); null means the deterministic text is used. <c>Source</c> is
/// "model" or "deterministic"; <c>FallbackReason</c> says, for the reader, why the model's text was not used.
/// </summary>
public sealed record GuidanceNarrative(string Source, string Summary, IReadOnlyDictionary<string, string> AdviceByCriterion, string? FallbackReason = null);

/// <summary>Renders guidance from the scorecard with the templates in templates/ (implementation: guidance work item).</summary>
public sealed class GuidanceRenderer(TemplateLibrary templates)
{
    public GuidanceDocuments Render(Plan plan, Scorecard scorecard, int version, GuidanceLinks links, GuidanceNarrative? narrative = null)
    {
        _ = templates;
        _ = links;
        _ = narrative;
        var text = $"{plan.Title} v{version}: {scorecard.Overall.Band}";
        return new GuidanceDocuments(System.Net.WebUtility.HtmlEncode(text), TemplateFunctions.MdEscape(text));
    }
}
