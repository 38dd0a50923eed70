using System.Collections.Concurrent;
using System.Threading.Channels;
using Commissioning.Functions.Tests.WorkerHost.Rpc;
using Grpc.Core;

namespace Commissioning.Functions.Tests.WorkerHost;

/// <summary>
/// The host's end of the worker's EventStream. The worker dials in and sends StartStream; from then on requests
/// go out through one queue and responses come back matched by request id (the worker copies it onto each
/// response). RpcLog messages are kept. Any failure (the stream breaking, the process exiting) fails every request
/// still waiting, so no caller waits for an answer that cannot come.
/// </summary>
internal sealed class WorkerChannel(string workerId) : FunctionRpc.FunctionRpcBase
{
    private readonly Channel<StreamingMessage> _outbox = Channel.CreateUnbounded<StreamingMessage>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _waiting = new();
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<WorkerLog> _logs = new();
    private Exception? _failure;
    private int _streams;

    public Task Connected => _connected.Task;

    public IReadOnlyList<WorkerLog> Logs => [.. _logs];

    public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream,
        IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
    {
        if (!await requestStream.MoveNext(context.CancellationToken) || requestStream.Current.StartStream?.WorkerId != workerId)
        {
            throw new Grpc.Core.RpcException(new Status(StatusCode.PermissionDenied, $"Expected StartStream from worker {workerId}."));
        }

        if (Interlocked.Increment(ref _streams) != 1)
        {
            throw new Grpc.Core.RpcException(new Status(StatusCode.AlreadyExists, "The stand-in host takes one stream per worker."));
        }

        _connected.TrySetResult();
        var writing = WriteOutboxAsync(responseStream, context.CancellationToken);
        try
        {
            while (await requestStream.MoveNext(context.CancellationToken))
            {
                Receive(requestStream.Current);
            }

            Fail(new IOException("The worker closed its event stream."));
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            Fail(new IOException("The worker's event stream broke.", e));
        }

        _outbox.Writer.TryComplete();
        await writing;
    }

    /// <summary>Sends a request and waits for the worker's response to it.</summary>
    public async Task<StreamingMessage> RequestAsync(StreamingMessage request, CancellationToken cancellationToken)
    {
        request.RequestId = Guid.NewGuid().ToString("N");
        var response = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[request.RequestId] = response;
        try
        {
            // Registered first, checked second: Fail either sees this request or this request sees the failure.
            if (Volatile.Read(ref _failure) is { } failure)
            {
                throw new InvalidOperationException(failure.Message, failure);
            }

            Post(request);
            return await response.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            _waiting.TryRemove(request.RequestId, out _);
        }
    }

    public async Task<InvocationOutcome> InvokeAsync(InvocationRequest invocation, CancellationToken cancellationToken)
    {
        var response = await RequestAsync(new StreamingMessage { InvocationRequest = invocation }, cancellationToken);
        return InvocationOutcome.From(response.InvocationResponse.Result);
    }

    /// <summary>Sends a message that has no response (WorkerTerminate).</summary>
    public void Post(StreamingMessage message) => _outbox.Writer.TryWrite(message);

    public void Fail(Exception failure)
    {
        Interlocked.CompareExchange(ref _failure, failure, null);
        _connected.TrySetException(failure);
        foreach (var waiting in _waiting.Values)
        {
            waiting.TrySetException(failure);
        }
    }

    private void Receive(StreamingMessage message)
    {
        if (message.ContentCase == StreamingMessage.ContentOneofCase.RpcLog)
        {
            _logs.Enqueue(WorkerLog.From(message.RpcLog));
        }
        else if (_waiting.TryGetValue(message.RequestId, out var waiting))
        {
            waiting.TrySetResult(message);
        }
    }

    private async Task WriteOutboxAsync(IServerStreamWriter<StreamingMessage> responseStream, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _outbox.Reader.ReadAllAsync(cancellationToken))
            {
                await responseStream.WriteAsync(message, cancellationToken);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            Fail(new IOException("Writing to the worker's event stream failed.", e));
        }
    }
}
