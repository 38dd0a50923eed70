using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Commissioning.Functions.Tests.WorkerHost.Rpc;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Functions.Tests.WorkerHost;

/// <summary>
/// A stand-in for the Azure Functions host, so tests can drive the real isolated-worker process through the
/// host's own protocol (the worker has no test host of its own, and Core Tools cannot be installed here).
/// <code>
/// await using var host = await StandInHost.StartAsync(appDllPath, new Dictionary&lt;string, string?&gt; { ["AzureWebJobsStorage"] = ... });
/// using var client = host.CreateClient();                       // plain HTTP to the front door: /api/...
/// var outcome = await host.InvokeTimerAsync("WeeklySummary", isPastDue: true);
/// Assert.DoesNotContain(host.Logs, log => log.Message.Contains(secret));
/// </code>
/// <para><b>What it emulates.</b> It listens for gRPC (HTTP/2 cleartext) on a free loopback port and starts
/// <c>dotnet app.dll</c> with the host's arguments (<c>--host --port --workerId --requestId --grpcMaxMessageLength</c>
/// and their <c>--functions-*</c> twins), the host's FUNCTIONS_WORKER_DIRECTORY and FUNCTIONS_APPLICATION_DIRECTORY,
/// and the settings the test passes as environment variables (app settings reach a worker that way). Then, as the
/// host does: StartStream from the worker, WorkerInitRequest, FunctionsMetadataRequest (worker indexing), a
/// FunctionLoadRequest per function. The init request carries no capabilities: the real host's (MultiStream and a few
/// conditional ones) are not read by the .NET worker; what matters travels the other way, the worker's "HttpUri"
/// (ASP.NET Core integration), where HTTP requests are forwarded.
/// HTTP: see <see cref="HttpFrontDoor"/> (the route prefix comes from the app's host.json, default "api").
/// Timers: <see cref="InvokeTimerAsync"/> sends the TimerInfo JSON the host's timer extension sends. RpcLog messages
/// are kept in <see cref="Logs"/>, the process's stdout and stderr in <see cref="Output"/>. Dispose sends
/// WorkerTerminate, waits up to <see cref="StopTimeout"/>, then kills the process tree.</para>
/// <para><b>What it does not.</b> No function keys or authLevel checks (every route is anonymous), no scaling, one
/// worker process, no placeholder mode or environment reload, no extension bundle and no host-side bindings: no
/// timer schedules firing by themselves, no schedule monitor, no singleton lock, no queue or blob triggers or
/// output bindings, no retries, no function timeout beyond <see cref="InvocationTimeout"/>, no shared memory, no
/// host.json settings other than the route prefix, no WorkerStatusRequest or InvocationCancel. HTTP only through the
/// worker's HttpUri (ASP.NET Core integration); the host's own endpoints (/admin, /runtime) do not exist. Logs are
/// all kept (no host.json log levels).</para>
/// <para>Every wait is bounded (<see cref="StartupTimeout"/>, <see cref="InvocationTimeout"/>); a start-up that fails
/// throws with the worker's output and logs, after stopping the process. Instances share nothing, so tests may run
/// several at once. The worker does not exit by itself when its host goes away: dispose every host (one never
/// disposed is killed only when the test process exits normally).</para>
/// </summary>
public sealed class StandInHost : IAsyncDisposable
{
    public static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan InvocationTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly string _appDllPath;
    private readonly string _appDirectory;
    private readonly string _workerId = Guid.NewGuid().ToString();
    private readonly WorkerChannel _channel;
    private readonly ConcurrentQueue<string> _output = new();
    private WebApplication? _grpcServer;
    private Process? _worker;
    private HttpFrontDoor? _frontDoor;
    private EventHandler? _killOnProcessExit;
    private int _disposed;

    private StandInHost(string appDllPath)
    {
        _appDllPath = Path.GetFullPath(appDllPath);
        _appDirectory = Path.GetDirectoryName(_appDllPath)!;
        _channel = new WorkerChannel(_workerId);
    }

    /// <summary>The functions the worker indexed, in the order it listed them.</summary>
    public IReadOnlyList<WorkerFunction> Functions { get; private set; } = [];

    /// <summary>The HTTP front door, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => (_frontDoor ?? throw new InvalidOperationException("The host has not started.")).BaseAddress;

    /// <summary>Everything the worker logged to the host so far.</summary>
    public IReadOnlyList<WorkerLog> Logs => _channel.Logs;

