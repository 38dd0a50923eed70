using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Commissioning.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Benchmarks;

/// <summary>
/// What a submission costs beyond the storage it cannot avoid: POST /api/plans through the whole handler (key check,
/// validation, scoring, guidance rendering, versioned save) against the same blob uploads and table writes done
/// directly with the SDK, one after another, each against a private Azurite. Target: SubmitPlan ≤ 1.5 × RawStorageWrites.
/// Both sides are measured in the same state, at steady state:
/// - Azurite's blob store finds a blob by scanning every blob of the account, so each write gets slower as blobs pile
///   up. Every iteration therefore runs the same fixed number of operations and then empties the plan containers and
///   tables (the council's record stays), so neither side is measured against a bigger store than the other.
/// - Scriban's interpreter takes about a thousand renders to reach its final JIT tier; the set-up renders and scores
///   the plan that many times first, so the measurement is not of the JIT (the deployed handler is ReadyToRun).
/// Run: dotnet run -c Release --project tests/Commissioning.Benchmarks -- --filter '*SubmitPlan*'
/// </summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 8, iterationCount: 15, invocationCount: 32)]
[MemoryDiagnoser]
public class SubmitPlanBenchmarks
{
    private const string AdminKey = "benchmark-admin-key-long-enough";
    private const string Council = "E07000243";

    private Azurite _azurite = null!;
    private WebApplicationFactory<Program> _api = null!;
    private HttpClient _client = null!;
    private JsonObject _plan = null!;
    private BlobServiceClient _blobs = null!;
    private TableServiceClient _tables = null!;
    private string _html = string.Empty;
    private string _markdown = string.Empty;
    private byte[] _scorecard = [];
    private int _counter;

    [GlobalSetup]
    public async Task SetUp()
    {
        _azurite = await Azurite.StartNewAsync();
        _api = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("AzureWebJobsStorage", _azurite.ConnectionString);
            builder.UseSetting("Commissioning:AdminKey", AdminKey);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        _client = _api.CreateClient();
        _client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        var council = await File.ReadAllTextAsync(RepositoryPaths.Combine("samples", "councils", $"{Council}.json"));
        (await _client.PutAsync($"/api/councils/{Council}", new StringContent(council, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        _plan = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryPaths.Combine("samples", "plans", "neighbourhood-lotted-wellbeing-service.json")))!.AsObject();
        _plan["council"]!["code"] = Council;

        // One real submission gives the exact guidance and scorecard the raw writes then store.
        var first = await Submit("BENCH-SEED");
        _html = await _client.GetStringAsync(first["links"]!["guidanceHtml"]!.GetValue<string>());
        _markdown = await _client.GetStringAsync(first["links"]!["guidanceMarkdown"]!.GetValue<string>());
        using var gzip = new MemoryStream();
        using (var zip = new GZipStream(gzip, CompressionLevel.Fastest, leaveOpen: true))
        {
            await zip.WriteAsync(Encoding.UTF8.GetBytes(first["scorecard"]!.ToJsonString()));
        }

        _scorecard = gzip.ToArray();
        _blobs = new BlobServiceClient(_azurite.ConnectionString);
        _tables = new TableServiceClient(_azurite.ConnectionString);

        WarmTheInterpreter();
        for (var i = 0; i < 100; i++)
        {
            await SubmitPlan();
            await RawStorageWrites();
        }

        await EmptyThePlanStorage();
    }

    /// <summary>Empties what submissions write, so every iteration starts from the same store.</summary>
    [IterationCleanup]
    public void EmptyPlanStorageAfterEachIteration() => EmptyThePlanStorage().GetAwaiter().GetResult();

    [GlobalCleanup]
    public async Task TearDown()
    {
        _client.Dispose();
        await _api.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Benchmark]
    public async Task<JsonObject> SubmitPlan() => await Submit($"BENCH-API-{Interlocked.Increment(ref _counter)}");

    [Benchmark(Baseline = true)]
    public async Task RawStorageWrites()
    {
        var reference = $"BENCH-RAW-{Interlocked.Increment(ref _counter)}";
        var document = Document(reference);
        var plans = _blobs.GetBlobContainerClient("plans");
        var guidance = _blobs.GetBlobContainerClient("guidance");
        await plans.GetBlobClient($"{Council}/{reference}/v1.json").UploadAsync(BinaryData.FromBytes(document), new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Metadata = new Dictionary<string, string> { ["contenthash"] = new string('a', 64) },
        });
        await guidance.GetBlobClient($"{Council}/{reference}/v1.html").UploadAsync(BinaryData.FromString(_html),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/html; charset=utf-8" } });
        await guidance.GetBlobClient($"{Council}/{reference}/v1.md").UploadAsync(BinaryData.FromString(_markdown),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/markdown; charset=utf-8" } });

        var version = Summary(new TableEntity($"{Council}|{reference}", "000001"));
        version["ScorecardChunks"] = 1;
        version["Scorecard0"] = _scorecard;
        await _tables.GetTableClient("PlanVersions").AddEntityAsync(version);
        await _tables.GetTableClient("Plans").AddEntityAsync(Summary(new TableEntity(Council, reference)));
        await _tables.GetTableClient("PlansByWeek").AddEntityAsync(Summary(new TableEntity($"{Council}|2026-W05", reference)));
    }

    private async Task EmptyThePlanStorage()
    {
        foreach (var container in new[] { "plans", "guidance" })
        {
            var client = _blobs.GetBlobContainerClient(container);
            await client.DeleteIfExistsAsync();
            await client.CreateAsync();
        }

        foreach (var table in new[] { "Plans", "PlanVersions", "PlansByWeek" })
        {
            await _tables.DeleteTableAsync(table);
            await _tables.CreateTableAsync(table);
        }
    }

    /// <summary>Renders and scores the benchmark plan until the JIT has settled (Scriban's interpreter is the slow part).</summary>
    private void WarmTheInterpreter()
    {
        var plan = Domain.Plans.PlanParser.Parse(Document("BENCH-WARM")).Plan!;
        var renderer = _api.Services.GetRequiredService<Functions.Guidance.GuidanceRenderer>();
        var links = Functions.Plans.PlanLinks.For(Council, "BENCH-WARM", 1).ForGuidance();
        for (var i = 0; i < 1_500; i++)
        {
            var scorecard = Domain.Scoring.ScoringEngine.Score(plan, Domain.Rubrics.Rubrics.Current, null, new DateOnly(2026, 11, 23));
            renderer.Render(plan, scorecard, 1, links);
        }
    }

    private static TableEntity Summary(TableEntity row)
    {
        row["Version"] = 1;
        row["Title"] = "Benchmark plan";
        row["Score"] = 55;
        row["Band"] = "amber";
        row["AlertsCount"] = 1;
        row["SubmittedAt"] = DateTimeOffset.UtcNow;
        row["IsoWeek"] = "2026-W05";
        row["RubricVersion"] = "2026.1";
        row["Dimensions"] = "local-by-default:50:amber;proportionate-funding:60:amber;co-design:55:amber";
        row["ContentHash"] = new string('a', 64);
        return row;
    }

    private byte[] Document(string reference)
    {
        _plan["reference"] = reference;
        return Encoding.UTF8.GetBytes(_plan.ToJsonString());
    }

    private async Task<JsonObject> Submit(string reference)
    {
        using var content = new ByteArrayContent(Document(reference));
        content.Headers.ContentType = new("application/json");
        using var response = await _client.PostAsync("/api/plans", content);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
