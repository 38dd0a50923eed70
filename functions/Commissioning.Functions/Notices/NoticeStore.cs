using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Commissioning.Functions.Notices;

/// <summary>
/// A council's published notices, in one place. Layout (decision 0022): blob <c>notices/{council}/{ocid}/{hash}.json</c>
/// (the releases a version was read from, named by their content hash), table <c>NoticeVersions</c> (partition
/// <c>{council}|{ocid}</c>: row <c>latest</c>, the head, and one row per version with its notice scorecard), table
/// <c>Notices</c> (the latest version of each, the listing) and <c>NoticesByWeek</c> (the digest of each week's imports,
/// which the weekly summary reads). Nothing of a notice is written to the plan tables or to <c>PlansByWeek</c>.
///
/// Saving is idempotent and safe beside concurrent imports without locks: 1. read the head; the same content is
/// "unchanged"; 2. upload the releases under their hash (the same bytes whoever writes them); 3. add version n and move
/// the head to it in one batch of the process's own partition, guarded by the head's ETag, so a version and its head
/// can never disagree; 4. record the version in the listing (only ever moved forward) and the week's digest, side by
/// side. A retry after a crash at step 4 finds the content unchanged and completes it.
/// </summary>
public sealed partial class NoticeStore(BlobServiceClient blobs, TableServiceClient tables, StorageProvisioning provisioning, NoticesByWeekTable weekIndex)
{
    private const int MaxAttempts = 20;
    private const string HeadRow = "latest";

    private TableClient Notices => tables.GetTableClient(StorageLayout.NoticesTable);
    private TableClient Versions => tables.GetTableClient(StorageLayout.NoticeVersionsTable);
    private BlobContainerClient NoticeBlobs => blobs.GetBlobContainerClient(StorageLayout.NoticesContainer);

    /// <summary>Stores a draft as a new version of its notice, or finds that its content is the latest version already.</summary>
    public Task<NoticeSaveOutcome> SaveAsync(NoticeDraft draft, CancellationToken cancellationToken) =>
        provisioning.RunAsync(ct => SaveCoreAsync(draft, ct), cancellationToken);

