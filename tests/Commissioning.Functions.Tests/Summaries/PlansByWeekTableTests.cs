using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Commissioning.Domain.Councils;
using Commissioning.Domain.Summaries;
using Commissioning.Functions.Summaries;
using Commissioning.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Tests.Summaries;

public sealed class PlansByWeekTableTests(SummaryServers servers) : IClassFixture<SummaryServers>
{
    [Fact]
    public async Task AnEntryRoundTripsThroughItsRow()
    {
        var week = IsoWeek.Parse("2026-W05");
        var entry = SummaryData.Entry("SBC-1", week, title: "Hubs <b>", local: 71, funding: 42, coDesign: 12, alerts: ["A4"], recommendations: ["P2", "L4"], principles: [(1, 70)]);
        var table = new PlansByWeekTable(servers.Tables);

        await table.UpsertAsync("E07000243", entry, CancellationToken.None);
        var read = Assert.Single(await table.ReadWeekAsync("E07000243", week, CancellationToken.None));

        Assert.Equal(entry with { Alerts = read.Alerts, TopRecommendations = read.TopRecommendations, Principles = read.Principles }, read);
        Assert.Equal(entry.Alerts, read.Alerts);
        Assert.Equal(entry.TopRecommendations, read.TopRecommendations);
        Assert.Equal(entry.Principles, read.Principles);
        var row = await servers.Tables.GetTableClient("PlansByWeek").GetEntityAsync<TableEntity>("E07000243|2026-W05", "SBC-1");
        Assert.Equal("amber", row.Value.GetString("OverallBand"));
        Assert.Equal("community", row.Value.GetString("Category"));
    }

    [Fact]
    public async Task ASummaryReadsOnlyTheFivePartitionsOfItsWeeksHoweverManyPlansOtherWeeksHold()
    {
        var week = IsoWeek.Parse("2026-W20");
        var seed = new PlansByWeekTable(servers.Tables);
        await seed.UpsertWeekAsync("E06000060", week, Enumerable.Range(1, 3).Select(i => SummaryData.Entry($"NOW-{i}", week)), default);
        await seed.UpsertWeekAsync("E06000060", week.AddWeeks(-3), [SummaryData.Entry("PREV-1", week.AddWeeks(-3))], default);
        foreach (var other in new[] { -6, -10, 1, 2 })
        {
            await seed.UpsertWeekAsync("E06000060", week.AddWeeks(other), Enumerable.Range(1, 150).Select(i => SummaryData.Entry($"OLD-{other}-{i}", week.AddWeeks(other))), default);
        }

        var requests = new ConcurrentBag<string>();
        var options = new TableClientOptions();
        options.AddPolicy(new RecordingPolicy(requests), HttpPipelinePosition.PerCall);
        var index = new PlansByWeekTable(new TableServiceClient(servers.Azurite.ConnectionString, options));
        var composer = new WeeklySummaryComposer(index, new SummaryRenderer(
            new Commissioning.Functions.Rendering.TemplateLibrary(RepositoryPaths.Combine("templates")), Options.Create(new SummaryOptions())));

        var composed = await composer.ComposeAsync(new Council { Code = "E06000060", Name = "Test" }, week, default);

        Assert.Equal(3, composed.Summary.Plans.Count);
        Assert.Equal(1, composed.Summary.PreviousPlanCount);
        var filters = requests.Select(Uri.UnescapeDataString).Order().ToList();
        Assert.Equal(5, filters.Count);
        Assert.Equal(
            [.. new List<IsoWeek> { week }.Concat(week.Preceding(4)).Select(w => $"PartitionKey eq 'E06000060|{w}'").Order()],
            filters.Select(f => f[(f.IndexOf("$filter=", StringComparison.Ordinal) + 8)..].Split('&')[0].Replace('+', ' ')));
    }

    private sealed class RecordingPolicy(ConcurrentBag<string> requests) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => requests.Add(message.Request.Uri.ToString());
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

        Assert.Equal(ukHour, SummaryClock.ToUkTime(instant).Hour);
        Assert.Equal(ukHour, TimeZoneInfo.ConvertTime(instant, SummaryClock.UkRule).Hour);
        Assert.Equal("Europe/London", SummaryClock.UkZone.Id);
    }
}
