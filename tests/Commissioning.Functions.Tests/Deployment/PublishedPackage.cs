using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Functions.Tests.Deployment;

/// <summary>
/// dist.zip (made by scripts/publish.sh) unpacked into a private folder, the way the platform unpacks it.
/// </summary>
public sealed class PublishedPackage : IDisposable
{
    public static readonly string ZipPath = RepositoryPaths.Combine("dist.zip");

    public PublishedPackage()
    {
        if (!File.Exists(ZipPath))
        {
            throw new InvalidOperationException(
                $"{ZipPath} is missing: run 'bash scripts/publish.sh' to build the package (scripts/test.sh does it first).");
        }

        Root = Directory.CreateTempSubdirectory("package-").FullName;
        ZipFile.ExtractToDirectory(ZipPath, Root);
        Entries = ReadEntries();
    }

    /// <summary>The package root: where host.json is, and the worker's working directory under the host.</summary>
    public string Root { get; }

    /// <summary>Entry names as stored in the zip (forward slashes).</summary>
    public IReadOnlyList<string> Entries { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static List<string> ReadEntries()
    {
        using var archive = ZipFile.OpenRead(ZipPath);
        return [.. archive.Entries.Select(e => e.FullName)];
    }

    /// <summary>
    /// Starts the packaged app on its own (no host arguments: the local runner), the way the deployed package's files
    /// are laid out, and waits for its first 200 on GET /api/health.
    /// </summary>
    public async Task<StartedHandler> StartHandlerAsync(IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var port = Azurite.FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(PathOf("Commissioning.Functions.dll"));
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

        var handler = new StartedHandler(process, port, output);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                var exited = $"the app exited with code {process.ExitCode}:\n{handler.Output}";
                await handler.DisposeAsync();
                throw new InvalidOperationException(exited);
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
}

public sealed class StartedHandler(Process process, int port, StringBuilder output) : IAsyncDisposable
{
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
