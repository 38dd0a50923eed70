using System.Diagnostics;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Commissioning.Functions.Advisor;
using Commissioning.Functions.Notices;
using Commissioning.Functions.Tests.Advisor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Tests.Notices;

/// <summary>Lancashire registered with the buyer identifier its notice carries, and a commissioner's key for it.</summary>
internal static class LancashireCouncil
{
    public const string Code = TestNotices.Council;
    public const string Ocid = NoticeFiles.LancashireOcid;

    public static async Task<HttpClient> RegisterAsync(CommissioningApi api)
    {
        using var admin = api.Admin();
        var put = await admin.PutAsJsonAsync($"/api/councils/{Code}", new
        {
            code = Code,
            name = "Lancashire County Council",
            localPostcodeDistricts = new[] { "PR1" },
            buyerIdentifiers = new[] { NoticeFiles.LancashireIdentifier },
        });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var issued = JsonNode.Parse(await (await admin.PostAsJsonAsync($"/api/councils/{Code}/keys", new { role = "commissioner" })).Content.ReadAsStringAsync())!;
        return api.WithKey(issued["key"]!.GetValue<string>());
    }

    public static async Task<JsonNode> ImportAsync(HttpClient client, HttpContent? body = null) =>
        Assert.Single((await NoticeFixture.Json(await client.PostAsync($"/api/notices/{Code}", body ?? NoticeFiles.Content(NoticeFiles.Lancashire))))["results"]!.AsArray())!;

    public static Task<string> GuidanceAsync(HttpClient client, string format, int version = 1) =>
        client.GetStringAsync($"/api/notices/{Code}/{Ocid}/guidance?format={format}&version={version}");
}

