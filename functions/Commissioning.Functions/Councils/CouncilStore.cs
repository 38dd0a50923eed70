using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;

namespace Commissioning.Functions.Councils;

/// <summary>
/// Council records (table <c>Councils</c>, one partition, row key = GSS code, the record as JSON). Reads are cached
/// briefly: scoring reads the council on every submission. (Council keys are access's: <see cref="CouncilKeyStore"/>.)
/// </summary>
public sealed class CouncilStore(TableServiceClient tables, StorageProvisioning provisioning, IMemoryCache cache, TimeProvider time)
    : ICouncilDirectory
{
    private const string Partition = "council";
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private TableClient Councils => tables.GetTableClient(StorageLayout.CouncilsTable);

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

    private static string CacheKey(string code) => "council:" + code;
}
