using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Functions.Tests.Infrastructure;

/// <summary>
/// The real app (Program) in the local runner, in memory, against a given Azurite, with a known admin key. Requests go
/// through the same front door as under the Functions host: keys, body limits, ProblemDetails, then the function.
/// </summary>
public sealed class CommissioningApi(Azurite azurite, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-that-is-long-enough";
    public const string DemoCouncil = "E07000243";
    public const string OtherCouncil = "E07000241";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("AzureWebJobsStorage", azurite.ConnectionString);
        builder.UseSetting("Commissioning:AdminKey", AdminKey);
        builder.UseSetting("Commissioning:Storage:NetworkTimeout", "00:00:05");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The weekly summary timer runs on the real clock; tests that want it start it themselves.
        builder.UseSetting("AzureWebJobs:WeeklySummary:Disabled", "true");
        // The queue's retries quick and its polling brisk (host.json's extensions.queues, overridden as the host allows).
        builder.UseSetting("AzureFunctionsJobHost:extensions:queues:visibilityTimeout", "00:00:00.200");
        builder.UseSetting("AzureFunctionsJobHost:extensions:queues:maxPollingInterval", "00:00:00.500");
        // Webhook settings the tests' councils name: loopback only (nothing listens on port 9, the discard port),
        // and a host that is not a Teams or Slack host, to be refused when a council is configured with it.
        builder.UseSetting("Notifications:AllowLoopback", "true");
        builder.UseSetting("Webhooks:StevenageTeams", "http://127.0.0.1:9/teams/secret-path");
        builder.UseSetting("Webhooks:ElsewhereHook", "https://hooks.example.com/services/secret-path");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    public HttpClient Anonymous() => CreateClient();

    public HttpClient WithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public HttpClient Admin() => WithKey(AdminKey);

    /// <summary>Registers the council (if needed) and returns a client holding a freshly issued key for it.</summary>
    public async Task<HttpClient> CouncilAsync(string code = DemoCouncil)
    {
        using var admin = Admin();
        var put = await admin.PutAsJsonAsync($"/api/councils/{code}", new
        {
            code,
            name = $"Council {code}",
            localPostcodeDistricts = new[] { "SG1", "SG2" },
        });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var issued = await admin.PostAsync($"/api/councils/{code}/keys", null);
        Assert.Equal(System.Net.HttpStatusCode.Created, issued.StatusCode);
        var key = (await issued.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["key"]!.GetValue<string>();
        return WithKey(key);
    }
}

/// <summary>One Azurite and one handler for a test class.</summary>
public class ApiFixture : IAsyncLifetime
{
    public Azurite Azurite { get; private set; } = null!;
    public CommissioningApi Api { get; private set; } = null!;

    protected virtual bool KeepDataOnDisk => false;

    public async Task InitializeAsync()
    {
        Azurite = await Azurite.StartNewAsync(KeepDataOnDisk);
        Api = CreateApi();
    }

    protected virtual CommissioningApi CreateApi() => new(Azurite);

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

/// <summary>One Azurite and one handler on real Kestrel over loopback TCP, as the Functions host reaches it.</summary>
public sealed class KestrelApiFixture : ApiFixture
{
    protected override CommissioningApi CreateApi()
    {
        var api = base.CreateApi();
        api.UseKestrel(0);
        api.StartServer();
        return api;
    }
}
