using System.Globalization;
using System.Text.Json.Nodes;

namespace Commissioning.Functions.Hosting;

/// <summary>
/// The parts of <c>host.json</c> the app reads (the route prefix) and the local runner honours (queues), read the way the Functions host reads them: the file beside
/// the app, overridden by settings named <c>AzureFunctionsJobHost__{path}</c> (e.g.
/// <c>AzureFunctionsJobHost__extensions__queues__visibilityTimeout</c>). Defaults are the host's documented ones.
/// </summary>
public sealed record HostSettings(string RoutePrefix, QueueSettings Queues)
{
    public const string File = "host.json";
    public const string OverridePrefix = "AzureFunctionsJobHost";

    public static HostSettings Read(IConfiguration configuration, string? folder = null)
    {
        var path = Path.Combine(folder ?? AppContext.BaseDirectory, File);
        var json = System.IO.File.Exists(path) ? JsonNode.Parse(System.IO.File.ReadAllText(path)) : null;

        string? Value(params string[] keys)
        {
            var overridden = configuration[string.Join(':', [OverridePrefix, .. keys])];
            if (overridden is not null)
            {
                return overridden;
            }

            var node = json;
            foreach (var key in keys)
            {
                node = node is JsonObject obj ? obj.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value : null;
            }

            return node?.ToString();
        }

        var defaults = new QueueSettings();
        var queues = new QueueSettings
        {
            MaxDequeueCount = Int(Value("extensions", "queues", "maxDequeueCount")) ?? defaults.MaxDequeueCount,
            VisibilityTimeout = Span(Value("extensions", "queues", "visibilityTimeout")) ?? defaults.VisibilityTimeout,
            BatchSize = Int(Value("extensions", "queues", "batchSize")) ?? defaults.BatchSize,
            MaxPollingInterval = Span(Value("extensions", "queues", "maxPollingInterval")) ?? defaults.MaxPollingInterval,
            MessageEncoding = Value("extensions", "queues", "messageEncoding") ?? defaults.MessageEncoding,
        };
        return new HostSettings(Value("extensions", "http", "routePrefix") ?? "api", queues);
    }

    private static int? Int(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static TimeSpan? Span(string? value) => TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) ? span : null;
}

/// <summary><c>extensions.queues</c> of host.json, with the Storage Queue binding's defaults.</summary>
public sealed record QueueSettings
{
    /// <summary>Attempts at a message before it moves to <c>{queue}-poison</c>.</summary>
    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>How long a failed message stays invisible before its next attempt.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    /// <summary>Messages fetched, and run in parallel, at a time.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>The longest wait between polls of an empty queue.</summary>
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary><c>base64</c> (the default) or <c>none</c>.</summary>
    public string MessageEncoding { get; init; } = "base64";
}
