using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Commissioning.Functions.Storage;

/// <summary>
/// Creates every container, table and queue of <see cref="StorageLayout"/> on first use (not at start-up, so the app
/// starts while storage is down) and again after storage reports one missing, e.g. an emulator that restarted empty.
/// The one way any feature makes sure its storage exists.
/// </summary>
public sealed class StorageProvisioning(BlobServiceClient blobs, TableServiceClient tables, QueueServiceClient queues)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    public async ValueTask EnsureAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_ready)
            {
                return;
            }

            foreach (var container in StorageLayout.Containers)
            {
                await blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            }

            foreach (var table in StorageLayout.Tables)
            {
                await tables.GetTableClient(table).CreateIfNotExistsAsync(cancellationToken);
            }

            foreach (var queue in StorageLayout.Queues)
            {
                await queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            }

            _ready = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs a storage operation; if storage says a container, table or queue is missing, re-creates them and runs it once more.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken);
        try
        {
            return await operation(cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404 && ex.ErrorCode is "ContainerNotFound" or "TableNotFound" or "QueueNotFound")
        {
            _ready = false;
            await EnsureAsync(cancellationToken);
            return await operation(cancellationToken);
        }
        catch (Exception ex) when (ex is RequestFailedException { Status: 0 } or AggregateException or HttpRequestException or OperationCanceledException)
        {
            _ready = false;   // storage went away: it may come back empty
            throw;
        }
    }
}
