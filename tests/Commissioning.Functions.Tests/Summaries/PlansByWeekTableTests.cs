using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Commissioning.Functions.Summaries;
using Commissioning.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Tests.Summaries;

/// <summary>
/// The week index against a real Azurite: each plan's row of the week for the listing, and the week's digest rows
/// (<c>~digest-000</c>, …) that the summary reads with point reads only.
/// </summary>
public sealed partial class PlansByWeekTableTests(SummaryServers servers) : IClassFixture<SummaryServers>
{
    private TableClient Table => servers.Tables.GetTableClient("PlansByWeek");

    [Fact]
    public async Task AnEntryRoundTripsThroughTheWeeksDigest()
    {
        var week = IsoWeek.Parse("2026-W05");
        var entry = SummaryData.Entry("SBC-1", week, title: "Hubs <b> \"quoted\" café", local: 71, funding: 42, coDesign: 12, alerts: ["A4"], recommendations: ["P2", "L4"], principles: [(1, 70)]);
        var bare = SummaryData.Entry("SBC-2.a_b-c", week) with { Category = null };
        var table = new PlansByWeekTable(servers.Tables, servers.Azurite.Provisioning());

        await table.UpsertAsync("E07000243", entry, CancellationToken.None);
        await table.UpsertAsync("E07000243", bare, CancellationToken.None);
        var read = await table.ReadWeekAsync("E07000243", week, CancellationToken.None);

        Assert.Equal(["SBC-1", "SBC-2.a_b-c"], read.Select(e => e.Reference));
        AssertSameEntry(entry, read[0]);
        AssertSameEntry(bare, read[1]);
        var digest = (await Table.GetEntityAsync<TableEntity>("E07000243|2026-W05", "~digest-000")).Value;
        Assert.Matches("^P[0-9a-f]{40}_1$", WeekDigest.PropertyName("SBC-2.a_b-c", 1));
        Assert.Equal(WeekDigest.Serialize(entry), digest.GetString(WeekDigest.PropertyName("SBC-1", 1)));
        Assert.StartsWith("{\"reference\":\"SBC-1\",\"title\":\"Hubs <b> \\\"quoted\\\" café\"", digest.GetString(WeekDigest.PropertyName("SBC-1", 1)));
        var row = await Table.GetEntityAsync<TableEntity>("E07000243|2026-W05", "SBC-1");   // the plan's own row is still written
        Assert.Equal("amber", row.Value.GetString("OverallBand"));
        Assert.Equal("community", row.Value.GetString("Category"));
    }

