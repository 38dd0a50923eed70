using System.Diagnostics;
using System.Text.RegularExpressions;
using Commissioning.Functions.Plans;
using Commissioning.Functions.Tests.Web;
using Microsoft.Playwright;

namespace Commissioning.Functions.Tests.EndToEnd;

/// <summary>
/// What <c>scripts/run.sh</c> seeds, checked against the real services: the app on Kestrel over loopback, a real
/// MailDev, the channel inbox. <c>scripts/seed-demo.mjs</c> runs exactly as run.sh runs it.
/// </summary>
public sealed class FirstRunFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public Azurite Azurite { get; private set; } = null!;
    public MailDev MailDev { get; private set; } = null!;
    public ChannelInbox Inbox { get; private set; } = null!;
    public CommissioningApi Api { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = null!;
    public JsonObject Seeded { get; private set; } = null!;
    public TimeSpan SeedTook { get; private set; }

    public string CouncillorKey => Seeded["councillorKey"]!.GetValue<string>();

    /// <summary>The ISO week before this one in England: the week whose summary the seed sends.</summary>
    public static string LastWeek => PlanCalendar.IsoWeek(DateTimeOffset.UtcNow.AddDays(-7));

    public async Task InitializeAsync()
    {
        Azurite = await Azurite.StartNewAsync();
        MailDev = await MailDev.StartNewAsync();
        Inbox = await ChannelInbox.StartNewAsync();
        var port = Azurite.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        Api = new CommissioningApi(Azurite, settings: new Dictionary<string, string?>
        {
            ["Commissioning:PublicBaseUrl"] = BaseUrl,
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = MailDev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:UseTls"] = "false",
            ["Smtp:From"] = "keep-it-local@localhost",
            ["Webhooks:DemoTeams"] = Inbox.TeamsUrl("commissioning"),
            ["Webhooks:DemoSlack"] = Inbox.SlackUrl("councillors"),
        });
        Api.UseKestrel(port);
        Api.StartServer();

        var clock = Stopwatch.StartNew();
        Seeded = await SeedAsync();
        SeedTook = clock.Elapsed;

        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
    }

    /// <summary>Runs scripts/seed-demo.mjs as run.sh does (bounded), and returns the JSON line it prints.</summary>
    public async Task<JsonObject> SeedAsync()
    {
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
                 {
                     RepositoryPaths.Combine("scripts", "seed-demo.mjs"), "--base", BaseUrl, "--admin-key", CommissioningApi.AdminKey,
                     "--teams-webhook", "DemoTeams", "--slack-webhook", "DemoSlack",
                 })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start node");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("seed-demo.mjs did not finish within 3 minutes: " + await errors);
        }

        Assert.True(process.ExitCode == 0, $"seed-demo.mjs exited {process.ExitCode}: {await errors}");
        return JsonNode.Parse((await output).Trim().Split('\n')[^1])!.AsObject();
    }

    public async Task<IPage> PageWithKeyAsync(string key)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        context.SetDefaultTimeout(20_000);
        await context.AddInitScriptAsync($"sessionStorage.setItem('kil.councilKey', {System.Text.Json.JsonSerializer.Serialize(key)});");
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Api.DisposeAsync();
        await Inbox.DisposeAsync();
        await MailDev.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

public sealed partial class DemoSeedTests(FirstRunFixture fixture) : IClassFixture<FirstRunFixture>
{
    private const string Council = CommissioningApi.DemoCouncil;

