using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Commissioning.Functions.Tests.Notifications;

/// <summary>A post a receiver got: which path, the exact body, when, and what it answered.</summary>
public sealed record ReceivedPost(string Path, string Body, DateTimeOffset At, int Status);

/// <summary>
/// One scripted answer; <see cref="Hang"/> never answers (until the client gives up); <see cref="RetryAfterDateIn"/> sends
/// Retry-After as an HTTP date that far from the moment of answering.
/// </summary>
public sealed record Reply(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null, TimeSpan? Delay = null, bool Hang = false,
    TimeSpan? RetryAfterDateIn = null)
{
    public static Reply Hanging { get; } = new(0, Hang: true);
}

/// <summary>
/// A real HTTP server on 127.0.0.1 playing Teams or Slack: records every POST and answers from a per-path script,
/// then with the default answer (Teams 202, Slack 200 "ok").
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Reply _default;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Reply>> _scripts = new();
    private readonly ConcurrentQueue<ReceivedPost> _posts = new();

    private WebhookReceiver(WebApplication app, Reply defaultReply)
    {
        _app = app;
        _default = defaultReply;
        app.MapPost("/{**path}", HandleAsync);
    }

    public string BaseUrl { get; private set; } = string.Empty;

    public static WebhookReceiver Teams() => new(Build(), new Reply(202));

    public static WebhookReceiver Slack() => new(Build(), new Reply(200, "ok"));

    public async Task StartAsync()
    {
        await _app.StartAsync();
        BaseUrl = _app.Urls.Single().TrimEnd('/');
    }

    public string UrlFor(string path) => $"{BaseUrl}/{path}";

    public void Script(string path, params Reply[] replies) => _scripts[path] = new ConcurrentQueue<Reply>(replies);

    public IReadOnlyList<ReceivedPost> PostsTo(string path) => [.. _posts.Where(p => p.Path == path).OrderBy(p => p.At)];

    public async Task<IReadOnlyList<ReceivedPost>> WaitForPostsAsync(string path, int count, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            var posts = PostsTo(path);
            if (posts.Count >= count)
            {
                return posts;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"expected {count} posts to /{path}, got {PostsTo(path).Count}");
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, string path)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var reply = _scripts.TryGetValue(path, out var script) && script.TryDequeue(out var next) ? next : _default;
        _posts.Enqueue(new ReceivedPost(path, body, DateTimeOffset.UtcNow, reply.Hang ? 0 : reply.Status));
        if (reply.Hang)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }

            return;
        }

        if (reply.Delay is { } delay)
        {
            await Task.Delay(delay);
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (reply.RetryAfterDateIn is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = (DateTimeOffset.UtcNow + retryAfter).ToString("R");
        }

        if (reply.Body.Length > 0)
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(reply.Body);
        }
    }

    private static WebApplication Build()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return builder.Build();
    }
}
