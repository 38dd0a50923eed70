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
using Commissioning.Functions.Plans;
using Commissioning.Functions.Summaries;
using Commissioning.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Commissioning.Benchmarks;

/// <summary>
/// What a submission costs beyond the storage it cannot avoid: POST /api/plans through the whole handler (key check,
/// validation, scoring, guidance rendering, versioned save) against the same blob uploads and table writes done
/// directly with the SDK, both against one Azurite in the same run (the week's plan row and its digest merge side by
/// side, as the submission writes them). Target: SubmitPlan ≤ 1.5 × RawStorageWrites.
/// Run: dotnet run -c Release --project tests/Commissioning.Benchmarks -- --filter '*SubmitPlan*'
/// </summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 12)]
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
    private string _digestEntry = string.Empty;
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

        // The week digest entry the submission merged beside its week row: the raw writes merge one like it.
        var seedWeek = PlanCalendar.IsoWeek(first["submittedAt"]!.GetValue<DateTimeOffset>());
        var digest = await _tables.GetTableClient("PlansByWeek").GetEntityAsync<TableEntity>($"{Council}|{seedWeek}", WeekDigest.ShardRow(0));
        _digestEntry = digest.Value.GetString(WeekDigest.PropertyName("BENCH-SEED", 1));
    }

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
        var weeks = _tables.GetTableClient("PlansByWeek");
        await Task.WhenAll(
            weeks.AddEntityAsync(Summary(new TableEntity($"{Council}|2026-W05", reference))),
            weeks.UpsertEntityAsync(new TableEntity($"{Council}|2026-W05", WeekDigest.ShardRow(0)) { [WeekDigest.PropertyName(reference, 1)] = _digestEntry }, TableUpdateMode.Merge));
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
