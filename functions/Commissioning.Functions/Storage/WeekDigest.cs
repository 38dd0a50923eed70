using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;

namespace Commissioning.Functions.Storage;

/// <summary>
/// The digest of one council-week: rows <c>~digest-000</c>, <c>~digest-001</c>, … in the week's own
/// <c>PlansByWeek</c> partition, beside the plans' rows (a reference starts with a letter or digit, so it never
/// collides with a digest row and always sorts before one). Each row holds one property per plan version,
/// <c>P{sha1(reference)}_{version}</c> = the version's <see cref="WeeklyPlanEntry"/> as compact JSON. A summary reads a
/// week with point reads of these rows only, never a query (docs/decisions/0010-week-digest.md).
///
/// Writing is a merge of the entry's property with no ETag: concurrent submissions add different properties to the
/// same row and the service merges them, so none is lost and none has to retry; a retried submission merges the
/// same property again. A row that is full (Azure: 255 properties or 1 MiB; the service answers 400
/// <c>TooManyProperties</c> or <c>EntityTooLarge</c>) sends the write to the next row, so the rows in use are always
/// 000, 001, … with no gap. Readers keep each plan's highest version.
/// </summary>
internal sealed class WeekDigest(TableClient table)
{
    /// <summary>Digest rows start with this; every plan reference sorts before it.</summary>
    public const string RowPrefix = "~digest-";

    /// <summary>How many rows a council-week's digest may use (each holds about 250 plans).</summary>
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

    private const int RememberedWeeks = 512;
    private const int MaxConflicts = 3;

    private static readonly JsonSerializerOptions EntryJson = new(WeekDigestJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Per council-week partition, the first row this process has not seen refuse a write.</summary>
    private readonly ConcurrentDictionary<string, int> _firstOpenShard = new(StringComparer.Ordinal);

    public static string ShardRow(int shard) => $"{RowPrefix}{shard:D3}";

    /// <summary><c>P</c>, the lowercase hex SHA-1 of the reference, <c>_</c>, the version: a valid property name of fixed shape.</summary>
    public static string PropertyName(string reference, int version) =>
        $"P{Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(reference)))}_{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private static bool IsEntryProperty(string name) => name.Length > 42 && name[0] == 'P' && name[41] == '_';

    /// <summary>
    /// The week's plans, each at its highest version in the digest, ordered by reference. Reads shards two at a time
    /// and stops at the first that does not exist; a missing table or shard 000 is an empty week.
    /// </summary>
    public async Task<IReadOnlyList<WeeklyPlanEntry>> ReadAsync(string partition, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, WeeklyPlanEntry>(StringComparer.Ordinal);
        for (var shard = 0; shard < MaxShards; shard += 2)
        {
            var pair = await Task.WhenAll(ReadShardAsync(partition, shard, cancellationToken), ReadShardAsync(partition, shard + 1, cancellationToken));
            foreach (var row in pair)
            {
                if (row is null)
                {
                    return Ordered(latest);
                }

                Collect(row, latest);
            }
        }

        return Ordered(latest);
    }

    /// <summary>
    /// Merges the entries into the partition's digest: one request for a single entry, requests of at most
    /// <see cref="MaxEntriesPerMerge"/> entries (and <see cref="MaxCharsPerMerge"/> characters) for many.
    /// </summary>
    public async Task AddAsync(string partition, IEnumerable<WeeklyPlanEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var chunk in Chunks(entries.Select(e => (Name: PropertyName(e.Reference, e.Version), Value: Serialize(e)))))
        {
            await MergeAsync(partition, chunk, cancellationToken);
        }
    }

    public static string Serialize(WeeklyPlanEntry entry)
    {
        var json = JsonSerializer.Serialize(entry, EntryJson);
        if (json.Length > MaxEntryChars)
        {
            // Not reachable with schema-valid plans (title ≤ 200 characters, rubric-bounded alerts, three
            // recommendations, six principles: a few KB); said plainly rather than as the service's 400.
            throw new ArgumentException(
                $"The weekly index entry of plan '{entry.Reference}' version {entry.Version} is {json.Length:N0} characters of JSON; " +
                $"a table property holds at most {MaxEntryChars:N0}.", nameof(entry));
        }

        return json;
    }

    public static WeeklyPlanEntry Deserialize(string json) =>
        JsonSerializer.Deserialize<WeeklyPlanEntry>(json, EntryJson) ?? throw new JsonException("A week digest entry is empty.");

    private async Task<TableEntity?> ReadShardAsync(string partition, int shard, CancellationToken cancellationToken)
    {
        // 404 (no such row, or no table yet) is "no value" here, not an exception.
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, ShardRow(shard), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    private static void Collect(TableEntity row, Dictionary<string, WeeklyPlanEntry> latest)
    {
        foreach (var (name, value) in row)
        {
            if (!IsEntryProperty(name) || value is not string json)
            {
                continue;
            }

            var entry = Deserialize(json);
            if (!latest.TryGetValue(entry.Reference, out var known) || known.Version < entry.Version)
            {
                latest[entry.Reference] = entry;
            }
        }
    }

    private static List<WeeklyPlanEntry> Ordered(Dictionary<string, WeeklyPlanEntry> latest) =>
        [.. latest.Values.OrderBy(e => e.Reference, StringComparer.Ordinal)];

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
    /// Merges the properties into the first shard that takes them, starting at the one this process last wrote to.
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
                        $"The week digest of '{partition}' is full: rows {ShardRow(0)} to {ShardRow(MaxShards - 1)} all refused another plan.", ex);
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

        if (_firstOpenShard.Count >= RememberedWeeks)
        {
            _firstOpenShard.Clear();   // bounded; forgetting only costs a walk past full rows
        }

        _firstOpenShard.AddOrUpdate(partition, shard, (_, known) => Math.Max(known, shard));
    }
}

/// <summary>The digest's entry JSON: camelCase, enum words as in the contract, nulls left out, no indentation.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(WeeklyPlanEntry))]
internal sealed partial class WeekDigestJsonContext : JsonSerializerContext;
