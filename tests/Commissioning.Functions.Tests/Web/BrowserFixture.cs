using Commissioning.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Commissioning.Functions.Tests.Web;

/// <summary>
/// The real handler on Kestrel (a loopback socket the browser can reach) against a private Azurite, one registered
/// council with a key, and Debian's Chromium driven by Playwright. Playwright's own browser download is never used.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public Azurite Azurite { get; private set; } = null!;
    public CommissioningApi Api { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    /// <summary>http://127.0.0.1:port, the app's real address.</summary>
    public string BaseAddress { get; private set; } = null!;
    /// <summary>An API client holding <see cref="CouncilKey"/>.</summary>
    public HttpClient Council { get; private set; } = null!;
    public string CouncilKey { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Azurite = await Azurite.StartNewAsync();
        Api = new CommissioningApi(Azurite);
        Api.UseKestrel(0);
        Api.StartServer();
        var addresses = Api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = addresses.First().Replace("://localhost:", "://127.0.0.1:", StringComparison.Ordinal).TrimEnd('/');

        Council = await Api.CouncilAsync();
        CouncilKey = Council.DefaultRequestHeaders.GetValues("X-Api-Key").Single();

        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Debian's Chromium, headless, with nothing that reaches beyond this machine.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests drive Debian's Chromium at {ChromiumPath}: install it with 'apt-get install chromium'.");
        }

        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = 30_000,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>A fresh browser profile (its own localStorage and sessionStorage) with the Content-Security-Policy enforced.</summary>
    public Task<IBrowserContext> NewContextAsync(bool bypassCsp = false, int width = 1280, int height = 900) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress,
            BypassCSP = bypassCsp,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });

    /// <summary>A context whose tabs already hold the council key, as if the person had typed it in.</summary>
    public async Task<IBrowserContext> NewContextWithKeyAsync(bool bypassCsp = false, int width = 1280, int height = 900)
    {
        var context = await NewContextAsync(bypassCsp, width, height);
        await context.AddInitScriptAsync($"sessionStorage.setItem('kil.councilKey', {System.Text.Json.JsonSerializer.Serialize(CouncilKey)});");
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        Council?.Dispose();
        await Api.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

/// <summary>Where screenshots go: artifacts/screenshots under the repository root.</summary>
public static class Screenshots
{
    public static string PathFor(string name)
    {
        var folder = RepositoryPaths.Combine("artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}
