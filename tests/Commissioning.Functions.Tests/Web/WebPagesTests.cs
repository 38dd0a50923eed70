using Commissioning.Functions.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Commissioning.Functions.Tests.Web;

/// <summary>
/// The pages as commissioners and councillors use them: a real Chromium against the real app on a loopback port, with
/// the Content-Security-Policy enforced (except for the accessibility check, whose script is injected).
/// </summary>
public sealed class WebPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Council = CommissioningApi.DemoCouncil;

    private static readonly PageGotoOptions Loaded = new() { WaitUntil = WaitUntilState.NetworkIdle };

    [Fact]
    public async Task ACommissionerFillsInTheFormSubmitsItAndSeesItsScorecard()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/app/plan", Loaded);

        await page.GetByLabel("Council key", new() { Exact = true }).FillAsync(fixture.CouncilKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this key" }).ClickAsync();
        await Assertions.Expect(page.Locator("#key-status")).ToContainTextAsync("A council key is held");

        await page.GetByLabel("Council code").FillAsync(Council);
        await page.GetByLabel("Your reference for this plan").FillAsync("SBC-WEB-001");
        await page.GetByLabel("Title").FillAsync("Community transport for Bedwell");
        await page.GetByLabel("Kind of service").SelectOptionAsync("community");
        await page.GetByLabel("Neighbourhoods or wards it is delivered in").FillAsync("Bedwell\nShephall");
        await page.GetByLabel("Total value (£)").FillAsync("£90,000");
        await page.GetByLabel("Initial term (months)").FillAsync("36");
        await page.GetByLabel("How the money is given out").SelectOptionAsync("contract");
        await page.GetByLabel("Days from invoice to payment").FillAsync("45");
        await page.GetByLabel("Procurement route").SelectOptionAsync("below-threshold-open");
        await page.GetByLabel("Days bidders have to respond").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a lot" }).ClickAsync();
        await page.GetByLabel("Lot name").FillAsync("Whole borough");
        await page.GetByLabel("Lot value for the whole term (£)").FillAsync("90000");
        await page.GetByLabel("Highest level of involvement").SelectOptionAsync("co-design");

        // The live check scores the draft as the commissioner types, without storing it.
        await Assertions.Expect(page.Locator("#check-result .overall")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#check-result")).ToContainTextAsync("compliance alert");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("plan-form"), FullPage = false });

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit plan" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync("**/api/app/scorecard?**", new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"The scorecard did not open after submitting; the page said: \"{await page.Locator("#submit-status").TextContentAsync()}\"");
        }

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var stored = await fixture.Council.GetFromJsonAsync<JsonObject>($"/api/plans/{Council}/SBC-WEB-001");
        var scorecard = stored!["scorecard"]!;
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Community transport for Bedwell");
        await Assertions.Expect(page.Locator(".overall .score")).ToHaveTextAsync(scorecard["overall"]!["score"]!.GetValue<int>().ToString());
        await Assertions.Expect(page.Locator(".overall .band")).ToHaveTextAsync(scorecard["overall"]!["band"]!.GetValue<string>());
        foreach (var dimension in scorecard["dimensions"]!.AsArray())
        {
            await Assertions.Expect(page.Locator(".dimension-bar", new() { HasText = dimension!["title"]!.GetValue<string>() }).Locator(".dimension-score strong"))
                .ToHaveTextAsync(dimension["score"]!.GetValue<int>().ToString());
        }

        // 45-day payment terms must raise the payment-terms alert, shown before the recommendations.
        var alerts = scorecard["alerts"]!.AsArray();
        Assert.Contains(alerts, a => a!["id"]!.GetValue<string>() == "A4");
        await Assertions.Expect(page.Locator(".alert h3")).ToHaveCountAsync(alerts.Count);
        var headings = await page.Locator("main h2").AllTextContentsAsync();
        Assert.True(headings.ToList().FindIndex(h => h.StartsWith("Compliance alerts", StringComparison.Ordinal))
            < headings.ToList().FindIndex(h => h.StartsWith("What would raise", StringComparison.Ordinal)), string.Join(" | ", headings));

        var gains = (await page.Locator(".recommendations .gain").AllTextContentsAsync())
            .Select(text => decimal.Parse(text.TrimStart('+').Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(gains);
        Assert.Equal(gains.OrderByDescending(g => g), gains);
        var timeToBid = page.Locator("table.responsive-table tbody tr", new() { HasText = "P4" });
        await Assertions.Expect(timeToBid).ToContainTextAsync("bidWindowDays");
        await Assertions.Expect(timeToBid).ToContainTextAsync("10");

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Guidance document (HTML)" }))
            .ToHaveAttributeAsync("href", stored["links"]!["guidanceHtml"]!.GetValue<string>());
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Guidance document (Markdown)" }))
            .ToHaveAttributeAsync("href", stored["links"]!["guidanceMarkdown"]!.GetValue<string>());
        await Assertions.Expect(page.Locator("#versions-heading")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("scorecard"), FullPage = true });

        // The guidance link fetches the document with the key and saves it.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Guidance document (Markdown)" }).ClickAsync());
        Assert.Equal("SBC-WEB-001-v1-guidance.md", download.SuggestedFilename);
        var saved = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("Community transport for Bedwell", saved);
    }

    [Fact]
    public async Task AnInvalidAnswerShowsItsErrorNextToTheQuestionAndInTheSummary()
    {
        await using var context = await fixture.NewContextWithKeyAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/app/plan", Loaded);

        await page.GetByLabel("Council code").FillAsync(Council);
        await page.GetByLabel("Your reference for this plan").FillAsync("SBC-WEB-BAD");
        await page.GetByLabel("Title").FillAsync("A plan with a mistake");
        await page.GetByLabel("Days bidders have to respond").FillAsync("-5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit plan" }).ClickAsync();

        var input = page.Locator("#f-procurement-bidWindowDays");
        var error = page.Locator("#f-procurement-bidWindowDays-error");
        await Assertions.Expect(error).ToBeVisibleAsync();
        await Assertions.Expect(error).ToContainTextAsync("must be");
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Contains("f-procurement-bidWindowDays-error", (await input.GetAttributeAsync("aria-describedby"))!.Split(' '));
        // The message sits inside the question's own block, right before its input.
        Assert.True(await error.EvaluateAsync<bool>("e => e.nextElementSibling === document.getElementById('f-procurement-bidWindowDays')"));

        var summary = page.Locator("#error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        var link = summary.GetByRole(AriaRole.Link, new() { Name = "Days bidders have to respond" });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", "#f-procurement-bidWindowDays");
        await link.ClickAsync();
        await Assertions.Expect(input).ToBeFocusedAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/api/app/plan$"));

        var response = await fixture.Council.GetAsync($"/api/plans/{Council}/SBC-WEB-BAD");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        // Fixing it clears the error.
        await input.FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check my plan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#check-result .overall")).ToBeVisibleAsync();
        await Assertions.Expect(error).ToHaveCountAsync(0);
        await Assertions.Expect(input).Not.ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Fact]
    public async Task AnUploadedPlanFillsTheFormAndTheDraftSurvivesAReload()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/app/plan", Loaded);

        await page.Locator("#upload").SetInputFilesAsync(new FilePayload
        {
            Name = "plan.json",
            MimeType = "application/json",
            Buffer = System.Text.Encoding.UTF8.GetBytes(TestPlans.Document(reference: "SBC-UPLOAD-1")),
        });

        await Assertions.Expect(page.Locator("#upload-status")).ToContainTextAsync("Filled the form from plan.json");
        await Assertions.Expect(page.GetByLabel("Your reference for this plan")).ToHaveValueAsync("SBC-UPLOAD-1");
        await Assertions.Expect(page.GetByLabel("Days bidders have to respond")).ToHaveValueAsync("35");
        await Assertions.Expect(page.Locator("#f-procurement-lots-1-name")).ToHaveValueAsync("South");
        await Assertions.Expect(page.Locator("#f-market-engagement-0-organisations-1-postcode")).ToHaveValueAsync("SG1 2BB");
        await Assertions.Expect(page.GetByLabel("Neighbourhoods or wards it is delivered in")).ToHaveValueAsync("Bedwell\nShephall");

        await page.GetByLabel("Title").FillAsync("Wellbeing hubs, second draft");
        await page.WaitForFunctionAsync("() => (localStorage.getItem('kil.planDraft') ?? '').includes('second draft')");
        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.NetworkIdle });

        await Assertions.Expect(page.GetByLabel("Title")).ToHaveValueAsync("Wellbeing hubs, second draft");
        await Assertions.Expect(page.Locator("#f-procurement-lots-1-name")).ToHaveValueAsync("South");
        await Assertions.Expect(page.Locator("#draft-status")).ToContainTextAsync("restored your draft");
    }

    [Fact]
    public async Task APlanWithScriptInItsTitleAndNarrativeRunsNoScriptOnAnyPage()
    {
        const string hostile = "<script>window.__pwned = 1; alert('title')</script><img src=x onerror=\"window.__pwned = 2; alert('img')\">";
        var submitted = await fixture.Council.PostAsync("/api/plans", TestPlans.Content(reference: "SBC-XSS-1", change: plan =>
        {
            plan["title"] = "Hubs " + hostile;
            plan["narrative"] = hostile;
            plan["service"]!["neighbourhoods"] = new JsonArray("Bedwell" + hostile);
        }));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);

        await using var context = await fixture.NewContextWithKeyAsync();
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };

        var response = await page.GotoAsync($"/api/app/scorecard?council={Council}&reference=SBC-XSS-1", Loaded);
        Assert.Contains("script-src 'self'", response!.Headers["content-security-policy"]);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hubs " + hostile);

        await page.GotoAsync($"/api/app/council?code={Council}", Loaded);
        await Assertions.Expect(page.Locator("#plans-table")).ToContainTextAsync("Hubs " + hostile);

        await page.GotoAsync("/api/app/plan", Loaded);
        await page.Locator("#upload").SetInputFilesAsync(new FilePayload
        {
            Name = "hostile.json",
            MimeType = "application/json",
            Buffer = System.Text.Encoding.UTF8.GetBytes(TestPlans.Document(reference: "SBC-XSS-2", change: plan => plan["title"] = hostile)),
        });
        await Assertions.Expect(page.GetByLabel("Title")).ToHaveValueAsync(hostile);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check my plan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#check-result .overall")).ToBeVisibleAsync();

        Assert.Equal(0, await page.Locator("main img").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task TheCouncilPageListsThePlansFiltersThemAndDrawsTheTrend()
    {
        var submitted = await fixture.Council.PostAsync("/api/plans", TestPlans.Content(reference: "SBC-COUNCIL-1", change: plan => plan["title"] = "Youth clubs in Shephall"));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var body = (await submitted.Content.ReadFromJsonAsync<JsonObject>())!;
        var band = body["scorecard"]!["overall"]!["band"]!.GetValue<string>();
        var week = System.Globalization.ISOWeek.GetYear(DateTime.Now) + "-W" + System.Globalization.ISOWeek.GetWeekOfYear(DateTime.Now).ToString("00");

        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/app/council", Loaded);
        await page.GetByLabel("Council key", new() { Exact = true }).FillAsync(fixture.CouncilKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this key" }).ClickAsync();
        await page.GetByLabel("Council code").FillAsync(Council);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show plans" }).ClickAsync();

        var row = page.Locator("#plans-table tbody tr", new() { HasText = "Youth clubs in Shephall" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Community");
        await Assertions.Expect(row.Locator(".band")).ToHaveTextAsync(band);
        await Assertions.Expect(row.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/api/app/scorecard?council={Council}&reference=SBC-COUNCIL-1&version=1");

        var chart = page.Locator("#trends svg.trend");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        Assert.True(await chart.Locator("circle").CountAsync() >= 3);
        await Assertions.Expect(page.Locator("#trends table tbody tr")).ToHaveCountAsync(12);
        await Assertions.Expect(page.Locator("#trends table tbody tr").Last.Locator("th")).ToHaveTextAsync(week);
        var lastWeekDate = DateTime.Now.AddDays(-7);
        var lastWeek = System.Globalization.ISOWeek.GetYear(lastWeekDate) + "-W" + System.Globalization.ISOWeek.GetWeekOfYear(lastWeekDate).ToString("00");
        await Assertions.Expect(page.Locator("#summaries a")).ToHaveCountAsync(12);
        await Assertions.Expect(page.Locator("#summaries a").First).ToHaveAttributeAsync("href", $"/api/summaries/{Council}/{lastWeek}");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("council"), FullPage = true });

        var otherBand = band == "red" ? "green" : "red";
        await page.GetByLabel("Band").SelectOptionAsync(otherBand);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show plans" }).ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);

        await page.GetByLabel("Band").SelectOptionAsync("");
        await page.GetByLabel("Service category").SelectOptionAsync("health");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show plans" }).ClickAsync();
        await Assertions.Expect(page.Locator("#council-status")).ToContainTextAsync("0 plans");

        await page.GetByLabel("Service category").SelectOptionAsync("community");
        await page.GetByLabel("Week submitted").FillAsync(week);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show plans" }).ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(1);
        Assert.Contains($"week={week}", page.Url);
    }

    [Fact]
    public async Task OnAPhoneThePagesFitTheScreen()
    {
        await fixture.Council.PostAsync("/api/plans", TestPlans.Content(reference: "SBC-PHONE-1"));
        await using var context = await fixture.NewContextWithKeyAsync(width: 375, height: 740);
        var page = await context.NewPageAsync();

        foreach (var address in new[] { "/api/app/plan", $"/api/app/scorecard?council={Council}&reference=SBC-PHONE-1", $"/api/app/council?code={Council}" })
        {
            await page.GotoAsync(address, Loaded);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{address} is {overflow}px wider than a phone screen");
        }

        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("council-phone"), FullPage = false });
    }

    [Fact]
    public async Task AGuidancePageWithALongTitleFitsAPhoneAndItsTabShowsAShortTitle()
    {
        // An unbroken word (a browser breaks at hyphens and spaces by itself, never inside a word unless told to).
        var title = "NeighbourhoodAndCommunityTransportCommissioningProgrammeForBedwell " +
            "with door-to-door journeys for older residents, shopping trips and hospital appointments across the borough";
        var submitted = await fixture.Council.PostAsync("/api/plans",
            TestPlans.Content(reference: "SBC-LONG-TITLE", change: plan => plan["title"] = title));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        await using var context = await fixture.NewContextAsync(width: 375, height: 740);
        await context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-Api-Key"] = fixture.CouncilKey });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/api/plans/{Council}/SBC-LONG-TITLE/guidance?format=html", Loaded);

        var tab = await page.TitleAsync();
        Assert.True(tab.Length <= 70, $"the tab title is {tab.Length} characters: {tab}");
        Assert.StartsWith("Guidance: NeighbourhoodAndCommun", tab, StringComparison.Ordinal);
        Assert.EndsWith("… (SBC-LONG-TITLE) — Keep it Local", tab, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the guidance page is {overflow}px wider than a phone screen");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("guidance-long-title-phone"), FullPage = false });
    }
}
