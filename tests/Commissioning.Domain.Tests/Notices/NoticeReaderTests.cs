using System.IO.Compression;
using System.Text;
using Commissioning.Domain.Notices;
using static Commissioning.Domain.Tests.Notices.NoticeSamples;

namespace Commissioning.Domain.Tests.Notices;

/// <summary>The shapes a body can take, the limits and the typed errors of a body that cannot be read.</summary>
public class NoticeReaderTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Minimal(string ocid, string id = "1", string tag = "tender") =>
        $$$"""{"ocid": "{{{ocid}}}", "id": "{{{id}}}", "date": "2026-06-02T09:00:00Z", "tag": ["{{{tag}}}"], "tender": {"title": "Advice"}}""";

    [Fact]
    public void ABareReleaseAListOfReleasesAPackageARecordAndARecordPackageAreEachRecognised()
    {
        var release = Minimal("ocds-h6vhtk-000010");
        Assert.Equal(NoticeContainer.Release, NoticeReader.ReadJson(Utf8(release)).Batch!.Container);
        Assert.Equal(NoticeContainer.ReleaseList, NoticeReader.ReadJson(Utf8($"[{release}]")).Batch!.Container);
        Assert.Equal(NoticeContainer.ReleasePackage, NoticeReader.ReadJson(Utf8($$"""{"uri": "x", "releases": [{{release}}]}""")).Batch!.Container);
        Assert.Equal(NoticeContainer.Record, NoticeReader.ReadJson(Utf8($$"""{"ocid": "ocds-h6vhtk-000010", "compiledRelease": {{release}}}""")).Batch!.Container);
        var package = NoticeReader.ReadJson(Utf8($$$"""{"records": [{"ocid": "ocds-h6vhtk-000010", "compiledRelease": {{{release}}}, "versionedRelease": {"ocid": [{"value": "x"}]}}]}""")).Batch!;
        Assert.Equal(NoticeContainer.RecordPackage, package.Container);
        Assert.Equal(NoticeProcessStatus.Scored, Assess(package).Single().Status);
        Assert.Contains(Map(package).Provenance.Notes, n => n.Contains("versionedRelease (if any) was not read", StringComparison.Ordinal));
        Assert.Equal(NoticeContainer.ContractsFinderCsv, Batch(Csv).Container);
    }

    [Fact]
    public void LinksInTheBodyAreReportedAndNeverFollowed()
    {
        var next = Batch(ContractsFinder2025).Links.Single();
        Assert.Equal("$.links.next", next.Path);
        Assert.StartsWith("https://www.contractsfinder.service.gov.uk/Published/Notices/OCDS/Search?", next.Url, StringComparison.Ordinal);

        var record = NoticeReader.ReadJson(Utf8("""{"records": [{"ocid": "ocds-h6vhtk-000011", "releases": [{"url": "https://example.org/r/1.json", "date": "2026-06-02T09:00:00Z", "tag": ["tender"]}]}]}""")).Batch!;
        Assert.Equal("https://example.org/r/1.json", record.Links.Single().Url);
        var result = Assess(record).Single();
        Assert.Equal(NoticeProcessStatus.NotScored, result.Status);
        Assert.Equal("Its releases are given only as links, and links are never fetched. Send the release package (or the record with its compiledRelease) instead.", result.Reason);
    }

    [Fact]
    public void ABodyOverEightMebibytesIsRefusedWithTheLimit()
    {
        var body = new byte[NoticeLimits.MaxBodyBytes + 1];
        var problem = Assert.IsType<NoticeLimitExceeded>(NoticeReader.ReadJson(body).Problem);
        Assert.Equal(NoticeLimit.BodyBytes, problem.Limit);
        Assert.Equal(8_388_608, problem.Allowed);
        Assert.Equal("the body is 8,388,609 bytes; the most accepted is 8,388,608 bytes (8 MiB, after gzip is undone)", problem.Message);
    }

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }
        return output.ToArray();
    }

    [Fact]
    public void GzipIsUndoneByItsMagicBytesAndCappedSoASmallBodyCannotExpandPastTheLimit()
    {
        var package = Bytes(FtsTender);
        var opened = NoticeBody.Open(Gzip(package));
        Assert.True(opened.WasGzip);
        Assert.Equal(package, opened.Bytes.ToArray());
        Assert.Equal(package, NoticeBody.Open(package).Bytes.ToArray());

        var bomb = Gzip(Encoding.UTF8.GetBytes("{\"releases\": [" + new string(' ', NoticeLimits.MaxBodyBytes) + "]}"));
        Assert.True(bomb.Length < 100_000);
        var problem = Assert.IsType<NoticeLimitExceeded>(NoticeBody.Open(bomb).Problem);
        Assert.Equal("the body is larger once decompressed; the most accepted is 8,388,608 bytes (8 MiB, after gzip is undone)", problem.Message);
        Assert.Equal("Send fewer releases at a time (one page of the portal's API).", problem.Advice);

        Assert.IsType<UnreadableNotice>(NoticeBody.Open(new byte[] { 0x1f, 0x8b, 1, 2, 3 }).Problem);
    }

    [Fact]
    public void ARecordPackageOverTheLimitIsToldToSendTheReleasePackage()
    {
        var body = Encoding.UTF8.GetBytes("{\"version\": \"1.1\", \"records\": [{\"ocid\": \"ocds-h6vhtk-1\", \"versionedRelease\": \"" + new string('x', NoticeLimits.MaxBodyBytes) + "\"}]}");
        foreach (var problem in new[] { NoticeReader.ReadJson(body).Problem, NoticeBody.Open(Gzip(body)).Problem })
        {
            var limit = Assert.IsType<NoticeLimitExceeded>(problem);
            Assert.Equal("This looks like a record package; records with their version history (versionedRelease) grow large. Send the release package for the same notices instead.", limit.Advice);
        }
    }

    [Fact]
    public void MoreThanAThousandReleasesIsRefusedWithTheLimit()
    {
        var releases = string.Join(",", Enumerable.Range(0, 1_001).Select(i => Minimal($"ocds-h6vhtk-{i % 10:000000}", i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var problem = Assert.IsType<NoticeLimitExceeded>(NoticeReader.ReadJson(Utf8($$"""{"releases": [{{releases}}]}""")).Problem);
        Assert.Equal(NoticeLimit.Releases, problem.Limit);
        Assert.Equal(1_000, problem.Allowed);
        Assert.StartsWith("the body holds more than 1,000 releases, records or rows", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreThanTwoHundredProcessesIsRefusedWithTheLimit()
    {
        var releases = string.Join(",", Enumerable.Range(0, 201).Select(i => Minimal($"ocds-h6vhtk-{i:000000}")));
        var problem = Assert.IsType<NoticeLimitExceeded>(NoticeReader.ReadJson(Utf8($$"""{"releases": [{{releases}}]}""")).Problem);
        Assert.Equal(NoticeLimit.Processes, problem.Limit);
        Assert.Equal(200, problem.Allowed);
    }

    [Fact]
    public void MoreThanAHundredReleasesOfOneProcessIsRefusedWithTheLimit()
    {
        var releases = string.Join(",", Enumerable.Range(0, 101).Select(i => Minimal("ocds-h6vhtk-000001", i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var problem = Assert.IsType<NoticeLimitExceeded>(NoticeReader.ReadJson(Utf8($$"""{"releases": [{{releases}}]}""")).Problem);
        Assert.Equal(NoticeLimit.ReleasesPerProcess, problem.Limit);
        Assert.Equal("process ocds-h6vhtk-000001 has more than 100 releases; the most accepted for one process is 100", problem.Message);
    }

    [Fact]
    public void MoreThanAThousandCsvRowsIsRefusedWithTheLimit()
    {
        var csv = new StringBuilder("releases/0/ocid,releases/0/tender/title\r\n");
        for (var i = 0; i < 1_001; i++)
        {
            csv.Append("ocds-b5fd17-").Append(i % 11).Append(",Advice\r\n");
        }
        Assert.Equal(NoticeLimit.Releases, Assert.IsType<NoticeLimitExceeded>(NoticeReader.ReadCsv(Utf8(csv.ToString())).Problem).Limit);
    }

    [Fact]
    public void BrokenJsonNamesTheReleaseItIsIn()
    {
        var body = Utf8($$$"""{"releases": [{{{Minimal("ocds-h6vhtk-1")}}}, {{{Minimal("ocds-h6vhtk-2")}}}, {"ocid": "ocds-h6vhtk-3", "tender": {"title": "x",}}]}""");
        var problem = Assert.IsType<UnreadableNotice>(NoticeReader.ReadJson(body).Problem);
        Assert.Equal("$.releases[2]", problem.Path);
        Assert.StartsWith("not valid JSON (line 1, position ", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"releases": [{"ocid": "ocds-h6vhtk-1"}, "a release"]}""", "$.releases[1]", "a release must be a JSON object")]
    [InlineData("""{"releases": [{"ocid": "ocds-h6vhtk-1"}, {"id": "2"}]}""", "$.releases[1].ocid", "every release needs an ocid (the id of its contracting process)")]
    [InlineData("""{"releases": {"ocid": "ocds-h6vhtk-1"}}""", "$.releases", "must be an array of releases")]
    [InlineData("""{"title": "not OCDS"}""", "$", "not an OCDS release, release package, record or record package: it has no ocid, releases or records")]
    [InlineData("""42""", "$", "expected a JSON object (an OCDS release, record or package) or an array of releases")]
    [InlineData("", "$", "the body is empty; send an OCDS release, release package, record or record package")]
    public void UnreadableJsonNamesThePathAndWhatIsWrong(string body, string path, string message)
    {
        var problem = Assert.IsType<UnreadableNotice>(NoticeReader.ReadJson(Utf8(body)).Problem);
        Assert.Equal(path, problem.Path);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void TextThatIsNotUtf8IsRefusedWithItsBytePosition()
    {
        var problem = Assert.IsType<UnreadableNotice>(NoticeReader.ReadJson(new byte[] { (byte)'{', (byte)'"', 0xff, (byte)'"', (byte)'}' }).Problem);
        Assert.Equal("not valid UTF-8 text (at byte 3); send the notices as UTF-8", problem.Message);
    }

    [Fact]
    public void QuotedCsvCellsMayHoldCommasQuotesAndLineBreaks()
    {
        var csv = "releases/0/ocid,releases/0/tag/0,releases/0/tender/title,releases/0/tender/description\r\n" +
                  "ocds-b5fd17-1,tender,\"Advice, \"\"first tier\"\"\",\"Line one\r\nLine two\"\r\n";
        var notice = Map(NoticeReader.ReadCsv(Utf8(csv)).Batch!);
        Assert.Equal("Advice, \"first tier\"", notice.Plan.Title);
        Assert.Equal("Line one\r\nLine two", notice.Plan.Service!.Description);
    }

    [Theory]
    [InlineData("releases/0/ocid,releases/0/tender/title\r\nocds-b5fd17-1,\"never closed\r\n", 2, 2, "row 2, column 2: a quoted cell is never closed")]
    [InlineData("releases/0/ocid,releases/0/tender/title\r\nocds-b5fd17-1,\"closed\"late\r\n", 2, 2, "row 2, column 2: text follows the closing quote of a quoted cell")]
    [InlineData("releases/0/ocid,releases/0/tender/title\r\nocds-b5fd17-1,a,b\r\n", 2, 3, "row 2 has 3 cells but the header has 2")]
    [InlineData("releases/0/ocid,releases/0/tender/title\r\n,Advice\r\n", 2, 1, "row 2: every notice needs an ocid (releases/0/ocid)")]
    [InlineData("uri,releases/0/tender/title\r\nx,Advice\r\n", 1, null, "not a Contracts Finder export: the header row has no releases/0/ocid column")]
    public void UnreadableCsvNamesTheRowAndColumn(string csv, int row, int? column, string message)
    {
        var problem = Assert.IsType<UnreadableNotice>(NoticeReader.ReadCsv(Utf8(csv)).Problem);
        Assert.Equal(row, problem.Row);
        Assert.Equal(column, problem.Column);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void ReleasesOfOneProcessAreOrderedByDateWhateverTheirOrderInTheBody()
    {
        var later = JsonNode.Parse(Minimal("ocds-h6vhtk-000012", "later"))!.AsObject();
        later["date"] = "2026-07-01T09:00:00+01:00";
        later["tender"]!["title"] = "Advice (amended)";
        var earlier = JsonNode.Parse(Minimal("ocds-h6vhtk-000012", "earlier"))!.AsObject();
        var notice = Map(BatchOf(later, earlier));
        Assert.Equal(["earlier", "later"], notice.Source.ReleaseIds);
        Assert.Equal("Advice (amended)", notice.Plan.Title);
    }
}
