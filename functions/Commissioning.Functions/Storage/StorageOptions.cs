using System.ComponentModel.DataAnnotations;

namespace Commissioning.Functions.Storage;

/// <summary>
/// How the handler reaches Azure Storage, read the Functions way: <c>AzureWebJobsStorage</c> holds a connection
/// string (<c>UseDevelopmentStorage=true</c> locally), or <c>AzureWebJobsStorage__accountName</c> /
/// <c>__blobServiceUri</c> / <c>__tableServiceUri</c> / <c>__queueServiceUri</c> (+ <c>__clientId</c>) select managed
/// identity, the same settings the Functions host reads for its own use of the account (queue triggers, timer locks).
/// Timeouts and retries are short on purpose: a dead storage account answers 503 in seconds, not minutes.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Commissioning:Storage";

    public string? ConnectionString { get; set; }
    public Uri? BlobServiceUri { get; set; }
    public Uri? TableServiceUri { get; set; }
    public Uri? QueueServiceUri { get; set; }
    public string? ClientId { get; set; }

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A claimed but never completed version (its writer crashed) may be taken over after this long.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan AbandonedVersionAfter { get; set; } = TimeSpan.FromMinutes(1);

    public bool UsesConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>Reads the <c>AzureWebJobsStorage</c> setting in either of its shapes.</summary>
    internal static void ReadFunctionsSetting(StorageOptions options, IConfiguration configuration)
    {
        var setting = configuration.GetSection("AzureWebJobsStorage");
        if (!string.IsNullOrWhiteSpace(setting.Value))
        {
            options.ConnectionString = setting.Value;
            return;
        }

        var account = setting["accountName"];
        options.BlobServiceUri = Parse(setting["blobServiceUri"]) ?? (account is { Length: > 0 } ? new Uri($"https://{account}.blob.core.windows.net") : null);
        options.TableServiceUri = Parse(setting["tableServiceUri"]) ?? (account is { Length: > 0 } ? new Uri($"https://{account}.table.core.windows.net") : null);
        options.QueueServiceUri = Parse(setting["queueServiceUri"]) ?? (account is { Length: > 0 } ? new Uri($"https://{account}.queue.core.windows.net") : null);
        options.ClientId = setting["clientId"];
    }

    private static Uri? Parse(string? value) => string.IsNullOrWhiteSpace(value) ? null : new Uri(value, UriKind.Absolute);
}
