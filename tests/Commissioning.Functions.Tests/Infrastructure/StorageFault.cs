using Azure.Core;
using Azure.Core.Pipeline;

namespace Commissioning.Functions.Tests.Infrastructure;

/// <summary>
/// A crash at an exact step: when armed, stops Azurite just before the handler's first write to the named table or
/// blob container, so the request fails there as it would if storage (or the process) died at that moment. Requests
/// sent while it is stopping (a write made side by side with the first) wait for the stop and fail too, as they would
/// against a dead process, instead of racing it. Or, with <see cref="FailWritesTo"/>, every write to one table or
/// container fails while the rest of storage works: what a handler that died mid-way through writes it makes side by
/// side leaves behind.
/// </summary>
public sealed class StorageFault(Azurite azurite) : HttpPipelinePolicy
{
    private string? _target;
    private int _armed;
    private string? _failing;
    private Task _stopping = Task.CompletedTask;

    public bool Fired { get; private set; }

    public void StopStorageBeforeWritingTo(string tableOrContainer)
    {
        _target = tableOrContainer;
        Fired = false;
        Interlocked.Exchange(ref _armed, 1);
    }

    public void FailWritesTo(string? tableOrContainer) => _failing = tableOrContainer;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (_failing is { } failing && IsWriteTo(message.Request, failing))
        {
            throw new HttpRequestException($"Injected: writes to {failing} fail.");
        }

        if (_target is { } target && IsWriteTo(message.Request, target) && Interlocked.Exchange(ref _armed, 0) == 1)
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

    private static bool IsWriteTo(Request request, string target)
    {
        if (request.Method == RequestMethod.Get || request.Method == RequestMethod.Head)
        {
            return false;
        }

        // Path: /{account}/{table}(PartitionKey=..,RowKey=..) or /{account}/{container}/{blob}
        var segments = request.Uri.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 2 && segments[1].Split('(')[0] == target;
    }
}
