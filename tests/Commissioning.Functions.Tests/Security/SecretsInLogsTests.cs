using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Commissioning.Functions.Tests.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Commissioning.Functions.Tests.Security;

/// <summary>
/// No key, no key's hash and no webhook URL reaches the logs, at any level, through a council's whole life: keys
/// issued, used, refused and revoked, a plan submitted and posted to Slack.
/// </summary>
public sealed class SecretsInLogsTests : IAsyncLifetime
{
    private const string Council = "E07000290";
    private readonly LogCollector _logs = new();
    private Azurite _azurite = null!;
    private WebhookReceiver _slack = null!;
    private CommissioningApi _api = null!;
    private string _webhookPath = string.Empty;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartNewAsync();
        _slack = WebhookReceiver.Slack();
        await _slack.StartAsync();
        _webhookPath = $"services/T0LOGS/B0LOGS/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
        _api = new CommissioningApi(_azurite, services =>
        {
            services.AddSingleton<ILoggerProvider>(_logs);
            // Every level of every category, whatever appsettings.json says.
            services.Configure<LoggerFilterOptions>(filters =>
            {
                filters.Rules.Clear();
                filters.MinLevel = LogLevel.Trace;
            });
        }, new Dictionary<string, string?> { ["Webhooks:LogsSlack"] = _slack.UrlFor(_webhookPath) });
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _slack.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task NoKeyHashOrWebhookUrlAppearsInAnyLogLineAtAnyLevel()
    {
        using var admin = _api.Admin();
        var put = await admin.PutAsJsonAsync($"/api/councils/{Council}", new
        {
            code = Council,
            name = "Logs Council",
            localPostcodeDistricts = new[] { "SG1" },
            channels = new[] { new { name = "commissioning", kind = "slack", webhook = "LogsSlack", events = new[] { "every-submission" } } },
        });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var keys = new List<string>();
        foreach (var role in new[] { "commissioner", "councillor", "commissioner" })
        {
            var issued = JsonNode.Parse(await (await admin.PostAsJsonAsync($"/api/councils/{Council}/keys", new { role, note = "log test" })).Content.ReadAsStringAsync())!;
            keys.Add(issued["key"]!.GetValue<string>());
        }

        using var commissioner = _api.WithKey(keys[0]);
        using var councillor = _api.WithKey(keys[1]);
        Assert.Equal(HttpStatusCode.Created, (await commissioner.PostAsync("/api/plans", TestPlans.Content(Council, "LOGS-1"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await councillor.GetAsync($"/api/plans/{Council}/LOGS-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await councillor.PostAsync("/api/plans", TestPlans.Content(Council, "LOGS-2"))).StatusCode);
        var forged = keys[2][..^4] + "AAAA";
        using (var wrong = _api.WithKey(forged))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync($"/api/plans/{Council}")).StatusCode);
        }

        var third = JsonNode.Parse(await admin.GetStringAsync($"/api/councils/{Council}/keys"))!["keys"]!.AsArray()
            .Select(k => (string)k!["keyId"]!).Single(id => keys[2].Contains($".{id}.", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/councils/{Council}/keys/{third}")).StatusCode);
        using (var revoked = _api.WithKey(keys[2]))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync($"/api/plans/{Council}")).StatusCode);
        }

        Assert.Single(await _slack.WaitForPostsAsync(_webhookPath, 1, TimeSpan.FromSeconds(15)));
        await Task.Delay(500);   // the delivery's own log lines

        var secrets = keys.Append(forged).Append(CommissioningApi.AdminKey)
            .SelectMany(key => new[] { key, key.Split('.')[^1], Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))), Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))) })
            .Append(_slack.UrlFor(_webhookPath)).Append(_webhookPath.Split('/')[^1])
            .ToList();
        var lines = _logs.Lines.ToList();
        Assert.True(lines.Count > 100, $"only {lines.Count} log lines: the test is not seeing the app's logs at every level");
        Assert.Contains(lines, l => l.StartsWith("Trace", StringComparison.Ordinal) || l.StartsWith("Debug", StringComparison.Ordinal));
        var leaks = lines.Where(line => secrets.Any(secret => line.Contains(secret, StringComparison.Ordinal))).ToList();
        Assert.True(leaks.Count == 0, "secrets in the logs:\n" + string.Join('\n', leaks.Take(5)));
    }
}
