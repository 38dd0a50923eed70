using System.Globalization;
using System.Text.Json;

namespace Commissioning.Domain.Notices;

/// <summary>
/// Reads a notice body in one forward pass (design: notices.md §2–3): a bare release, an array of releases, a release
/// package, a record or a record package. Each release is kept as a slice of the body, never parsed into a document
/// here; a record's <c>versionedRelease</c> is skipped unread. Limits stop the read as soon as one is passed.
/// Nothing in the body is fetched: links are reported in <see cref="NoticeBatch.Links"/>.
/// </summary>
public static class NoticeReader
{
    public static NoticeReadResult ReadJson(ReadOnlyMemory<byte> body)
    {
        if (body.Span.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }
        if (body.Length > NoticeLimits.MaxBodyBytes)
        {
            return NoticeReadResult.Failed(NoticeBody.Open(body).Problem!);
        }
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            return NoticeReadResult.Failed(new UnreadableNotice(string.Create(CultureInfo.InvariantCulture,
                $"not valid UTF-8 text (at byte {PlanParser.FirstInvalidUtf8Byte(body.Span) + 1:N0}); send the notices as UTF-8")));
        }
        var scan = new JsonScan(body);
        try
        {
            return scan.Run();
        }
        catch (JsonException ex)
        {
            return NoticeReadResult.Failed(new UnreadableNotice(PlanParser.NotJsonMessage(ex), scan.Path));
        }
    }

    /// <summary>Reads the Contracts Finder CSV export: one row per release, columns named by OCDS path.</summary>
    public static NoticeReadResult ReadCsv(ReadOnlyMemory<byte> body) => ContractsFinderCsv.Read(body);

    /// <summary>The state of one pass over a JSON body: where it is (for error messages) and what it has found.</summary>
    private sealed class JsonScan(ReadOnlyMemory<byte> body)
    {
        private readonly List<(string Path, ReadOnlyMemory<byte> Json)> releases = [];
        private readonly List<RecordSlices> records = [];
        private readonly List<NoticeLink> links = [];
        private readonly ProcessGrouping grouping = new();
        private string? ocid;
        private bool recordMarkers;
        private (string Path, ReadOnlyMemory<byte> Json)? compiled;
        private string? licence;
        private string? publisher;

        public string Path { get; private set; } = "$";

        public NoticeReadResult Run()
        {
            var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { MaxDepth = NoticeLimits.MaxDepth });
            if (body.Span.Trim(" \t\r\n"u8).IsEmpty || !reader.Read())
            {
                return Unreadable("$", "the body is empty; send an OCDS release, release package, record or record package");
            }
            NoticeContainer container;
            NoticeProblem? problem;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray:
                    container = NoticeContainer.ReleaseList;
                    problem = ReadReleases(ref reader, "$");
                    break;
                case JsonTokenType.StartObject:
                    problem = ReadTopObject(ref reader);
                    container = records.Count > 0 || HasRecordsProperty ? NoticeContainer.RecordPackage
                        : ocid is not null && (recordMarkers || HasReleasesProperty) ? NoticeContainer.Record
                        : ocid is not null ? NoticeContainer.Release
                        : NoticeContainer.ReleasePackage;
                    if (problem is null && container == NoticeContainer.ReleasePackage && !HasReleasesProperty)
                    {
                        return Unreadable("$", "not an OCDS release, release package, record or record package: it has no ocid, releases or records");
                    }
                    break;
                default:
                    return Unreadable("$", "expected a JSON object (an OCDS release, record or package) or an array of releases");
            }
            if (problem is null)
            {
                Path = "$";
                reader.Read(); // throws when anything but whitespace follows the document
                problem = Group(container);
            }
            return problem is not null
                ? NoticeReadResult.Failed(problem)
                : new NoticeReadResult(new NoticeBatch
                {
                    Container = container,
                    Releases = grouping.Releases,
                    Processes = grouping.Build(fromCsv: false),
                    Links = links,
                    Licence = licence,
                    Publisher = publisher,
                }, null);
        }

        private bool HasRecordsProperty { get; set; }
        private bool HasReleasesProperty { get; set; }

        private NoticeProblem? ReadTopObject(ref Utf8JsonReader reader)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                Path = "$." + name;
                reader.Read();
                NoticeProblem? problem = null;
                switch (name)
                {
                    case "releases":
                        HasReleasesProperty = true;
                        problem = Expect(ref reader, JsonTokenType.StartArray, "must be an array of releases") ?? ReadReleases(ref reader, Path);
                        break;
                    case "records":
                        HasRecordsProperty = true;
                        problem = Expect(ref reader, JsonTokenType.StartArray, "must be an array of records") ?? ReadRecords(ref reader);
                        break;
                    case "links":
                        ReadLinks(ref reader);
                        break;
                    case "ocid":
                        ocid = StringOrSkip(ref reader);
                        break;
                    case "compiledRelease":
                        recordMarkers = true;
                        problem = Expect(ref reader, JsonTokenType.StartObject, "must be a release object");
                        if (problem is null)
                        {
                            compiled = (Path, Slice(ref reader));
                        }
                        break;
                    case "versionedRelease":
                        recordMarkers = true;
                        reader.Skip();
                        break;
                    case "license":
                        licence = StringOrSkip(ref reader);
                        break;
                    case "publisher":
                        publisher = ReadPublisherName(ref reader);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
                if (problem is not null)
                {
                    return problem;
                }
            }
            return null;
        }

        private NoticeProblem? ReadReleases(ref Utf8JsonReader reader, string arrayPath)
        {
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                Path = Indexed(arrayPath, index++);
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return new UnreadableNotice("a release must be a JSON object", Path);
                }
                releases.Add((Path, Slice(ref reader)));
                if (grouping.Count() is { } tooMany)
                {
                    return tooMany;
                }
            }
            return null;
        }

        private NoticeProblem? ReadRecords(ref Utf8JsonReader reader)
        {
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var recordPath = Indexed("$.records", index++);
                Path = recordPath;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return new UnreadableNotice("a record must be a JSON object", Path);
                }
                var record = new RecordSlices(recordPath);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    Path = recordPath + "." + name;
                    reader.Read();
                    switch (name)
                    {
                        case "ocid":
                            record.Ocid = StringOrSkip(ref reader);
                            break;
                        case "compiledRelease" when reader.TokenType == JsonTokenType.StartObject:
                            record.Compiled = (Path, Slice(ref reader));
                            break;
                        case "releases" when reader.TokenType == JsonTokenType.StartArray:
                            var releasesPath = Path;
                            var i = 0;
                            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                            {
                                Path = Indexed(releasesPath, i++);
                                if (reader.TokenType != JsonTokenType.StartObject)
                                {
                                    return new UnreadableNotice("a record's release must be a JSON object", Path);
                                }
                                record.Releases.Add((Path, Slice(ref reader)));
                            }
                            break;
                        default:
                            reader.Skip(); // versionedRelease above all: one FTS record with it was 21.6 MB
                            break;
                    }
                }
                records.Add(record);
                if (grouping.Count() is { } tooMany)
                {
                    return tooMany;
                }
            }
            return null;
        }

        private void ReadLinks(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                return;
            }
            var linksPath = Path;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var rel = reader.GetString()!;
                reader.Read();
                if (StringOrSkip(ref reader) is { } url)
                {
                    links.Add(new NoticeLink(linksPath + "." + rel, url,
                        rel == "next" ? "the next page of this package: not fetched; send it as its own request" : $"the package's '{rel}' link: not fetched"));
                }
            }
        }

        private NoticeProblem? Group(NoticeContainer container)
        {
            switch (container)
            {
                case NoticeContainer.Release:
                    releases.Add(("$", body));
                    grouping.Count();
                    break;
                case NoticeContainer.Record:
                    var record = new RecordSlices("$") { Ocid = ocid, Compiled = compiled };
                    foreach (var release in releases)
                    {
                        record.Releases.Add(release);
                    }
                    releases.Clear();
                    records.Add(record);
                    if (record.Releases.Count == 0)
                    {
                        grouping.Count(); // a record of its compiled release alone still counts once
                    }
                    break;
            }
            foreach (var (path, json) in releases)
            {
                var header = ReleaseHeader.Peek(json.Span);
                if (header.Ocid is null)
                {
                    return new UnreadableNotice("every release needs an ocid (the id of its contracting process)", path + ".ocid");
                }
                if (grouping.AddRelease(header.Ocid, new ReleaseSlice(json, path, header.Id, header.Date)) is { } problem)
                {
                    return problem;
                }
            }
            foreach (var record in records)
            {
                if (AddRecord(record) is { } problem)
                {
                    return problem;
                }
            }
            return null;
        }

        private NoticeProblem? AddRecord(RecordSlices record)
        {
            ReleaseSlice? compiledSlice = null;
            var recordOcid = record.Ocid;
            if (record.Compiled is var (compiledPath, compiledJson))
            {
                var header = ReleaseHeader.Peek(compiledJson.Span);
                recordOcid ??= header.Ocid;
                compiledSlice = new ReleaseSlice(compiledJson, compiledPath, header.Id, header.Date);
            }
            var embedded = new List<ReleaseSlice>();
            var linked = new List<NoticeLink>();
            foreach (var (path, json) in record.Releases)
            {
                var header = ReleaseHeader.Peek(json.Span);
                if (header.Ocid is null && header.Url is { } url)
                {
                    linked.Add(new NoticeLink(path + ".url", url, "a release given only as a link: not fetched; send the release package instead"));
                    continue;
                }
                recordOcid ??= header.Ocid;
                embedded.Add(new ReleaseSlice(json, path, header.Id, header.Date));
            }
            links.AddRange(linked);
            if (recordOcid is null)
            {
                return new UnreadableNotice("every record needs an ocid (the id of its contracting process)", record.Path + ".ocid");
            }
            return grouping.AddRecord(recordOcid, compiledSlice, embedded, linked);
        }

        private ReadOnlyMemory<byte> Slice(ref Utf8JsonReader reader)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            return body[start..(int)reader.BytesConsumed];
        }

        private UnreadableNotice? Expect(ref Utf8JsonReader reader, JsonTokenType type, string message)
        {
            if (reader.TokenType == type)
            {
                return null;
            }
            return new UnreadableNotice(message, Path);
        }

        private static string? StringOrSkip(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                var text = reader.GetString();
                return string.IsNullOrWhiteSpace(text) ? null : text;
            }
            reader.Skip();
            return null;
        }

        private static string? ReadPublisherName(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                return null;
            }
            string? name = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isName = reader.ValueTextEquals("name"u8);
                reader.Read();
                if (isName)
                {
                    name = StringOrSkip(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
            return name;
        }

        private static string Indexed(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

        private static NoticeReadResult Unreadable(string path, string message) => NoticeReadResult.Failed(new UnreadableNotice(message, path));
    }

    private sealed class RecordSlices(string path)
    {
        public string Path => path;
        public string? Ocid { get; set; }
        public (string Path, ReadOnlyMemory<byte> Json)? Compiled { get; set; }
        public List<(string Path, ReadOnlyMemory<byte> Json)> Releases { get; } = [];
    }
}
