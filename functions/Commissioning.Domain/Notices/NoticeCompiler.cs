using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Commissioning.Domain.Notices;

/// <summary>
/// Compiles one contracting process into a single release (design: notices.md §3): a record's compiledRelease as it
/// stands; otherwise its releases, oldest first, merged by the OCDS rules so FTS delta releases are never read alone.
/// </summary>
public static class NoticeCompiler
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = NoticeLimits.MaxDepth };
    private static readonly HashSet<string> NoticeDocumentTypes = new(StringComparer.Ordinal)
    {
        "tenderNotice", "contractNotice", "marketEngagementNotice", "plannedProcurementNotice", "awardNotice", "contractAwardNotice",
    };

    public static CompiledNotice Compile(NoticeProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var notes = new List<string>(2);
        var tags = new List<string>(2);
        JsonDocument document;
        if (process.CompiledRelease is { } compiled)
        {
            document = JsonDocument.Parse(compiled.Json, DocumentOptions);
            foreach (var release in process.Releases)
            {
                using var embedded = JsonDocument.Parse(release.Json, DocumentOptions);
                AddTags(tags, embedded.RootElement);
            }
            AddTags(tags, document.RootElement);
            notes.Add("Read from the record's compiledRelease; its versionedRelease (if any) was not read.");
        }
        else if (process.Releases.Count == 1)
        {
            document = JsonDocument.Parse(process.Releases[0].Json, DocumentOptions);
            AddTags(tags, document.RootElement);
        }
        else if (process.Releases.Count == 0)
        {
            document = JsonDocument.Parse("{}"u8.ToArray(), DocumentOptions);
        }
        else
        {
            document = Merge(process, tags);
            notes.Add($"Compiled from {process.Releases.Count} releases, oldest first: later values replace earlier ones, lots, documents and parties merge by id.");
        }
        var notices = FindNotices(document.RootElement);
        return new CompiledNotice(document, process, ReleaseIds(process, notices, notes), tags, notices, notes);
    }

    private static JsonDocument Merge(NoticeProcess process, List<string> tags)
    {
        var portal = Ocids.PortalOf(process.Ocid);
        var replaceParties = portal is NoticePortal.PublicContractsScotland or NoticePortal.Sell2Wales;
        JsonObject? merged = null;
        foreach (var release in process.Releases)
        {
            if (JsonNode.Parse(release.Json.Span, null, DocumentOptions) is not JsonObject next)
            {
                continue;
            }
            if (next["tag"] is JsonArray tagArray)
            {
                foreach (var tag in tagArray)
                {
                    if (tag is JsonValue value && value.TryGetValue<string>(out var text) && !tags.Contains(text))
                    {
                        tags.Add(text);
                    }
                }
            }
            if (merged is null)
            {
                merged = next;
            }
            else
            {
                ReleaseMerge.Into(merged, next, replaceParties);
            }
        }
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            (merged ?? []).WriteTo(writer);
        }
        return JsonDocument.Parse(buffer.WrittenMemory.ToArray(), DocumentOptions);
    }

    private static void AddTags(List<string> tags, JsonElement release)
    {
        foreach (var tag in release.Strings("tag"))
        {
            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }
    }

    /// <summary>Documents that are notices: FTS marks the notice with noticeType; other portals by documentType.</summary>
    private static List<NoticeDocument> FindNotices(JsonElement release)
    {
        var found = new List<NoticeDocument>(2);
        if (release.Object("planning") is { } planning)
        {
            AddNotices(found, planning, "$.planning.documents");
        }
        if (release.Object("tender") is { } tender)
        {
            AddNotices(found, tender, "$.tender.documents");
        }
        foreach (var (section, path) in (ReadOnlySpan<(string, string)>)[("awards", "$.awards"), ("contracts", "$.contracts")])
        {
            var i = 0;
            foreach (var item in release.Items(section))
            {
                AddNotices(found, item, OcdsJson.Index(path, i++) + ".documents");
            }
        }
        return found;
    }

    private static void AddNotices(List<NoticeDocument> found, JsonElement holder, string path)
    {
        var i = 0;
        foreach (var document in holder.Items("documents"))
        {
            var noticeType = document.Text("noticeType");
            var documentType = document.Text("documentType");
            if (noticeType is not null || (documentType is not null && NoticeDocumentTypes.Contains(documentType)))
            {
                found.Add(new NoticeDocument(OcdsJson.Index(path, i), document.Text("id"), noticeType, documentType, document.Text("datePublished"), document.Text("url")));
            }
            i++;
        }
    }

    /// <summary>
    /// Each release's id; where one has none (Public Contracts Scotland never sends it; some FTS releases), the id of
    /// the notice document (FTS: the notice number), else the ocid and date, and a note says so.
    /// </summary>
    private static List<string> ReleaseIds(NoticeProcess process, List<NoticeDocument> notices, List<string> notes)
    {
        var ids = new List<string>(process.Releases.Count + 1);
        IEnumerable<ReleaseSlice> releases = process.Releases.Count > 0 ? process.Releases
            : process.CompiledRelease is { } compiled ? [compiled] : [];
        var unused = notices.Where(n => n.NoticeType is not null && n.Id is not null).Select(n => n.Id!).ToList();
        foreach (var release in releases)
        {
            if (release.Id is { } id)
            {
                ids.Add(id);
                unused.Remove(id);
                continue;
            }
            string derived;
            if (unused.Count > 0)
            {
                derived = unused[0];
                unused.RemoveAt(0);
                notes.Add($"The release at {release.Path} has no id; the id of its notice document ({derived}) is used.");
            }
            else
            {
                derived = process.Ocid + "/" + (release.Date ?? "undated");
                notes.Add($"The release at {release.Path} has no id (required by OCDS); \"{derived}\" (ocid and date) is used.");
            }
            ids.Add(derived);
        }
        return ids;
    }
}