/// <summary>
/// The advisor's narrative of an imported notice in the real app: the import queues it, <c>WriteNoticeNarrative</c>
/// writes it with a real loopback chat-completions server, and the notice guidance shows it after the label and the
/// scores. Real Azurite.
/// </summary>
public sealed class NoticeNarrativeTests : IAsyncLifetime
{
    private Azurite _azurite = null!;
    private FakeChatModel _model = null!;
    private CommissioningApi _api = null!;
    private HttpClient _council = null!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartNewAsync();
        _model = await FakeChatModel.StartAsync();
        _api = new CommissioningApi(_azurite, settings: new Dictionary<string, string?>
        {
            ["Advisor:Endpoint"] = _model.BaseAddress.ToString(),
            ["Advisor:Model"] = FakeChatModel.ModelName,
            ["Advisor:ApiKey"] = "test-model-key",
            ["Advisor:Timeout"] = "00:00:05",
            ["Advisor:MaxRetries"] = "0",
        });
        _council = await LancashireCouncil.RegisterAsync(_api);
    }

    public async Task DisposeAsync()
    {
        _council.Dispose();
        await _api.DisposeAsync();
        await _model.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    private BlobClient AdvisorRecord(int version = 1) => new BlobServiceClient(_azurite.ConnectionString).GetBlobContainerClient("notices")
        .GetBlobClient($"{LancashireCouncil.Code}/{LancashireCouncil.Ocid}/v{version}.advisor.json");

    private async Task<JsonNode> WaitForAdvisorRecordAsync()
    {
        var blob = AdvisorRecord();
        for (var wait = Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromSeconds(20) && !(await blob.ExistsAsync()).Value; await Task.Delay(100))
        {
        }

        return JsonNode.Parse((await blob.DownloadContentAsync()).Value.Content.ToString())!;
    }

    [Fact]
    public async Task TheModelsNarrativeOfANewNoticeLandsInItsGuidanceAfterTheLabelAndScoresMarkedAsTheAdvisors()
    {
        var card = TestNotices.Lancashire();
        _model.Then(FakeChatModel.Answer(Answers.WithAdvice(
            $"Overall this notice scores {card.Overall.Score} out of 100 on what it shows; councillors will want to ask who shaped it.",
            (card.Questions[0].CriterionId, "Ask officers which residents' groups helped shape the lots."))));

        var result = await LancashireCouncil.ImportAsync(_council);
        Assert.Equal("created", (string?)result["status"]);
        var record = await WaitForAdvisorRecordAsync();

        Assert.Equal("model", (string?)record["narrative"]!["source"]);
        var label = (string)result["scorecard"]!["label"]!;
        var request = Assert.Single(_model.Requests);
        Assert.All(request.Messages, m => Assert.StartsWith(label, m.Text));

        var html = await LancashireCouncil.GuidanceAsync(_council, "html");
        Assert.Contains("<h2 id=\"narrative-heading\">The advisor's narrative</h2>", html);
        Assert.Contains("councillors will want to ask who shaped it.", html);
        Assert.Matches("Ask officers which residents(&#39;|&#x27;|&apos;) groups helped shape the lots.", html);
        Assert.Contains("written with the help of a language model (source: model)", html);
        AssertInOrder(html, "class=\"label\"", "class=\"overall\"", "id=\"narrative\"", "id=\"questions\"");

        var markdown = await LancashireCouncil.GuidanceAsync(_council, "md");
        Assert.StartsWith("**Label:** ", markdown);
        Assert.Contains("## The advisor's narrative", markdown);
        Assert.Contains("written with the help of a language model", markdown);
        Assert.Contains("councillors will want to ask who shaped it", markdown);
        AssertInOrder(markdown, "**Label:**", "**Overall:", "## The advisor's narrative", "## Questions for councillors to ask");
    }

    [Fact]
    public async Task AFailingModelLeavesTheDeterministicNoticeNarrativeWhichOpensWithTheLabelAndSaysWhy()
    {
        _model.Then(FakeChatModel.ServerError(500));

        var result = await LancashireCouncil.ImportAsync(_council);
        var record = await WaitForAdvisorRecordAsync();

        Assert.Equal(("deterministic", "server-error"), ((string?)record["narrative"]!["source"], (string?)record["reason"]!["kind"]));
        var label = (string)result["scorecard"]!["label"]!;
        Assert.StartsWith(label + " Overall this notice scores ", (string?)record["narrative"]!["summary"]);
        var markdown = await LancashireCouncil.GuidanceAsync(_council, "md");
        Assert.Contains("**Source:** The advisor's narrative is the deterministic text, because the language model could not be reached. No language model contributed to it.", markdown);
        var summaryLine = markdown.Split('\n').Single(l => l.StartsWith("**Summary:**", StringComparison.Ordinal));
        Assert.Contains("Overall this notice scores", summaryLine);
        Assert.DoesNotContain("this plan", summaryLine, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheNarrativeEndpointWritesAVersionsNarrativeAgainAndTheGuidanceShowsTheNewOne()
    {
        _model.Then(FakeChatModel.ServerError(500));
        var result = await LancashireCouncil.ImportAsync(_council);
        Assert.Equal("deterministic", (string?)(await WaitForAdvisorRecordAsync())["narrative"]!["source"]);

        var card = TestNotices.Lancashire();
        _model.Then(FakeChatModel.Answer(Answers.WithAdvice(
            $"Overall this notice scores {card.Overall.Score} out of 100 on what it shows; the model is back.")));
        var response = await _council.PostAsync($"/api/notices/{LancashireCouncil.Code}/{LancashireCouncil.Ocid}/narrative", null);
        var body = await NoticeFixture.Json(response);

        Assert.Equal((LancashireCouncil.Code, LancashireCouncil.Ocid, 1, "model"), ((string?)body["council"], (string?)body["ocid"], (int)body["version"]!, (string?)body["source"]));
        Assert.StartsWith((string)result["scorecard"]!["label"]!, (string?)body["summary"], StringComparison.Ordinal);
        Assert.Contains("the model is back", (string?)body["summary"], StringComparison.Ordinal);
        Assert.Equal("model", (string?)JsonNode.Parse((await AdvisorRecord().DownloadContentAsync()).Value.Content.ToString())!["narrative"]!["source"]);
        Assert.Contains("the model is back", await LancashireCouncil.GuidanceAsync(_council, "md"), StringComparison.Ordinal);

        var missing = await _council.PostAsync($"/api/notices/{LancashireCouncil.Code}/{LancashireCouncil.Ocid}/narrative?version=2", null);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("has no version 2 of notice", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static void AssertInOrder(string text, params string[] parts)
    {
        var positions = parts.Select(p => text.IndexOf(p, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, $"missing one of: {string.Join(" | ", parts)}"));
        Assert.Equal(positions.Order(), positions);
    }
}

/// <summary>
/// What an import puts on the queues, read from the queues themselves: the narrative functions are off, so every
/// message stays where the import left it. Real Azurite; the model is configured but never called.
/// </summary>
public sealed class NoticeNarrativeQueueTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Advisor:Endpoint"] = "http://127.0.0.1:9/openai/v1/",
        ["Advisor:Model"] = "not-called",
        ["Advisor:ApiKey"] = "test-model-key",
        ["AzureWebJobs:WriteNarrative:Disabled"] = "true",
        ["AzureWebJobs:WriteNoticeNarrative:Disabled"] = "true",
    };

    private Azurite _azurite = null!;
    private CommissioningApi _api = null!;
    private HttpClient _council = null!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartNewAsync();
        _api = new CommissioningApi(_azurite, settings: Settings);
        _council = await LancashireCouncil.RegisterAsync(_api);
    }

    public async Task DisposeAsync()
    {
        _council.Dispose();
        await _api.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    private async Task<List<JsonNode>> MessagesOn(string queue)
    {
        var client = new QueueServiceClient(_azurite.ConnectionString).GetQueueClient(queue);
        var peeked = await client.PeekMessagesAsync(32);
        return [.. peeked.Value.Select(m => JsonNode.Parse(Base64OrText(m.Body.ToString()))!)];
    }

    private static string Base64OrText(string body)
    {
        try
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(body));
        }
        catch (FormatException)
        {
            return body;
        }
    }

    [Fact]
    public async Task ANewVersionIsQueuedOnceAnUnchangedReimportQueuesNothingAndAChangedOneQueuesItsVersion()
    {
        await LancashireCouncil.ImportAsync(_council);
        var again = await LancashireCouncil.ImportAsync(_council);
        var amended = NoticeFiles.Node(NoticeFiles.Lancashire);
        amended["releases"]![0]!["tender"]!["title"] = "Minor aids and adaptations (amended)";
        var changed = await LancashireCouncil.ImportAsync(_council, NoticeFiles.Json(amended.ToJsonString()));

        Assert.Equal(("unchanged", 1), ((string?)again["status"], (int?)again["version"]));
        Assert.Equal(("updated", 2), ((string?)changed["status"], (int?)changed["version"]));
        var queued = await MessagesOn(StorageLayout.NoticeNarrativesQueue);
        Assert.Equal(
            [(LancashireCouncil.Code, LancashireCouncil.Ocid, 1), (LancashireCouncil.Code, LancashireCouncil.Ocid, 2)],
            queued.Select(m => ((string)m["council"]!, (string)m["ocid"]!, (int)m["version"]!)));
        Assert.Empty(await MessagesOn(StorageLayout.NarrativesQueue));   // a notice never meets the plans' narratives
    }

    [Fact]
    public async Task ANoticeWhoseNarrativeIsNotWrittenYetHasTheGuidanceItHadBefore()
    {
        await LancashireCouncil.ImportAsync(_council);

        var html = await LancashireCouncil.GuidanceAsync(_council, "html");
        var markdown = await LancashireCouncil.GuidanceAsync(_council, "md");

        Assert.Single(await MessagesOn(StorageLayout.NoticeNarrativesQueue));
        Assert.Contains("id=\"questions\"", html);
        Assert.DoesNotContain("id=\"narrative\"", html);
        Assert.DoesNotContain("The advisor", html);
        Assert.Contains("## Questions for councillors to ask", markdown);
        Assert.DoesNotContain("The advisor's narrative", markdown);
    }

    [Fact]
    public async Task APlanSubmissionStillQueuesItsNarrativeOnThePlansQueueAndNothingOnTheNoticesQueue()
    {
        using var stevenage = await _api.CouncilAsync();

        var submitted = await stevenage.PostAsync("/api/plans", Infrastructure.TestPlans.Content());

        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var queued = Assert.Single(await MessagesOn(StorageLayout.NarrativesQueue));
        Assert.Equal((CommissioningApi.DemoCouncil, "SBC-2026-014", 1), ((string)queued["council"]!, (string)queued["reference"]!, (int)queued["version"]!));
        Assert.Empty(await MessagesOn(StorageLayout.NoticeNarrativesQueue));
    }

    [Fact]
    public async Task AQueueThatCannotBeReachedNeverFailsTheImportAndTheVersionIsStored()
    {
        // Queue storage on the discard port, nothing listening: the enqueue fails, the import must not.
        var unreachable = new QueueServiceClient(
            _azurite.ConnectionString.Replace($"127.0.0.1:{_azurite.QueuePort}", "127.0.0.1:9", StringComparison.Ordinal),
            new QueueClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(2) } });
        await using var api = new CommissioningApi(_azurite, services => services.AddSingleton(provider => new NarrativeOnImport(
                new WorkQueues(unreachable, new StorageProvisioning(
                    new BlobServiceClient(_azurite.ConnectionString), new Azure.Data.Tables.TableServiceClient(_azurite.ConnectionString), unreachable)),
                provider.GetRequiredService<IOptions<AdvisorOptions>>())),
            Settings);
        using var council = await LancashireCouncil.RegisterAsync(api);

        var result = await LancashireCouncil.ImportAsync(council);

        Assert.Equal(("created", 1), ((string?)result["status"], (int?)result["version"]));
        var read = await NoticeFixture.Json(await council.GetAsync($"/api/notices/{LancashireCouncil.Code}/{LancashireCouncil.Ocid}"));
        Assert.Equal(1, (int?)read["version"]);
        Assert.Contains("id=\"questions\"", await LancashireCouncil.GuidanceAsync(council, "html"));
        Assert.Empty(await MessagesOn(StorageLayout.NoticeNarrativesQueue));
    }
}

