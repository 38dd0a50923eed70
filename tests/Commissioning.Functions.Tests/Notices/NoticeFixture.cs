using System.IO.Compression;
using System.Net.Http.Headers;
using Commissioning.Functions.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Functions.Tests.Notices;

/// <summary>The real notices in samples/notices, as copied beside the tests, sent as a client would send them.</summary>
public static class NoticeFiles
{
    public const string FtsTender = "fts/083563-2026.json";                  // Science Museum Group (UK4): another buyer for every council here
    public const string FtsContract = "fts/028961-2025.json";                // Lancaster City Council (UK7): outcome only
    public const string Lancashire = "ocds-b5fd17raw-de149438-be34-427c-b23c-f0ff1e0ac781.json";
    public const string Brent = "ocds-b5fd17-2ca8d8dd-adc8-11e6-9901-0019b9f3037b-lbbrent-9neg-2tvy6y.json";
    public const string ContractsFinderPage = "contractsfinder-ocds-search_2025-01-20T23-00-00_2025-01-23T23-00-00.json";
    public const string Csv = "export-2020-08-05.csv";

    public const string LancashireOcid = "ocds-b5fd17-de149438-be34-427c-b23c-f0ff1e0ac781";
    public const string LancashireIdentifier = "GB-SRS-sid4gov.cabinetoffice.gov.uk/v2gr32H4";
    public const string BrentOcid = "ocds-b5fd17-2ca8d8dd-adc8-11e6-9901-0019b9f3037b";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "samples", "notices");

    /// <summary>Every file under samples/notices, relative to it with forward slashes.</summary>
    public static IEnumerable<string> All =>
        Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static byte[] Bytes(string file) => File.ReadAllBytes(Path.Combine(Folder, file));

    public static string Text(string file) => File.ReadAllText(Path.Combine(Folder, file));

    /// <summary>A notice file as a body: text/csv for the export, application/json for the rest.</summary>
    public static ByteArrayContent Content(string file) => Content(Bytes(file), file.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/json");

    public static ByteArrayContent Content(byte[] body, string mediaType = "application/json", bool gzipHeader = false)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        if (gzipHeader)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        return content;
    }

    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public static byte[] Gzip(byte[] body)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(body);
        }

        return buffer.ToArray();
    }

    /// <summary>A notice file as JSON to change before sending.</summary>
    public static JsonObject Node(string file) => JsonNode.Parse(Text(file))!.AsObject();
}

/// <summary>
/// The whole app in the local runner against a private Azurite, with the plan-submitted events recorded (a notice must
/// never raise one), and councils registered with the buyer identifiers and names their notices carry.
/// </summary>
public sealed class NoticeFixture : ApiFixture
{
    public RecordingListener Listener { get; } = new();

    protected override CommissioningApi CreateApi() => new(Azurite, services => services.AddSingleton<IPlanSubmittedHandler>(Listener));

    public StorageInspector Storage => new(Azurite);

    /// <summary>Registers (or re-registers) a council with buyer identifiers and names, and issues it a key of the role.</summary>
    public async Task<(HttpClient Client, string KeyId)> CouncilAsync(string code, string name, string[]? identifiers = null, string[]? names = null, string role = "commissioner")
    {
        using var admin = Api.Admin();
        var put = await admin.PutAsJsonAsync($"/api/councils/{code}", new
        {
            code,
            name,
            localPostcodeDistricts = new[] { "PR1" },
            buyerIdentifiers = identifiers,
            buyerNames = names,
        });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var issued = await admin.PostAsJsonAsync($"/api/councils/{code}/keys", new { role });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var body = JsonNode.Parse(await issued.Content.ReadAsStringAsync())!;
        return (Api.WithKey(body["key"]!.GetValue<string>()), body["keyId"]!.GetValue<string>());
    }

    public static async Task<JsonObject> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
