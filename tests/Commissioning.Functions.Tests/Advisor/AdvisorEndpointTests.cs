using Commissioning.Functions.Advisor;
using Commissioning.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Functions.Tests.Advisor;

/// <summary>
/// <c>POST /api/plans/{council}/{reference}/narrative</c> through the app's front door (the local runner), with an
/// in-memory plan store standing in for the stored versions, and the loopback model behind the advisor.
/// </summary>
public sealed class AdvisorEndpointTests : IAsyncLifetime
{
    private readonly InMemoryPlans _plans = new();
    private FakeChatModel _model = null!;
    private Azurite _azurite = null!;
    private CommissioningApi _api = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _model = await FakeChatModel.StartAsync();
        _azurite = await Azurite.StartNewAsync();
        _api = new CommissioningApi(_azurite,
            services => services.AddSingleton<IStoredPlanReader>(_plans).AddSingleton<INarrativeStore>(_plans),
            new Dictionary<string, string?>
            {
                ["Advisor:Endpoint"] = _model.BaseAddress.ToString(),
                ["Advisor:Model"] = FakeChatModel.ModelName,
                ["Advisor:ApiKey"] = "test-key",
                ["Advisor:Timeout"] = "00:00:05",
                ["Advisor:MaxRetries"] = "0",
                ["AzureWebJobs:WriteNarrative:Disabled"] = "true",
            });
        _client = _api.Admin();

        _plans.Add(new StoredPlanVersion(AdvisorPlans.WithNarrative("Version one."), ScorecardBuilder.Typical(), 1));
        _plans.Add(new StoredPlanVersion(AdvisorPlans.WithNarrative("Version two."), ScorecardBuilder.Typical() with { Overall = new(58, Domain.Scoring.Band.Amber) }, 2));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
        await _azurite.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task RegeneratingTheNarrativeForAStoredVersionReturnsItAndKeepsTheAdvisorRecord()
    {
        _model.Then(FakeChatModel.Answer(Answers.Good()));

        var response = await _client.PostAsync("/api/plans/E07000243/SBC-2026-014/narrative?version=1", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(1, body["version"]!.GetValue<int>());
        Assert.Equal("model", body["source"]!.GetValue<string>());
        Assert.Equal(FakeChatModel.ModelName, body["model"]!.GetValue<string>());
        Assert.StartsWith("Overall this plan scores 56 out of 100", body["summary"]!.GetValue<string>());
        Assert.StartsWith("Run a meet-the-buyer session", body["adviceByCriterion"]!["L4"]!.GetValue<string>());

        var (stored, result) = Assert.Single(_plans.Saved);
        Assert.Equal(1, stored.Version);
        var audit = JsonNode.Parse(result.ToJson())!;
        Assert.Equal("model", audit["narrative"]!["source"]!.GetValue<string>());
        Assert.Contains("meet-the-buyer", audit["rawOutput"]!.GetValue<string>());
        Assert.Contains("Version one.", _model.Requests.Single().Messages.Single(m => m.Role == "user").Text);
    }

    [Fact]
    public async Task WithoutAVersionTheLatestIsUsedAndAFallbackIsReportedWithItsReason()
    {
        _model.Then(FakeChatModel.ServerError(500));

        var response = await _client.PostAsync("/api/plans/E07000243/SBC-2026-014/narrative", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(2, body["version"]!.GetValue<int>());
        Assert.Equal("deterministic", body["source"]!.GetValue<string>());
        Assert.Equal("server-error", body["reason"]!["kind"]!.GetValue<string>());
        Assert.StartsWith("Overall this plan scores 58 out of 100, which is amber.", body["summary"]!.GetValue<string>());
        Assert.Equal("deterministic", Assert.Single(_plans.Saved).Result.Source);
    }

    [Fact]
    public async Task AVersionThatDoesNotExistIsAProblemDetails404()
    {
        var response = await _client.PostAsync("/api/plans/E07000243/SBC-2026-014/narrative?version=9", content: null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Not found", problem["title"]!.GetValue<string>());
        Assert.Equal("Council E07000243 has no version 9 of plan SBC-2026-014.", problem["detail"]!.GetValue<string>());
        Assert.Empty(_model.Requests);
        Assert.Empty(_plans.Saved);
    }

    [Fact]
    public async Task AVersionBelowOneIsAValidationProblem()
    {
        var response = await _client.PostAsync("/api/plans/E07000243/SBC-2026-014/narrative?version=0", content: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("must be a version number: a whole number from 1", problem["errors"]!["query.version"]![0]!.GetValue<string>());
    }

    /// <summary>Stands in for the API's plan store: versions by council and reference, and what was saved.</summary>
    private sealed class InMemoryPlans : IStoredPlanReader, INarrativeStore
    {
        private readonly List<StoredPlanVersion> _versions = [];

        public List<(StoredPlanVersion Stored, AdvisorResult Result)> Saved { get; } = [];

        public void Add(StoredPlanVersion version) => _versions.Add(version);

        public Task<StoredPlanVersion?> FindAsync(string council, string reference, int? version, CancellationToken cancellationToken) =>
            Task.FromResult(_versions
                .Where(v => v.Plan.Council.Code == council && v.Plan.Reference == reference && (version is null || v.Version == version))
                .MaxBy(v => v.Version));

        public Task SaveAsync(StoredPlanVersion stored, AdvisorResult result, CancellationToken cancellationToken)
        {
            Saved.Add((stored, result));
            return Task.CompletedTask;
        }
    }
}
