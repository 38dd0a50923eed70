using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Commissioning.Functions.Tests.Web;

/// <summary>
/// The pages know the key: with a councillor's key the plan form says plainly it can read but not submit, the
/// councillors' page works with either role, and a key revoked by the admin stops working on the page's next request.
/// </summary>
public sealed class KeyRolesOnPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Council = CommissioningApi.DemoCouncil;
    private static readonly PageGotoOptions Loaded = new() { WaitUntil = WaitUntilState.NetworkIdle };

    private async Task<(string Key, string KeyId)> IssueAsync(string role)
    {
        using var admin = fixture.Api.Admin();
        var issued = JsonNode.Parse(await (await admin.PostAsJsonAsync($"/api/councils/{Council}/keys", new { role, note = "pages" })).Content.ReadAsStringAsync())!;
        return (issued["key"]!.GetValue<string>(), issued["keyId"]!.GetValue<string>());
    }

    private static async Task UseKeyAsync(IPage page, string key)
    {
        await page.GetByLabel("Council key", new() { Exact = true }).FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this key" }).ClickAsync();
    }

    [Fact]
    public async Task WithACouncillorsKeyThePlanFormSaysItCanReadButNotSubmit()
    {
        var (key, _) = await IssueAsync("councillor");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/app/plan", Loaded);

        await UseKeyAsync(page, key);

        var notice = page.Locator("#key-role");
        await Assertions.Expect(notice).ToBeVisibleAsync();
        await Assertions.Expect(notice).ToContainTextAsync($"This is a councillor's key for {Council}: it can read the council's plans");
        await Assertions.Expect(notice).ToContainTextAsync("it cannot check or submit a plan");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit plan" })).ToHaveAttributeAsync("aria-disabled", "true");

        await page.GetByLabel("Council code").FillAsync(Council);
        await page.GetByLabel("Your reference for this plan").FillAsync("SBC-WEB-COUNCILLOR");
        await page.GetByLabel("Title").FillAsync("Not to be submitted");
        // The button is marked disabled; pressed anyway (a keyboard user, or a script), nothing is sent and the page says why.
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit plan" }).ClickAsync(new() { Force = true });
        await Assertions.Expect(page.Locator("#check-result")).ToContainTextAsync("it cannot check or submit a plan");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await fixture.Council.GetAsync($"/api/plans/{Council}/SBC-WEB-COUNCILLOR")).StatusCode);
    }

    [Fact]
    public async Task WithACommissionersKeyThePlanFormSaysNothingAboutReadingOnly()
    {
        var (key, _) = await IssueAsync("commissioner");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/app/plan", Loaded);

        await UseKeyAsync(page, key);

        await Assertions.Expect(page.Locator("#key-status")).ToContainTextAsync("A council key is held");
        await Assertions.Expect(page.Locator("#key-role")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit plan" })).Not.ToHaveAttributeAsync("aria-disabled", "true");
    }

    [Theory]
    [InlineData("councillor")]
    [InlineData("commissioner")]
    public async Task TheCouncillorsPageWorksWithEitherRoleAndStopsWhenTheKeyIsRevoked(string role)
    {
        var submitted = await fixture.Council.PostAsync("/api/plans", TestPlans.Content(reference: $"SBC-PAGES-{role}", change: plan => plan["title"] = $"Read by a {role}"));
        Assert.True(submitted.IsSuccessStatusCode);
        var (key, keyId) = await IssueAsync(role);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/app/council", Loaded);
        await UseKeyAsync(page, key);
        await page.GetByLabel("Council code").FillAsync(Council);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show plans" }).ClickAsync();
        await Assertions.Expect(page.Locator("#plans-table tbody tr", new() { HasText = $"Read by a {role}" })).ToHaveCountAsync(1);

        using var admin = fixture.Api.Admin();
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/councils/{Council}/keys/{keyId}")).StatusCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show plans" }).ClickAsync();

        await Assertions.Expect(page.Locator("#council-status")).ToContainTextAsync("the key was not accepted (mistyped, or withdrawn");
        await Assertions.Expect(page.Locator("#plans-table tbody tr", new() { HasText = $"Read by a {role}" })).ToHaveCountAsync(0);
    }
}
