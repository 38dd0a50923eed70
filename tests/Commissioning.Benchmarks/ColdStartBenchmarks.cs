using System.Diagnostics;
using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Benchmarks;

/// <summary>
/// Cold start of the packaged app without a host (the local runner): from starting `dotnet Commissioning.Functions.dll`
/// in the unpacked package (dist/, made by scripts/publish.sh: framework-dependent, ReadyToRun) to its first 200 on
/// GET /api/health, against a private Azurite. Every invocation is a new process, as every cold start on a
/// consumption plan is. Target: under 1 s.
/// Run: bash scripts/publish.sh && dotnet run -c Release --project tests/Commissioning.Benchmarks -- --filter '*ColdStart*'
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 1, warmupCount: 1, iterationCount: 15, invocationCount: 1)]
public class ColdStartBenchmarks
{
    private Azurite _azurite = null!;
    private string _package = string.Empty;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(2) };

    [GlobalSetup]
    public async Task SetUp()
    {
        _package = RepositoryPaths.Combine("dist");
        if (!File.Exists(Path.Combine(_package, "Commissioning.Functions.dll")))
        {
            throw new InvalidOperationException($"{_package} has no package: run 'bash scripts/publish.sh' first.");
        }

        _azurite = await Azurite.StartNewAsync();
        await StartToFirstHealthyAnswer();   // the first start also creates the storage the health check reads
    }

    [GlobalCleanup]
    public async Task TearDown()
    {
        _http.Dispose();
        await _azurite.DisposeAsync();
    }

    [Benchmark]
    public async Task StartToFirstHealthyAnswer()
    {
        var port = Azurite.FreePort();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = _package, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(_package, "Commissioning.Functions.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["AzureWebJobsStorage"] = _azurite.ConnectionString;
        info.Environment["Commissioning__AdminKey"] = "cold-start-admin-key-0123456789";
        info.Environment["Smtp__Host"] = "127.0.0.1";
        info.Environment["Smtp__From"] = "summaries@advisor.example.gov.uk";
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        using var process = Process.Start(info) ?? throw new InvalidOperationException("the app did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                try
                {
                    using var response = await _http.GetAsync($"http://127.0.0.1:{port}/api/health");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }

                await Task.Delay(2);
            }

            throw new TimeoutException("the app did not answer within 30 s");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
