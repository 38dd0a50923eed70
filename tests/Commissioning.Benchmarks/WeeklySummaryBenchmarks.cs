using Azure.Data.Tables;
using BenchmarkDotNet.Attributes;
using Commissioning.Domain.Councils;
using Commissioning.Domain.Scoring;
using Commissioning.Domain.Summaries;
using Commissioning.Functions.Rendering;
using Commissioning.Functions.Summaries;
using Commissioning.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Commissioning.Benchmarks;

/// <summary>
/// A weekly summary's cost follows the week's plans, not every plan ever stored. Two storage accounts (two
/// Azurites): one holds a council's 50 plans of the summarised week and nothing else; the other holds the same 50
/// plus 10,000 plans of the same council in 200 other weeks (outside the five weeks a summary reads), each week with
/// its plan rows and its digest. Measured: the build and render step that reads storage: ten point reads side by side
/// (rows ~digest-000 and ~digest-001 of each of the five week partitions; 000 holds the week's entries, 001 is
/// absent and ends the read), then build, render HTML and Markdown.
/// Goal: WithTenThousandOtherPlans within 1.2× of OnlyThisWeeksPlans.
/// The summary makes no query (PlansByWeekTableTests proves it), so Azurite's way of answering a query, testing its
/// filter against every row of the table (LokiTableMetadataStore.queryTableEntities: chain().where(...)), plays no
/// part; a point read finds its row through Loki's PartitionKey index, in O(log n + rows of that partition).
/// Before the digest (five single-partition queries, docs/decisions/0010-week-digest.md) it measured 8.2 ms vs
/// 45.5 ms median (2 shared cores, InProcess), the difference being that scan. Not yet measured with the digest.
/// Run: dotnet run -c Release --project tests/Commissioning.Benchmarks -- --filter '*WeeklySummary*'
/// </summary>
[InProcess]
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 20)]
public class WeeklySummaryBenchmarks
{
    private const string CouncilCode = "E07000243";
    private static readonly IsoWeek Week = IsoWeek.Parse("2026-W05");
    private static readonly Council Council = new() { Code = CouncilCode, Name = "Stevenage" };

    private Azurite _quiet = null!;
    private Azurite _busy = null!;
    private WeeklySummaryComposer _quietComposer = null!;
    private WeeklySummaryComposer _busyComposer = null!;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _quiet = await Azurite.StartNewAsync();
        _busy = await Azurite.StartNewAsync();
        var renderer = new SummaryRenderer(new TemplateLibrary(RepositoryPaths.Combine("templates")), new PublicLinks(Options.Create(new PublicLinkOptions())));

        var quietIndex = new PlansByWeekTable(new TableServiceClient(_quiet.ConnectionString), _quiet.Provisioning());
        var busyIndex = new PlansByWeekTable(new TableServiceClient(_busy.ConnectionString), _busy.Provisioning());
        var thisWeek = Enumerable.Range(1, 50).Select(i => Entry($"SBC-2026-{i:000}", Week, i)).ToList();
        await quietIndex.UpsertWeekAsync(CouncilCode, Week, thisWeek, default);
        await busyIndex.UpsertWeekAsync(CouncilCode, Week, thisWeek, default);
        for (var w = 0; w < 200; w++)
        {
            // Weeks 6..205 before the summarised week: none of them is read.
            var other = Week.AddWeeks(-6 - w);
            await busyIndex.UpsertWeekAsync(CouncilCode, other, Enumerable.Range(1, 50).Select(i => Entry($"OLD-{w:000}-{i:00}", other, i)), default);
        }

        _quietComposer = new WeeklySummaryComposer(quietIndex, new NoticesByWeekTable(new TableServiceClient(_quiet.ConnectionString)), renderer);
        _busyComposer = new WeeklySummaryComposer(busyIndex, new NoticesByWeekTable(new TableServiceClient(_busy.ConnectionString)), renderer);

        var quiet = await _quietComposer.ComposeAsync(Council, Week, default);
        var busy = await _busyComposer.ComposeAsync(Council, Week, default);
        if (quiet.Documents != busy.Documents || quiet.Summary.Plans.Count != 50)
        {
            throw new InvalidOperationException("The two accounts should give the same summary of the week.");
        }
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await _quiet.DisposeAsync();
        await _busy.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public Task<ComposedSummary> OnlyThisWeeksPlans() => _quietComposer.ComposeAsync(Council, Week, default);

    [Benchmark]
    public Task<ComposedSummary> WithTenThousandOtherPlans() => _busyComposer.ComposeAsync(Council, Week, default);

    private static WeeklyPlanEntry Entry(string reference, IsoWeek week, int seed)
    {
        int Score(int salt) => (seed * 37 + salt * 11) % 101;
        var (local, funding, coDesign) = (Score(1), Score(2), Score(3));
        var overall = (local + funding + coDesign) / 3;
        return new WeeklyPlanEntry
        {
            Reference = reference,
            Title = $"Community plan {reference} <with markup & text>",
            Version = 1 + seed % 3,
            SubmittedAt = new DateTimeOffset(week.Monday.AddDays(seed % 7).ToDateTime(new TimeOnly(9, seed % 60)), TimeSpan.Zero),
            Overall = new OverallScore(overall, WeeklySummaryBuilder.BandFor(overall)),
            Dimensions = new DimensionScores(local, funding, coDesign),
            Category = Domain.Plans.ServiceCategory.Community,
            Alerts = seed % 4 == 0 ? [new AlertMention("A4", "Payment terms above 30 days")] : [],
            TopRecommendations = [new RecommendationMention($"P{1 + seed % 8}", "Cash flow"), new RecommendationMention($"L{1 + seed % 8}", "Lots"), new RecommendationMention($"C{1 + seed % 8}", "Depth of involvement")],
            Principles = [.. Enumerable.Range(1, 6).Select(n => new PrincipleScore(n, $"Principle {n}", Score(n + 3)))],
        };
    }
}