    private async Task<NoticeSaveOutcome> SaveCoreAsync(NoticeDraft draft, CancellationToken ct)
    {
        var partition = StorageLayout.NoticePartition(draft.Council, draft.Ocid);
        var uploaded = false;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var head = await Versions.GetEntityIfExistsAsync<TableEntity>(partition, HeadRow, cancellationToken: ct);
            if (head.HasValue && head.Value!.GetString("ContentHash") == draft.ContentHash)
            {
                var existing = await ReadVersionAsync(draft.Council, draft.Ocid, head.Value.GetInt32("Version") ?? 0, ct)
                               ?? throw new InvalidOperationException($"The head of notice {partition} points at a missing version.");
                await IndexAsync(existing, ct);   // completes a save that stopped after its batch
                return new NoticeSaveOutcome(existing, NoticeSaveResult.Unchanged);
            }

            if (!uploaded)
            {
                await UploadDocumentAsync(draft, ct);
                uploaded = true;
            }

            var version = head.HasValue ? (head.Value!.GetInt32("Version") ?? 0) + 1 : 1;
            var stored = new NoticeVersion(Summarise(draft, version), draft.ContentHash, draft.Scorecard);
            var versionRow = new TableEntity(partition, StorageLayout.VersionRow(version));
            WriteVersion(versionRow, stored);
            var headRow = new TableEntity(partition, HeadRow);
            WriteSummary(headRow, stored.Summary, stored.ContentHash);
            TableTransactionAction[] batch =
            [
                new(TableTransactionActionType.Add, versionRow),
                head.HasValue ? new(TableTransactionActionType.UpdateReplace, headRow, head.Value!.ETag) : new(TableTransactionActionType.Add, headRow),
            ];
            try
            {
                await Versions.SubmitTransactionAsync(batch, ct);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // another import of this notice moved the head first: the next pass sees what it did
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(10 * (attempt + 1), 150) + Random.Shared.Next(0, 25)), ct);
                continue;
            }

            await IndexAsync(stored, ct);
            return new NoticeSaveOutcome(stored, head.HasValue ? NoticeSaveResult.Updated : NoticeSaveResult.Created);
        }

        throw new NoticeStoreBusyException(draft.Council, draft.Ocid);
    }

    private Task UploadDocumentAsync(NoticeDraft draft, CancellationToken ct) =>
        NoticeBlobs.GetBlobClient(StorageLayout.NoticeBlob(draft.Council, draft.Ocid, draft.ContentHash)).UploadAsync(
            BinaryData.FromBytes(draft.Document),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            ct);

    /// <summary>The listing row (moved only forward) and the week's digest entry, side by side; both idempotent.</summary>
    private Task IndexAsync(NoticeVersion stored, CancellationToken ct)
    {
        var summary = stored.Summary;
        var row = new TableEntity(summary.Council, summary.Ocid);
        WriteSummary(row, summary, stored.ContentHash);
        return Task.WhenAll(
            TableRows.ReplaceUnlessNewerAsync(Notices, row, summary.Version, ct),
            weekIndex.AddAsync(summary.Council, IsoWeek.Parse(summary.IsoWeek), WeeklyNoticeEntry.FromScorecard(stored.Scorecard, summary.Version, summary.ImportedAt), ct));
    }

    // ---- reading ----

    /// <summary>A version (the latest when <paramref name="version"/> is null) with the notice's history; null if there is none.</summary>
    public Task<NoticeRecord?> GetAsync(string council, string ocid, int? version, CancellationToken cancellationToken) =>
        provisioning.RunAsync(async ct =>
        {
            var partition = StorageLayout.NoticePartition(council, ocid);
            var head = await Versions.GetEntityIfExistsAsync<TableEntity>(partition, HeadRow, SummaryColumns, ct);
            if (!head.HasValue)
            {
                return null;
            }

            var latest = ToSummary(council, ocid, head.Value!);
            if (version > latest.Version || await ReadVersionAsync(council, ocid, version ?? latest.Version, ct) is not { } stored)
            {
                return null;
            }

            var history = new List<NoticeSummary>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey le {StorageLayout.VersionRow(latest.Version)}");
            await foreach (var row in Versions.QueryAsync<TableEntity>(filter, select: SummaryColumns, cancellationToken: ct))
            {
                history.Add(ToSummary(council, ocid, row));
            }

            return new NoticeRecord(stored, latest, history);
        }, cancellationToken);

    /// <summary>A page of a council's notices (latest versions) in ocid order, optionally by publication date and portal.</summary>
    public Task<NoticePage> ListAsync(string council, NoticeFilter filter, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        provisioning.RunAsync(async ct =>
        {
            var query = TableClient.CreateQueryFilter($"PartitionKey eq {council}");
            if (filter.From is { } from)
            {
                query += " and " + TableClient.CreateQueryFilter($"PublicationDate ge {IsoDate(from)}");
            }

            if (filter.To is { } to)
            {
                query += " and " + TableClient.CreateQueryFilter($"PublicationDate le {IsoDate(to)}");
            }

            if (filter.Portal is { } portal)
            {
                query += " and " + TableClient.CreateQueryFilter($"Portal eq {EnumWords.ToWord(portal)}");
            }

            await foreach (var page in Notices.QueryAsync<TableEntity>(query, pageSize, SummaryColumns, ct).AsPages(continuationToken, pageSize))
            {
                return new NoticePage([.. page.Values.Select(row => ToSummary(council, row.RowKey, row))], page.ContinuationToken);
            }

            return new NoticePage([], null);
        }, cancellationToken);

    private async Task<NoticeVersion?> ReadVersionAsync(string council, string ocid, int version, CancellationToken ct)
    {
        var row = await Versions.GetEntityIfExistsAsync<TableEntity>(StorageLayout.NoticePartition(council, ocid), StorageLayout.VersionRow(version), cancellationToken: ct);
        return row.HasValue ? ToVersion(council, ocid, row.Value!) : null;
    }
}

/// <summary>Concurrent imports of one notice kept colliding; the caller should retry shortly (503 with Retry-After).</summary>
public sealed class NoticeStoreBusyException(string council, string ocid)
    : TryAgainLaterException($"Other imports of notice {ocid} for council {council} are being stored at this moment. Send the request again after the Retry-After interval.");
