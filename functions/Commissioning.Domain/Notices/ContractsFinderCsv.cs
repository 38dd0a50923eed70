using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Commissioning.Domain.Notices;

/// <summary>
/// The Contracts Finder daily CSV export (design: notices.md §2–3): a header row of OCDS paths
/// (<c>releases/0/tender/value/amount</c>) and one release per row. Each row is unflattened back into a release —
/// <c>"1"</c> becomes true, an empty cell is absent (never false), amounts become numbers — and then read like any
/// other Contracts Finder release.
/// </summary>
internal static class ContractsFinderCsv
{
    private const string ReleasePrefix = "releases/0/";

    // Contracts Finder writes these flags as "1" or an empty cell.
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal)
    {
        "isSuitableForSme", "isSuitableForVco", "supplyChain", "hasEnquiries", "sme", "vco",
    };

    public static NoticeReadResult Read(ReadOnlyMemory<byte> body)
    {
        if (body.Length > NoticeLimits.MaxBodyBytes)
        {
            return NoticeReadResult.Failed(NoticeBody.Open(body).Problem!);
        }
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            return NoticeReadResult.Failed(new UnreadableNotice("not valid UTF-8 text; send the export as UTF-8"));
        }
        var text = Encoding.UTF8.GetString(body.Span).TrimStart('\uFEFF');
        var rows = new CsvRows(text);
        var cells = new List<string>(400);
        try
        {
            if (!rows.TryRead(cells))
            {
                return Unreadable("the CSV is empty; send the Contracts Finder export with its header row", 1, null);
            }
            var columns = cells.ConvertAll(Column.Parse);
            var ocidColumn = columns.FindIndex(c => c.Path == ReleasePrefix + "ocid");
            if (ocidColumn < 0)
            {
                return Unreadable("not a Contracts Finder export: the header row has no releases/0/ocid column", 1, null);
            }
            var grouping = new ProcessGrouping();
            string? licence = null, publisher = null;
            while (rows.TryRead(cells))
            {
                if (cells.TrueForAll(string.IsNullOrWhiteSpace))
                {
                    continue; // a blank line, usually the last
                }
                if (cells.Count != columns.Count)
                {
                    return Unreadable(string.Create(CultureInfo.InvariantCulture,
                        $"row {rows.Row} has {cells.Count} cells but the header has {columns.Count}"), rows.Row, Math.Min(cells.Count, columns.Count + 1));
                }
                if (string.IsNullOrWhiteSpace(cells[ocidColumn]))
                {
                    return Unreadable($"row {rows.Row.ToString(CultureInfo.InvariantCulture)}: every notice needs an ocid (releases/0/ocid)", rows.Row, ocidColumn + 1);
                }
                if (grouping.Count() is { } tooMany)
                {
                    return NoticeReadResult.Failed(tooMany);
                }
                licence ??= CellOf(columns, cells, "license");
                publisher ??= CellOf(columns, cells, "publisher/name");
                var release = Unflatten(columns, cells);
                var header = ReleaseHeader.Peek(release);
                var path = "row " + rows.Row.ToString(CultureInfo.InvariantCulture);
                if (grouping.AddRelease(cells[ocidColumn].Trim(), new ReleaseSlice(release, path, header.Id, header.Date)) is { } problem)
                {
                    return NoticeReadResult.Failed(problem);
                }
            }
            return new NoticeReadResult(new NoticeBatch
            {
                Container = NoticeContainer.ContractsFinderCsv,
                Releases = grouping.Releases,
                Processes = grouping.Build(fromCsv: true),
                Links = [],
                Licence = licence,
                Publisher = publisher,
            }, null);
        }
        catch (CsvFormatException ex)
        {
            return Unreadable($"row {ex.Row.ToString(CultureInfo.InvariantCulture)}, column {ex.Column.ToString(CultureInfo.InvariantCulture)}: {ex.Message}", ex.Row, ex.Column);
        }
    }

    private static string? CellOf(List<Column> columns, List<string> cells, string path)
    {
        var index = columns.FindIndex(c => c.Path == path);
        return index >= 0 && !string.IsNullOrWhiteSpace(cells[index]) ? cells[index].Trim() : null;
    }

    /// <summary>The release in one row, as JSON: the columns under <c>releases/0/</c> written back into objects and arrays.</summary>
    private static byte[] Unflatten(List<Column> columns, List<string> cells)
    {
        var root = new Node();
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var value = cells[i];
            if (column.ReleaseSegments is not { } segments || value.Length == 0)
            {
                continue;
            }
            var node = root;
            for (var s = 0; s < segments.Length - 1; s++)
            {
                node = node.Child(segments[s]);
            }
            node.Leaf(segments[^1], value);
        }
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            root.Write(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }

    private sealed record Column(string Path, string[]? ReleaseSegments)
    {
        public static Column Parse(string header)
        {
            var path = header.Trim();
            return new Column(path, path.StartsWith(ReleasePrefix, StringComparison.Ordinal) ? path[ReleasePrefix.Length..].Split('/') : null);
        }
    }

    /// <summary>An object or array being rebuilt from the columns; a segment of digits is an array index.</summary>
    private sealed class Node
    {
        private readonly List<(string Key, Node? Child, string? Value)> members = [];

        public Node Child(string key)
        {
            foreach (var (k, child, _) in members)
            {
                if (k == key && child is not null)
                {
                    return child;
                }
            }
            var created = new Node();
            members.Add((key, created, null));
            return created;
        }

        public void Leaf(string key, string value) => members.Add((key, null, value));

        private bool IsArray => members.Count > 0 && members.TrueForAll(m => IsIndex(m.Key));

        public void Write(Utf8JsonWriter writer)
        {
            if (IsArray)
            {
                writer.WriteStartArray();
                foreach (var (key, child, value) in members.OrderBy(m => int.Parse(m.Key, CultureInfo.InvariantCulture)))
                {
                    if (child is not null)
                    {
                        child.Write(writer);
                    }
                    else
                    {
                        WriteValue(writer, key, value!);
                    }
                }
                writer.WriteEndArray();
                return;
            }
            writer.WriteStartObject();
            foreach (var (key, child, value) in members)
            {
                writer.WritePropertyName(key);
                if (child is not null)
                {
                    child.Write(writer);
                }
                else
                {
                    WriteValue(writer, key, value!);
                }
            }
            writer.WriteEndObject();
        }

        private static void WriteValue(Utf8JsonWriter writer, string key, string value)
        {
            if (Flags.Contains(key))
            {
                switch (value.Trim())
                {
                    case "1" or "true" or "True":
                        writer.WriteBooleanValue(true);
                        return;
                    case "0" or "false" or "False":
                        writer.WriteBooleanValue(false);
                        return;
                }
            }
            if (key == "amount" && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
            {
                writer.WriteNumberValue(amount);
                return;
            }
            writer.WriteStringValue(value);
        }

        private static bool IsIndex(string key) => key.Length > 0 && key.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0;
    }

    private static NoticeReadResult Unreadable(string message, int? row, int? column) =>
        NoticeReadResult.Failed(new UnreadableNotice(message, null, row, column));
}
