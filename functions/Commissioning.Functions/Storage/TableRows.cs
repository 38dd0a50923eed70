using System.IO.Compression;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace Commissioning.Functions.Storage;

/// <summary>How the stores write what one row holds beyond plain columns: a large JSON value, and a row that only moves forward.</summary>
public static class TableRows
{
    private const int ChunkBytes = 60_000;
    private const int MaxAttempts = 40;

    /// <summary>
    /// Writes <paramref name="value"/> as gzip-compressed JSON across binary properties <c>{name}0</c>, <c>{name}1</c>, …
    /// (a binary property holds at most 64 KiB) with their count in <c>{name}Chunks</c>.
    /// </summary>
    public static void WriteCompressed<T>(TableEntity row, string name, T value, JsonSerializerOptions options)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, value, options);
        }

        var chunks = buffer.ToArray().Chunk(ChunkBytes).ToList();
        row[name + "Chunks"] = chunks.Count;
        for (var i = 0; i < chunks.Count; i++)
        {
            row[$"{name}{i}"] = chunks[i];
        }
    }

    /// <summary>Reads back what <see cref="WriteCompressed{T}"/> wrote.</summary>
    public static T ReadCompressed<T>(TableEntity row, string name, JsonSerializerOptions options)
    {
        var chunks = row.GetInt32(name + "Chunks") ?? 0;
        using var compressed = new MemoryStream();
        for (var i = 0; i < chunks; i++)
        {
            compressed.Write(row.GetBinary($"{name}{i}"));
        }

        compressed.Position = 0;
        using var json = new GZipStream(compressed, CompressionMode.Decompress);
        return JsonSerializer.Deserialize<T>(json, options) ?? throw new InvalidOperationException($"A stored {name} is empty.");
    }

    /// <summary>
    /// Adds <paramref name="row"/>, or replaces the row there (guarded by its ETag) unless that one's <c>Version</c> is
    /// already <paramref name="version"/> or later: concurrent and late writers never move a row back.
    /// </summary>
    public static async Task ReplaceUnlessNewerAsync(TableClient table, TableEntity row, int version, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            try
            {
                await table.AddEntityAsync(row, ct);   // the usual case: the first version of this row
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // already there: replace it only with a later version
            }

            var existing = await table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, ["Version"], ct);
            if (!existing.HasValue)
            {
                continue;
            }

            if (existing.Value!.GetInt32("Version") >= version)
            {
                return;
            }

            try
            {
                await table.UpdateEntityAsync(row, existing.Value.ETag, TableUpdateMode.Replace, ct);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                // raced with another writer of the same row: go round
            }
        }
    }
}
