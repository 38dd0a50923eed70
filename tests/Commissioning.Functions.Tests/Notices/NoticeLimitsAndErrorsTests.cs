using System.Text;

namespace Commissioning.Functions.Tests.Notices;

/// <summary>
/// What a notice body may be, and what the API answers when it is not: 413 saying the limit passed, 400 naming the
/// JSON path or the CSV row and column, 415 for another media type or coding, 422 with each process's reason.
/// </summary>
public sealed class NoticeLimitsAndErrorsTests(NoticeFixture fixture) : IClassFixture<NoticeFixture>
{
    private const string Council = "E10000017";
    private const int EightMiB = 8 * 1024 * 1024;

    private HttpClient Admin() => fixture.Api.Admin();

    private static string Releases(int count, int processes) =>
        "[" + string.Join(',', Enumerable.Range(0, count).Select(i => $$$"""{"ocid":"ocds-abc123-{{{i % processes}}}","id":"r{{{i}}}","date":"2025-03-01T00:00:00Z","tag":["tender"],"tender":{"title":"Lunch club {{{i}}}"}}""")) + "]";

    [Fact]
    public async Task ABodyOverEightMiBIsA413ThatSaysTheLimitAndToSendTheReleasePackageForARecordPackage()
    {
        using var admin = Admin();
        var padding = Encoding.UTF8.GetBytes("{\"releases\":[],\"padding\":\"" + new string('a', EightMiB) + "\"}");

        var sized = await ProblemAssert.IsProblem(await admin.PostAsync($"/api/notices/{Council}/score", NoticeFiles.Content(padding)), HttpStatusCode.RequestEntityTooLarge);
        var chunked = new StreamContent(new MemoryStream(padding));
        chunked.Headers.ContentType = new("application/json");
        var unsized = await ProblemAssert.IsProblem(await admin.PostAsync($"/api/notices/{Council}/score", chunked), HttpStatusCode.RequestEntityTooLarge);

        foreach (var problem in new[] { sized, unsized })
        {
            Assert.Contains("8,388,608 bytes", (string?)problem["detail"]);
            Assert.Contains("for a record package, whose records carry their whole version history (versionedRelease), send the release package", (string?)problem["detail"]);
        }

        // Compressed small, over the limit once gzip is undone: the domain sees it is a record package.
        var records = Encoding.UTF8.GetBytes("{\"records\":[{\"ocid\":\"ocds-h6vhtk-000001\",\"versionedRelease\":{\"padding\":\"" + new string('b', EightMiB) + "\"}}]}");
        var bomb = await ProblemAssert.IsProblem(
            await admin.PostAsync($"/api/notices/{Council}/score", NoticeFiles.Content(NoticeFiles.Gzip(records), gzipHeader: true)), HttpStatusCode.RequestEntityTooLarge);
        Assert.StartsWith("The body is larger once decompressed; the most accepted is 8,388,608 bytes (8 MiB, after gzip is undone).", (string?)bomb["detail"]);
        Assert.Contains("This looks like a record package", (string?)bomb["detail"]);
        Assert.Contains("Send the release package for the same notices instead.", (string?)bomb["detail"]);
        Assert.Equal(("body-bytes", EightMiB), ((string?)bomb["limit"], (int)bomb["allowed"]!));
    }