/// <summary>
/// With no language model configured an import queues nothing, and the notice guidance carries the advisor's
/// deterministic notice text as it is rendered, as a plan's guidance does from its submission. Real Azurite.
/// </summary>
public sealed class NoticeNarrativeWithoutAModelTests(NoticeFixture fixture) : IClassFixture<NoticeFixture>
{
    [Fact]
    public async Task TheGuidanceCarriesTheLabelledDeterministicNarrativeAndSaysNoModelIsConfigured()
    {
        var council = await LancashireCouncil.RegisterAsync(fixture.Api);
        var result = await LancashireCouncil.ImportAsync(council);
        var label = (string)result["scorecard"]!["label"]!;

        var markdown = await LancashireCouncil.GuidanceAsync(council, "md");
        Assert.Contains("## The advisor's narrative", markdown);
        Assert.Contains("**Source:** The advisor's narrative is the deterministic text, because", markdown);
        Assert.Contains("No language model contributed to it.", markdown);
        var summaryLine = markdown.Split('\n').Single(l => l.StartsWith("**Summary:**", StringComparison.Ordinal));
        Assert.True(summaryLine.StartsWith("**Summary:** " + label, StringComparison.Ordinal), summaryLine + "\n" + label);
        Assert.DoesNotContain("this plan", summaryLine, StringComparison.OrdinalIgnoreCase);

        var html = await LancashireCouncil.GuidanceAsync(council, "html");
        Assert.Contains("<h2 id=\"narrative-heading\">The advisor's narrative</h2>", html);
    }
}
