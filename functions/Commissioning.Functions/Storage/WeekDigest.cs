using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;

namespace Commissioning.Functions.Storage;

/// <summary>
/// The digest of one council-week: rows <c>~digest-000</c>, <c>~digest-001</c>, … in the week's own
/// <c>PlansByWeek</c> partition, beside the plans' rows (a reference starts with a letter or digit, so it never
/// collides with a digest row and always sorts before one). Each row holds one property per plan version,
/// <c>P{sha1(reference)}_{version}</c> = the version's <see cref="WeeklyPlanEntry"/> as compact JSON. A summary reads a
/// week with point reads of these rows only, never a query (docs/decisions/0010-week-digest.md); how the rows are
/// read, merged and filled one after another is <see cref="DigestRows"/>. Readers keep each plan's highest version.
/// </summary>
internal sealed class WeekDigest(TableClient table)
{
    /// <summary>Digest rows start with this; every plan reference sorts before it.</summary>
    public const string RowPrefix = DigestRows.RowPrefix;

    /// <summary>How many rows a council-week's digest may use (each holds about 250 plans).</summary>
    public const int MaxShards = DigestRows.MaxShards;

    /// <summary>The most entries one merge request carries: well below Azure's 252 custom properties per entity.</summary>
    public const int MaxEntriesPerMerge = DigestRows.MaxEntriesPerMerge;

    /// <summary>The most characters (names and values) one merge request carries (see <see cref="DigestRows.MaxCharsPerMerge"/>).</summary>
    public const int MaxCharsPerMerge = DigestRows.MaxCharsPerMerge;

    /// <summary>A string property holds at most 64 KiB of UTF-16, i.e. 32K characters.</summary>
    public const int MaxEntryChars = DigestRows.MaxEntryChars;

    /// <summary>How digest entries are written, the plans' and the notices' (<see cref="NoticesByWeekTable"/>) alike.</summary>
    internal static readonly JsonSerializerOptions EntryJson = new(WeekDigestJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly DigestRows _rows = new(table, "week digest", "plan");

    public static string ShardRow(int shard) => DigestRows.ShardRow(shard);

    /// <summary><c>P</c>, the lowercase hex SHA-1 of the reference, <c>_</c>, the version: a valid property name of fixed shape.</summary>
    public static string PropertyName(string reference, int version) => DigestRows.EntryName('P', reference, version);

    /// <summary>The week's plans, each at its highest version in the digest, ordered by reference.</summary>
    public async Task<IReadOnlyList<WeeklyPlanEntry>> ReadAsync(string partition, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, WeeklyPlanEntry>(StringComparer.Ordinal);
        foreach (var (name, json) in await _rows.ReadAsync(partition, cancellationToken))
        {
            if (!DigestRows.IsEntryName('P', name))
            {
                continue;
            }

            var entry = Deserialize(json);
            if (!latest.TryGetValue(entry.Reference, out var known) || known.Version < entry.Version)
            {
                latest[entry.Reference] = entry;
            }
        }

        return [.. latest.Values.OrderBy(e => e.Reference, StringComparer.Ordinal)];
    }

    /// <summary>Merges the entries into the partition's digest (see <see cref="DigestRows.AddAsync"/>).</summary>
    public Task AddAsync(string partition, IEnumerable<WeeklyPlanEntry> entries, CancellationToken cancellationToken) =>
        _rows.AddAsync(partition, entries.Select(e => (PropertyName(e.Reference, e.Version), Serialize(e))), cancellationToken);

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
}

/// <summary>The digests' entry JSON: camelCase, enum words as in the contract, nulls left out, no indentation.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(WeeklyPlanEntry))]
[JsonSerializable(typeof(WeeklyNoticeEntry))]
internal sealed partial class WeekDigestJsonContext : JsonSerializerContext;
