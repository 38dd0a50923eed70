using System.Text.Json;
using Azure.Data.Tables;

namespace Commissioning.Functions.Storage;

/// <summary>
/// The <c>NoticesByWeek</c> table: PK <c>{council}|{isoWeek}</c> of the UK week a notice version was imported in,
/// holding only that week's digest rows (<see cref="DigestRows"/>): one property per imported version,
/// <c>N{sha1(ocid)}_{version}</c> = its <see cref="WeeklyNoticeEntry"/> as compact JSON. The summary reads a week with
/// point reads, never a query, as it reads the plans' week (docs/decisions/0010-week-digest.md). Notices are kept
/// out of <c>PlansByWeek</c> altogether: nothing that reads plans can meet one.
/// </summary>
public sealed class NoticesByWeekTable(TableServiceClient tables) : IWeeklyNoticeIndex
{
    private readonly DigestRows _rows = new(tables.GetTableClient(StorageLayout.NoticesByWeekTable), "notice digest", "notice");

    public static string PartitionKeyFor(string council, IsoWeek week) => $"{council}|{week}";

    /// <summary><c>N</c>, the lowercase hex SHA-1 of the ocid, <c>_</c>, the version: a valid property name of fixed shape.</summary>
    public static string PropertyName(string ocid, int version) => DigestRows.EntryName('N', ocid, version);

    /// <summary>Every notice version imported in the week (the summary keeps each notice's highest), by import time.</summary>
    public async Task<IReadOnlyList<WeeklyNoticeEntry>> ReadWeekAsync(string council, IsoWeek week, CancellationToken cancellationToken)
    {
        var properties = await _rows.ReadAsync(PartitionKeyFor(council, week), cancellationToken);
        return
        [
            .. properties.Where(p => DigestRows.IsEntryName('N', p.Name))
                .Select(p => JsonSerializer.Deserialize<WeeklyNoticeEntry>(p.Value, WeekDigest.EntryJson) ?? throw new JsonException("A notice digest entry is empty."))
                .OrderBy(e => e.ImportedAt),
        ];
    }

    /// <summary>Adds an imported version to its week's digest (the table must exist). Idempotent, safe beside concurrent imports.</summary>
    public Task AddAsync(string council, IsoWeek week, WeeklyNoticeEntry entry, CancellationToken cancellationToken) =>
        _rows.AddAsync(PartitionKeyFor(council, week), [(PropertyName(entry.Ocid, entry.Version), JsonSerializer.Serialize(entry, WeekDigest.EntryJson))], cancellationToken);
}
