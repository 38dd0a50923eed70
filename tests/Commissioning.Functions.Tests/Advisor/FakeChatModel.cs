using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Commissioning.Functions.Tests.Advisor;

/// <summary>
/// A real loopback HTTP server that speaks the chat-completions protocol under an Azure-style v1 base URL
/// (<c>/openai/v1/chat/completions</c>). It records every request and answers the way the test tells it to.
/// </summary>
public sealed class FakeChatModel : IAsyncDisposable
{
    public const string BasePath = "/openai/v1/";
    public const string ModelName = "fake-gpt";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _replies = new();

    private FakeChatModel(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>The self-signed certificate when started with https (trust it by thumbprint, nothing wider).</summary>
    public X509Certificate2? Certificate { get; private set; }

    public static async Task<FakeChatModel> StartAsync(bool https = false)
    {
        var certificate = https ? SelfSignedLoopbackCertificate() : null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var model = new FakeChatModel(app) { Certificate = certificate };

        app.MapPost(BasePath + "chat/completions", async (HttpContext context) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body);
            model._requests.Enqueue(new RecordedRequest(
                context.Request.Path,
                context.Request.Headers.Authorization.ToString(),
                body!.AsObject()));
            var reply = model._replies.TryDequeue(out var next) ? next : ServerError(500);
            await reply(context);
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        model.BaseAddress = new Uri(new Uri(address), BasePath);
        return model;
    }

    /// <summary>Queues the replies for the next requests, in order; an unexpected extra request gets a 500.</summary>
    public FakeChatModel Then(params Func<HttpContext, Task>[] replies)
    {
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }

        return this;
    }

    public static Func<HttpContext, Task> Answer(string content) => context => WriteCompletion(context, content, refusal: null);

    public static Func<HttpContext, Task> Answer(object answer) => Answer(JsonSerializer.Serialize(answer));

    public static Func<HttpContext, Task> Refusal(string refusal) => context => WriteCompletion(context, content: null, refusal);

    public static Func<HttpContext, Task> ServerError(int status) => async context =>
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { error = new { message = $"status {status}", type = "server_error", code = status.ToString() } });
    };

    public static Func<HttpContext, Task> Delayed(TimeSpan delay, Func<HttpContext, Task> then) => async context =>
    {
        try
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await then(context);
    };

    private static Task WriteCompletion(HttpContext context, string? content, string? refusal)
    {
        var completion = new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion",
            ["created"] = 1767225600,
            ["model"] = ModelName,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = refusal },
                ["logprobs"] = null,
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 900, ["completion_tokens"] = 200, ["total_tokens"] = 1100 },
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(completion.ToJsonString());
    }

    /// <summary>An HTTP handler that trusts this server's certificate only.</summary>
    public HttpMessageHandler TrustingHandler() => new SocketsHttpHandler
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && Certificate is not null && presented.GetCertHashString() == Certificate.GetCertHashString() },
    };

    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), password: null);
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
        Certificate?.Dispose();
    }
}

/// <summary>One request the fake model received.</summary>
public sealed record RecordedRequest(string Path, string Authorization, JsonObject Body)
{
    /// <summary>The text of each message, by role, whether the content was sent as a string or as parts.</summary>
    public IReadOnlyList<(string Role, string Text)> Messages =>
        [.. Body["messages"]!.AsArray().Select(m => (m!["role"]!.GetValue<string>(), TextOf(m["content"])))];

    private static string TextOf(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p!["text"]?.GetValue<string>() ?? string.Empty)),
        _ => string.Empty,
    };
}
