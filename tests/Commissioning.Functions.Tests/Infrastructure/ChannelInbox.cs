using System.Diagnostics;
using System.Text.Json;

namespace Commissioning.Functions.Tests.Infrastructure;

/// <summary>
/// The channel inbox (<c>scripts/channel-inbox/server.mjs</c>) on a free loopback port: a real receiver for Teams and
/// Slack webhook posts, and the page that draws them with Microsoft's Adaptive Cards renderer and the Block Kit preview.
/// </summary>
public sealed class ChannelInbox : IAsyncDisposable
{
    private readonly HttpClient _http;
    private Process? _process;

    private ChannelInbox()
    {
        Port = Azurite.FreePort();
        BaseUrl = $"http://127.0.0.1:{Port}";
        _http = new HttpClient { BaseAddress = new Uri(BaseUrl + "/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int Port { get; }

    /// <summary>http://127.0.0.1:port, the inbox page.</summary>
    public string BaseUrl { get; }

    public string TeamsUrl(string channel) => $"{BaseUrl}/teams/{channel}";

    public string SlackUrl(string channel) => $"{BaseUrl}/slack/{channel}";

    public static async Task<ChannelInbox> StartNewAsync()
    {
        var inbox = new ChannelInbox();
        await inbox.StartAsync();
        return inbox;
    }

    private async Task StartAsync()
    {
        var script = RepositoryPaths.Combine("scripts", "channel-inbox", "server.mjs");
        if (!File.Exists(RepositoryPaths.Combine("node_modules", "adaptivecards", "dist", "adaptivecards.min.js")))
        {
            throw new InvalidOperationException("The channel inbox needs the npm packages: run scripts/setup.sh.");
        }

        _process = await NodeTool.StartAsync("The channel inbox",
            [script, "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--host", "127.0.0.1"],
            async () => (await _http.GetAsync("healthz")).IsSuccessStatusCode);
    }

    /// <summary>Posts a body as the app would, to the Teams or Slack address of <paramref name="channel"/>.</summary>
    public async Task<HttpResponseMessage> PostAsync(string kind, string channel, string body) =>
        await _http.PostAsync($"{kind}/{channel}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

    /// <summary>Every post received so far, newest first.</summary>
    public async Task<IReadOnlyList<InboxMessage>> MessagesAsync()
    {
        var messages = await _http.GetFromJsonAsync<JsonElement[]>("api/messages") ?? [];
        return [.. messages.Select(InboxMessage.From)];
    }

    /// <summary>Waits (bounded) until a message matches, and returns it.</summary>
    public async Task<InboxMessage> WaitForAsync(Func<InboxMessage, bool> match, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = (await MessagesAsync()).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the channel inbox received no {what}");
            }

            await Task.Delay(100);
        }
    }

    public Task ClearAsync() => _http.DeleteAsync("api/messages");

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await NodeTool.StopAsync(_process);
    }
}

/// <summary>One post the inbox kept: its kind (teams or slack), channel, the status it answered and the body as JSON text.</summary>
public sealed record InboxMessage(int Id, string Kind, string Channel, int Status, string Body)
{
    public static InboxMessage From(JsonElement message) => new(
        message.GetProperty("id").GetInt32(),
        message.GetProperty("kind").GetString() ?? "",
        message.GetProperty("channel").GetString() ?? "",
        message.GetProperty("status").GetInt32(),
        message.GetProperty("body").GetRawText());
}
