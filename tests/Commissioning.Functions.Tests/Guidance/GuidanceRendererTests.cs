using System.Text.RegularExpressions;
using Commissioning.Functions.Guidance;

namespace Commissioning.Functions.Tests.Guidance;

public sealed class GuidanceRendererTests
{
    private readonly GuidanceRenderer _renderer = GuidanceExamples.Renderer();

    private GuidanceDocuments RenderExample(ScorecardBuilder? scorecard = null, GuidanceNarrative? narrative = null) =>
        _renderer.Render(ScorecardBuilder.ExamplePlan(), (scorecard ?? GuidanceExamples.Scorecard()).Build(), 3, GuidanceExamples.Links, narrative);

    /// <summary>The text of one document between two headings (HTML ids or Markdown headings).</summary>
    private static string Between(string document, string from, string to)
    {
        var start = document.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{from}' not found");
        var end = document.IndexOf(to, start, StringComparison.Ordinal);
        Assert.True(end > start, $"'{to}' not found after '{from}'");
        return document[start..end];
    }

    private static void AssertInOrder(string document, params string[] texts)
    {
        var positions = texts.Select(t => (Text: t, At: document.IndexOf(t, StringComparison.Ordinal))).ToList();
        Assert.All(positions, p => Assert.True(p.At >= 0, $"'{p.Text}' not found"));
        for (var i = 1; i < positions.Count; i++)
        {
            Assert.True(positions[i - 1].At < positions[i].At, $"'{positions[i - 1].Text}' should come before '{positions[i].Text}'");
        }
    }

    [Fact]
    public void TheMarkdownTwinHasTheSameSectionsInTheSameOrderAsTheHtml()
    {
        var documents = RenderExample(narrative: GuidanceExamples.ModelNarrative());

        var htmlSections = Regex.Matches(documents.Html, "<h2 id=\"[a-z-]+\">(?<title>[^<]+)</h2>").Select(m => m.Groups["title"].Value).ToList();
        var markdownSections = Regex.Matches(documents.Markdown, "^## (?<title>.+)$", RegexOptions.Multiline).Select(m => m.Groups["title"].Value).ToList();

        Assert.Equal(
            ["Check with your procurement or legal team", "What to change first", "Where points were lost", "What the plan already does well",
             "Keep it Local principles", "Fields to add to be scored fully", "The plan at a glance", "Notes", "In plain words"],
            htmlSections);
        Assert.Equal(htmlSections, markdownSections);
    }

