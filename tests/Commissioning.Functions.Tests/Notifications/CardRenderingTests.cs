using System.Text.Json;
using Commissioning.Domain.Rubrics;
using Commissioning.Functions.Notifications;
using Commissioning.Functions.Rendering;
using Commissioning.Functions.Tests.Summaries;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Commissioning.Functions.Tests.Notifications;

/// <summary>
/// Every Teams card and Slack message the product can send, built by its own composer, drawn in Chromium by the
/// channel inbox: Teams cards by Microsoft's Adaptive Cards renderer (parsed for 1.4, Markdown on, as in Teams), Slack
/// messages checked against Block Kit's limits and drawn by the preview. Plan text stays text in both.
/// </summary>
public sealed class CardRenderingTests(InboxBrowserFixture fixture) : IClassFixture<InboxBrowserFixture>
{
    private const string CouncilCode = "E07000243";
    private static readonly Council Stevenage = new() { Code = CouncilCode, Name = "Stevenage Borough Council", LocalPostcodeDistricts = ["SG1", "SG2"] };
    private static readonly NotificationComposer Composer = new(new TemplateLibrary(RepositoryPaths.Combine("templates")), Options.Create(new NotificationOptions()));

    /// <summary>Titles that would be a link, emphasis, code, a heading, a quote, a list, HTML, an entity or a date function if read as Markdown.</summary>
    public static readonly string[] HostileTitles =
    [
        "[md](https://evil.example)",
        "*x* and **y** and __z__",
        "_y_ snake_case_name",
        "`code` and ```block```",
        "# Heading",
        "> quoted",
        "- item",
        "+ item",
        "1. first",
        "2026) Review",
        "<b>html</b> <img src=x onerror=alert(1)>",
        "&lt;b&gt; &amp; &#60; and Health & care",
        "<https://evil.example>",
        "~~struck~~ ~x~",
        "{{DATE(2026-01-01T00:00:00Z, SHORT)}}",
        "![img](https://evil.example/x.png)",
        "[ref]: https://evil.example",
        "back\\slash \\*not bold\\*",
        "| a | b |",
        "---",
    ];

    private static string Link(string reference, string? section = null) =>
        $"https://advisor.example.gov.uk/api/app/scorecard?council={CouncilCode}&reference={reference}&version=1" + (section is null ? "" : "#" + section);

    private static PlanMessage Scored(string sample, string? title = null, int version = 1)
    {
        var parsed = PlanParser.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", sample + ".json")));
        var plan = parsed.Plan!;
        var scorecard = ScoringEngine.Score(plan, Rubrics.Current, Stevenage, new DateOnly(2026, 11, 25));
        return PlanMessage.For(Stevenage, title ?? plan.Title, scorecard, version, Link(plan.Reference), Link(plan.Reference, "guidance-heading"));
    }

    /// <summary>A plan with every alert the rubric has and more recommendations than any card holds: the one that gets trimmed.</summary>
    private static PlanMessage Everything() => Scored("large-outsourcing-single-lot") with
    {
        Title = "Borough-wide everything contract " + new string('x', 300),
        Alerts = [.. Rubrics.Current.Alerts.Select(a => new ComplianceAlert(a.Id, a.Title, a.Message + " " + new string('m', 600), a.Basis))],
        Recommendations = [.. Enumerable.Range(1, 80).Select(i => $"Recommendation {i}: " + new string('r', 900))],
    };

    private static SummaryMessage Summary(IsoWeek week, params WeeklyPlanEntry[] plans) =>
        SummaryNotifications.MessageFor(
            WeeklySummaryBuilder.Build(CouncilCode, Stevenage.Name, week, plans, [SummaryData.Entry("SBC-PREV", week.AddWeeks(-1), local: 40, funding: 40, coDesign: 40)]),
            $"https://advisor.example.gov.uk/api/app/council?code={CouncilCode}#summaries-heading");

