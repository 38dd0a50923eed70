using Commissioning.Functions.Tests.Web;
using Microsoft.Playwright;

namespace Commissioning.Functions.Tests.Notifications;

/// <summary>The channel inbox and Debian's Chromium, for tests that look at Teams cards and Slack messages as councillors would.</summary>
public sealed class InboxBrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public ChannelInbox Inbox { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Inbox = await ChannelInbox.StartNewAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
    }

    /// <summary>A fresh page on the inbox, its renderers loaded, the Content-Security-Policy enforced; errors on the page fail the test.</summary>
    public async Task<IPage> OpenInboxAsync(int width = 1280)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Inbox.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await page.GotoAsync("/");
        await page.WaitForFunctionAsync("() => window.channelInbox !== undefined && document.body.dataset.messages !== undefined");
        Assert.True(errors.Count == 0, "the inbox page reported: " + string.Join("; ", errors));
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Inbox.DisposeAsync();
    }
}
