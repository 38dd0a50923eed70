using System.Globalization;
using System.Security.Cryptography;
using Commissioning.Functions.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Commissioning.Functions.Tests.Deployment;

/// <summary>
/// The packaged app started without the Functions host (the local runner) answers its health check quickly, and
/// refuses to start that way where App Service settings say it is on Azure. Cold start is process start to the
/// first 200 on GET /api/health. Wall-clock time on a shared build machine mostly measures the other jobs, so the
/// regression guard is on the CPU the process burns until ready; wall-clock times are reported alongside (and
/// measured properly by the cold-start benchmark).
/// </summary>
public sealed class PackagedAppStartTests(PublishedPackage package, ITestOutputHelper output) : IClassFixture<PublishedPackage>
{
    private const int Runs = 3;
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task ThePackagedAppStartsWithoutTheHostAndAnswersItsHealthCheck()
    {
        await using var azurite = await Azurite.StartNewAsync();
        var adminKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Commissioning__AdminKey"] = adminKey,
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__From"] = "summaries@advisor.example.gov.uk",
        };

        var wall = new List<TimeSpan>();
        var cpu = new List<TimeSpan>();
        for (var run = 0; run < Runs; run++)
        {
            await using var app = await package.StartHandlerAsync(settings, TimeSpan.FromSeconds(60));
            wall.Add(app.ReadyAfter);
            cpu.Add(app.ProcessorTimeToReady);
            Assert.Equal("healthy", (string?)JsonNode.Parse(app.FirstBody)!["status"]);
            Assert.DoesNotContain(adminKey, app.Output);
        }

        var report = $"cold start without the host, over {Runs} runs: wall {Milliseconds(wall)}; CPU {Milliseconds(cpu)}";
        output.WriteLine(report);
        Directory.CreateDirectory(RepositoryPaths.Combine("artifacts"));
        await File.WriteAllTextAsync(RepositoryPaths.Combine("artifacts", "cold-start.txt"), report + Environment.NewLine);

        var medianCpu = cpu.Order().ElementAt(Runs / 2);
        Assert.True(medianCpu < Guard, $"{report}; guard under {Guard.TotalMilliseconds} ms of CPU");
    }

    [Fact]
    public async Task OnAzureWithoutTheHostsArgumentsThePackagedAppRefusesToStartAndSaysWhy()
    {
        var settings = new Dictionary<string, string>
        {
            ["WEBSITE_SITE_NAME"] = "kil-advisor",
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Commissioning__AdminKey"] = "an-admin-key-long-enough",
        };

        var (exitCode, output) = await AppProcess.RefusalAsync(package.PathOf("Commissioning.Functions.dll"), package.Root, settings, TimeSpan.FromSeconds(30));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("WEBSITE_SITE_NAME is set", output, StringComparison.Ordinal);
        Assert.Contains("--functions-uri", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTimeZoneDataTheUkRuleStillGivesLondonTime()
    {
        await using var azurite = await Azurite.StartNewAsync();
        var empty = Directory.CreateTempSubdirectory("no-tzdata-").FullName;
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["TZDIR"] = empty,
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Commissioning__AdminKey"] = "an-admin-key-long-enough",
                ["Smtp__Host"] = "127.0.0.1",
                ["Smtp__From"] = "summaries@advisor.example.gov.uk",
            };
            await using var app = await package.StartHandlerAsync(settings, TimeSpan.FromSeconds(60));
            using var http = new HttpClient();
            http.DefaultRequestHeaders.Add("X-Api-Key", "an-admin-key-long-enough");

            // A week that has not ended in UK time: the answer needs the UK clock, and is a 404 ProblemDetails, not a 500.
            var week = System.Globalization.ISOWeek.GetWeekOfYear(DateTime.UtcNow);
            var response = await http.GetAsync($"http://127.0.0.1:{app.Port}/api/summaries/E07000243/{System.Globalization.ISOWeek.GetYear(DateTime.UtcNow)}-W{week:D2}");

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("has not ended in UK time", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    private static string Milliseconds(IEnumerable<TimeSpan> times) =>
        string.Join(", ", times.Select(t => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms"));
}