    /// <summary>Every kind of message the product sends, by name: plans (red, alerts, the trimmed one) and summaries (a week, a quiet week, the longest).</summary>
    public static IEnumerable<(string Name, Func<ChannelKind, string> Compose)> EveryMessage()
    {
        var week = IsoWeek.Parse("2026-W48");
        yield return ("red-plan", kind => Composer.Compose(kind, Scored("large-outsourcing-single-lot")));
        yield return ("red-outline-plan", kind => Composer.Compose(kind, Scored("required-fields-only")));
        yield return ("alerts-on-a-green-plan", kind => Composer.Compose(kind, Scored("mislabelled-below-threshold-route")));
        yield return ("every-alert-trimmed", kind => Composer.Compose(kind, Everything()));
        yield return ("weekly-summary", kind => Composer.Compose(kind, Summary(week,
            SummaryData.Entry("SBC-1", week, title: "Highways maintenance contract", local: 10, funding: 10, coDesign: 10, alerts: ["A4", "A5", "A7"]),
            SummaryData.Entry("SBC-2", week, title: "Welfare advice service", local: 90, funding: 80, coDesign: 50, alerts: ["A1"]),
            SummaryData.Entry("SBC-3", week, title: "Bedwell participatory budget", local: 100, funding: 95, coDesign: 100))));
        yield return ("quiet-week-summary", kind => Composer.Compose(kind, Summary(week)));
        yield return ("longest-summary-trimmed", kind => Composer.Compose(kind, Summary(week,
            [.. Enumerable.Range(1, 400).Select(i => SummaryData.Entry($"SBC-{i:000}", week, title: $"Plan {i} " + new string('t', 900), alerts: ["A1", "A2", "A3", "A4"]))])));
    }

