using System.Diagnostics;
using System.Text;

namespace Commissioning.Functions.Tests.Infrastructure;

/// <summary>The app as a process of its own (the built or the packaged dll), so a test can kill it as a crash would.</summary>
public sealed class AppProcess(Process process, int port, StringBuilder output) : IAsyncDisposable
{
    /// <summary>Starts the app on its own (no host arguments: the local runner) and waits for its first 200 on GET /api/health.</summary>
    public static async Task<AppProcess> StartAsync(string dll, string workingDirectory, IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var port = Azurite.FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS" })
        {
            info.Environment.Remove(name);   // as in Azure: Production
        }

        foreach (var (name, value) in settings)
        {
            info.Environment[name] = value;
        }

        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("the app did not start");
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var handler = new AppProcess(process, port, output);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();   // the rest of its output
                var exited = new AppExitedException(process.ExitCode, handler.Output);
                await handler.DisposeAsync();
                throw exited;
            }

            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{port}/api/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    handler.ReadyAfter = clock.Elapsed;
                    handler.ProcessorTimeToReady = process.TotalProcessorTime;
                    handler.FirstBody = await response.Content.ReadAsStringAsync();
                    return handler;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(5);
        }

        await handler.DisposeAsync();
        throw new TimeoutException($"the app did not answer GET /api/health within {timeout}:\n{handler.Output}");
    }

    /// <summary>
    /// Starts the app on its own and expects it to refuse: waits for it to exit and returns its exit code and everything
    /// it wrote. A process of its own rather than an in-memory factory, so the refusal is the one an operator sees and no
    /// race between the failed start and the factory's own disposal can stand in for it.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RefusalAsync(string dll, string workingDirectory, IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        try
        {
            await using var started = await StartAsync(dll, workingDirectory, settings, timeout);
            throw new Xunit.Sdk.XunitException($"the app started and answered GET /api/health:\n{started.Output}");
        }
        catch (AppExitedException exited)
        {
            return (exited.ExitCode, exited.Output);
        }
    }

    public int Port { get; } = port;
    /// <summary>Wall-clock time from process start to the first 200 on GET /api/health.</summary>
    public TimeSpan ReadyAfter { get; set; }
    /// <summary>CPU the handler spent (all threads) until then: unlike wall time, barely moved by a busy machine.</summary>
    public TimeSpan ProcessorTimeToReady { get; set; }
    public string FirstBody { get; set; } = "";

    public string Output
    {
        get { lock (output) { return output.ToString(); } }
    }

    /// <summary>Kills the process at once, as a crash or a reclaimed instance would stop it.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}

/// <summary>The app stopped before it answered: its exit code and what it wrote.</summary>
public sealed class AppExitedException(int exitCode, string output)
    : InvalidOperationException($"the app exited with code {exitCode}:\n{output}")
{
    public int ExitCode { get; } = exitCode;
    public string Output { get; } = output;
}
