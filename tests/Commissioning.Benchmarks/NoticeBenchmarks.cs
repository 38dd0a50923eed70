using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Commissioning.Domain.Councils;
using Commissioning.Domain.Notices;
using RubricVersions = Commissioning.Domain.Rubrics.Rubrics;

namespace Commissioning.Benchmarks;

/// <summary>
/// Reading, compiling, mapping and scoring published notices, from the bytes of a body to every result. Built in
/// memory from the two real Find a Tender releases in samples/notices/fts (a UK4 tender notice with five lots and a
/// UK7 contract details notice), each copy with its own ocid, notice number, dates and values:
/// - a Find a Tender page of 100 releases: 100 processes, two in three tender notices, the rest outcome only;
/// - a package of 1,000 releases: the 200 processes the limit allows, each a tender notice, three delta updates to its
///   lots (merged by the OCDS rules) and its contract details notice.
/// Target: at least 5,000 releases a second, and memory per release that does not grow with the package (compare the
/// allocated bytes per release of the two; results are yielded one process at a time and each document is released).
/// On shared cores the minimum and median say more than the mean.
/// Run: dotnet run -c Release --project tests/Commissioning.Benchmarks -- --filter '*NoticeBenchmarks*' --job short
/// The heap retained while the same bodies are scored: ... -- --notice-heap (NoticeHeapTrace).
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
public class NoticeBenchmarks
{
    private static readonly DateOnly Today = new(2026, 10, 1);
    private static readonly Council Council = new() { Code = "E07000121", Name = "Lancaster City Council", LocalPostcodeDistricts = ["LA1"] };
    private static readonly NoticeLens Lens = NoticeLenses.ForRubric(RubricVersions.Current.Version);

    private byte[] page = [];
    private byte[] package = [];

    /// <summary>The page body, once <see cref="BuildBodies"/> has run.</summary>
    internal byte[] PageBody => page;
    /// <summary>The 1,000-release body, once <see cref="BuildBodies"/> has run.</summary>
    internal byte[] PackageBody => package;

    internal static IEnumerable<NoticeResult> ScoreEach(byte[] body) =>
        NoticeAssessment.ScoreEach(NoticeReader.ReadJson(body).Batch!, Council.Code, Council, RubricVersions.Current, Lens, Today);

    [GlobalSetup]
    public void BuildBodies()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "samples", "notices", "fts");
        var tender = Release(Path.Combine(folder, "083563-2026.json"));
        var contract = Release(Path.Combine(folder, "028961-2025.json"));

        var pageReleases = new List<JsonObject>(100);
        for (var i = 0; i < 100; i++)
        {
            pageReleases.Add(i % 3 == 2 ? Varied(contract, i, i) : Varied(tender, i, i));
        }
        page = Body(pageReleases);

        var packageReleases = new List<JsonObject>(1_000);
        for (var process = 0; process < NoticeLimits.MaxProcesses; process++)
        {
            packageReleases.Add(Varied(tender, process, process * 5));
            for (var update = 1; update <= 3; update++)
            {
                packageReleases.Add(Update(process, process * 5 + update));
            }
            packageReleases.Add(Varied(contract, process, process * 5 + 4));
        }
        package = Body(packageReleases);

        Check(page, expectedReleases: 100, expectedScored: 67);
        Check(package, expectedReleases: 1_000, expectedScored: 200);
    }

    [Benchmark(Description = "FTS page, 100 releases: read, compile, map, score")]
    public int Page100() => ScoreAll(page);

    [Benchmark(Description = "Package, 1,000 releases in 200 processes: read, compile, map, score")]
    public int Package1000() => ScoreAll(package);

    private static int ScoreAll(byte[] body)
    {
        var scored = 0;
        foreach (var result in ScoreEach(body))
        {
            if (result.Scorecard is not null)
            {
                scored++;
            }
        }
        return scored;
    }

    private static void Check(byte[] body, int expectedReleases, int expectedScored)
    {
        var read = NoticeReader.ReadJson(body);
        if (read.Batch?.Releases != expectedReleases || ScoreAll(body) != expectedScored)
        {
            throw new InvalidOperationException($"The benchmark body is not what it should be: {read.Problem?.Message ?? read.Batch?.Releases.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    private static JsonObject Release(string file) => JsonNode.Parse(File.ReadAllBytes(file))!["releases"]![0]!.AsObject();

    private static string Ocid(int process) => "ocds-h6vhtk-" + process.ToString("x6", CultureInfo.InvariantCulture);

    private static string NoticeId(int n) => n.ToString("000000", CultureInfo.InvariantCulture) + "-2026";

    /// <summary>A copy of a real release as process <paramref name="process"/>: its own ids, dates a day apart and values a little different.</summary>
    private static JsonObject Varied(JsonObject real, int process, int n)
    {
        var release = real.DeepClone().AsObject();
        release["ocid"] = Ocid(process);
        release["id"] = NoticeId(n);
        release["date"] = new DateTimeOffset(2026, 9, 3, 15, 18, 45, TimeSpan.FromHours(1)).AddMinutes(n).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        var tender = release["tender"]!.AsObject();
        tender["title"] = $"{(string?)tender["title"]} ({process})";
        if (tender["value"] is JsonObject value && value["amountGross"] is not null)
        {
            value["amountGross"] = 150_000 + (process * 1_000);
        }
        foreach (var document in (release["tender"]?["documents"] as JsonArray ?? []).Concat(release["contracts"]?[0]?["documents"] as JsonArray ?? []))
        {
            if (document?["noticeType"] is not null)
            {
                document["id"] = NoticeId(n);
            }
        }
        return release;
    }

    /// <summary>A delta-only update of a tender's first lot, as FTS publishes them.</summary>
    private static JsonObject Update(int process, int n) => new()
    {
        ["ocid"] = Ocid(process),
        ["id"] = NoticeId(n),
        ["date"] = new DateTimeOffset(2026, 9, 10, 9, 0, 0, TimeSpan.FromHours(1)).AddMinutes(n).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        ["tag"] = new JsonArray("tenderUpdate"),
        ["tender"] = new JsonObject
        {
            ["lots"] = new JsonArray(new JsonObject { ["id"] = "1", ["value"] = new JsonObject { ["amountGross"] = 60_000 + n, ["currency"] = "GBP" } }),
        },
    };

    private static byte[] Body(List<JsonObject> releases)
    {
        var body = new JsonObject
        {
            ["license"] = "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
            ["publisher"] = new JsonObject { ["name"] = "Cabinet Office" },
            ["releases"] = new JsonArray([.. releases]),
        };
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }
}