    /// <summary>The worker's stdout and stderr (stderr lines marked), and what the stand-in itself noticed.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Starts the worker at <paramref name="appDllPath"/> (a built or published isolated-worker app) and
    /// returns once every function is loaded and HTTP is served, within <see cref="StartupTimeout"/>.</summary>
    public static async Task<StandInHost> StartAsync(string appDllPath, IReadOnlyDictionary<string, string?>? settings = null,
        CancellationToken cancellationToken = default)
    {
        var host = new StandInHost(appDllPath);
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startup.CancelAfter(StartupTimeout);
        try
        {
            await host.StartCoreAsync(settings ?? new Dictionary<string, string?>(), startup.Token);
            return host;
        }
        catch (Exception e)
        {
            await host.DisposeAsync();
            var reason = e is OperationCanceledException && !cancellationToken.IsCancellationRequested
                ? $"it did not finish starting within {StartupTimeout.TotalSeconds} s"
                : e.Message;
            throw new InvalidOperationException(
                $"The stand-in host could not start {host._appDllPath}: {reason}{Environment.NewLine}{host.Diagnostics()}", e);
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = InvocationTimeout + StopTimeout };

    /// <summary>Fires a timer function once, as the host's timer does: the TimerInfo JSON with IsPastDue and a schedule
    /// status. Without <paramref name="status"/>: last run a week ago, next run due a minute ago when past due, else in a
    /// week (pass your own when the function reads them).</summary>
    public async Task<InvocationOutcome> InvokeTimerAsync(string functionName, bool isPastDue, TimerScheduleStatus? status = null,
        CancellationToken cancellationToken = default)
    {
        var function = Functions.SingleOrDefault(f => f.Name.Equals(functionName, StringComparison.OrdinalIgnoreCase) && f.IsTimer)
            ?? throw new ArgumentException($"The worker has no timer function '{functionName}'.", nameof(functionName));
        var now = DateTime.UtcNow;
        status ??= new TimerScheduleStatus(now.AddDays(-7), isPastDue ? now.AddMinutes(-1) : now.AddDays(7), now.AddDays(-7));
        var timerInfo = new
        {
            Schedule = new { AdjustForDST = true },
            ScheduleStatus = status,
            IsPastDue = isPastDue,
        };

        var invocation = new InvocationRequest
        {
            InvocationId = Guid.NewGuid().ToString(),
            FunctionId = function.FunctionId,
            TraceContext = new RpcTraceContext(),
        };
        invocation.InputData.Add(new ParameterBinding { Name = function.TriggerName, Data = new TypedData { Json = JsonSerializer.Serialize(timerInfo) } });
        invocation.TriggerMetadata["TimerTrigger"] = new TypedData { String = now.ToLocalTime().ToString() };

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(InvocationTimeout);
        return await _channel.InvokeAsync(invocation, deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_frontDoor is not null)
        {
            await _frontDoor.DisposeAsync();
        }

        if (_worker is not null)
        {
            await StopWorkerAsync(_worker);
        }

        _channel.Fail(new ObjectDisposedException(nameof(StandInHost)));
        if (_grpcServer is not null)
        {
            using var stopping = new CancellationTokenSource(StopTimeout);
            await _grpcServer.StopAsync(stopping.Token);
            await _grpcServer.DisposeAsync();
        }
    }

    private async Task StartCoreAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(_appDllPath))
        {
            throw new FileNotFoundException($"No worker app at {_appDllPath}: build it first.", _appDllPath);
        }

        _grpcServer = await StartGrpcServerAsync(cancellationToken);
        var grpcUri = new Uri(_grpcServer.Urls.Single());
        _worker = StartWorker(grpcUri, settings);
        await _channel.Connected.WaitAsync(cancellationToken);

        var init = (await _channel.RequestAsync(new StreamingMessage
        {
            WorkerInitRequest = new WorkerInitRequest
            {
                HostVersion = "4.0.0.0-stand-in",
                WorkerDirectory = _appDirectory,
                FunctionAppDirectory = _appDirectory,
            },
        }, cancellationToken)).WorkerInitResponse;
        EnsureSuccess(init.Result, "WorkerInitRequest");

