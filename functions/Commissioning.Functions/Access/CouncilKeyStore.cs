using System.Security.Cryptography;
using Azure.Data.Tables;

namespace Commissioning.Functions.Access;

/// <summary>A council key as stored: its id and the SHA-256 of the key (the key itself is never stored).</summary>
public sealed record CouncilKeyRecord(string Council, string KeyId, byte[] Sha256, DateTimeOffset IssuedAt);

/// <summary>Council keys: table <c>CouncilKeys</c>, partition = council, row key = key id, holding only the key's SHA-256.</summary>
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
            }, ct);
            return true;
        }, cancellationToken);

    public Task<CouncilKeyRecord?> FindKeyAsync(string council, string keyId, CancellationToken cancellationToken) =>
        provisioning.RunAsync(async ct =>
        {
            var row = await Keys.GetEntityIfExistsAsync<TableEntity>(council, keyId, cancellationToken: ct);
            return row.HasValue
                ? new CouncilKeyRecord(council, keyId, Convert.FromHexString(row.Value!.GetString("Sha256")), row.Value.GetDateTimeOffset("IssuedAt") ?? default)
                : null;
        }, cancellationToken);

    /// <summary>SHA-256 of a key's UTF-8 bytes.</summary>
    public static byte[] Hash(string key) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key));
}
