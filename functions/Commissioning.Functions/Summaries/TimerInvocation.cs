using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commissioning.Functions.Summaries;

/// <summary>
/// What the Functions host POSTs to a custom handler for a timer: <c>{"Data":{"timer":{...}},"Metadata":{...}}</c>,
/// the timer carrying <c>Schedule</c>, <c>ScheduleStatus</c> (Last, Next, LastUpdated) and <c>IsPastDue</c>.
/// </summary>
public sealed record TimerInvocation(
    [property: JsonPropertyName("Data")] Dictionary<string, JsonElement>? Data,
    [property: JsonPropertyName("Metadata")] JsonElement? Metadata)
{
    public const string TimerBinding = "timer";

    /// <summary>The timer's IsPastDue, whether the host sent the timer as an object or as a JSON string.</summary>
    public bool IsPastDue
    {
        get
        {
            if (Data is null || !Data.TryGetValue(TimerBinding, out var timer))
            {
                return false;
            }

            if (timer.ValueKind == JsonValueKind.String && timer.GetString() is { } text)
            {
                using var inner = JsonDocument.Parse(text);
                return ReadPastDue(inner.RootElement);
            }

            return ReadPastDue(timer);
        }
    }

    private static bool ReadPastDue(JsonElement timer) =>
        timer.ValueKind == JsonValueKind.Object
        && timer.EnumerateObject().FirstOrDefault(p => p.Name.Equals("IsPastDue", StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: JsonValueKind.True };
}

/// <summary>The custom handler's answer to a non-HTTP invocation: <c>{"Outputs":{},"Logs":[...],"ReturnValue":null}</c>.</summary>
public sealed record InvocationReply(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] object? ReturnValue);
