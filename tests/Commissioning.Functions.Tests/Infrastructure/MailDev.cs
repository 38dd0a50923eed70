using System.Diagnostics;
using System.Text.Json;

namespace Commissioning.Functions.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for tests: MailDev from the pinned npm package, on free loopback ports, with its own mail
/// folder. Messages are read back through its REST API (<c>GET /api/email</c>).
/// </summary>
public sealed class MailDev : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("maildev-").FullName;
    private readonly HttpClient _http;
    private Process? _process;

    private MailDev()
    {
        SmtpPort = Azurite.FreePort();
        WebPort = Azurite.FreePort();
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{WebPort}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int SmtpPort { get; }
    public int WebPort { get; }

    public static async Task<MailDev> StartNewAsync()
    {
        var mailDev = new MailDev();
        await mailDev.StartAsync();
        return mailDev;
    }

    private async Task StartAsync()
    {
        var script = RepositoryPaths.Combine("node_modules", "maildev", "dist", "bin", "maildev.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"MailDev is not installed at {script}: run scripts/setup.sh.");
        }

        _process = await NodeTool.StartAsync("MailDev",
            [
                script, "--smtp", SmtpPort.ToString(), "--web", WebPort.ToString(), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1",
                "--mail-directory", _folder, "--silent",
            ],
            async () => (await _http.GetAsync("api/healthz")).IsSuccessStatusCode);
    }

    /// <summary>Every message received so far, in arrival order.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> MessagesAsync()
    {
        var emails = await _http.GetFromJsonAsync<JsonElement[]>("api/email") ?? [];
        return [.. emails.Select(ReceivedMail.From)];
    }

    /// <summary>Waits (bounded) until at least <paramref name="count"/> messages have arrived.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var messages = await MessagesAsync();
            if (messages.Count >= count || DateTime.UtcNow > deadline)
            {
                return messages;
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await NodeTool.StopAsync(_process);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open; the temp folder is cleaned by the OS
        }
    }
}

public sealed record ReceivedMail(string Subject, IReadOnlyList<string> To, string Html, string Text, string? MessageId)
{
    public static ReceivedMail From(JsonElement email) => new(
        email.GetProperty("subject").GetString() ?? "",
        [.. email.GetProperty("to").EnumerateArray().Select(t => t.GetProperty("address").GetString() ?? "")],
        email.TryGetProperty("html", out var html) ? html.GetString() ?? "" : "",
        email.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "",
        email.TryGetProperty("messageId", out var id) ? id.GetString()
        : email.TryGetProperty("headers", out var headers) && headers.TryGetProperty("message-id", out var header) ? header.GetString()
        : null);
}
