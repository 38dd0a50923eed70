using Commissioning.Functions.Storage;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Commissioning.Domain;
using Commissioning.Domain.Plans;
using Commissioning.Domain.Scoring;
using Commissioning.Domain.Summaries;

namespace Commissioning.Functions.Summaries;

/// <summary>
/// The <c>PlansByWeek</c> table: PK <c>{council}|{isoWeek}</c>, RK plan reference, one row per plan submitted in
/// that week (its latest version that week). Reading a week is one single-partition query, never a scan, so the
/// summary's cost follows that week's plans and not every plan ever stored.
/// Row properties: Council, IsoWeek, Reference, Title, Version (int), SubmittedAt (DateTimeOffset), OverallScore (int),
/// OverallBand (red|amber|green), LocalByDefault, ProportionateFunding, CoDesign (int), Category (kebab word or
/// absent), Alerts (JSON [{id,title}]), TopRecommendations (JSON [{criterionId,title}]), Principles (JSON
/// [{number,title,score}]).
/// </summary>
public sealed class PlansByWeekTable(TableServiceClient tables) : IWeeklyPlanIndex
{
    /// <summary>Digest rows sort from here on; plan references all sort before it.</summary>
    public const string DigestRowsFrom = "~";

    private static readonly JsonSerializerOptions ListJson = JsonSerializerOptions.Web;
    private readonly TableClient _table = tables.GetTableClient(StorageLayout.PlansByWeekTable);

    public static string PartitionKeyFor(string council, IsoWeek week) => $"{council}|{week}";

    public async Task<IReadOnlyList<WeeklyPlanEntry>> ReadWeekAsync(string council, IsoWeek week, CancellationToken cancellationToken)
    {
        var entries = new List<WeeklyPlanEntry>();
        try
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKeyFor(council, week)}");
            await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
            {
                entries.Add(ToEntry(row));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No plan has been indexed yet: the table does not exist, so the week is empty.
        }

        return entries;
    }

    /// <summary>Writes (or replaces) a plan's row for the week it was submitted in.</summary>
    public async Task UpsertAsync(string council, WeeklyPlanEntry entry, CancellationToken cancellationToken)
    {
        await _table.CreateIfNotExistsAsync(cancellationToken);
        await _table.UpsertEntityAsync(ToRow(council, entry), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Writes many rows of one council-week in batches (one partition per batch, as Azure requires).</summary>
    public async Task UpsertWeekAsync(string council, IsoWeek week, IEnumerable<WeeklyPlanEntry> entries, CancellationToken cancellationToken)
    {
        await _table.CreateIfNotExistsAsync(cancellationToken);
        foreach (var chunk in entries.Select(e => ToRow(council, e, week)).Chunk(100))
        {
            await _table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken);
        }
    }

    public static TableEntity ToRow(string council, WeeklyPlanEntry entry, IsoWeek? week = null)
    {
        var isoWeek = week ?? IsoWeek.Of(DateOnly.FromDateTime(SummaryClock.ToUkTime(entry.SubmittedAt)));
        var row = new TableEntity(PartitionKeyFor(council, isoWeek), entry.Reference)
        {
            ["Council"] = council,
            ["IsoWeek"] = isoWeek.ToString(),
            ["Reference"] = entry.Reference,
            ["Title"] = entry.Title,
            ["Version"] = entry.Version,
            ["SubmittedAt"] = entry.SubmittedAt,
            ["OverallScore"] = entry.Overall.Score,
            ["OverallBand"] = EnumWords.ToWord(entry.Overall.Band),
            ["LocalByDefault"] = entry.Dimensions.LocalByDefault,
            ["ProportionateFunding"] = entry.Dimensions.ProportionateFunding,
            ["CoDesign"] = entry.Dimensions.CoDesign,
            ["Alerts"] = JsonSerializer.Serialize(entry.Alerts, ListJson),
            ["TopRecommendations"] = JsonSerializer.Serialize(entry.TopRecommendations, ListJson),
            ["Principles"] = JsonSerializer.Serialize(entry.Principles, ListJson),
        };
        if (entry.Category is { } category)
        {
            row["Category"] = EnumWords.ToWord(category);
        }

        return row;
    }

    private static WeeklyPlanEntry ToEntry(TableEntity row) => new()
    {
        Reference = row.RowKey,
        Title = row.GetString("Title") ?? row.RowKey,
        Version = row.GetInt32("Version") ?? 1,
        SubmittedAt = row.GetDateTimeOffset("SubmittedAt") ?? row.Timestamp ?? DateTimeOffset.MinValue,
        Overall = new OverallScore(row.GetInt32("OverallScore") ?? 0, EnumWords.TryParse<Band>(row.GetString("OverallBand")) ?? Band.Red),
        Dimensions = new DimensionScores(row.GetInt32("LocalByDefault") ?? 0, row.GetInt32("ProportionateFunding") ?? 0, row.GetInt32("CoDesign") ?? 0),
        Category = EnumWords.TryParse<ServiceCategory>(row.GetString("Category")),
        Alerts = List<AlertMention>(row.GetString("Alerts")),
        TopRecommendations = List<RecommendationMention>(row.GetString("TopRecommendations")),
        Principles = List<PrincipleScore>(row.GetString("Principles")),
    };

    private static IReadOnlyList<T> List<T>(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<T>>(json, ListJson) ?? [];
}