    [Fact]
    public async Task MoreThanAThousandReleasesOrTwoHundredProcessesIsA413NamingTheLimit()
    {
        using var admin = Admin();

        var releases = await ProblemAssert.IsProblem(await admin.PostAsync($"/api/notices/{Council}/score", NoticeFiles.Json(Releases(1001, 200))), HttpStatusCode.RequestEntityTooLarge);
        var processes = await ProblemAssert.IsProblem(await admin.PostAsync($"/api/notices/{Council}/score", NoticeFiles.Json(Releases(201, 201))), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(("releases", 1000), ((string?)releases["limit"], (int)releases["allowed"]!));
        Assert.StartsWith("The body holds more than 1,000 releases, records or rows; the most accepted in one request is 1,000.", (string?)releases["detail"]);
        Assert.Equal(("processes", 200), ((string?)processes["limit"], (int)processes["allowed"]!));
        Assert.StartsWith("The body holds more than 200 contracting processes (ocids); the most accepted in one request is 200.", (string?)processes["detail"]);
        // At the limits exactly, the body is read and scored.
        var atLimit = await NoticeFixture.Json(await admin.PostAsync($"/api/notices/{Council}/score", NoticeFiles.Json(Releases(1000, 200))));
        Assert.Equal((1000, 200), ((int)atLimit["received"]!["releases"]!, (int)atLimit["received"]!["processes"]!));
    }

    [Fact]
    public async Task ThePlanEndpointsKeepTheirOneMiBLimit()
    {
        using var admin = Admin();
        var plan = NoticeFiles.Json("{\"padding\":\"" + new string('p', 1024 * 1024) + "\"}");

        var problem = await ProblemAssert.IsProblem(await admin.PostAsync("/api/plans", plan), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("The request body is larger than the 1,048,576 bytes this address accepts.", (string?)problem["detail"]);
    }

    [Fact]
    public async Task JsonThatCannotBeReadIsA400NamingItsJsonPath()
    {
        using var admin = Admin();

        var noOcid = await ProblemAssert.IsProblem(
            await admin.PostAsync($"/api/notices/{Council}/score", NoticeFiles.Json("""{"releases":[{"ocid":"ocds-abc123-1","id":"1"},{"id":"2","tag":["tender"]}]}""")), HttpStatusCode.BadRequest);
        var broken = await ProblemAssert.IsProblem(
            await admin.PostAsync($"/api/notices/{Council}/score", NoticeFiles.Json("""{"releases":[{"ocid":"ocds-abc123-1","tender":{"title": }}]}""")), HttpStatusCode.BadRequest);
        var empty = await ProblemAssert.IsProblem(await admin.PostAsync($"/api/notices/{Council}/score", NoticeFiles.Json("")), HttpStatusCode.BadRequest);
        var notGzip = await ProblemAssert.IsProblem(
            await admin.PostAsync($"/api/notices/{Council}/score", NoticeFiles.Content(NoticeFiles.Bytes(NoticeFiles.Lancashire), gzipHeader: true)), HttpStatusCode.BadRequest);

        Assert.Equal(["every release needs an ocid (the id of its contracting process)"], ProblemAssert.Errors(noOcid, "$.releases[1].ocid"));
        Assert.Single(broken["errors"]!.AsObject(), e => e.Key.StartsWith("$.releases[0]", StringComparison.Ordinal));
        Assert.StartsWith("the body is empty.", ProblemAssert.Errors(empty, "$")[0]);
        Assert.StartsWith("says gzip, but the body is not gzip-compressed", ProblemAssert.Errors(notGzip, "header.Content-Encoding")[0]);
    }

    [Fact]
    public async Task ACsvThatCannotBeReadIsA400NamingItsRowAndColumnByHeader()
    {
        using var admin = Admin();
        const string Header = "releases/0/ocid,releases/0/id,releases/0/tender/title\r\n";

        var noOcid = await ProblemAssert.IsProblem(await admin.PostAsync($"/api/notices/{Council}/score",
            NoticeFiles.Content(Encoding.UTF8.GetBytes(Header + "ocds-b5fd17-aaa,1,Lunch clubs\r\n,2,Youth hubs\r\n"), "text/csv")), HttpStatusCode.BadRequest);
        var tooMany = await ProblemAssert.IsProblem(await admin.PostAsync($"/api/notices/{Council}/score",
            NoticeFiles.Content(Encoding.UTF8.GetBytes(Header + "ocds-b5fd17-aaa,1,Lunch clubs,surplus\r\n"), "text/csv; charset=utf-8")), HttpStatusCode.BadRequest);

        Assert.Equal(["row 3: every notice needs an ocid (releases/0/ocid)"], ProblemAssert.Errors(noOcid, "csv.row[3].column[releases/0/ocid]"));
        Assert.Equal(["row 2 has 4 cells but the header has 3"], ProblemAssert.Errors(tooMany, "csv.row[2].column[4]"));
    }

    [Fact]
    public async Task AnotherMediaTypeOrContentCodingIsA415()
    {
        using var admin = Admin();
        var brotli = NoticeFiles.Content(NoticeFiles.Bytes(NoticeFiles.Lancashire));
        brotli.Headers.ContentEncoding.Add("br");
        var none = new ByteArrayContent(NoticeFiles.Bytes(NoticeFiles.Lancashire));

        var text = await ProblemAssert.IsProblem(await admin.PostAsync($"/api/notices/{Council}/score", NoticeFiles.Content(NoticeFiles.Bytes(NoticeFiles.Lancashire), "text/plain")), HttpStatusCode.UnsupportedMediaType);
        var missing = await ProblemAssert.IsProblem(await admin.PostAsync($"/api/notices/{Council}/score", none), HttpStatusCode.UnsupportedMediaType);
        var coding = await ProblemAssert.IsProblem(await admin.PostAsync($"/api/notices/{Council}/score", brotli), HttpStatusCode.UnsupportedMediaType);
        var json = await admin.PostAsync($"/api/notices/{Council}/score", NoticeFiles.Content(NoticeFiles.Bytes(NoticeFiles.Lancashire), "application/vnd.ocds+json"));

        Assert.StartsWith("The body's Content-Type is text/plain. Send application/json", (string?)text["detail"]);
        Assert.StartsWith("The request has no Content-Type.", (string?)missing["detail"]);
        Assert.Equal("Content-Encoding br is not read. Send the body as it is, or gzip-compressed with Content-Encoding: gzip.", (string?)coding["detail"]);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
    }

    [Fact]
    public async Task ABodyWithNoTenderToScoreIsA422ListingEachProcessWithItsReason()
    {
        using var admin = Admin();
        var onlyUpdates = """[{"ocid":"ocds-abc123-9","id":"u1","date":"2025-03-01T00:00:00Z","tag":["tenderUpdate"]}]""";

        var contract = await ProblemAssert.IsProblem(await admin.PostAsync($"/api/notices/{Council}/score", NoticeFiles.Content(NoticeFiles.FtsContract)), (HttpStatusCode)422);
        var updates = await ProblemAssert.IsProblem(await admin.PostAsync($"/api/notices/{Council}/score", NoticeFiles.Json(onlyUpdates)), (HttpStatusCode)422);

        var reason = Assert.Single(contract["reasons"]!.AsArray())!;
        Assert.Equal(("ocds-h6vhtk-052a2e", "outcome-only"), ((string?)reason["ocid"], (string?)reason["status"]));
        Assert.StartsWith("Outcome only, not scored", (string?)reason["reason"]);
        Assert.Equal("Nothing in the body is a tender that can be scored: 1 process was read, and each is listed in reasons with why.", (string?)contract["detail"]);
        Assert.Equal("not-scored", (string?)updates["reasons"]![0]!["status"]);
        Assert.StartsWith("Only update releases are present", (string?)updates["reasons"]![0]!["reason"]);
    }

    [Fact]
    public async Task AnAddressThatIsNotACouncilOrAnOcidIsA400NamingIt()
    {
        using var admin = Admin();

        var council = await ProblemAssert.IsProblem(await admin.PostAsync("/api/notices/stevenage/score", NoticeFiles.Content(NoticeFiles.Lancashire)), HttpStatusCode.BadRequest);
        var ocid = await ProblemAssert.IsProblem(await admin.GetAsync($"/api/notices/{Council}/not.an_ocid"), HttpStatusCode.BadRequest);
        var version = await ProblemAssert.IsProblem(await admin.GetAsync($"/api/notices/{Council}/ocds-h6vhtk-06f17d?version=0"), HttpStatusCode.BadRequest);
        var format = await ProblemAssert.IsProblem(await admin.GetAsync($"/api/notices/{Council}/ocds-h6vhtk-06f17d/guidance?format=pdf"), HttpStatusCode.BadRequest);

        Assert.NotEmpty(ProblemAssert.Errors(council, "route.council"));
        Assert.StartsWith("must be an ocid", ProblemAssert.Errors(ocid, "route.ocid")[0]);
        Assert.NotEmpty(ProblemAssert.Errors(version, "query.version"));
        Assert.Equal(["must be html or md"], ProblemAssert.Errors(format, "query.format"));
    }
}
