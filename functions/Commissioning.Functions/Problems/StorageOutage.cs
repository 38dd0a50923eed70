using System.Net.Http;
using System.Net.Sockets;
using Azure;

namespace Commissioning.Functions.Problems;

/// <summary>Recognises the exceptions that mean "storage cannot be reached or is failing", as opposed to a bug.</summary>
public static class StorageOutage
{
    public static bool IsOutage(Exception exception, CancellationToken requestAborted) => exception switch
    {
        RequestFailedException { Status: 0 } => true,                       // no response: refused, reset, DNS, timeout
        RequestFailedException { Status: 408 or 429 or >= 500 } => true,    // storage answered but is failing or throttling
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(inner => IsOutage(inner, requestAborted)),
        HttpRequestException or SocketException or TimeoutException => true,
        OperationCanceledException when !requestAborted.IsCancellationRequested => true,   // an SDK network timeout, not the caller leaving
        _ when exception.InnerException is { } inner && exception is not RequestFailedException => IsOutage(inner, requestAborted),
        _ => false,
    };
}
