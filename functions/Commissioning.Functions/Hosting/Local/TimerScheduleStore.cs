using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace Commissioning.Functions.Hosting.Local;

/// <summary>
/// Where the local runner keeps each timer's schedule status (the host's schedule monitor) and takes its
/// single-instance lock: blobs under <c>{StorageLayout.LocalRunnerContainer}/timers/</c> and a lease on them.
/// </summary>
public sealed class TimerScheduleStore(BlobServiceClient blobs, StorageProvisioning provisioning)
{
    private static readonly TimeSpan LockDuration = TimeSpan.FromSeconds(60);
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(StorageLayout.LocalRunnerContainer);

    public async Task<ScheduleStatus?> ReadAsync(string function, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken);
        try
        {
            var content = await _container.GetBlobClient($"timers/{function}/status.json").DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<ScheduleStatus>();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task WriteAsync(string function, ScheduleStatus status, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken);
        await _container.GetBlobClient($"timers/{function}/status.json").UploadAsync(BinaryData.FromObjectAsJson(status), overwrite: true, cancellationToken);
    }

    /// <summary>The timer's lock, held (and renewed) until disposed; null when another runner holds it.</summary>
    public async Task<IAsyncDisposable?> TryLockAsync(string function, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken);
        var blob = _container.GetBlobClient($"timers/{function}/lock");
        try
        {
            await blob.UploadAsync(BinaryData.FromString(string.Empty), new Azure.Storage.Blobs.Models.BlobUploadOptions
            {
                Conditions = new Azure.Storage.Blobs.Models.BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // It exists: the lock is its lease.
        }

        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(LockDuration, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }

        return new HeldLock(lease);
    }

    private ValueTask EnsureAsync(CancellationToken cancellationToken) => provisioning.EnsureAsync(cancellationToken);

    private sealed class HeldLock : IAsyncDisposable
    {
        private readonly BlobLeaseClient _lease;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewing;

        public HeldLock(BlobLeaseClient lease)
        {
            _lease = lease;
            _renewing = RenewAsync();
        }

        private async Task RenewAsync()
        {
            try
            {
                while (true)
                {
                    await Task.Delay(LockDuration / 3, _stop.Token);
                    await _lease.RenewAsync(cancellationToken: _stop.Token);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or RequestFailedException)
            {
                // Stopped, or the lease was lost: the occurrence finishes; the next one takes the lock again.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _renewing;
            _stop.Dispose();
            try
            {
                await _lease.ReleaseAsync();
            }
            catch (RequestFailedException)
            {
                // Lapsed already: it frees itself.
            }
        }
    }
}
