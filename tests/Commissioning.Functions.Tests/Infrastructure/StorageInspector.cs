using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Commissioning.Functions.Tests.Infrastructure;

/// <summary>Looks straight into Azurite, bypassing the handler, to check what was (and was not) written.</summary>
public sealed class StorageInspector(Azurite azurite)
{
    public async Task<IReadOnlyList<string>> BlobNames(string container, string prefix)
    {
        var client = new BlobContainerClient(azurite.ConnectionString, container);
        if (!await client.ExistsAsync())
        {
            return [];
        }

        var names = new List<string>();
        await foreach (var blob in client.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, default))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    public async Task<byte[]> Blob(string container, string name) =>
        (await new BlobContainerClient(azurite.ConnectionString, container).GetBlobClient(name).DownloadContentAsync()).Value.Content.ToArray();

    public async Task<IReadOnlyList<TableEntity>> Rows(string table, string partition)
    {
        var client = new TableClient(azurite.ConnectionString, table);
        try
        {
            return await client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")).ToListAsync();
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }
    }
}
