using Azure.Data.Tables;

namespace Commissioning.Functions.Storage;

/// <summary>
/// The <c>PlansByWeek</c> table: PK <c>{council}|{isoWeek}</c>. Two kinds of row share a week's partition:
/// <list type="bullet">
/// <item>RK plan reference: one row per plan submitted in that week (its latest version that week), which ListPlans
/// <c>?week=</c> pages through. Properties: Council, IsoWeek, Reference, Title, Version (int), SubmittedAt
/// (DateTimeOffset), OverallScore (int), OverallBand (red|amber|green), LocalByDefault, ProportionateFunding, CoDesign
/// (int), Category (kebab word or absent); the plan store adds the listing's columns (Score, Band, …). Alerts,
/// recommendations and principles live only in the digest, the one thing that reads them.</item>
/// <item>RK <c>~digest-000</c>, <c>~digest-001</c>, …: the week's digest (<see cref="WeekDigest"/>), one property per
/// plan version holding its whole <see cref="WeeklyPlanEntry"/>. Anything that lists plans filters
/// <c>RowKey lt '~'</c>.</item>
/// </list>
/// The summary reads a week with point reads of its digest rows only (no query), so its cost follows that week's
/// plans and not every plan ever stored, on Azure and on Azurite alike (docs/decisions/0010-week-digest.md).
/// </summary>
public sealed class PlansByWeekTable(TableServiceClient tables, StorageProvisioning provisioning) : IWeeklyPlanIndex
{
    /// <summary>Digest rows sort from here on; plan references all sort before it.</summary>
    public const string DigestRowsFrom = "~";

    private readonly TableClient _table = tables.GetTableClient(StorageLayout.PlansByWeekTable);
    private readonly WeekDigest _digest = new(tables.GetTableClient(StorageLayout.PlansByWeekTable));

    public static string PartitionKeyFor(string council, IsoWeek week) => $"{council}|{week}";

    /// <summary>The week's plans (each at its highest version that week), by reference, from point reads of the digest.</summary>
    public Task<IReadOnlyList<WeeklyPlanEntry>> ReadWeekAsync(string council, IsoWeek week, CancellationToken cancellationToken) =>
        _digest.ReadAsync(PartitionKeyFor(council, week), cancellationToken);

    /// <summary>
    /// Adds a plan version to its week's digest (the table must exist). Idempotent, and safe beside any number of
    /// concurrent additions to the same week: it merges one property and uses no ETag.
    /// </summary>
    public Task AddToDigestAsync(string council, IsoWeek week, WeeklyPlanEntry entry, CancellationToken cancellationToken) =>
        _digest.AddAsync(PartitionKeyFor(council, week), [entry], cancellationToken);

    /// <summary>Writes (or replaces) a plan's row for the week it was submitted in, and adds it to that week's digest.</summary>
    public async Task UpsertAsync(string council, WeeklyPlanEntry entry, CancellationToken cancellationToken)
    {
        await provisioning.EnsureAsync(cancellationToken);
        var row = ToRow(council, entry);
        await Task.WhenAll(
            _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken),
            _digest.AddAsync(row.PartitionKey, [entry], cancellationToken));
    }

    /// <summary>
    /// Writes many rows of one council-week in batches (one partition per batch, as Azure requires), then adds them
    /// to the week's digest a few hundred at a time.
    /// </summary>
    public async Task UpsertWeekAsync(string council, IsoWeek week, IEnumerable<WeeklyPlanEntry> entries, CancellationToken cancellationToken)
    {
        await provisioning.EnsureAsync(cancellationToken);
        var all = entries.ToList();
        foreach (var chunk in all.Select(e => ToRow(council, e, week)).Chunk(100))
        {
            await _table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken);
        }

        await _digest.AddAsync(PartitionKeyFor(council, week), all, cancellationToken);
    }

    /// <summary>A plan's row in the week it was submitted in (<paramref name="week"/>, or the UK week of its submission).</summary>
    public static TableEntity ToRow(string council, WeeklyPlanEntry entry, IsoWeek? week = null)
    {
        var isoWeek = week ?? IsoWeek.Of(DateOnly.FromDateTime(UkTime.ToUkTime(entry.SubmittedAt)));
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
        };
        if (entry.Category is { } category)
        {
            row["Category"] = EnumWords.ToWord(category);
        }

        return row;
    }
}
