using System.Text.Json;
using Commissioning.Functions.Tests.WorkerHost.Rpc;
using Microsoft.Extensions.Logging;

namespace Commissioning.Functions.Tests.WorkerHost;

/// <summary>
/// A function as the worker described it when the stand-in host asked (worker indexing): its trigger binding
/// is the JSON object the SDK also writes into functions.metadata.
/// </summary>
public sealed record WorkerFunction(string Name, string FunctionId, string TriggerType, string TriggerName, JsonElement Trigger)
{
    public bool IsHttp => TriggerType.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase);

    public bool IsTimer => TriggerType.Equals("timerTrigger", StringComparison.OrdinalIgnoreCase);

    /// <summary>The route template below the route prefix; as in the host, no route means the function's name.</summary>
    public string? Route => IsHttp ? StringProperty("route") ?? Name : null;

    /// <summary>The HTTP methods the function accepts, lower case as declared; empty means any method.</summary>
    public IReadOnlyList<string> Methods =>
        IsHttp && Trigger.TryGetProperty("methods", out var methods) && methods.ValueKind == JsonValueKind.Array
            ? [.. methods.EnumerateArray().Select(m => m.GetString()!)]
            : [];

    public string? StringProperty(string name) =>
        Trigger.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal RpcFunctionMetadata Metadata { get; private init; } = new();

    internal static WorkerFunction From(RpcFunctionMetadata metadata)
    {
        var trigger = metadata.RawBindings
            .Select(raw => JsonSerializer.Deserialize<JsonElement>(raw))
            .FirstOrDefault(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));
        if (trigger.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"The worker described function '{metadata.Name}' without a trigger binding.");
        }

        return new WorkerFunction(metadata.Name, metadata.FunctionId, trigger.GetProperty("type").GetString()!,
            trigger.GetProperty("name").GetString()!, trigger) { Metadata = metadata };
    }
}

/// <summary>A log the worker sent to the host (RpcLog): what the host would pass on to Application Insights.</summary>
public sealed record WorkerLog(LogLevel Level, string Category, string Message, string? Exception, string? InvocationId)
{
    internal static WorkerLog From(RpcLog log) => new(
        (LogLevel)(int)log.Level, log.Category, log.Message, log.Exception?.Message,
        string.IsNullOrEmpty(log.InvocationId) ? null : log.InvocationId);

    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : " " + Exception)}";
}

/// <summary>
/// How an invocation ended, from the worker's InvocationResponse. <see cref="Error"/> and <see cref="ErrorType"/> are
/// the exception as the worker reported it (the .NET worker 2.x sends a user code exception's message and type).
/// </summary>
public sealed record InvocationOutcome(bool Succeeded, bool Cancelled, string? Error, string? ErrorType)
{
    internal static InvocationOutcome From(StatusResult result) => new(
        result.Status == StatusResult.Types.Status.Success,
        result.Status == StatusResult.Types.Status.Cancelled,
        result.Exception?.Message,
        string.IsNullOrEmpty(result.Exception?.Type) ? null : result.Exception.Type);
}

/// <summary>The timer's schedule status the host's schedule monitor keeps in storage (all times UTC).</summary>
public sealed record TimerScheduleStatus(DateTime Last, DateTime Next, DateTime LastUpdated);
