using System.Reflection;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Hosting.Local;

/// <summary>Settings of the local runner that the Functions host does not have (<c>LocalRunner:</c>).</summary>
public sealed class LocalRunnerOptions
{
    public const string Section = "LocalRunner";

    /// <summary>
    /// How long a message being processed stays invisible (renewed at half of it while the function runs). The host
    /// uses ten minutes; a runner that dies mid-message leaves it to reappear after this.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MessageLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The first wait after an empty poll; it doubles up to host.json's <c>maxPollingInterval</c>.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan MinPollingInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}

/// <summary>
/// The local runner's queue triggers, with the Storage Queue binding's documented semantics: messages fetched
/// <c>batchSize</c> at a time and run in parallel; a message that fails becomes visible again after
/// <c>visibilityTimeout</c>; once its dequeue count reaches <c>maxDequeueCount</c> it is moved to
/// <c>{queue}-poison</c>, where a function may pick it up; an empty queue is polled less and less often, up to
/// <c>maxPollingInterval</c>, except that a message this app enqueues wakes its queue at once (as the host's
/// queue watcher does for its own writes).
/// </summary>
public sealed partial class QueueListener(
    FunctionCatalog catalog,
    HostSettings host,
    WorkQueues queues,
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    IOptions<LocalRunnerOptions> options,
    ILogger<QueueListener> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.Queues.Where(q => !LocalRunner.IsDisabled(configuration, q)).Select(function => ListenAsync(function, stoppingToken)));

    private async Task ListenAsync(QueueFunction function, CancellationToken stoppingToken)
    {
        var settings = host.Queues;
        var queue = queues.Client(function.QueueName);
        var idle = options.Value.MinPollingInterval;
        using var wake = new SemaphoreSlim(0);
        void OnEnqueued(string name)
        {
            if (string.Equals(name, function.QueueName, StringComparison.Ordinal) && wake.CurrentCount == 0)
            {
                wake.Release();
            }
        }

        queues.Enqueued += OnEnqueued;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                QueueMessage[] batch;
                try
                {
                    await queues.EnsureAsync(stoppingToken);
                    batch = (await queue.ReceiveMessagesAsync(settings.BatchSize, options.Value.MessageLease, stoppingToken)).Value;
                }
                catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException
                                           || (ex is OperationCanceledException && !stoppingToken.IsCancellationRequested))
                {
                    LogPollFailed(logger, ex, function.QueueName);
                    batch = [];
                }

                if (batch.Length == 0)
                {
                    await wake.WaitAsync(idle, stoppingToken);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, Math.Max(settings.MaxPollingInterval.Ticks, options.Value.MinPollingInterval.Ticks)));
                    continue;
                }

                idle = options.Value.MinPollingInterval;
                await Task.WhenAll(batch.Select(message => ProcessAsync(function, queue, message, stoppingToken)));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            queues.Enqueued -= OnEnqueued;
        }
    }

    private async Task ProcessAsync(QueueFunction function, QueueClient queue, QueueMessage message, CancellationToken stoppingToken)
    {
        var settings = host.Queues;
        try
        {
            if (message.DequeueCount > settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(function, queue, message, message.PopReceipt, stoppingToken);
                return;
            }

            var (succeeded, receipt) = await InvokeAsync(function, queue, message, stoppingToken);
            if (succeeded)
            {
                await queue.DeleteMessageAsync(message.MessageId, receipt, CancellationToken.None);
            }
            else if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(function, queue, message, receipt, CancellationToken.None);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, receipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the message reappears after its lease, for this runner's next start or another's.
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException)
        {
            // Its receipt went stale or storage went away: the message reappears after its lease and is tried again.
            LogSettleFailed(logger, ex, function.QueueName, message.MessageId);
        }
    }

    /// <summary>Runs the function in its own scope while renewing the message's lease; false when it threw.</summary>
    private async Task<(bool Succeeded, string Receipt)> InvokeAsync(QueueFunction function, QueueClient queue, QueueMessage message, CancellationToken stoppingToken)
    {
        var receipt = message.PopReceipt;
        var lease = options.Value.MessageLease;
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                await Task.Delay(lease / 2, done.Token);
                var updated = await queue.UpdateMessageAsync(message.MessageId, receipt, visibilityTimeout: lease, cancellationToken: done.Token);
                receipt = updated.Value.PopReceipt;
            }
        }, CancellationToken.None);

        var succeeded = false;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var arguments = function.Invoker.Parameters.Select(p => Argument(function, p, message, stoppingToken)).ToArray();
            await function.Invoker.InvokeAsync(scope.ServiceProvider, arguments);
            succeeded = true;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogInvocationFailed(logger, ex, function.Name, message.MessageId, message.DequeueCount, host.Queues.MaxDequeueCount);
        }
        finally
        {
            await done.CancelAsync();
            try
            {
                await renewing;
            }
            catch (Exception ex) when (ex is OperationCanceledException or RequestFailedException)
            {
                // Renewal stops with the function (or lost its receipt; settling will say so).
            }
        }

        return (succeeded, receipt);
    }

    private async Task MoveToPoisonAsync(QueueFunction function, QueueClient queue, QueueMessage message, string receipt, CancellationToken cancellationToken)
    {
        await queues.EnqueueAsync(function.PoisonQueueName, message.Body.ToString(), null, cancellationToken);
        await queue.DeleteMessageAsync(message.MessageId, receipt, cancellationToken);
        LogMovedToPoison(logger, message.MessageId, function.QueueName, function.PoisonQueueName, message.DequeueCount);
    }

    private static object? Argument(QueueFunction function, ParameterInfo parameter, QueueMessage message, CancellationToken cancellationToken) =>
        parameter.GetCustomAttribute<QueueTriggerAttribute>() is not null && parameter.ParameterType == typeof(string) ? message.Body.ToString()
        : parameter.ParameterType == typeof(CancellationToken) ? cancellationToken
        : throw new InvalidOperationException($"Queue function {function.Name}: parameter {parameter.Name} is neither the message (string) nor a CancellationToken.");

    [LoggerMessage(EventId = 9201, Level = LogLevel.Warning, Message = "Polling queue {Queue} failed; polling again")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string queue);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Warning, Message = "Function {Function} failed on message {MessageId} (attempt {DequeueCount} of {MaxDequeueCount})")]
    private static partial void LogInvocationFailed(ILogger logger, Exception exception, string function, string messageId, long dequeueCount, int maxDequeueCount);

    [LoggerMessage(EventId = 9203, Level = LogLevel.Warning, Message = "Message {MessageId} moved from {Queue} to {PoisonQueue} after {DequeueCount} attempts")]
    private static partial void LogMovedToPoison(ILogger logger, string messageId, string queue, string poisonQueue, long dequeueCount);

    [LoggerMessage(EventId = 9204, Level = LogLevel.Warning, Message = "Could not settle message {MessageId} on {Queue}; it reappears after its lease")]
    private static partial void LogSettleFailed(ILogger logger, Exception exception, string queue, string messageId);
}
