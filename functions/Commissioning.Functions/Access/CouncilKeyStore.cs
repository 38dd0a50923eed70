using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;

namespace Commissioning.Functions.Access;

/// <summary>
/// A council key as stored: its id, the SHA-256 of the key (the key itself is never stored), its role and note, when
/// it was issued, the day it was last used and when it was revoked.
/// </summary>
public sealed record CouncilKeyRecord(
    string Council, string KeyId, byte[] Sha256, DateTimeOffset IssuedAt, KeyRole Role = KeyRole.Commissioner, string Note = "",
    DateOnly? LastUsedOn = null, DateTimeOffset? RevokedAt = null)
{
    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>What the admin sees of a key: never its secret, never its hash.</summary>
public sealed record CouncilKeySummary(string KeyId, KeyRole Role, string Note, DateTimeOffset IssuedAt, DateOnly? LastUsedOn, DateTimeOffset? RevokedAt);

/// <summary>
/// Council keys: table <c>CouncilKeys</c>, partition = council, row key = key id, holding only the key's SHA-256 with
/// its role (absent on keys issued before roles: they are commissioners' keys), note, issue date, last day of use and
/// revocation.
/// </summary>
public sealed class CouncilKeyStore(TableServiceClient tables, StorageProvisioning provisioning)
{
    private TableClient Keys => tables.GetTableClient(StorageLayout.CouncilKeysTable);

    public Task AddKeyAsync(CouncilKeyRecord key, CancellationToken cancellationToken) =>
        provisioning.RunAsync(async ct =>
        {
            await Keys.AddEntityAsync(new TableEntity(key.Council, key.KeyId)
            {
                ["Sha256"] = Convert.ToHexStringLower(key.Sha256),
                ["IssuedAt"] = key.IssuedAt,
                ["Role"] = key.Role.ToString(),
                ["Note"] = key.Note,
            }, ct);
            return true;
        }, cancellationToken);

    public Task<CouncilKeyRecord?> FindKeyAsync(string council, string keyId, CancellationToken cancellationToken) =>
        provisioning.RunAsync(async ct =>
        {
            var row = await Keys.GetEntityIfExistsAsync<TableEntity>(council, keyId, cancellationToken: ct);
            return row.HasValue ? ToRecord(row.Value!) : null;
        }, cancellationToken);

    /// <summary>The council's keys, newest first.</summary>
    public Task<IReadOnlyList<CouncilKeySummary>> ListAsync(string council, CancellationToken cancellationToken) =>
        provisioning.RunAsync<IReadOnlyList<CouncilKeySummary>>(async ct =>
        {
            var keys = new List<CouncilKeySummary>();
            await foreach (var row in Keys.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {council}"), cancellationToken: ct))
            {
                var key = ToRecord(row);
                keys.Add(new CouncilKeySummary(key.KeyId, key.Role, key.Note, key.IssuedAt, key.LastUsedOn, key.RevokedAt));
            }

            return [.. keys.OrderByDescending(k => k.IssuedAt)];
        }, cancellationToken);

    /// <summary>Revokes a key (once: a second revocation keeps the first date). False when the council has no such key.</summary>
    public Task<bool> RevokeAsync(string council, string keyId, DateTimeOffset at, CancellationToken cancellationToken) =>
        provisioning.RunAsync(async ct =>
        {
            var row = await Keys.GetEntityIfExistsAsync<TableEntity>(council, keyId, cancellationToken: ct);
            if (!row.HasValue)
            {
                return false;
            }

            if (row.Value!.GetDateTimeOffset("RevokedAt") is null)
            {
                await Keys.UpdateEntityAsync(new TableEntity(council, keyId) { ["RevokedAt"] = at }, ETag.All, TableUpdateMode.Merge, ct);
            }

            return true;
        }, cancellationToken);

    /// <summary>Records the day a key was used; called only when the stored day is older, so at most once a day a key.</summary>
    public Task RecordUseAsync(string council, string keyId, DateOnly day, CancellationToken cancellationToken) =>
        provisioning.RunAsync(async ct =>
        {
            await Keys.UpdateEntityAsync(new TableEntity(council, keyId) { ["LastUsedOn"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
                ETag.All, TableUpdateMode.Merge, ct);
            return true;
        }, cancellationToken);

    /// <summary>SHA-256 of a key's UTF-8 bytes.</summary>
    public static byte[] Hash(string key) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key));

    private static CouncilKeyRecord ToRecord(TableEntity row) => new(
        row.PartitionKey,
        row.RowKey,
        Convert.FromHexString(row.GetString("Sha256")),
        row.GetDateTimeOffset("IssuedAt") ?? default,
        Enum.TryParse<KeyRole>(row.GetString("Role"), out var role) ? role : KeyRole.Commissioner,
        row.GetString("Note") ?? string.Empty,
        DateOnly.TryParseExact(row.GetString("LastUsedOn"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : null,
        row.GetDateTimeOffset("RevokedAt"));
}
