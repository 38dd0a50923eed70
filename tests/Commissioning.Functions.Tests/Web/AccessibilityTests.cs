using System.Text.Json;
using Commissioning.Functions.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Commissioning.Functions.Tests.Web;

/// <summary>
/// axe-core finds no serious or critical accessibility violations on the three pages, filled with real data (a plan, a
/// published notice's scorecard on the form page, the council's imported notices on its page). axe is
/// injected as a script file, which the pages' CSP would refuse, so only these contexts bypass the CSP.
/// </summary>
public sealed class AccessibilityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Council = CommissioningApi.DemoCouncil;

    /// <summary>axe-core from the repository's node_modules (a devDependency), else from a /tmp install for development.</summary>
    private static string AxeScript()
    {
        string[] candidates =
        [
            RepositoryPaths.Combine("node_modules", "axe-core", "axe.min.js"),
            "/tmp/axe/node_modules/axe-core/axe.min.js",
        ];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("axe-core is not installed: looked for " + string.Join(" and ", candidates) +
                ". Add axe-core to package.json devDependencies and run npm ci (or, for development only, npm install --prefix /tmp/axe axe-core@4).");
    }

    public static TheoryData<string> Pages() => new()
    {
        "/api/app/plan",
        $"/api/app/scorecard?council={Council}&reference=SBC-A11Y-1",
        $"/api/app/council?code={Council}",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task ThePageHasNoSeriousOrCriticalAccessibilityViolations(string address)
    {
        var submitted = await fixture.Council.PostAsync("/api/plans", TestPlans.Content(reference: "SBC-A11Y-1"));
        Assert.True(submitted.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());

        // The council has published a notice, so its page shows the notices table too.
        using var admin = fixture.Api.Admin();
        var put = await admin.PutAsJsonAsync($"/api/councils/{Council}", new
        {
            code = Council, name = $"Council {Council}", localPostcodeDistricts = new[] { "SG1", "SG2" }, buyerNames = new[] { "London Borough of Brent" },
        });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/notices/{Council}", Notices.NoticeFiles.Content(Notices.NoticeFiles.Brent))).StatusCode);

        await using var context = await fixture.NewContextWithKeyAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync(address, new() { WaitUntil = WaitUntilState.NetworkIdle });
        if (address.StartsWith("/api/app/plan", StringComparison.Ordinal))
        {
            // Judge the form with its help open and an error showing, as people will meet it.
            await page.GetByLabel("Council code").FillAsync(Council);
            await page.GetByLabel("Your reference for this plan").FillAsync("SBC-A11Y-2");
            await page.GetByLabel("Title").FillAsync("Accessible plan");
            await page.GetByLabel("Days bidders have to respond").FillAsync("-1");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add a lot" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Check my plan" }).ClickAsync();
            await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
            await page.Locator("details.why").First.Locator("summary").ClickAsync();
            // And a published notice's labelled scorecard beside it.
            await page.GetByLabel("Score for council (GSS code)").FillAsync(Council);
            await page.GetByLabel("Notice file").SetInputFilesAsync(Path.Combine(Notices.NoticeFiles.Folder, Notices.NoticeFiles.FtsTender));
            await page.GetByRole(AriaRole.Button, new() { Name = "Score the notice" }).ClickAsync();
            await Assertions.Expect(page.Locator("#notice-result .notice-card")).ToHaveCountAsync(1);
        }
        else if (address.StartsWith("/api/app/council", StringComparison.Ordinal))
        {
            await Assertions.Expect(page.Locator("#notices-table tbody tr")).ToHaveCountAsync(1);
        }

        await page.AddScriptTagAsync(new() { Path = AxeScript() });
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const results = await axe.run(document, { resultTypes: ['violations'] });
              return {
                version: axe.version,
                violations: results.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                  nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' — ' + n.failureSummary) })),
              };
            }
            """);

        var serious = result.GetProperty("violations").EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("impact").GetString()} {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()}\n    " +
                string.Join("\n    ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString())))
            .ToList();
        Assert.True(serious.Count == 0, $"axe {result.GetProperty("version").GetString()} on {address}:\n" + string.Join("\n", serious));
    }
}
