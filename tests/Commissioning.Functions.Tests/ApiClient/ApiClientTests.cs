using System.Diagnostics;
using Xunit.Abstractions;

namespace Commissioning.Functions.Tests.ApiClient;

/// <summary>
/// The API document is enough for a client: Kiota (the pinned dotnet tool) generates a C# client from the document the
/// running app serves, and a small program (ApiClient/Check/Program.cs) drives it through its typed models only:
/// registers a council, issues a key, scores, submits, reads, lists, fetches guidance, and reads a 400, a 401 and a
/// 404 as typed ProblemDetails.
/// </summary>
public sealed class ApiClientTests(KestrelApiFixture fixture, ITestOutputHelper output) : IClassFixture<KestrelApiFixture>
{
    [Fact]
    public async Task AClientGeneratedWithKiotaFromTheDocumentDrivesTheApiThroughTypedModels()
    {
        var work = Directory.CreateTempSubdirectory("kiota-client-").FullName;
        try
        {
            using var anonymous = fixture.Api.Anonymous();
            var document = Path.Combine(work, "openapi.json");
            await File.WriteAllTextAsync(document, await anonymous.GetStringAsync("/api/openapi.json"));

            await RunAsync("dotnet", RepositoryPaths.Root, "tool", "restore");
            await RunAsync("dotnet", RepositoryPaths.Root, "kiota", "generate", "-l", "CSharp", "-d", document, "-o", Path.Combine(work, "Client"),
                "-n", "Kil.Client", "-c", "KilClient", "--log-level", "Warning");
            var check = RepositoryPaths.Combine("tests", "Commissioning.Functions.Tests", "ApiClient", "Check");
            File.Copy(Path.Combine(check, "Program.cs"), Path.Combine(work, "Program.cs"));
            File.Copy(Path.Combine(check, "ApiClientCheck.csproj.txt"), Path.Combine(work, "ApiClientCheck.csproj"));
            File.Copy(RepositoryPaths.Combine("nuget.config"), Path.Combine(work, "nuget.config"));
            // Outside the repository's build settings (central package versions, warnings as errors on generated code).
            await File.WriteAllTextAsync(Path.Combine(work, "Directory.Build.props"), "<Project />");
            await File.WriteAllTextAsync(Path.Combine(work, "Directory.Packages.props"), "<Project />");
            await RunAsync("dotnet", work, "build", "-c", "Release", "-nologo", "-v", "q");

            var lines = (await RunAsync("dotnet", work, Path.Combine(work, "bin", "Release", "net10.0", "ApiClientCheck.dll"),
                anonymous.BaseAddress!.ToString(), CommissioningApi.AdminKey, "E07000296", RepositoryPaths.Combine("tests", "data", "plan-full.json")))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

            Assert.Equal("council E07000296 Kiota Borough Council", lines[0]);
            Assert.Matches("^key Commissioner generated client [0-9a-f]{12}$", lines[1]);
            Assert.Matches(@"^scored \d+ (Red|Amber|Green) 3 dimensions$", lines[2]);
            Assert.Matches(@"^submitted SBC-2026-014 v1 created=True \d+$", lines[3]);
            Assert.Equal("read SBC-2026-014 latest v1 1 version(s) by commissioner", lines[4]);
            Assert.Equal("listed 1 plan(s), page size 10", lines[5]);
            Assert.Equal("guidance # Guidance: Neighbourhood wellbeing hubs", lines[6]);
            Assert.Equal("400 400 query.pageSize", lines[7]);
            Assert.Equal("401 401 Send a key in the X-Api-Key header.", lines[8]);
            Assert.Equal("404 404 Council E07000296 has no plan NO-SUCH-PLAN.", lines[9]);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private async Task<string> RunAsync(string program, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["KIOTA_TUTORIAL_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in 4 minutes");
        }

        var text = await stdout;
        var errors = await stderr;
        output.WriteLine($"$ {program} {string.Join(' ', arguments)} → {process.ExitCode}");
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{text}\n{errors}");
        return text;
    }
}
