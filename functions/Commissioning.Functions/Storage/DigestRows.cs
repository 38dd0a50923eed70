using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;

namespace Commissioning.Functions.Storage;

/// <summary>
/// The digest rows of one partition: <c>~digest-000</c>, <c>~digest-001</c>, … each holding one property per entry
/// (a name of fixed shape chosen by the index, its JSON as the value). They are read with point reads only, never a
/// query, so a reader's cost follows that partition's entries and not the table's (docs/decisions/0010-week-digest.md).
///
/// Writing is a merge of the entries' properties with no ETag: concurrent writers add different properties to the
/// same row and the service merges them, so none is lost and none has to retry; a retried write merges the same
/// property again. A row that is full (Azure: 255 properties or 1 MiB; the service answers 400
/// <c>TooManyProperties</c> or <c>EntityTooLarge</c>) sends the write to the next row, so the rows in use are always
/// 000, 001, … with no gap. The plans' week digest (<see cref="WeekDigest"/>) and the notices' (<see cref="NoticesByWeekTable"/>) use it.
/// </summary>
/// <param name="digest">What the digest is called in a message ("week digest").</param>
/// <param name="entry">What one entry is ("plan").</param>
internal sealed class DigestRows(TableClient table, string digest, string entry)
{
    /// <summary>Digest rows start with this; every plan reference and ocid sorts before it.</summary>
    public const string RowPrefix = "~digest-";

    /// <summary>How many rows a partition's digest may use (each holds about 250 entries).</summary>
    public const int MaxShards = 64;

    /// <summary>The most entries one merge request carries: well below Azure's 252 custom properties per entity.</summary>
    public const int MaxEntriesPerMerge = 200;

    /// <summary>
    /// The most characters (names and values) one merge request carries. The SDK may write a character as a six-byte
    /// JSON escape, so this keeps a request under the 1 MiB an entity (and Azurite's request check) allows, and a
    /// merge into an empty row always succeeds: that is what keeps the rows contiguous.
    /// </summary>
    public const int MaxCharsPerMerge = 150_000;

    /// <summary>A string property holds at most 64 KiB of UTF-16, i.e. 32K characters.</summary>
    public const int MaxEntryChars = 32 * 1024;

    private const int RememberedPartitions = 512;
    private const int MaxConflicts = 3;

    /// <summary>Per partition, the first row this process has not seen refuse a write.</summary>
    private readonly ConcurrentDictionary<string, int> _firstOpenShard = new(StringComparer.Ordinal);

    public static string ShardRow(int shard) => $"{RowPrefix}{shard:D3}";

    /// <summary>
    /// An entry's property name: <paramref name="kind"/>, the lowercase hex SHA-1 of its key (a plan reference or an
    /// ocid may hold characters a property name may not), <c>_</c>, the version: a valid name of fixed shape.
    /// </summary>
    public static string EntryName(char kind, string key, int version) =>
        $"{kind}{Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(key)))}_{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Whether a property of a digest row is an entry of <paramref name="kind"/> (not a key, timestamp or ETag).</summary>
    public static bool IsEntryName(char kind, string name) => name.Length > 42 && name[0] == kind && name[41] == '_';

    /// <summary>
    /// Every string property of the partition's digest rows. Reads rows two at a time and stops at the first that does
    /// not exist; a missing table or row 000 is an empty digest.
    /// </summary>
    public async Task<IReadOnlyList<(string Name, string Value)>> ReadAsync(string partition, CancellationToken cancellationToken)
    {
        var properties = new List<(string Name, string Value)>();
        for (var shard = 0; shard < MaxShards; shard += 2)
        {
            var pair = await Task.WhenAll(ReadShardAsync(partition, shard, cancellationToken), ReadShardAsync(partition, shard + 1, cancellationToken));
            foreach (var row in pair)
            {
                if (row is null)
                {
                    return properties;
                }

                properties.AddRange(row.Where(p => p.Value is string).Select(p => (p.Key, (string)p.Value)));
            }
        }

        return properties;
    }

    /// <summary>
    /// Merges the properties into the partition's digest: one request for a single property, requests of at most
    /// <see cref="MaxEntriesPerMerge"/> properties (and <see cref="MaxCharsPerMerge"/> characters) for many.
    /// </summary>
    public async Task AddAsync(string partition, IEnumerable<(string Name, string Value)> properties, CancellationToken cancellationToken)
    {
        foreach (var chunk in Chunks(properties))
        {
            await MergeAsync(partition, chunk, cancellationToken);
        }
    }

    private async Task<TableEntity?> ReadShardAsync(string partition, int shard, CancellationToken cancellationToken)
    {
        // 404 (no such row, or no table yet) is "no value" here, not an exception.
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, ShardRow(shard), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    private static IEnumerable<List<(string Name, string Value)>> Chunks(IEnumerable<(string Name, string Value)> properties)
    {
        var chunk = new List<(string Name, string Value)>();
        var chars = 0;
        foreach (var property in properties)
        {
            var size = property.Name.Length + property.Value.Length;
            if (chunk.Count == MaxEntriesPerMerge || (chunk.Count > 0 && chars + size > MaxCharsPerMerge))
            {
                yield return chunk;
                chunk = [];
                chars = 0;
            }

            chunk.Add(property);
            chars += size;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    /// <summary>
    /// Merges the properties into the first row that takes them, starting at the one this process last wrote to.
    /// No ETag: the service merges concurrent writes of different properties, and the same property twice is a no-op.
    /// </summary>
    private async Task MergeAsync(string partition, IReadOnlyList<(string Name, string Value)> properties, CancellationToken cancellationToken)
    {
        var shard = _firstOpenShard.GetValueOrDefault(partition);
        var conflicts = 0;
        while (true)
        {
            var row = new TableEntity(partition, ShardRow(shard));
            foreach (var (name, value) in properties)
            {
                row[name] = value;
            }

            try
            {
                await table.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
                Remember(partition, shard);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 400 && (ex.ErrorCode == TableErrorCode.TooManyProperties || ex.ErrorCode == TableErrorCode.EntityTooLarge))
            {
                if (++shard == MaxShards)
                {
                    throw new InvalidOperationException(
                        $"The {digest} of '{partition}' is full: rows {ShardRow(0)} to {ShardRow(MaxShards - 1)} all refused another {entry}.", ex);
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 409 && ++conflicts <= MaxConflicts)
            {
                // Two first writers of a new row: Azure merges them, but Azurite can answer one with "already
                // exists" between its existence check and its insert. The row exists now: merge again.
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // The table is gone (an emulator that restarted empty): what this process knew of full rows is void.
                _firstOpenShard.Clear();
                throw;
            }
        }
    }

    private void Remember(string partition, int shard)
    {
        if (shard == 0 && !_firstOpenShard.ContainsKey(partition))
        {
            return;   // the default: nothing worth remembering
        }

        if (_firstOpenShard.Count >= RememberedPartitions)
        {
            _firstOpenShard.Clear();   // bounded; forgetting only costs a walk past full rows
        }

        _firstOpenShard.AddOrUpdate(partition, shard, (_, known) => Math.Max(known, shard));
    }
}
