using System.Text.Json;
using Commissioning.Functions.Tests.WorkerHost.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Constraints;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Functions.Tests.WorkerHost;

/// <summary>
/// The host's HTTP side. Routes like the host's own router: "{routePrefix}/{route}" tried in the order the worker
/// listed its functions, methods as a route constraint (so a wrong method is a 404, as on the host). A matched
/// request is forwarded to the worker's own server (its HttpUri) with the header x-ms-invocation-id, the way the
/// host's proxy does (original Host dropped, X-Forwarded-For/Proto/Host added), and at the same time an
/// InvocationRequest goes over gRPC whose trigger data is an empty RpcHttp plus the route values, "Query" and
/// "Headers" as trigger metadata. The worker's response is returned as it came; an invocation that failed is a
/// 500 with no body, as the host answers when the function throws.
/// </summary>
internal sealed class HttpFrontDoor : IAsyncDisposable
{
    // The host's default request body limit (104857600 bytes); the worker enforces whatever it enforces itself.
    private const long MaxRequestBodySize = 100 * 1024 * 1024;
    private const string InvocationIdHeader = "x-ms-invocation-id";
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Proxy-Connection", InvocationIdHeader,
    };

    private readonly WebApplication _app;
    private readonly HttpClient _toWorker;
    private readonly Uri? _workerUri;
    private readonly WorkerChannel _channel;
    private readonly Action<string> _report;

    private HttpFrontDoor(IReadOnlyList<WorkerFunction> functions, string routePrefix, Uri? workerUri, WorkerChannel channel, Action<string> report)
    {
        _workerUri = workerUri;
        _channel = channel;
        _report = report;
        _toWorker = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        }) { Timeout = Timeout.InfiniteTimeSpan };

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodySize;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        builder.Services.AddRouting();
        _app = builder.Build();

        var routes = new RouteBuilder(_app);
        var constraints = _app.Services.GetRequiredService<IInlineConstraintResolver>();
        foreach (var function in functions.Where(f => f.IsHttp))
        {
            var template = string.IsNullOrEmpty(routePrefix) ? function.Route! : $"{routePrefix}/{function.Route}";
            var methods = function.Methods.Count == 0
                ? null
                : new Dictionary<string, object> { ["httpMethod"] = new HttpMethodRouteConstraint([.. function.Methods]) };
            routes.Routes.Add(new Route(new RouteHandler(http => ForwardAsync(http, function)), template, null, methods, null, constraints));
        }

        _app.UseRouter(routes.Build());
    }

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<HttpFrontDoor> StartAsync(IReadOnlyList<WorkerFunction> functions, string routePrefix, Uri? workerUri,
        WorkerChannel channel, Action<string> report, CancellationToken cancellationToken)
    {
        var frontDoor = new HttpFrontDoor(functions, routePrefix, workerUri, channel, report);
        await frontDoor._app.StartAsync(cancellationToken);
        frontDoor.BaseAddress = new Uri(frontDoor._app.Urls.Single());
        return frontDoor;
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(StandInHost.StopTimeout);
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
        _toWorker.Dispose();
    }

    private async Task ForwardAsync(HttpContext http, WorkerFunction function)
    {
        var invocationId = Guid.NewGuid().ToString();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        deadline.CancelAfter(StandInHost.InvocationTimeout);
        try
        {
            using var request = ToWorkerRequest(http.Request, invocationId);
            var forwarding = _toWorker.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var invocation = _channel.InvokeAsync(ToInvocation(http, function, invocationId), deadline.Token);

            using var response = await forwarding;
            var outcome = await invocation;
            if (!outcome.Succeeded)
            {
                _report($"{function.Name} ({invocationId}) failed: {outcome.Error}");
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }

            http.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers).Where(h => !NotForwarded.Contains(h.Key)))
            {
                http.Response.Headers[name] = values.ToArray();
            }

            await response.Content.CopyToAsync(http.Response.Body, deadline.Token);
        }
        catch (Exception e) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            _report($"{function.Name} ({invocationId}) could not be proxied: {e}");
            http.Response.StatusCode = e is OperationCanceledException ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status502BadGateway;
        }
        finally
        {
            await deadline.CancelAsync();   // whichever half is still waiting stops waiting
        }
    }

    private HttpRequestMessage ToWorkerRequest(HttpRequest incoming, string invocationId)
    {
        var target = _workerUri ?? throw new InvalidOperationException("The worker announced no HttpUri.");
        var outgoing = new HttpRequestMessage(new HttpMethod(incoming.Method),
            new Uri(target, incoming.PathBase + incoming.Path + incoming.QueryString));
        if (incoming.ContentLength > 0 || incoming.Headers.TransferEncoding.Count > 0)
        {
            outgoing.Content = new StreamContent(incoming.Body);
        }

        foreach (var (name, values) in incoming.Headers.Where(h => !NotForwarded.Contains(h.Key)))
        {
            if (!outgoing.Headers.TryAddWithoutValidation(name, [.. values]))
            {
                outgoing.Content?.Headers.TryAddWithoutValidation(name, [.. values]);
            }
        }

        outgoing.Headers.TryAddWithoutValidation(InvocationIdHeader, invocationId);
        outgoing.Headers.TryAddWithoutValidation("X-Forwarded-For", incoming.HttpContext.Connection.RemoteIpAddress?.ToString());
        outgoing.Headers.TryAddWithoutValidation("X-Forwarded-Proto", incoming.Scheme);
        outgoing.Headers.TryAddWithoutValidation("X-Forwarded-Host", incoming.Host.Value);
        return outgoing;
    }

    private static InvocationRequest ToInvocation(HttpContext http, WorkerFunction function, string invocationId)
    {
        var invocation = new InvocationRequest { InvocationId = invocationId, FunctionId = function.FunctionId, TraceContext = new RpcTraceContext() };
        invocation.InputData.Add(new ParameterBinding { Name = function.TriggerName, Data = new TypedData { Http = new RpcHttp() } });
        foreach (var (name, value) in http.GetRouteData().Values)
        {
            if (value is not null)
            {
                invocation.TriggerMetadata[name] = new TypedData { String = value.ToString() };
            }
        }

        invocation.TriggerMetadata["Query"] = Json(http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()));
        invocation.TriggerMetadata["Headers"] = Json(http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()));
        return invocation;
    }

    private static TypedData Json<T>(T value) => new() { Json = JsonSerializer.Serialize(value) };
}