    [Fact]
    public async Task ASummaryMakesOnlyPointReadsOfTheDigestRowsOfItsFiveWeeksHoweverManyPlansOtherWeeksHold()
    {
        var week = IsoWeek.Parse("2026-W20");
        var seed = new PlansByWeekTable(servers.Tables, servers.Azurite.Provisioning());
        await seed.UpsertWeekAsync("E06000060", week, Enumerable.Range(1, 3).Select(i => SummaryData.Entry($"NOW-{i}", week)), default);
        await seed.UpsertWeekAsync("E06000060", week.AddWeeks(-3), [SummaryData.Entry("PREV-1", week.AddWeeks(-3))], default);
        foreach (var other in new[] { -6, -10, 1, 2 })
        {
            await seed.UpsertWeekAsync("E06000060", week.AddWeeks(other), Enumerable.Range(1, 150).Select(i => SummaryData.Entry($"OLD-{other}-{i}", week.AddWeeks(other))), default);
        }

        var requests = new ConcurrentBag<(RequestMethod Method, Uri Uri)>();
        var options = new TableClientOptions();
        options.AddPolicy(new RecordingPolicy(requests), HttpPipelinePosition.PerCall);
        var recorded = new TableServiceClient(servers.Azurite.ConnectionString, options);
        var index = new PlansByWeekTable(recorded, servers.Azurite.Provisioning());
        var composer = new WeeklySummaryComposer(index, new NoticesByWeekTable(recorded), new SummaryRenderer(
            new Commissioning.Functions.Rendering.TemplateLibrary(RepositoryPaths.Combine("templates")), new PublicLinks(Options.Create(new PublicLinkOptions()))));

        var composed = await composer.ComposeAsync(new Council { Code = "E06000060", Name = "Test" }, week, default);

        Assert.Equal(3, composed.Summary.Plans.Count);
        Assert.Equal(1, composed.Summary.PreviousPlanCount);
        Assert.All(requests, r => Assert.Equal(RequestMethod.Get, r.Method));
        Assert.All(requests, r => Assert.DoesNotContain("$filter", Uri.UnescapeDataString(r.Uri.Query), StringComparison.Ordinal));
        // Each week: shard 000 (which exists) and 001 (which does not, so the read stops) side by side; the week's
        // notices the same way from their own table (none there). Nothing else.
        Assert.Equal(
            [.. new List<IsoWeek> { week }.Concat(week.Preceding(4))
                .SelectMany(w => new[] { "000", "001" }.Select(shard => $"/{Azurite.AccountName}/PlansByWeek(PartitionKey='E06000060|{w}',RowKey='~digest-{shard}')"))
                .Concat(new[] { "000", "001" }.Select(shard => $"/{Azurite.AccountName}/NoticesByWeek(PartitionKey='E06000060|{week}',RowKey='~digest-{shard}')"))
                .Order(StringComparer.Ordinal)],
            requests.Select(r => Uri.UnescapeDataString(r.Uri.AbsolutePath)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheHighestVersionOfAPlanInAWeekIsTheOneReadWhicheverWasWrittenLastAndAVersionOfAnotherWeekStaysInThatWeek()
    {
        var week = IsoWeek.Parse("2026-W30");
        await Table.CreateIfNotExistsAsync();
        var index = new PlansByWeekTable(servers.Tables, servers.Azurite.Provisioning());
        var first = SummaryData.Entry("VER-1", week, title: "First thoughts", local: 20);
        var second = first with { Version = 2, Title = "Second thoughts", SubmittedAt = first.SubmittedAt.AddHours(3), Dimensions = first.Dimensions with { LocalByDefault = 80 } };
        var nextWeek = first with { Version = 3, Title = "Next week's thoughts", SubmittedAt = first.SubmittedAt.AddDays(7) };

        await index.AddToDigestAsync("E06000061", week, second, default);   // the later version's write lands first
        await index.AddToDigestAsync("E06000061", week, first, default);
        await index.AddToDigestAsync("E06000061", week.AddWeeks(1), nextWeek, default);

        var read = Assert.Single(await index.ReadWeekAsync("E06000061", week, default));
        Assert.Equal((2, "Second thoughts", 80), (read.Version, read.Title, read.Dimensions.LocalByDefault));
        var digest = (await Table.GetEntityAsync<TableEntity>($"E06000061|{week}", "~digest-000")).Value;
        Assert.Equal([WeekDigest.PropertyName("VER-1", 1), WeekDigest.PropertyName("VER-1", 2)], EntryProperties(digest).Order(StringComparer.Ordinal));
        var later = Assert.Single(await index.ReadWeekAsync("E06000061", week.AddWeeks(1), default));
        Assert.Equal((3, "Next week's thoughts"), (later.Version, later.Title));
    }

    [Fact]
    public async Task WhenADigestRowIsFullTheNextPlansGoToTheNextRowAndTheWeekReadsEveryPlanExactlyOnce()
    {
        var week = IsoWeek.Parse("2026-W31");
        var limits = new AzureTableLimits(servers.Azurite.ConnectionString);
        var tables = TablesWith(limits);
        await tables.GetTableClient("PlansByWeek").CreateIfNotExistsAsync();
        // About 60 KB each by Azure's reckoning: 17 fill a 1 MiB row.
        var entries = Enumerable.Range(1, 40).Select(i => SummaryData.Entry($"BIG-{i:00}", week, title: new string((char)('a' + i % 26), 30_000))).ToList();

        var writer = new PlansByWeekTable(tables, servers.Azurite.Provisioning());
        foreach (var entry in entries.Take(30))
        {
            await writer.AddToDigestAsync("E06000062", week, entry, default);
        }

        var freshProcess = new PlansByWeekTable(tables, servers.Azurite.Provisioning());   // knows nothing of the full rows: walks past them
        await Task.WhenAll(entries.Skip(30).Select(e => freshProcess.AddToDigestAsync("E06000062", week, e, default)));
        var read = await new PlansByWeekTable(servers.Tables, servers.Azurite.Provisioning()).ReadWeekAsync("E06000062", week, default);

        Assert.True(limits.Refusals > 0, "no write was refused: the rows never filled");
        Assert.Equal(entries.Select(e => e.Reference), read.Select(e => e.Reference));
        Assert.All(read, e => Assert.Equal(entries.Single(x => x.Reference == e.Reference).Title, e.Title));
        var shards = await DigestRows($"E06000062|{week}");
        Assert.Equal(["~digest-000", "~digest-001", "~digest-002"], shards.Select(r => r.RowKey));
        var stored = shards.SelectMany(EntryProperties).ToList();
        Assert.Equal(entries.Count, stored.Count);
        Assert.Equal(entries.Count, stored.Distinct().Count());
        Assert.Equal(17, EntryProperties(shards[0]).Count());
    }

    [Fact]
    public async Task SeedingAWeekOfMorePlansThanARowMayHoldSpreadsThemOverRowsOfAtMost252()
    {
        var week = IsoWeek.Parse("2026-W32");
        var limits = new AzureTableLimits(servers.Azurite.ConnectionString);
        var entries = Enumerable.Range(1, 300).Select(i => SummaryData.Entry($"MANY-{i:000}", week, local: i % 101)).ToList();

        await new PlansByWeekTable(TablesWith(limits), servers.Azurite.Provisioning()).UpsertWeekAsync("E06000063", week, entries, default);
        var read = await new PlansByWeekTable(servers.Tables, servers.Azurite.Provisioning()).ReadWeekAsync("E06000063", week, default);

        Assert.Equal(entries.Select(e => (e.Reference, e.Dimensions.LocalByDefault)), read.Select(e => (e.Reference, e.Dimensions.LocalByDefault)));
        Assert.Equal(1, limits.Refusals);   // 200 in one request, then 100 more that row 000 could not take
        Assert.Equal([200, 100], (await DigestRows($"E06000063|{week}")).Select(r => EntryProperties(r).Count()));
    }

    [Fact]
    public async Task ADigestWhoseRowsAreAllFullRefusesAnotherPlanWithAClearMessage()
    {
        var week = IsoWeek.Parse("2026-W34");
        var limits = new AzureTableLimits(servers.Azurite.ConnectionString) { MaxProperties = 3 };   // no row takes anything
        var tables = TablesWith(limits);
        await tables.GetTableClient("PlansByWeek").CreateIfNotExistsAsync();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new PlansByWeekTable(tables, servers.Azurite.Provisioning()).AddToDigestAsync("E06000064", week, SummaryData.Entry("ONE-TOO-MANY", week), default));

        Assert.Equal($"The week digest of 'E06000064|{week}' is full: rows ~digest-000 to ~digest-063 all refused another plan.", refused.Message);
        Assert.Equal(WeekDigest.MaxShards, limits.Refusals);
        Assert.Empty(await new PlansByWeekTable(servers.Tables, servers.Azurite.Provisioning()).ReadWeekAsync("E06000064", week, default));
    }

    [Fact]
    public async Task ThirtyTwoPlansMergedIntoOneWeekAtTheSameTimeAllSurvive()
    {
        var week = IsoWeek.Parse("2026-W33");
        await Table.CreateIfNotExistsAsync();
        var entries = Enumerable.Range(1, 32).Select(i => SummaryData.Entry($"RACE-{i:00}", week, local: i)).ToList();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Each its own writer, as separate instances would be; released together so the merges overlap, and the
        // first ones race to create row 000.
        var merges = entries.Select(async entry =>
        {
            var writer = new PlansByWeekTable(servers.Tables, servers.Azurite.Provisioning());
            await go.Task;
            await writer.AddToDigestAsync("E06000065", week, entry, default);
        }).ToList();
        go.SetResult();
        await Task.WhenAll(merges);

        var read = await new PlansByWeekTable(servers.Tables, servers.Azurite.Provisioning()).ReadWeekAsync("E06000065", week, default);
        Assert.Equal(entries.Select(e => (e.Reference, e.Dimensions.LocalByDefault)), read.Select(e => (e.Reference, e.Dimensions.LocalByDefault)));
        Assert.Equal(32, EntryProperties(Assert.Single(await DigestRows($"E06000065|{week}"))).Count());
    }

    private static void AssertSameEntry(WeeklyPlanEntry expected, WeeklyPlanEntry actual)
    {
        Assert.Equal(expected with { Alerts = actual.Alerts, TopRecommendations = actual.TopRecommendations, Principles = actual.Principles }, actual);
        Assert.Equal(expected.Alerts, actual.Alerts);
        Assert.Equal(expected.TopRecommendations, actual.TopRecommendations);
        Assert.Equal(expected.Principles, actual.Principles);
    }

    private TableServiceClient TablesWith(HttpPipelinePolicy policy)
    {
        var options = new TableClientOptions();
        options.AddPolicy(policy, HttpPipelinePosition.PerCall);
        return new TableServiceClient(servers.Azurite.ConnectionString, options);
    }

    private async Task<List<TableEntity>> DigestRows(string partition)
    {
        var rows = new List<TableEntity>();
        for (var shard = 0; (await Table.GetEntityIfExistsAsync<TableEntity>(partition, WeekDigest.ShardRow(shard))) is { HasValue: true } row; shard++)
        {
            rows.Add(row.Value!);
        }

        return rows;
    }

    private static IEnumerable<string> EntryProperties(TableEntity row) => row.Keys.Where(k => EntryProperty().IsMatch(k));

    [GeneratedRegex("^P[0-9a-f]{40}_[0-9]+$")]
    private static partial Regex EntryProperty();

    private sealed class RecordingPolicy(ConcurrentBag<(RequestMethod Method, Uri Uri)> requests) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => requests.Add((message.Request.Method, message.Request.Uri.ToUri()));
    }
}

public class SummaryClockTests
{
    [Theory]
    [InlineData("2026-03-29T00:59:00Z", 0)]
    [InlineData("2026-03-29T01:00:00Z", 2)]
    [InlineData("2026-03-30T07:00:00Z", 8)]
    [InlineData("2026-10-25T00:59:00Z", 1)]
    [InlineData("2026-10-25T01:00:00Z", 1)]
    [InlineData("2026-10-26T08:00:00Z", 8)]
    public void TheSystemZoneAndTheBuiltInUkRuleAgreeAcrossBoth2026ClockChanges(string utc, int ukHour)
    {
        var instant = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(ukHour, UkTime.ToUkTime(instant).Hour);
        Assert.Equal(ukHour, TimeZoneInfo.ConvertTime(instant, UkTime.UkRule).Hour);
        Assert.Equal("Europe/London", UkTime.UkZone.Id);
    }
}