        var index = (await _channel.RequestAsync(new StreamingMessage
        {
            FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = _appDirectory },
        }, cancellationToken)).FunctionMetadataResponse;
        EnsureSuccess(index.Result, "FunctionsMetadataRequest");
        if (index.UseDefaultMetadataIndexing)
        {
            throw new NotSupportedException("The worker asked the host to index functions from function.json; the stand-in only does worker indexing.");
        }

        Functions = [.. index.FunctionMetadataResults.Select(WorkerFunction.From)];
        await Task.WhenAll(Functions.Select(f => LoadAsync(f, cancellationToken)));

        Uri? workerHttpUri = init.Capabilities.TryGetValue("HttpUri", out var httpUri) ? new Uri(httpUri) : null;
        if (workerHttpUri is null && Functions.Any(f => f.IsHttp))
        {
            throw new NotSupportedException("The worker has HTTP functions but announced no HttpUri: the stand-in only proxies to ASP.NET Core integration.");
        }

        if (workerHttpUri is not null)
        {
            await WaitUntilListeningAsync(workerHttpUri, cancellationToken);
        }

        _frontDoor = await HttpFrontDoor.StartAsync(Functions, ReadRoutePrefix(), workerHttpUri, _channel,
            line => _output.Enqueue("[stand-in] " + line), cancellationToken);
    }

    /// <summary>
    /// The worker announces its HttpUri when it initialises, which can be a moment before its own server accepts
    /// connections (seen under load: the first request met a closed port), so the stand-in waits, bounded, for the
    /// worker's server before it opens its own front door.
    /// </summary>
    private static async Task WaitUntilListeningAsync(Uri worker, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await Tcp.AcceptsAsync(worker.Host, worker.Port, cancellationToken) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    private async Task<WebApplication> StartGrpcServerAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddRouting();
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = int.MaxValue;
            grpc.MaxSendMessageSize = int.MaxValue;
        });
        builder.Services.AddSingleton(_channel);
        var app = builder.Build();
        app.MapGrpcService<WorkerChannel>();
        await app.StartAsync(cancellationToken);
        return app;
    }

    private Process StartWorker(Uri grpcUri, IReadOnlyDictionary<string, string?> settings)
    {
        var requestId = Guid.NewGuid().ToString();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     _appDllPath,
                     "--host", grpcUri.Host, "--port", grpcUri.Port.ToString(), "--workerId", _workerId, "--requestId", requestId,
                     "--grpcMaxMessageLength", int.MaxValue.ToString(),
                     "--functions-uri", grpcUri.AbsoluteUri, "--functions-worker-id", _workerId, "--functions-request-id", requestId,
                     "--functions-grpc-max-message-length", int.MaxValue.ToString(),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = _appDirectory;
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = _appDirectory;
        foreach (var (name, value) in settings)
        {
            if (value is null)
            {
                start.Environment.Remove(name);   // null: the worker must not inherit this one
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var worker = new Process { StartInfo = start, EnableRaisingEvents = true };
        worker.OutputDataReceived += (_, line) => { if (line.Data is not null) { _output.Enqueue(line.Data); } };
        worker.ErrorDataReceived += (_, line) => { if (line.Data is not null) { _output.Enqueue("[stderr] " + line.Data); } };
        worker.Exited += (_, _) => _channel.Fail(new InvalidOperationException($"The worker process exited with code {worker.ExitCode}."));
        worker.Start();
        // The worker does not exit when its host goes away; a test run that ends without disposing must not leave it behind.
        _killOnProcessExit = (_, _) => worker.Kill(entireProcessTree: true);
        AppDomain.CurrentDomain.ProcessExit += _killOnProcessExit;
        worker.BeginOutputReadLine();
        worker.BeginErrorReadLine();
        return worker;
    }

    private async Task LoadAsync(WorkerFunction function, CancellationToken cancellationToken)
    {
        // What the host sends back for a worker-indexed function: the worker's own description of it.
        var metadata = function.Metadata;
        var load = new FunctionLoadRequest
        {
            FunctionId = function.FunctionId,
            Metadata = new RpcFunctionMetadata
            {
                Name = metadata.Name,
                FunctionId = metadata.FunctionId,
                Directory = metadata.Directory,
                ScriptFile = metadata.ScriptFile,
                EntryPoint = metadata.EntryPoint,
                Language = metadata.Language,
                Bindings = { metadata.Bindings },
                Properties = { metadata.Properties },
            },
        };
        var response = (await _channel.RequestAsync(new StreamingMessage { FunctionLoadRequest = load }, cancellationToken)).FunctionLoadResponse;
        EnsureSuccess(response.Result, $"FunctionLoadRequest for {function.Name}");
    }

    private async Task StopWorkerAsync(Process worker)
    {
        try
        {
            if (!worker.HasExited)
            {
                _channel.Post(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(StopTimeout) } });
                using var grace = new CancellationTokenSource(StopTimeout);
                try
                {
                    await worker.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    _output.Enqueue($"[stand-in] the worker did not stop within {StopTimeout.TotalSeconds} s of WorkerTerminate: killed");
                    worker.Kill(entireProcessTree: true);
                    using var killed = new CancellationTokenSource(StopTimeout);
                    await worker.WaitForExitAsync(killed.Token);
                }
            }
        }
        finally
        {
            AppDomain.CurrentDomain.ProcessExit -= _killOnProcessExit;
            worker.Dispose();
        }
    }

    private string ReadRoutePrefix()
    {
        var hostJson = Path.Combine(_appDirectory, "host.json");
        if (!File.Exists(hostJson))
        {
            return "api";
        }

        using var document = JsonDocument.Parse(File.ReadAllText(hostJson),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return document.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
            && prefix.ValueKind == JsonValueKind.String
            ? prefix.GetString()!
            : "api";
    }

    private static void EnsureSuccess(StatusResult? result, string step)
    {
        if (result?.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException($"The worker failed {step}: {result?.Exception?.Message ?? result?.Result ?? "no result"}");
        }
    }

    private string Diagnostics() =>
        $"Worker output:{Environment.NewLine}{Tail(Output)}{Environment.NewLine}Worker logs:{Environment.NewLine}{Tail(string.Join(Environment.NewLine, Logs))}";

    private static string Tail(string text) => text.Length <= 4000 ? text : "..." + text[^4000..];
}
