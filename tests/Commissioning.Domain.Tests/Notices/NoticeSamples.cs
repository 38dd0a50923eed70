using Commissioning.Domain.Rubrics;
using System.Text;
using Commissioning.Domain.Notices;
using RubricVersions = Commissioning.Domain.Rubrics.Rubrics;

namespace Commissioning.Domain.Tests.Notices;

/// <summary>The real notices in samples/notices, as copied next to the tests, and releases built from them.</summary>
internal static class NoticeSamples
{
    /// <summary>A fixed "today" so scorecards never depend on the day the tests run.</summary>
    public static readonly DateOnly Today = new(2026, 10, 1);
    public const string CouncilCode = "E07000243";

    public const string FtsTender = "fts/083563-2026.json";
    public const string FtsContract = "fts/028961-2025.json";
    public const string ContractsFinder2025 = "contractsfinder-ocds-search_2025-01-20T23-00-00_2025-01-23T23-00-00.json";
    public const string Sunderland = "ocds-b5fd17raw-8a79c599-d165-4d72-a3d1-1dcb222a184f.json";
    public const string CroydonOutcomes = "ocds-b5fd17raw-a4e7375e-d7be-4fd7-ae79-9801682a7acd.json";
    public const string Mopac = "ocds-b5fd17raw-3eb9ea97-8da1-4da7-bed9-8b155663c3f0.json";
    public const string Lancashire = "ocds-b5fd17raw-de149438-be34-427c-b23c-f0ff1e0ac781.json";
    public const string Brent = "ocds-b5fd17-2ca8d8dd-adc8-11e6-9901-0019b9f3037b-lbbrent-9neg-2tvy6y.json";
    public const string Gloucestershire = "ocds-b5fd17-2c4e441d-adc8-11e6-9901-0019b9f3037b-glouc-9puc-592zaa.json";
    public const string Csv = "export-2020-08-05.csv";
    public const string Glasgow = "ocds-r6ebe6-0000567519.json";
    public const string NeathPortTalbot = "ocds-kuma6s-139455.json";

    public static Rubric Rubric => RubricVersions.Current;
    public static NoticeLens Lens => NoticeLenses.ForRubric(Rubric.Version);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "samples", "notices");

    /// <summary>Every file under samples/notices, as a path relative to it with forward slashes.</summary>
    public static IEnumerable<string> AllFiles =>
        Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static byte[] Bytes(string file) => File.ReadAllBytes(Path.Combine(Folder, file));

    public static NoticeReadResult Read(string file) =>
        file.EndsWith(".csv", StringComparison.Ordinal) ? NoticeReader.ReadCsv(Bytes(file)) : NoticeReader.ReadJson(Bytes(file));

    public static NoticeBatch Batch(string file) => Read(file).Batch ?? throw new InvalidOperationException($"{file} was not read: {Read(file).Problem}");

    public static List<NoticeResult> Assess(string file, Council? council = null) => Assess(Batch(file), council);

    public static List<NoticeResult> Assess(NoticeBatch batch, Council? council = null) =>
        [.. NoticeAssessment.ScoreEach(batch, CouncilCode, council, Rubric, Lens, Today)];

    /// <summary>The one result for <paramref name="ocid"/> (or the only one).</summary>
    public static NoticeResult Result(string file, string? ocid = null, Council? council = null) =>
        Assess(file, council).Single(r => ocid is null || r.Ocid == ocid);

    public static NoticeScorecard Scorecard(string file, string? ocid = null, Council? council = null) =>
        Result(file, ocid, council).Scorecard ?? throw new InvalidOperationException($"{ocid ?? file} was not scored: {Result(file, ocid).Reason}");

    public static MappedNotice Map(string file, string? ocid = null) => Map(Batch(file), ocid);

    public static MappedNotice Map(NoticeBatch batch, string? ocid = null)
    {
        using var compiled = NoticeCompiler.Compile(batch.Processes.Single(p => ocid is null || p.Ocid == ocid));
        return NoticeMapper.Map(compiled, CouncilCode, batch.Licence);
    }

    /// <summary>The release (the first, or the one with <paramref name="ocid"/>) of a sample, to change in a test.</summary>
    public static JsonObject ReleaseNode(string file, string? ocid = null)
    {
        var root = JsonNode.Parse(Bytes(file))!.AsObject();
        if (root["releases"] is not JsonArray releases)
        {
            return root;
        }
        return releases.Select(r => r!.AsObject()).First(r => ocid is null || (string?)r["ocid"] == ocid).DeepClone().AsObject();
    }

    /// <summary>A release package (OGL v3) holding the releases given.</summary>
    public static byte[] Package(params JsonObject[] releases)
    {
        var package = new JsonObject
        {
            ["license"] = "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
            ["releases"] = new JsonArray([.. releases.Select(r => (JsonNode)r.DeepClone())]),
        };
        return Encoding.UTF8.GetBytes(package.ToJsonString());
    }

    public static NoticeBatch BatchOf(params JsonObject[] releases) =>
        NoticeReader.ReadJson(Package(releases)).Batch ?? throw new InvalidOperationException("The package was not read.");

    public static MappedNotice MapRelease(JsonObject release) => Map(BatchOf(release));

    public static NoticeResult AssessRelease(JsonObject release, Council? council = null) => Assess(BatchOf(release), council).Single();

    public static NoticeScorecard ScoreRelease(JsonObject release, Council? council = null) =>
        AssessRelease(release, council).Scorecard ?? throw new InvalidOperationException("The release was not scored: " + AssessRelease(release).Reason);

    /// <summary>A Find a Tender UK4 tender notice: the real 083563-2026 release, with <paramref name="change"/> applied.</summary>
    public static JsonObject FtsTenderWith(Action<JsonObject> change)
    {
        var release = ReleaseNode(FtsTender);
        change(release);
        return release;
    }

    public static JsonObject Tender(this JsonObject release) => release["tender"]!.AsObject();

    public static CriterionResult Criterion(this NoticeScorecard scorecard, string id) =>
        scorecard.Scorecard.Dimensions.SelectMany(d => d.Criteria).Single(c => c.Id == id);

    public static NoticeDimension Dimension(this NoticeScorecard scorecard, string id) => scorecard.Dimensions.Single(d => d.Id == id);

    public static MappedField Field(this MappedNotice notice, string field) => notice.Provenance.Fields.Single(f => f.Field == field);

    public static bool HasHint(this MappedNotice notice, string field) => notice.Provenance.Hints.Any(h => h.Field == field);

    /// <summary>Lancaster City Council as registered, with the identifier it publishes under on Find a Tender.</summary>
    public static Council Lancaster { get; } = new()
    {
        Code = "E07000121",
        Name = "Lancaster City Council",
        LocalPostcodeDistricts = ["LA1", "LA2"],
        BuyerIdentifiers = ["GB-PPON-PTQG-8236-WVNZ"],
    };
}