    [Fact]
    public async Task TheCouncillorsPageShowsATrendOfTwelveWeeksEachWithPlans()
    {
        Assert.InRange(fixture.SeedTook, TimeSpan.Zero, TimeSpan.FromSeconds(90));
        var page = await fixture.PageWithKeyAsync(fixture.CouncillorKey);
        await page.GotoAsync($"/api/app/council?code={Council}");

        var rows = page.Locator(".trend-table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(12);
        var counts = await page.EvalOnSelectorAllAsync<int[]>(".trend-table tbody tr", "rows => rows.map(r => Number(r.cells[1].textContent))");
        Assert.All(counts, count => Assert.True(count > 0, $"a week without plans: {string.Join(", ", counts)}"));
        Assert.True(await page.Locator("svg.trend circle").CountAsync() >= 36, "three dimensions, a point a week");

        // The trend rises: the first four weeks average lower than the last four (co-design, the weakest dimension).
        var coDesign = await page.EvalOnSelectorAllAsync<int[]>(".trend-table tbody tr", "rows => rows.map(r => Number(r.cells[4].textContent))");
        Assert.True(coDesign.Take(4).Average() < coDesign.Skip(8).Average(), string.Join(", ", coDesign));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("first-run-council-trend"), FullPage = true });
    }

    [Fact]
    public async Task LastWeeksSummaryEmailListsItsPlansWithBandsAndLinksThatOpenThePlan()
    {
        var subject = $"Keep it Local weekly summary: Stevenage Borough Council, week {FirstRunFixture.LastWeek}";
        var mail = Assert.Single(await fixture.MailDev.WaitForAsync(1), m => m.Subject == subject);
        Assert.Equal(["alex.rivers@example.gov.uk", "sam.okoro@example.gov.uk"], mail.To.Order());

        using var admin = fixture.Api.Admin();
        var week = (await admin.GetFromJsonAsync<JsonObject>($"/api/plans/{Council}?week={FirstRunFixture.LastWeek}"))!["plans"]!.AsArray();
        Assert.True(week.Count >= 5, $"last week has {week.Count} plans");
        Assert.Contains(week, p => (string?)p!["band"] == "red");
        Assert.All(week, p => Assert.NotNull(p!["importedAt"]));
        foreach (var plan in week)
        {
            var title = System.Net.WebUtility.HtmlEncode(plan!["title"]!.GetValue<string>());
            Assert.Contains($">{title}</a>", mail.Html, StringComparison.Ordinal);
            Assert.Contains($"* {plan["title"]!.GetValue<string>()}", mail.Text, StringComparison.Ordinal);
        }

        Assert.Contains("font-weight: bold;\">red</td>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\"", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("**", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("](http", mail.Text, StringComparison.Ordinal);

        // Every link opens a page of this app (the pages ask for the reader's key), and a scorecard link shows its plan.
        var links = Href().Matches(mail.Html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();
        Assert.True(links.Count > week.Count, string.Join("\n", links));
        using var browser = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var link in links)
        {
            Assert.StartsWith($"{fixture.BaseUrl}/api/app/", link, StringComparison.Ordinal);
            var response = await browser.GetAsync(link);
            Assert.True(response.IsSuccessStatusCode, $"{link}: {(int)response.StatusCode}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        }

        var page = await fixture.PageWithKeyAsync(fixture.CouncillorKey);
        var first = week[0]!;
        await page.GotoAsync(links.First(l => l.Contains($"reference={first["reference"]!.GetValue<string>()}&", StringComparison.Ordinal)));
        await Assertions.Expect(page.Locator("#scorecard-title")).ToHaveTextAsync(first["title"]!.GetValue<string>());
        await Assertions.Expect(page.Locator("#scorecard")).ToContainTextAsync("originally submitted on");
    }

    [Fact]
    public async Task TheInboxHasARedPlanAndTheWeeklySummaryInTeamsAndSlackWithLinksToThePages()
    {
        var summaryTitle = $"Stevenage Borough Council: plans submitted in {FirstRunFixture.LastWeek}";
        foreach (var kind in new[] { "teams", "slack" })
        {
            var red = await fixture.Inbox.WaitForAsync(m => m.Kind == kind && m.Body.Contains("/100 (red)", StringComparison.Ordinal), $"{kind} red plan");
            var summary = await fixture.Inbox.WaitForAsync(m => m.Kind == kind && m.Body.Contains(summaryTitle, StringComparison.Ordinal), $"{kind} weekly summary");
            Assert.Equal(kind == "teams" ? 202 : 200, red.Status);
            Assert.Contains($"{fixture.BaseUrl}/api/app/scorecard?council={Council}", red.Body, StringComparison.Ordinal);
            Assert.Contains($"{fixture.BaseUrl}/api/app/council?code={Council}#summaries-heading", summary.Body, StringComparison.Ordinal);
        }

        // Imported plans were not announced: every plan message is for a plan submitted this week.
        var messages = await fixture.Inbox.MessagesAsync();
        Assert.DoesNotContain(messages, m => m.Body.Contains("SBC-H-", StringComparison.Ordinal) && !m.Body.Contains(summaryTitle, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheInboxPageShowsEachMessageAsCouncillorsSeeItNewestFirstWithItsRawJson()
    {
        await fixture.Inbox.WaitForAsync(m => m.Kind == "slack" && m.Body.Contains("plans submitted in", StringComparison.Ordinal), "slack weekly summary");
        var messages = await fixture.Inbox.MessagesAsync();
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Inbox.BaseUrl, Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync("/");

        var articles = page.Locator("article.message");
        await Assertions.Expect(articles).ToHaveCountAsync(messages.Count);
        var ids = await page.EvalOnSelectorAllAsync<int[]>("article.message", "all => all.map(a => Number(a.dataset.id))");
        Assert.Equal(ids.OrderDescending(), ids);
        await Assertions.Expect(page.Locator("#inbox-status")).ToContainTextAsync($"{messages.Count} messages");

        var teams = page.Locator("article.message-teams");
        var slack = page.Locator("article.message-slack");
        Assert.True(await teams.CountAsync() >= 2 && await slack.CountAsync() >= 2);
        await Assertions.Expect(teams.Locator(".verdict.problem")).ToHaveCountAsync(0);
        await Assertions.Expect(slack.Locator(".verdict.problem")).ToHaveCountAsync(0);
        await Assertions.Expect(teams.First.Locator(".verdict")).ToHaveTextAsync("Valid Adaptive Card 1.4");
        await Assertions.Expect(teams.First.Locator(".ac-adaptiveCard")).ToBeVisibleAsync();
        await Assertions.Expect(slack.First.Locator(".slack-message .slack-header")).ToBeVisibleAsync();

        // The raw JSON is a click away, and it is the body that was posted.
        var newest = articles.First;
        await Assertions.Expect(newest.Locator("pre.raw")).Not.ToBeVisibleAsync();
        await newest.GetByText("Raw JSON").ClickAsync();
        await Assertions.Expect(newest.Locator("pre.raw")).ToBeVisibleAsync();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(messages[0].Body), JsonNode.Parse(await newest.Locator("pre.raw").TextContentAsync() ?? "")));

        // A card's button (the renderer gives it the role of a link) opens the page it names.
        var card = teams.Filter(new LocatorFilterOptions { HasText = "Open the scorecard" }).First;
        var opened = await context.RunAndWaitForPageAsync(() => card.GetByRole(AriaRole.Link, new() { Name = "Open the scorecard" }).ClickAsync());
        Assert.StartsWith($"{fixture.BaseUrl}/api/app/scorecard?council={Council}", opened.Url, StringComparison.Ordinal);

        Assert.Empty(errors);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("first-run-channel-inbox"), FullPage = false });
    }

    [Fact]
    public async Task SeedingAgainLeavesWhatIsThere()
    {
        var again = await fixture.SeedAsync();

        Assert.Equal(0, again["imported"]!.GetValue<int>());
        Assert.Equal(0, again["submitted"]!.GetValue<int>());
        Assert.Equal("already-sent", again["summary"]!["outcome"]!.GetValue<string>());
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
