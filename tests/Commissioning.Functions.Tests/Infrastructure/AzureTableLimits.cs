using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace Commissioning.Functions.Tests.Infrastructure;

/// <summary>
/// Azure Table storage's per-entity limits, which Azurite 3.35.0 does not apply to the entity a write leaves behind:
/// at most 255 properties (PartitionKey, RowKey and Timestamp included) and 1 MiB by Azure's size estimate (4 bytes,
/// 2 per key character, and per property 8 bytes, 2 per name character and the value: a string 4 bytes and 2 per
/// character). Azurite checks only each request's body against 1 MB, so a row built up by merges grows without bound
/// there (a merge of 300 properties of 30,000 characters into one row is accepted).
///
/// Added to a client's pipeline, this works out before each single-entity write (insert, replace or merge) what the
/// entity would be after it, reading the current row for a merge, and answers 400 <c>TooManyProperties</c> or
/// <c>EntityTooLarge</c> as Azure does instead of sending it. Writes through it go one at a time, so the check and the
/// write cannot interleave with another checked write. Batches (<c>$batch</c>) pass unchecked.
/// </summary>
public sealed class AzureTableLimits(string connectionString) : HttpPipelinePolicy
{
    private const int SystemProperties = 3;   // PartitionKey, RowKey, Timestamp
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private int _refusals;

    public int MaxProperties { get; init; } = 255;
    public int MaxEntityBytes { get; init; } = 1024 * 1024;

    /// <summary>How many writes were refused.</summary>
    public int Refusals => Volatile.Read(ref _refusals);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (Write(message.Request) is not { } write)
        {
            await ProcessNextAsync(message, pipeline);
            return;
        }

        await _oneAtATime.WaitAsync(message.CancellationToken);
        try
        {
            var refusal = await CheckAsync(write, message.Request, message.CancellationToken);
            if (refusal is not null)
            {
                Interlocked.Increment(ref _refusals);
                message.Response = refusal;
                return;
            }

            await ProcessNextAsync(message, pipeline);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private enum WriteKind { Insert, Replace, Merge }

    private sealed record EntityWrite(string Table, WriteKind Kind);

    private static EntityWrite? Write(Request request)
    {
        // Path: /{account}/{table} (insert) or /{account}/{table}(PartitionKey='…',RowKey='…')
        var segments = request.Uri.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length != 2 || segments[1].StartsWith("$batch", StringComparison.Ordinal) || request.Content is null)
        {
            return null;
        }

        var table = segments[1].Split('(')[0];
        var addressed = segments[1].Contains('(', StringComparison.Ordinal);
        if (request.Method == RequestMethod.Post && !addressed && table != "Tables")
        {
            return new EntityWrite(table, WriteKind.Insert);
        }

        if (request.Method == RequestMethod.Put && addressed)
        {
            return new EntityWrite(table, WriteKind.Replace);
        }

        return (request.Method == RequestMethod.Patch || request.Method.Method == "MERGE") && addressed
            ? new EntityWrite(table, WriteKind.Merge)
            : null;
    }

    private async Task<Response?> CheckAsync(EntityWrite write, Request request, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Content!.WriteToAsync(body, cancellationToken);
        using var json = JsonDocument.Parse(body.ToArray());
        var sent = json.RootElement;
        var partitionKey = sent.GetProperty("PartitionKey").GetString()!;
        var rowKey = sent.GetProperty("RowKey").GetString()!;

        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        if (write.Kind == WriteKind.Merge)
        {
            var current = await new TableClient(connectionString, write.Table).GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
            if (current.HasValue)
            {
                foreach (var (name, value) in current.Value!)
                {
                    if (IsUserProperty(name))
                    {
                        sizes[name] = SizeOf(value);
                    }
                }
            }
        }

        foreach (var property in sent.EnumerateObject())
        {
            if (IsUserProperty(property.Name) && !property.Name.Contains('@', StringComparison.Ordinal))
            {
                sizes[property.Name] = SizeOf(property.Value, sent.TryGetProperty($"{property.Name}@odata.type", out var type) ? type.GetString() : null);
            }
        }

        var bytes = 4 + 2L * (partitionKey.Length + rowKey.Length) + sizes.Sum(p => 8 + 2L * p.Key.Length + p.Value);
        if (sizes.Count + SystemProperties > MaxProperties)
        {
            return new Refusal("TooManyProperties", "The entity contains more properties than allowed.", request.ClientRequestId);
        }

        return bytes > MaxEntityBytes
            ? new Refusal("EntityTooLarge", "The entity is larger than the maximum size permitted.", request.ClientRequestId)
            : null;
    }

    private static bool IsUserProperty(string name) =>
        name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag" or "odata.metadata");

    private static long SizeOf(object? value) => value switch
    {
        string s => 4 + 2L * s.Length,
        byte[] b => 4 + b.Length,
        BinaryData b => 4 + b.ToMemory().Length,
        bool => 1,
        int => 4,
        Guid => 16,
        _ => 8,   // long, double, DateTimeOffset
    };

    private static long SizeOf(JsonElement value, string? edmType) => (value.ValueKind, edmType) switch
    {
        (JsonValueKind.String, "Edm.Binary") => 4 + Convert.FromBase64String(value.GetString()!).Length,
        (JsonValueKind.String, "Edm.Guid") => 16,
        (JsonValueKind.String, "Edm.DateTime" or "Edm.Int64" or "Edm.Double") => 8,
        (JsonValueKind.String, _) => 4 + 2L * value.GetString()!.Length,
        (JsonValueKind.True or JsonValueKind.False, _) => 1,
        (JsonValueKind.Number, _) when value.TryGetInt32(out _) => 4,
        _ => 8,
    };

    /// <summary>Azure's answer to a write over a limit: 400 with the error code in the header and the OData body.</summary>
    private sealed class Refusal : Response
    {
        private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

        public Refusal(string code, string text, string clientRequestId)
        {
            _headers["x-ms-error-code"] = code;
            _headers["Content-Type"] = "application/json;odata=minimalmetadata;streaming=true;charset=utf-8";
            ClientRequestId = clientRequestId;
            // The service's OData error, and the same in Azure.Core's generic shape: a response made here does not get
            // the Tables client's error parser, so Azure.Core's default one reads it (and finds no code in OData alone).
            var body = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["odata.error"] = new { code, message = new { lang = "en-US", value = text } },
                ["error"] = new { code, message = text },
            });
            ContentStream = new MemoryStream(Encoding.UTF8.GetBytes(body));
        }

        public override int Status => 400;
        public override bool IsError => true;   // no transport classifies it: without this the SDK reads no error code
        public override string ReasonPhrase => "Bad Request";
        public override Stream? ContentStream { get; set; }
        public override string ClientRequestId { get; set; }

        public override void Dispose() => ContentStream?.Dispose();

        protected override bool ContainsHeader(string name) => _headers.ContainsKey(name);

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers.Select(h => new HttpHeader(h.Key, h.Value));

        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value) => _headers.TryGetValue(name, out value);

        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = _headers.TryGetValue(name, out var value) ? [value] : null;
            return values is not null;
        }
    }
}
