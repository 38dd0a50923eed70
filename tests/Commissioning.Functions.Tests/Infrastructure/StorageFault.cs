using Azure.Core;
using Azure.Core.Pipeline;

namespace Commissioning.Functions.Tests.Infrastructure;

/// <summary>
/// A crash at an exact step: when armed, stops Azurite just before the handler's first write to the named table or
/// blob container, so the request fails there as it would if storage (or the process) died at that moment. Requests
/// sent while it is stopping (a write made side by side with the first) wait for the stop and fail too, as they would
/// against a dead process, instead of racing it.
/// </summary>
public sealed class StorageFault(Azurite azurite) : HttpPipelinePolicy
{
    private string? _target;
    private int _armed;
    private Task _stopping = Task.CompletedTask;

    public bool Fired { get; private set; }

    public void StopStorageBeforeWritingTo(string tableOrContainer)
    {
        _target = tableOrContainer;
        Fired = false;
        Interlocked.Exchange(ref _armed, 1);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (IsWriteToTarget(message.Request) && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _stopping, stopped.Task);
            Fired = true;
            try
            {
                await azurite.StopGracefullyAsync();   // acknowledged writes survive, as they would in Azure
            }
            finally
            {
                stopped.SetResult();
            }
        }
        else
        {
            await Volatile.Read(ref _stopping);
        }

        await ProcessNextAsync(message, pipeline);
    }

    private bool IsWriteToTarget(Request request)
    {
        if (request.Method == RequestMethod.Get || request.Method == RequestMethod.Head)
        {
            return false;
        }

        // Path: /{account}/{table}(PartitionKey=..,RowKey=..) or /{account}/{container}/{blob}
        var segments = request.Uri.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 2 && segments[1].Split('(')[0] == _target;
    }
}
