using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace Commissioning.Functions.Notices;

/// <summary>
/// What each import sent with an <c>Idempotency-Key</c> did (table <c>NoticeImports</c>: PK council, RK the key's
/// SHA-256), so that a retry with the key gets the same answer and imports nothing again (<see cref="NoticeStore"/>).
/// </summary>
public sealed partial class NoticeStore
{
    private TableClient Imports => tables.GetTableClient(StorageLayout.NoticeImportsTable);

    /// <summary>The record of the council's import with this key; null when there has been none.</summary>
    public Task<NoticeImportRecord?> FindImportAsync(string council, string idempotencyKey, CancellationToken cancellationToken) =>
        provisioning.RunAsync(async ct =>
        {
            var row = await Imports.GetEntityIfExistsAsync<TableEntity>(council, KeyRow(idempotencyKey), cancellationToken: ct);
            return row.HasValue ? ReadImport(row.Value!) : null;
        }, cancellationToken);

    /// <summary>Records an import under its key; when a concurrent import with the same key recorded first, returns that one's record.</summary>
    public Task<NoticeImportRecord> RecordImportAsync(string council, string idempotencyKey, NoticeImportRecord record, CancellationToken cancellationToken) =>
        provisioning.RunAsync(async ct =>
        {
            var row = new TableEntity(council, KeyRow(idempotencyKey)) { ["ImportedAt"] = record.ImportedAt };
            TableRows.WriteCompressed(row, "Record", record, NoticeRowJson.Default.Options);
            try
            {
                await Imports.AddEntityAsync(row, ct);
                return record;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                return ReadImport((await Imports.GetEntityAsync<TableEntity>(council, KeyRow(idempotencyKey), cancellationToken: ct)).Value);
            }
        }, cancellationToken);

    private static NoticeImportRecord ReadImport(TableEntity row) => TableRows.ReadCompressed<NoticeImportRecord>(row, "Record", NoticeRowJson.Default.Options);

    private static string KeyRow(string idempotencyKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));
}
