using Commissioning.Functions.Guidance;
using Commissioning.Functions.Rendering;

namespace Commissioning.Functions.Tests.Guidance;

/// <summary>
/// Plan text (and text a model wrote about it) is hostile until escaped: a script tag, template braces, a quote that
/// would end an attribute, and a bare ampersand go into each text field in turn and must come out as plain text.
/// </summary>
public sealed class GuidanceEscapingTests
{
    private readonly GuidanceRenderer _renderer = GuidanceExamples.Renderer();

    public static TheoryData<string> TextFields { get; } =
    [
        "title", "reference", "council name", "commissioner name", "commissioner team", "service description",
        "neighbourhood", "linked service", "lot name", "plan narrative", "evidence value", "recommendation text",
        "note", "alert message", "advisor summary", "advisor advice",
    ];

    private static string Hostile(string field) =>
        $"<script>alert('{field}')</script> {{{{ model }}}} \" onmouseover=\"x & [link](javascript:x) *{field}*";

    [Theory]
    [MemberData(nameof(TextFields))]
    public void EveryPlanSuppliedTextIsEscapedInTheHtmlAndInertInTheMarkdown(string field)
    {
        var text = Hostile(field);

        var documents = Render(field, text);

        Assert.Contains(WebUtility.HtmlEncode(text), documents.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(text, documents.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", documents.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\" onmouseover", documents.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("& [", documents.Html, StringComparison.Ordinal);
        HtmlShape.AssertWellFormed(documents.Html);

        Assert.Contains(TemplateFunctions.MdText(text), documents.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<", documents.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", documents.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("](javascript", documents.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain($"*{field}*", documents.Markdown, StringComparison.Ordinal);
        Assert.Equal(2, CountOf("](", documents.Markdown));
    }

    [Fact]
    public void TemplateTextInAPlanIsPrintedNotEvaluated()
    {
        var documents = Render("title", "{{ model.links.scorecard }}");

        Assert.Contains("<h1>{{ model.links.scorecard }}</h1>", documents.Html, StringComparison.Ordinal);
        Assert.Contains("# Guidance: \\{\\{ model.links.scorecard \\}\\}", documents.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void AHostileCriterionIdCannotBreakOutOfTheAnchorItNames()
    {
        var scorecard = GuidanceExamples.Scorecard().Recommendations(
            new Recommendation("X\" onclick=\"y", "co-design", "Odd", CriterionStatus.NotMet, 1m, "Text."));

        var html = _renderer.Render(ScorecardBuilder.ExamplePlan(), scorecard.Build(), 1, GuidanceExamples.Links).Html;

        Assert.Contains("id=\"rec-x--onclick--y\"", html, StringComparison.Ordinal);
        HtmlShape.AssertWellFormed(html);
    }

    [Fact]
    public void TheHtmlIsAStandalonePageThatReachesNothingButItsOwnLinks()
    {
        var links = new GuidanceLinks(
            "https://kil.example.gov.uk/api/plans/E07000243/SBC-2026-014",
            "https://kil.example.gov.uk/api/plans/E07000243/SBC-2026-014/guidance?format=html",
            "https://kil.example.gov.uk/api/plans/E07000243/SBC-2026-014/guidance?format=md");

        var html = _renderer.Render(ScorecardBuilder.ExamplePlan(), GuidanceExamples.Scorecard().Build(), 3, links, GuidanceExamples.ModelNarrative()).Html;

        HtmlShape.AssertWellFormed(html);
        Assert.Contains("<html lang=\"en-GB\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Guidance: Neighbourhood wellbeing hubs (SBC-2026-014) — Keep it Local</title>", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("<main>", html, StringComparison.Ordinal);
        foreach (var forbidden in new[] { "<script", "<link", "<img", "<iframe", "src=", "@import", "url(", "@font-face" })
        {
            Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
        }

        var ids = HtmlShape.Ids(html);
        var external = new List<string>();
        foreach (var reference in HtmlShape.References(html))
        {
            if (reference.StartsWith('#'))
            {
                Assert.Contains(reference[1..], ids);
            }
            else
            {
                external.Add(reference);
            }
        }

        Assert.Equal([links.Scorecard, links.Markdown], external);
        Assert.Equal(2, CountOf("://", html));
    }

    private GuidanceDocuments Render(string field, string text)
    {
        var plan = ScorecardBuilder.ExamplePlan();
        var scorecard = GuidanceExamples.Scorecard();
        var narrative = GuidanceExamples.ModelNarrative();
        switch (field)
        {
            case "title": plan = plan with { Title = text }; break;
            case "reference": plan = plan with { Reference = text }; break;
            case "council name": plan = plan with { Council = plan.Council with { Name = text } }; break;
            case "commissioner name": plan = plan with { Commissioner = plan.Commissioner! with { Name = text } }; break;
            case "commissioner team": plan = plan with { Commissioner = plan.Commissioner! with { Team = text } }; break;
            case "service description": plan = plan with { Service = plan.Service! with { Description = text } }; break;
            case "neighbourhood": plan = plan with { Service = plan.Service! with { Neighbourhoods = ["Bedwell", text] } }; break;
            case "linked service": plan = plan with { Service = plan.Service! with { LinkedServices = [text] } }; break;
            case "lot name": plan = plan with { Procurement = plan.Procurement! with { Lots = [new Lot { Name = text, Value = 1000 }] } }; break;
            case "plan narrative": plan = plan with { Narrative = text }; break;
            case "evidence value": scorecard = GuidanceExamples.Scorecard(evidence: text); break;
            case "alert message": scorecard = GuidanceExamples.Scorecard().Alert("A10", "Grant or contract?", text, "Take advice on grant vs contract"); break;
            case "note": scorecard = GuidanceExamples.Scorecard().Note(text); break;
            case "recommendation text": scorecard = GuidanceExamples.Scorecard().RecommendationText("P2", text); break;
            case "advisor summary": narrative = narrative with { Summary = text }; break;
            case "advisor advice": narrative = narrative with { AdviceByCriterion = new Dictionary<string, string> { ["P2"] = text } }; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "No such text field in the example");
        }

        return _renderer.Render(plan, scorecard.Build(), 2, GuidanceExamples.Links, narrative);
    }

    private static int CountOf(string needle, string haystack)
    {
        var count = 0;
        for (var at = haystack.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(needle, at + needle.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
