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
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Benchmarks;

/// <summary>
/// What a submission costs beyond the storage it cannot avoid: POST /api/plans through the whole handler (key check,
/// validation, scoring, guidance rendering, versioned save) against the storage calls it must make, done directly with
/// the SDK, each against a private Azurite. Target: SubmitPlan ≤ 1.3 × RawStorageCalls (decision 0012).
/// The council has a Slack channel that hears of every submission, so a submission also records its outbox row and
/// puts it on the notifications queue (the delivery function is switched off: posting is the queue's work, after
/// the response, and not part of what a submission costs).
/// - RawStorageCalls (the baseline): every storage call a first submission must make, one after another: the read of
///   the plan's Plans row (the only way to know which version to write), the plan blob, both guidance blobs, the
///   PlanVersions row, the Plans row, the week's plan row and its digest entry (side by side, as the index is one
///   step), then the outbox row and the queue message.
/// - RawStorageWrites: the same without the read of the Plans row, the baseline first measured against;
///   kept so the figures stay comparable with earlier ones.
/// - RawStorageSameShape: the same calls arranged exactly as the submission makes them, side by side where it does.
///   The ratio to it is the handler's own cost and nothing else.
/// Both sides are measured in the same state, at steady state:
/// - Azurite's blob store finds a blob by scanning every blob of the account, so each write gets slower as blobs pile
///   up. Every iteration therefore runs the same fixed number of operations and then empties the plan containers and
///   tables (the council's record stays), so neither side is measured against a bigger store than the other.
/// - Scriban's interpreter takes about a thousand renders to reach its final JIT tier; the set-up renders and scores
///   the plan that many times first, so the measurement is not of the JIT (the deployed handler is ReadyToRun).
/// - The rest of the path settles later than a micro-benchmark does: measured round by round (32 operations a round,
///   the methods interleaved in one process, as <see cref="PairedSubmitRounds"/> runs them), a submission takes some 20
///   rounds (about 600 submissions) and the raw calls about 15 before their times stop falling. 30 warm-up rounds after the set-up's 100 put both sides at
///   steady state, as a handler that has served a few minutes of traffic is.
/// Run: dotnet run -c Release --project tests/Commissioning.Benchmarks -- --filter '*SubmitPlan*'
/// </summary>
// Three processes per method: a process's own steady state (its JIT's and Azurite's) varies by some ±15%, which one
// launch per method turns into the ratio; three average it out.
[SimpleJob(RunStrategy.Throughput, launchCount: 3, warmupCount: 30, iterationCount: 20, invocationCount: 32)]
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
    private Azure.Storage.Queues.QueueClient _queue = null!;
    private string _outboxBody = string.Empty;
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
            builder.UseSetting("Notifications:AllowLoopback", "true");
            builder.UseSetting("Webhooks:BenchSlack", "http://127.0.0.1:9/services/T0/B0/benchmark");
            builder.UseSetting("AzureWebJobs:DeliverNotification:Disabled", "true");
            builder.UseSetting("AzureWebJobs:WeeklySummary:Disabled", "true");
        });
        _client = _api.CreateClient();
        _client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        var council = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryPaths.Combine("samples", "councils", $"{Council}.json")))!;
        council["channels"] = new JsonArray(new JsonObject
        {
            ["name"] = "commissioning", ["kind"] = "slack", ["webhook"] = "BenchSlack", ["events"] = new JsonArray("every-submission"),
        });
        (await _client.PutAsync($"/api/councils/{Council}", new StringContent(council.ToJsonString(), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
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
        _queue = new Azure.Storage.Queues.QueueClient(_azurite.ConnectionString, "notifications",
            new Azure.Storage.Queues.QueueClientOptions { MessageEncoding = Azure.Storage.Queues.QueueMessageEncoding.Base64 });
        var outboxRow = await _tables.GetTableClient("Outbox").GetEntityAsync<TableEntity>(Council, "plan-BENCH-SEED-v1|commissioning");
        _outboxBody = outboxRow.Value.GetString("Body");

        // The week digest entry the submission merged beside its week row: the raw writes merge one like it.
        var seedWeek = PlanCalendar.IsoWeek(first["submittedAt"]!.GetValue<DateTimeOffset>());
        var digest = await _tables.GetTableClient("PlansByWeek").GetEntityAsync<TableEntity>($"{Council}|{seedWeek}", WeekDigest.ShardRow(0));
        _digestEntry = digest.Value.GetString(WeekDigest.PropertyName("BENCH-SEED", 1));

        WarmTheInterpreter();
        for (var i = 0; i < 100; i++)
        {
            await SubmitPlan();
            await RawStorageCalls();
            await RawStorageWrites();
            await RawStorageSameShape();
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

    /// <summary>The submission as a client sees it: until the whole 201 body has arrived (not parsed: that is the client's work).</summary>
    [Benchmark]
    public async Task<string> SubmitPlan() => await SubmitAsText($"BENCH-API-{Interlocked.Increment(ref _counter)}");

    [Benchmark(Baseline = true)]
    public async Task RawStorageCalls()
    {
        var reference = $"BENCH-CALLS-{Interlocked.Increment(ref _counter)}";
        await ReadHead(reference);
        await Writes(reference);
    }

    [Benchmark]
    public async Task RawStorageWrites() => await Writes($"BENCH-RAW-{Interlocked.Increment(ref _counter)}");

    [Benchmark]
    public async Task RawStorageSameShape()
    {
        var reference = $"BENCH-SHAPE-{Interlocked.Increment(ref _counter)}";
        await ReadHead(reference);
        await ClaimPlanBlob(reference);
        await Task.WhenAll(UploadGuidance(reference, "html", _html), UploadGuidance(reference, "md", _markdown), AddVersionRow(reference));
        await AddPlansRow(reference);
        await IndexWeek(reference);
        await RecordOutbox(reference);
        await Enqueue(reference);
    }

    private async Task Writes(string reference)
    {
        await ClaimPlanBlob(reference);
        await UploadGuidance(reference, "html", _html);
        await UploadGuidance(reference, "md", _markdown);
        await AddVersionRow(reference);
        await AddPlansRow(reference);
        await IndexWeek(reference);
        await RecordOutbox(reference);
        await Enqueue(reference);
    }

    /// <summary>The outbox row of the channel's message, as the notifications feature records it.</summary>
    private Task RecordOutbox(string reference) => _tables.GetTableClient("Outbox").AddEntityAsync(new TableEntity(Council, $"plan-{reference}-v1|commissioning")
    {
        ["EventId"] = $"plan-{reference}-v1",
        ["Channel"] = "commissioning",
        ["Kind"] = "Slack",
        ["Webhook"] = "BenchSlack",
        ["Body"] = _outboxBody,
        ["Status"] = "Pending",
        ["Attempts"] = 0,
        ["CreatedAt"] = DateTimeOffset.UtcNow,
    });

    /// <summary>The message that hands it to the delivery function.</summary>
    private Task Enqueue(string reference) => _queue.SendMessageAsync($$"""{"council":"{{Council}}","dedupeKey":"plan-{{reference}}-v1|commissioning"}""");

    private Task ReadHead(string reference) => _tables.GetTableClient("Plans").GetEntityIfExistsAsync<TableEntity>(Council, reference);

    private Task ClaimPlanBlob(string reference) =>
        _blobs.GetBlobContainerClient("plans").GetBlobClient($"{Council}/{reference}/v1.json").UploadAsync(BinaryData.FromBytes(Document(reference)), new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Metadata = new Dictionary<string, string> { ["contenthash"] = new string('a', 64) },
        });

    private Task UploadGuidance(string reference, string extension, string text) =>
        _blobs.GetBlobContainerClient("guidance").GetBlobClient($"{Council}/{reference}/v1.{extension}").UploadAsync(BinaryData.FromString(text),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = extension == "html" ? "text/html; charset=utf-8" : "text/markdown; charset=utf-8" } });

    private Task AddVersionRow(string reference)
    {
        var version = Summary(new TableEntity($"{Council}|{reference}", "000001"));
        version["ScorecardChunks"] = 1;
        version["Scorecard0"] = _scorecard;
        return _tables.GetTableClient("PlanVersions").AddEntityAsync(version);
    }

    private Task AddPlansRow(string reference) => _tables.GetTableClient("Plans").AddEntityAsync(Summary(new TableEntity(Council, reference)));

    /// <summary>The week's plan row and its digest entry, side by side as the submission writes them.</summary>
    private Task IndexWeek(string reference)
    {
        var weeks = _tables.GetTableClient("PlansByWeek");
        return Task.WhenAll(
            weeks.AddEntityAsync(Summary(new TableEntity($"{Council}|2026-W05", reference))),
            weeks.UpsertEntityAsync(new TableEntity($"{Council}|2026-W05", WeekDigest.ShardRow(0)) { [WeekDigest.PropertyName(reference, 1)] = _digestEntry }, TableUpdateMode.Merge));
    }

    private async Task EmptyThePlanStorage()
    {
        foreach (var container in new[] { "plans", "guidance" })
        {
            var client = _blobs.GetBlobContainerClient(container);
            await client.DeleteIfExistsAsync();
            await client.CreateAsync();
        }

        foreach (var table in new[] { "Plans", "PlanVersions", "PlansByWeek", "Outbox" })
        {
            await _tables.DeleteTableAsync(table);
            await _tables.CreateTableAsync(table);
        }

        await _queue.ClearMessagesAsync();
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

    private async Task<JsonObject> Submit(string reference) => JsonNode.Parse(await SubmitAsText(reference))!.AsObject();

    private async Task<string> SubmitAsText(string reference)
    {
        using var content = new ByteArrayContent(Document(reference));
        content.Headers.ContentType = new("application/json");
        using var response = await _client.PostAsync("/api/plans", content);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return await response.Content.ReadAsStringAsync();
    }
}
