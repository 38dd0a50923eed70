using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Commissioning.Functions.Guidance;

namespace Commissioning.Functions.Plans;

/// <summary>Reading plans: a version with its history, a page of a council's plans, a version's documents (<see cref="PlanStore"/>).</summary>
public sealed partial class PlanStore
{
    /// <summary>The latest version of a plan, or null when no version is visible.</summary>
    public Task<PlanSummary?> GetLatestAsync(string council, string reference, CancellationToken cancellationToken) =>
        provisioning.RunAsync(async ct => (await ReadHeadAsync(council, reference, ct))?.Summary, cancellationToken);

    /// <summary>A visible version (the latest when <paramref name="version"/> is null) with the plan's history; null if there is none.</summary>
    public Task<PlanRecord?> GetAsync(string council, string reference, int? version, CancellationToken cancellationToken) =>
        provisioning.RunAsync(async ct =>
        {
            var head = await ReadHeadAsync(council, reference, ct);
            if (head is null || version > head.Summary.Version)
            {
                return null;
            }

            var stored = await ReadVersionAsync(council, reference, version ?? head.Summary.Version, ct);
            if (stored is null)
            {
                return null;
            }

            var history = new List<PlanSummary>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {StorageLayout.VersionPartition(council, reference)} and RowKey le {StorageLayout.VersionRow(head.Summary.Version)}");
            await foreach (var row in Versions.QueryAsync<TableEntity>(filter, select: SummaryColumns, cancellationToken: ct))
            {
                history.Add(ToSummary(council, reference, row));
            }

            return new PlanRecord(stored, head.Summary, history);
        }, cancellationToken);

    /// <summary>
    /// A page of a council's plans (latest versions), or of the plans submitted in one ISO week when
    /// <paramref name="isoWeek"/> is given, optionally only those in <paramref name="band"/>.
    /// </summary>
    public Task<PlanPage> ListAsync(string council, string? isoWeek, Band? band, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        provisioning.RunAsync(async ct =>
        {
            // A week's partition also holds its digest rows (RowKey ~digest-…), which are not plans: every plan
            // reference sorts before '~', so the listing stops there and its pages hold plans only.
            var (table, scope) = isoWeek is null
                ? (Plans, TableClient.CreateQueryFilter($"PartitionKey eq {council}"))
                : (Weeks, TableClient.CreateQueryFilter($"PartitionKey eq {StorageLayout.WeekPartition(council, isoWeek)} and RowKey lt {PlansByWeekTable.DigestRowsFrom}"));
            var filter = band is { } b ? $"{scope} and {TableClient.CreateQueryFilter($"Band eq {BandWords.ToWord(b)}")}" : scope;
            await foreach (var page in table.QueryAsync<TableEntity>(filter, pageSize, SummaryColumns, ct).AsPages(continuationToken, pageSize))
            {
                var plans = page.Values.Select(row => ToSummary(council, row.RowKey, row)).ToList();
                return new PlanPage(plans, page.ContinuationToken);
            }

            return new PlanPage([], null);
        }, cancellationToken);

    /// <summary>The stored guidance of a version (check visibility with <see cref="GetAsync"/> first); null if absent.</summary>
    public Task<BinaryData?> ReadGuidanceAsync(string council, string reference, int version, DocumentFormat format, CancellationToken cancellationToken) =>
        provisioning.RunAsync(async ct =>
        {
            try
            {
                var blob = GuidanceBlobs.GetBlobClient(StorageLayout.GuidanceBlob(council, reference, version, format));
                return (await blob.DownloadContentAsync(ct)).Value.Content;
            }
            catch (RequestFailedException ex) when (ex.Status == 404 && ex.ErrorCode == "BlobNotFound")
            {
                return null;
            }
        }, cancellationToken);

    /// <summary>The raw plan document of a version as it was submitted (check visibility with <see cref="GetAsync"/> first); null if absent.</summary>
    public Task<BinaryData?> ReadPlanDocumentAsync(string council, string reference, int version, CancellationToken cancellationToken) =>
        provisioning.RunAsync(async ct =>
        {
            try
            {
                return (await PlanBlobs.GetBlobClient(StorageLayout.PlanBlob(council, reference, version)).DownloadContentAsync(ct)).Value.Content;
            }
            catch (RequestFailedException ex) when (ex.Status == 404 && ex.ErrorCode == "BlobNotFound")
            {
                return null;
            }
        }, cancellationToken);

    /// <summary>
    /// Replaces a version's guidance with a new rendering (e.g. with the advisor's narrative) and keeps the advisor's
    /// raw output beside it for audit. The plan blob itself is never touched.
    /// </summary>
    public Task ReplaceGuidanceAsync(string council, string reference, int version, GuidanceDocuments documents, string advisorRecord, CancellationToken cancellationToken) =>
        provisioning.RunAsync(async ct =>
        {
            await UploadTextAsync(StorageLayout.AdvisorBlob(council, reference, version), advisorRecord, "application/json", ct);
            await UploadGuidanceAsync(council, reference, version, documents, ct);
            return true;
        }, cancellationToken);

    // ---- reading rows ----

    private sealed record Head(PlanSummary Summary, string ContentHash, ETag ETag);

    private async Task<Head?> ReadHeadAsync(string council, string reference, CancellationToken ct)
    {
        var row = await Plans.GetEntityIfExistsAsync<TableEntity>(council, reference, cancellationToken: ct);
        return row.HasValue ? new Head(ToSummary(council, reference, row.Value!), row.Value!.GetString("ContentHash"), row.Value.ETag) : null;
    }

    private async Task<PlanVersion?> ReadVersionAsync(string council, string reference, int version, CancellationToken ct)
    {
        var row = await Versions.GetEntityIfExistsAsync<TableEntity>(StorageLayout.VersionPartition(council, reference), StorageLayout.VersionRow(version), cancellationToken: ct);
        return row.HasValue ? ToVersion(council, reference, row.Value!) : null;
    }

    private async Task<PlanVersion?> FindByIdempotencyKeyAsync(PlanDraft draft, string key, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {StorageLayout.VersionPartition(draft.Council, draft.Reference)} and IdempotencyKey eq {key}");
        await foreach (var row in Versions.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            return ToVersion(draft.Council, draft.Reference, row);
        }

        return null;
    }
}
