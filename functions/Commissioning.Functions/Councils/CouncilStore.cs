using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Commissioning.Domain;
using Commissioning.Domain.Councils;
using Commissioning.Functions.Storage;
using Commissioning.Functions.Summaries;
using Microsoft.Extensions.Caching.Memory;

namespace Commissioning.Functions.Councils;

/// <summary>A council key as stored: its id and the SHA-256 of the key (the key itself is never stored).</summary>
public sealed record CouncilKeyRecord(string Council, string KeyId, byte[] Sha256, DateTimeOffset IssuedAt);

/// <summary>
/// Council records (table <c>Councils</c>, one partition, row key = GSS code, the record as JSON) and council keys
/// (table <c>CouncilKeys</c>, partition = council, row key = key id). Reads are cached briefly: scoring reads the
/// council on every submission.
/// </summary>
public sealed class CouncilStore(TableServiceClient tables, StorageProvisioning provisioning, IMemoryCache cache, TimeProvider time)
    : ICouncilDirectory
{
    private const string Partition = "council";
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private TableClient Councils => tables.GetTableClient(StorageLayout.CouncilsTable);
    private TableClient Keys => tables.GetTableClient(StorageLayout.CouncilKeysTable);

    public async Task<Council?> GetAsync(string code, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(CacheKey(code), out Council? cached))
        {
            return cached;
        }

        var council = await provisioning.RunAsync(async ct =>
        {
            var row = await Councils.GetEntityIfExistsAsync<TableEntity>(Partition, code, ["Document"], ct);
            return row.HasValue ? JsonSerializer.Deserialize<Council>(row.Value!.GetString("Document"), DomainJson.Options) : null;
        }, cancellationToken);
        cache.Set(CacheKey(code), council, CacheFor);
        return council;
    }

    /// <summary>Creates or replaces a council record; true when it did not exist before.</summary>
    public async Task<bool> PutAsync(Council council, CancellationToken cancellationToken)
    {
        var created = await provisioning.RunAsync(async ct =>
        {
            var entity = new TableEntity(Partition, council.Code)
            {
                ["Name"] = council.Name,
                ["Document"] = DomainJson.Serialize(council),
                ["UpdatedAt"] = time.GetUtcNow(),
            };
            try
            {
                await Councils.AddEntityAsync(entity, ct);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                await Councils.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
                return false;
            }
        }, cancellationToken);
        cache.Remove(CacheKey(council.Code));
        return created;
    }

    async Task<IReadOnlyList<Council>> ICouncilDirectory.ListAsync(CancellationToken cancellationToken)
    {
        var councils = new List<Council>();
        await foreach (var council in ListAsync(cancellationToken))
        {
            councils.Add(council);
        }

        return councils;
    }

    /// <summary>Every registered council (what the weekly summary walks).</summary>
    public async IAsyncEnumerable<Council> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await provisioning.EnsureAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var row in Councils.QueryAsync<TableEntity>(filter, select: ["Document"], cancellationToken: cancellationToken))
        {
            if (JsonSerializer.Deserialize<Council>(row.GetString("Document"), DomainJson.Options) is { } council)
            {
                yield return council;
            }
        }
    }

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

    private static string CacheKey(string code) => "council:" + code;

    /// <summary>SHA-256 of a key's UTF-8 bytes.</summary>
    public static byte[] Hash(string key) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key));
}