    [Fact]
    public void APlanMessageShowsEveryAlertButOnlyTheThreeRecommendationsThatGainMostAndCountsTheRest()
    {
        var plan = Scored("required-fields-only");
        Assert.True(plan.Recommendations.Count > NotificationComposer.RecommendationsShown + 1, "the outline plan has many recommendations");
        var more = $"…and {plan.Recommendations.Count - NotificationComposer.RecommendationsShown} more recommendations, listed in the guidance";

        var teams = Composer.Compose(ChannelKind.Teams, plan);
        var slack = Composer.Compose(ChannelKind.Slack, plan);

        foreach (var body in new[] { teams, slack })
        {
            var texts = Strings(JsonNode.Parse(body)).ToList();
            Assert.Contains(more, texts);
            Assert.Equal(NotificationComposer.RecommendationsShown, texts.Sum(t => t.Split("• ").Length - 1));   // one bullet a recommendation
            Assert.Contains(texts, t => t.Contains(plan.Recommendations[0][..30], StringComparison.Ordinal));    // the one that gains most comes first
        }

        var alerted = Scored("large-outsourcing-single-lot");
        Assert.All(alerted.Alerts, a => Assert.Contains(a.Title, Composer.Compose(ChannelKind.Teams, alerted), StringComparison.Ordinal));
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    [Fact]
    public async Task EveryTeamsCardAndSlackMessageTheProductSendsRendersWithNoProblemsInTheInbox()
    {
        await fixture.Inbox.ClearAsync();
        var sent = new List<(string Kind, string Name, string Body)>();
        foreach (var (name, compose) in EveryMessage())
        {
            foreach (var kind in new[] { ChannelKind.Teams, ChannelKind.Slack })
            {
                var body = compose(kind);
                var word = kind == ChannelKind.Teams ? "teams" : "slack";
                var answer = await fixture.Inbox.PostAsync(word, name, body);
                Assert.Equal(kind == ChannelKind.Teams ? HttpStatusCode.Accepted : HttpStatusCode.OK, answer.StatusCode);
                sent.Add((word, name, body));
            }
        }

        // The trimmed ones say what they left out, and Slack's limits hold in the JSON itself.
        Assert.All(sent.Where(s => s.Name.EndsWith("-trimmed", StringComparison.Ordinal)), s => Assert.Contains("…and ", s.Body, StringComparison.Ordinal));
        foreach (var (_, name, body) in sent.Where(s => s.Kind == "slack"))
        {
            var slack = JsonNode.Parse(body)!;
            Assert.False(string.IsNullOrWhiteSpace((string?)slack["text"]), $"{name}: no text fallback");
            var blocks = slack["blocks"]!.AsArray();
            Assert.InRange(blocks.Count, 1, 50);
            Assert.All(blocks.Where(b => (string?)b!["type"] == "section"), b => Assert.InRange(((string)b!["text"]!["text"]!).Length, 1, 3000));
        }

        var page = await fixture.OpenInboxAsync();
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('article.message').length === {sent.Count}");
        var articles = JsonSerializer.Deserialize<JsonElement[]>(await page.EvalOnSelectorAllAsync<string>("article.message", """
            all => JSON.stringify(all.map(a => ({
              kind: a.dataset.kind,
              channel: a.querySelector('.channel').textContent.replace('#', ''),
              problems: JSON.parse(a.dataset.problems),
              cards: a.querySelectorAll('.ac-adaptiveCard').length,
              slack: a.querySelectorAll('.slack-message .slack-block').length,
              buttons: [...a.querySelectorAll('.ac-pushButton, .slack-button')].map(b => b.textContent),
              text: a.querySelector('.preview').innerText,
            })))
            """))!;

        Assert.Equal(sent.Count, articles.Length);
        foreach (var article in articles)
        {
            var name = $"{article.GetProperty("kind").GetString()} {article.GetProperty("channel").GetString()}";
            Assert.True(article.GetProperty("problems").GetArrayLength() == 0, $"{name}: {article.GetProperty("problems")}");
            if (article.GetProperty("kind").GetString() == "teams")
            {
                Assert.Equal(1, article.GetProperty("cards").GetInt32());
            }
            else
            {
                Assert.True(article.GetProperty("slack").GetInt32() >= 3, name);
            }

            Assert.NotEmpty(article.GetProperty("buttons").EnumerateArray());
            Assert.Contains(article.GetProperty("channel").GetString()!.Contains("summary", StringComparison.Ordinal) ? "Read the full summary" : "Open the scorecard",
                article.GetProperty("buttons").EnumerateArray().Select(b => b.GetString()));
        }

        Assert.Contains(articles, a => a.GetProperty("channel").GetString() == "every-alert-trimmed" && a.GetProperty("text").GetString()!.Contains("more recommendations, listed in the guidance", StringComparison.Ordinal));
        Assert.Contains(articles, a => a.GetProperty("channel").GetString() == "longest-summary-trimmed" && a.GetProperty("text").GetString()!.Contains("more, in the full summary", StringComparison.Ordinal));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Web.Screenshots.PathFor("channel-inbox-every-message"), FullPage = false });
    }

    private const string TeamsReading = """
        json => {
          const { element, problems } = window.channelInbox.renderTeams(JSON.parse(json));
          document.body.append(element);
          const content = [...element.querySelectorAll('.ac-textBlock, .ac-factset')];
          const formatting = 'a, strong, em, b, i, code, pre, h1, h2, h3, h4, h5, h6, blockquote, ul, ol, li, img, hr, del, s, table, mark';
          const result = {
            problems,
            texts: [...element.querySelectorAll('.ac-textBlock')].map(b => b.textContent.trim()),
            formatted: content.flatMap(c => [...c.querySelectorAll(formatting)].map(f => f.outerHTML)),
          };
          element.remove();
          return JSON.stringify(result);
        }
        """;

    private const string SlackReading = """
        json => {
          const { element, problems } = window.channelInbox.renderSlack(JSON.parse(json));
          document.body.append(element);
          const text = [...element.querySelectorAll('.slack-header, .slack-section, .slack-context')];
          const result = {
            problems,
            texts: text.map(t => t.textContent.trim()),
            formatted: text.flatMap(t => [...t.querySelectorAll('a, strong, em, s, code, pre, blockquote, .mention')].map(f => f.outerHTML)),
          };
          element.remove();
          return JSON.stringify(result);
        }
        """;

    private sealed record Reading(string[] Problems, string[] Texts, string[] Formatted);

    private static async Task<Reading> ReadAsync(IPage page, string script, string body) =>
        JsonSerializer.Deserialize<Reading>(await page.EvaluateAsync<string>(script, body), JsonSerializerOptions.Web)!;

    [Fact]
    public async Task HostileTitlesArriveAsTextInTeamsAndSlackWithNoLinkEmphasisOrMarkup()
    {
        var page = await fixture.OpenInboxAsync();
        var week = IsoWeek.Parse("2026-W48");
        foreach (var hostile in HostileTitles)
        {
            var plan = Scored("large-outsourcing-single-lot", hostile) with { CouncilName = hostile, Reference = "SBC-2026-040" };
            var summary = Summary(week, SummaryData.Entry("SBC-H", week, title: hostile, alerts: ["A1"]));

            var teamsPlan = await ReadAsync(page, TeamsReading, Composer.Compose(ChannelKind.Teams, plan));
            Assert.Empty(teamsPlan.Problems);
            Assert.True(teamsPlan.Formatted.Length == 0, $"{hostile} rendered as {string.Join(" ", teamsPlan.Formatted)}");
            Assert.Equal(hostile, teamsPlan.Texts[0]);   // the title, exactly as typed
            Assert.Contains(hostile, teamsPlan.Texts);   // the council's name in the facts

            var teamsSummary = await ReadAsync(page, TeamsReading, Composer.Compose(ChannelKind.Teams, summary));
            Assert.Empty(teamsSummary.Problems);
            Assert.True(teamsSummary.Formatted.Length == 0, $"{hostile} rendered as {string.Join(" ", teamsSummary.Formatted)}");
            Assert.Contains($"{hostile} (SBC-H): amber, 50/100", teamsSummary.Texts);

            var slackBody = Composer.Compose(ChannelKind.Slack, plan);
            var slackPlan = await ReadAsync(page, SlackReading, slackBody);
            Assert.Empty(slackPlan.Problems);
            // Only the card's own two headings are bold; nothing from the plan is formatted.
            Assert.All(slackPlan.Formatted, f => Assert.Matches("^<strong class=\"mrkdwn-bold\">(Possible compliance issues:|What would raise the score)</strong>$", f));
            Assert.Equal(hostile, slackPlan.Texts[0]);
            Assert.StartsWith(TemplateFunctions.SlackEscape(hostile), (string)JsonNode.Parse(slackBody)!["text"]!, StringComparison.Ordinal);

            var slackSummary = await ReadAsync(page, SlackReading, Composer.Compose(ChannelKind.Slack, summary));
            Assert.Empty(slackSummary.Problems);
            Assert.Empty(slackSummary.Formatted);
            Assert.Contains(slackSummary.Texts, t => t.Contains($"{hostile} (SBC-H): amber, 50/100", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TheInboxsChecksAreNotBlindToMarkdownLaterCardFeaturesOrBlockKitLimits()
    {
        var page = await fixture.OpenInboxAsync();
        static string Card(string body, string version = "1.4") =>
            $$$"""{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":"{{{version}}}","body":[{{{body}}}]}}]}""";

        // Unescaped, the same titles do become a link and emphasis in the renderer: Markdown is on, as in Teams.
        var raw = await ReadAsync(page, TeamsReading, Card("""{"type":"TextBlock","text":"[md](https://evil.example) *x* _y_"}"""));
        Assert.Contains(raw.Formatted, f => f.StartsWith("<a ", StringComparison.Ordinal) && f.Contains("evil.example", StringComparison.Ordinal));
        Assert.Contains(raw.Formatted, f => f.StartsWith("<em>", StringComparison.Ordinal));

        // Features after 1.4, and a later version, are reported.
        Assert.NotEmpty((await ReadAsync(page, TeamsReading, Card("""{"type":"TextBlock","text":"Heading","style":"heading"}"""))).Problems);
        Assert.NotEmpty((await ReadAsync(page, TeamsReading, Card("""{"type":"Table","columns":[{"width":1}],"rows":[]}"""))).Problems);
        Assert.NotEmpty((await ReadAsync(page, TeamsReading, Card("""{"type":"TextBlock","text":"x"}""", "1.5"))).Problems);
        Assert.Empty((await ReadAsync(page, TeamsReading, Card("""{"type":"TextBlock","text":"x","wrap":true}"""))).Problems);

        // Block Kit's limits: 50 blocks, 3,000 characters a section, a text fallback.
        var section = new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "x" } };
        var tooMany = new JsonObject { ["text"] = "x", ["blocks"] = new JsonArray([.. Enumerable.Range(0, 51).Select(_ => section.DeepClone())]) };
        var tooLong = new JsonObject { ["text"] = "x", ["blocks"] = new JsonArray(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = new string('x', 3001) } }) };
        var noFallback = new JsonObject { ["blocks"] = new JsonArray(section.DeepClone()) };
        Assert.Contains((await ReadAsync(page, SlackReading, tooMany.ToJsonString())).Problems, p => p.Contains("51 blocks", StringComparison.Ordinal));
        Assert.Contains((await ReadAsync(page, SlackReading, tooLong.ToJsonString())).Problems, p => p.Contains("3001 characters", StringComparison.Ordinal));
        Assert.Contains((await ReadAsync(page, SlackReading, noFallback.ToJsonString())).Problems, p => p.Contains("fallback", StringComparison.Ordinal));

        // And the preview draws Slack's mrkdwn as Slack does, so plain_text is a real choice.
        var mrkdwn = new JsonObject { ["text"] = "x", ["blocks"] = new JsonArray(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "*bold* <https://evil.example|label>" } }) };
        var drawn = await ReadAsync(page, SlackReading, mrkdwn.ToJsonString());
        Assert.Contains(drawn.Formatted, f => f.StartsWith("<strong", StringComparison.Ordinal));
        Assert.Contains(drawn.Formatted, f => f.StartsWith("<a ", StringComparison.Ordinal) && f.Contains("evil.example", StringComparison.Ordinal));
    }
}