    [Fact]
    public void AlertsComeFirstFramedAsAQuestionForTheProcurementTeam()
    {
        var documents = RenderExample();

        AssertInOrder(documents.Html, "<h1>Neighbourhood wellbeing hubs</h1>", "Check with your procurement or legal team</h2>",
            "A4 · Payment terms above 30 days", "Procurement Act 2023 s.88", "A6 · Selection questionnaire below threshold",
            "What to change first</h2>", "P2 Cash flow");
        AssertInOrder(documents.Markdown, "# Guidance: Neighbourhood wellbeing hubs", "## Check with your procurement or legal team",
            "### A4 · Payment terms above 30 days", "**Basis:** Procurement Act 2023 s.88", "### A6",
            "## What to change first", "P2 Cash flow");
        Assert.DoesNotContain("unlawful:", documents.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("none is a finding that anything is unlawful", documents.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAlertsTheGuidanceSaysSoInsteadOfLeavingTheSectionEmpty()
    {
        var scorecard = new ScorecardBuilder()
            .Dimension("co-design", "Co-design through the whole cycle",
                ScorecardBuilder.Criterion("C4", "Social value consultation", CriterionStatus.Met, 10));

        var documents = RenderExample(scorecard);

        Assert.Contains("No compliance alerts", documents.Html, StringComparison.Ordinal);
        Assert.Contains("No compliance alerts", documents.Markdown, StringComparison.Ordinal);
        Assert.Contains("Nothing to change: the plan fully meets every criterion", documents.Markdown, StringComparison.Ordinal);
        Assert.Contains("None: the plan gives every field the rubric reads.", documents.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void RecommendationsAreOrderedByThePointsTheyWouldGainWhateverOrderTheScorecardGivesThem()
    {
        var scorecard = GuidanceExamples.Scorecard().Recommendations(
            new Recommendation("P4", "proportionate-funding", "Time to bid", CriterionStatus.NotMet, 4.2m, "Give at least 30 days to bid: the plan gives 10."),
            new Recommendation("C1", "co-design", "Depth of involvement", CriterionStatus.PartlyMet, 1.7m, "Move from co-design to co-production."),
            new Recommendation("P2", "proportionate-funding", "Cash flow", CriterionStatus.NotMet, 8.3m, "Pay within 30 days: the plan says 45."),
            new Recommendation("L4", "local-by-default", "Early, two-way market engagement with local organisations", CriterionStatus.NotMet, 7.1m, "Hold a workshop."));

        var documents = RenderExample(scorecard);

        AssertInOrder(documents.Html,
            "<h3>1. P2 Cash flow</h3>", "Would gain +8.3 points",
            "<h3>2. L4 Early, two-way market engagement", "Would gain +7.1 points",
            "<h3>3. P4 Time to bid</h3>", "Would gain +4.2 points",
            "<h3>4. C1 Depth of involvement</h3>", "Would gain +1.7 points");
        AssertInOrder(documents.Markdown,
            "### 1. P2 Cash flow", "**Would gain +8.3 points**", "### 2. L4", "### 3. P4 Time to bid", "### 4. C1 Depth of involvement");
    }

    [Fact]
    public void EachRecommendationShowsItsStatusTextEvidenceRuleAndBasis()
    {
        var html = RenderExample().Html;

        var p2 = Between(html, "id=\"rec-p2\"", "</li>");
        Assert.Contains("<span class=\"status\">Not met</span> · Proportionate funding", p2, StringComparison.Ordinal);
        Assert.Contains("Pay within 30 days: the plan says 45.", p2, StringComparison.Ordinal);
        Assert.Contains("<caption>What the plan says (P2)</caption>", p2, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\"><code>budget.paymentTermsDays</code></th><td>45</td>", p2, StringComparison.Ordinal);
        Assert.Contains("<strong>Rule:</strong> The rule for P2.", p2, StringComparison.Ordinal);
        Assert.Contains("<strong>Basis:</strong> Law — Procurement Act 2023 s.88", p2, StringComparison.Ordinal);
        Assert.Contains("5 Commit to the community and support local organisations", p2, StringComparison.Ordinal);

        var l3 = Between(html, "id=\"rec-l3\"", "</li>");
        Assert.Contains("Partly met", l3, StringComparison.Ordinal);
        // html.escape writes Latin-1 characters as numeric references: £ is &#163;.
        Assert.Contains("<td>&#163;480,000</td>", l3, StringComparison.Ordinal);
    }

    [Fact]
    public void EachDimensionListsTheCriteriaNotFullyMetTheMostPointsLostFirst()
    {
        var documents = RenderExample();

        var html = Between(documents.Html, "id=\"shortfalls\"", "id=\"strengths\"");
        var local = Between(html, "Local by default: 50 out of 100 (Amber — room to improve)", "</table>");
        AssertInOrder(local, "L4 Early, two-way market engagement", "0 of 15", "L3 Size a local organisation can win", "5 of 10");
        Assert.Contains("<a href=\"#rec-l4\">", local, StringComparison.Ordinal);
        Assert.DoesNotContain("L1 Reservation considered", html, StringComparison.Ordinal);
        Assert.DoesNotContain("L2 Lots", html, StringComparison.Ordinal);
        var coDesign = Between(html, "Co-design through the whole cycle: 38 out of 100", "</table>");
        AssertInOrder(coDesign, "C2 Involvement across the cycle", "Not evidenced (fields missing)", "C1 Depth of involvement", "15 of 20");

        var markdown = Between(documents.Markdown, "## Where points were lost", "## What the plan already does well");
        AssertInOrder(markdown,
            "| L4 Early, two-way market engagement with local organisations | Not met | 0 of 15 | 15 |",
            "| L3 Size a local organisation can win | Partly met | 5 of 10 | 5 |",
            "| P2 Cash flow | Not met | 0 of 20 | 20 |",
            "| P4 Time to bid | Not met | 0 of 10 | 10 |");
    }

    [Fact]
    public void MetCriteriaAreListedUnderWhatThePlanAlreadyDoesWell()
    {
        var documents = RenderExample();

        var html = Between(documents.Html, "id=\"strengths\"", "id=\"principles\"");
        Assert.Contains("<strong>L1 Reservation considered</strong> (Local by default, 15 of 15 points)", html, StringComparison.Ordinal);
        Assert.Contains("<code>procurement.reservation</code>: local-area-and-sme-vcse", html, StringComparison.Ordinal);
        Assert.Contains("<strong>P1 Grant considered</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("L4", html, StringComparison.Ordinal);
        Assert.DoesNotContain("C1", html, StringComparison.Ordinal);

        var markdown = Between(documents.Markdown, "## What the plan already does well", "## Keep it Local principles");
        Assert.Contains("- **L1 Reservation considered** (Local by default, 15 of 15 points)", markdown, StringComparison.Ordinal);
        Assert.Contains("- **P1 Grant considered**", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("L3", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void PrinciplesAreSplitIntoThoseServedStronglyAndThoseServedWeakly()
    {
        var markdown = RenderExample().Markdown;

        var strong = Between(markdown, "### Served strongly", "### Served weakly");
        AssertInOrder(strong, "- 3 Increase local spend: 100 out of 100 (Green — strong)", "- 1 Whole system, not service silos: 75 out of 100");
        var weak = Between(markdown, "### Served weakly", "## Fields to add");
        AssertInOrder(weak, "- 5 Commit to the community and support local organisations: 38 out of 100 (Red — needs work)",
            "- 6 Commission simply and collaboratively: 52 out of 100 (Amber — room to improve)");
        Assert.DoesNotContain("Increase local spend", weak, StringComparison.Ordinal);
    }

    [Fact]
    public void FieldsToAddAreListedWithTheCriteriaTheyWouldLetTheRubricScore()
    {
        var scorecard = GuidanceExamples.Scorecard().MissingField("procurement.plannedTenderDate");

        var documents = RenderExample(scorecard);

        var html = Between(documents.Html, "id=\"fields\"", "id=\"plan\"");
        Assert.Contains("<th scope=\"row\"><code>coDesign.activities</code></th><td>C2 Involvement across the cycle</td>", html, StringComparison.Ordinal);
        Assert.Contains("<code>procurement.plannedTenderDate</code>", html, StringComparison.Ordinal);
        var markdown = Between(documents.Markdown, "## Fields to add to be scored fully", "## The plan at a glance");
        Assert.Contains("| coDesign.activities | C2 Involvement across the cycle |", markdown, StringComparison.Ordinal);
        Assert.Contains("| procurement.plannedTenderDate | — |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHeaderGivesTheOverallBandInWordsAndTheThreeDimensionScores()
    {
        var documents = RenderExample();

        var header = Between(documents.Html, "<header>", "</header>");
        Assert.Contains("Stevenage Borough Council · Reference <strong>SBC-2026-014</strong> · Version 3 · Rubric 2026.1 · Scored for 2 March 2026", header, StringComparison.Ordinal);
        Assert.Contains("40<small> out of 100 overall</small>", header, StringComparison.Ordinal);
        Assert.Contains("<span class=\"band band-amber\">Amber — room to improve</span>", header, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Local by default</th><td class=\"num\">50 / 100</td>", header, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Proportionate funding</th><td class=\"num\">33 / 100</td>", header, StringComparison.Ordinal);
        Assert.Contains("Red — needs work", header, StringComparison.Ordinal);
        Assert.Contains("**Overall: 40 out of 100 — Amber — room to improve**", documents.Markdown, StringComparison.Ordinal);
        Assert.Contains("| Co-design through the whole cycle | 38 / 100 | Red — needs work |", documents.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePlanAtAGlanceGivesMoneyInPoundsAndDatesInWords()
    {
        var markdown = RenderExample().Markdown;

        var glance = Between(markdown, "## The plan at a glance", "## Notes");
        Assert.Contains("- **Total value:** £480,000 including VAT, whole term", glance, StringComparison.Ordinal);
        Assert.Contains("- **Term:** 36 months plus 24 months of extensions (60 months in all), with a break clause", glance, StringComparison.Ordinal);
        Assert.Contains("- **Lots:** 2 lots: North £240,000; South £240,000", glance, StringComparison.Ordinal);
        Assert.Contains("- **Planned tender date:** 2 March 2026", glance, StringComparison.Ordinal);
        Assert.Contains("- **Route:** Below threshold, open to all", glance, StringComparison.Ordinal);
        Assert.Contains("> **What the commissioner wrote:** We ran two workshops with residents in Bedwell.", glance, StringComparison.Ordinal);
    }

    [Fact]
    public void NotesAboutTheScoringAreShown()
    {
        var documents = RenderExample();

        Assert.Contains("<li>Council E07000243 is not registered: locality criteria that need postcodes are not evidenced.</li>",
            Between(documents.Html, "id=\"notes\"", "id=\"narrative\""), StringComparison.Ordinal);
        Assert.Contains("- **Note:** Council E07000243 is not registered", documents.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutANarrativeTheGuidanceSaysTheDeterministicTextIsUsed()
    {
        var documents = RenderExample(narrative: null);

        var html = Between(documents.Html, "id=\"narrative\"", "</section>");
        Assert.Contains("No language model was used: this guidance is the deterministic text", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<ul>", html, StringComparison.Ordinal);
        Assert.Contains("**Source:** No language model was used", documents.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("**Summary:**", documents.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void AModelNarrativeIsShownWithItsSourceAndAdviceInRecommendationOrder()
    {
        var documents = RenderExample(narrative: GuidanceExamples.ModelNarrative());

        var html = Between(documents.Html, "id=\"narrative\"", "</section>");
        Assert.Contains("Written with the help of a language model (source: model)", html, StringComparison.Ordinal);
        Assert.Contains("It does not change any status, score or alert", html, StringComparison.Ordinal);
        Assert.Contains("Your plan is close to amber-green.", html, StringComparison.Ordinal);
        AssertInOrder(html, "<strong>P2 Cash flow:</strong>", "Thirty-day terms", "<strong>L4 Early, two-way market engagement with local organisations:</strong>", "Invite Stevenage CVS");
        Assert.Contains("**Summary:** Your plan is close to amber-green.", documents.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ADeterministicNarrativeFromTheAdvisorIsNotPresentedAsTheModels()
    {
        var narrative = new GuidanceNarrative(GuidanceNarrative.Deterministic, "Pay sooner; engage earlier.", new Dictionary<string, string>());

        var html = RenderExample(narrative: narrative).Html;

        Assert.Contains("The deterministic text is used: no language model contributed", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Written with the help of a language model", html, StringComparison.Ordinal);
        Assert.Contains("Pay sooner; engage earlier.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHtmlLinksToTheScorecardAndTheMarkdownTwinAndTheMarkdownBackToTheHtml()
    {
        var documents = RenderExample();

        Assert.Contains("<a href=\"/api/plans/E07000243/SBC-2026-014?version=3\">scorecard (JSON)</a>", documents.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/api/plans/E07000243/SBC-2026-014/guidance?format=md&amp;version=3\">Markdown version</a>", documents.Html, StringComparison.Ordinal);
        Assert.Contains("[HTML version](/api/plans/E07000243/SBC-2026-014/guidance?format=html&amp;version=3)", documents.Markdown, StringComparison.Ordinal);
        Assert.Contains("[scorecard (JSON)](/api/plans/E07000243/SBC-2026-014?version=3)", documents.Markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("//evil.example/scorecard")]
    [InlineData("data:text/html,<b>x</b>")]
    [InlineData("file:///etc/passwd")]
    public void ALinkThatIsNotAWebAddressIsRefused(string link)
    {
        var links = GuidanceExamples.Links with { Scorecard = link };

        var error = Assert.Throws<ArgumentException>(() =>
            _renderer.Render(ScorecardBuilder.ExamplePlan(), GuidanceExamples.Scorecard().Build(), 1, links));

        Assert.Contains("Scorecard link", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APlanWithOnlyTheRequiredFieldsAndAnEmptyScorecardStillReadsWell()
    {
        var plan = new Plan
        {
            SchemaVersion = "1.0",
            Council = new CouncilRef { Code = "E09000001" },
            Reference = "MIN-1",
            Title = "Minimal plan",
        };

        var documents = _renderer.Render(plan, new ScorecardBuilder().Build(), 1, GuidanceExamples.Links);

        HtmlShape.AssertWellFormed(documents.Html);
        Assert.Contains("<p class=\"meta\">E09000001 · Reference <strong>MIN-1</strong> · Version 1", documents.Html, StringComparison.Ordinal);
        Assert.Contains("No criterion is fully met yet.", documents.Html, StringComparison.Ordinal);
        Assert.Contains("None yet.", documents.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("What the commissioner wrote", documents.Markdown, StringComparison.Ordinal);
    }
}
