using Commissioning.Functions.Tests.Infrastructure;
using Commissioning.Functions.Tests.Notices;
using Microsoft.Playwright;

namespace Commissioning.Functions.Tests.Web;

/// <summary>
/// Published notices on the pages, in real Chromium with the Content-Security-Policy enforced: a real notice uploaded
/// on the form page reads as its labelled notice scorecard (never as a plan), and the council page lists the
/// council's imported notices with each dimension's coverage and band or "withheld".
/// </summary>
public sealed class NoticePagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly PageGotoOptions Loaded = new() { WaitUntil = WaitUntilState.NetworkIdle };

    /// <summary>On the plan form page, with the council key held: chooses a real notice file and scores it.</summary>
    private static async Task ScoreOnTheFormPageAsync(IPage page, string file)
    {
        await page.GotoAsync("/api/app/plan", Loaded);
        await page.GetByLabel("Score for council (GSS code)").FillAsync(CommissioningApi.DemoCouncil);
        await page.GetByLabel("Notice file").SetInputFilesAsync(Path.Combine(NoticeFiles.Folder, file));
        await page.GetByRole(AriaRole.Button, new() { Name = "Score the notice" }).ClickAsync();
    }

    [Fact]
    public async Task AnOfficerUploadsARealNoticeOnTheFormPageAndReadsItsLabelledScorecard()
    {
        await using var context = await fixture.NewContextWithKeyAsync();
        var page = await context.NewPageAsync();

        await ScoreOnTheFormPageAsync(page, NoticeFiles.FtsTender);

        var card = page.Locator("#notice-result .notice-card");
        await Assertions.Expect(card).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#notice-status")).ToHaveTextAsync("083563-2026.json: 1 notice scored.");
        await Assertions.Expect(card.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync("Science and Industry Museum Wonderlab Group 2 Interactives Makers");
        await Assertions.Expect(card.Locator(".notice-label")).ToHaveTextAsync("Scored from a published notice — not a submitted plan");
        await Assertions.Expect(card).ToContainTextAsync("Scored from a published notice (Find a Tender 083563-2026), not from a commissioning plan submitted by the council.");
        var rows = card.Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Local by default");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("40% (40 of 100 points)");
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync("0%");
        await Assertions.Expect(card.Locator("tbody .band-withheld")).ToHaveCountAsync(3);
        await Assertions.Expect(card.Locator(".overall .band-withheld")).ToHaveTextAsync("Withheld");
        await Assertions.Expect(card.Locator(".questions li", new() { HasText = "C1 Depth of involvement" })).ToContainTextAsync("How far were residents involved");
        await page.Locator("section", new() { Has = page.Locator("#notice-heading") }).ScreenshotAsync(new() { Path = Screenshots.PathFor("notice-scorecard") });

        // Scoring stores nothing, and the plan being written is untouched.
        var listed = await fixture.Council.GetFromJsonAsync<JsonObject>($"/api/notices/{CommissioningApi.DemoCouncil}");
        Assert.Empty(listed!["notices"]!.AsArray());
        await Assertions.Expect(page.Locator("#check-result .overall")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ARefusedNoticeFileSaysWhyInPlainWords()
    {
        await using var context = await fixture.NewContextWithKeyAsync();
        var page = await context.NewPageAsync();

        await ScoreOnTheFormPageAsync(page, NoticeFiles.FtsContract);

        await Assertions.Expect(page.Locator("#notice-status")).ToContainTextAsync("028961-2025.json was not scored. Nothing that can be used: Nothing in the body is a tender that can be scored");
        await Assertions.Expect(page.Locator("#notice-result li")).ToContainTextAsync("ocds-h6vhtk-052a2e: Outcome only, not scored");
    }

    [Fact]
    public async Task TheCouncilPageListsTheCouncilsImportedNoticesWithCoverageAndWithheldBands()
    {
        const string Brent = "E09000005";
        using var admin = fixture.Api.Admin();
        var put = await admin.PutAsJsonAsync($"/api/councils/{Brent}", new { code = Brent, name = "Brent Council", buyerNames = new[] { "London Borough of Brent", "Lancashire County Council" } });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var key = JsonNode.Parse(await (await admin.PostAsync($"/api/councils/{Brent}/keys", null)).Content.ReadAsStringAsync())!["key"]!.GetValue<string>();
        foreach (var file in new[] { NoticeFiles.Brent, NoticeFiles.Lancashire })
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/notices/{Brent}", NoticeFiles.Content(file))).StatusCode);
        }

        await using var context = await fixture.NewContextAsync();
        await context.AddInitScriptAsync($"sessionStorage.setItem('kil.councilKey', {System.Text.Json.JsonSerializer.Serialize(key)});");
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/api/app/council?code={Brent}", Loaded);

        var rows = page.Locator("#notices-table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2, new() { Timeout = 10_000 });
        var brent = rows.Filter(new() { HasText = "Brent Volunteer Centre" });
        await Assertions.Expect(brent).ToContainTextAsync("Contracts Finder");
        await Assertions.Expect(brent.Locator(".band-withheld")).ToHaveCountAsync(4);   // three dimensions and the overall
        await Assertions.Expect(brent).ToContainTextAsync("% read");
        await Assertions.Expect(rows.Filter(new() { HasText = "Minor Aids and Adaptations Service in Lancashire" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#plans")).ToContainTextAsync("No plans match these filters.");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("council-notices"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => brent.GetByRole(AriaRole.Link, new() { Name = "Brent Volunteer Centre" }).ClickAsync());
        Assert.EndsWith("-v1-guidance.html", download.SuggestedFilename);
        var saved = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("Scored from a published notice (Contracts Finder", saved);
    }
}
