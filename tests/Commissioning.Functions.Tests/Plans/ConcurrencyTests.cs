using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Functions.Tests.Plans;

public sealed class ConcurrencyTests(PlanFixture fixture) : IClassFixture<PlanFixture>
{
    private const string Council = CommissioningApi.DemoCouncil;

    [Fact]
    public async Task ThirtyTwoConcurrentIdenticalSubmissionsMakeExactlyOneVersion()
    {
        using var client = await fixture.Api.CouncilAsync();
        var document = TestPlans.Document(reference: "RACE-SAME");

        var responses = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => client.PostAsync("/api/plans", TestPlans.Content(document))));

        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.All(responses.Zip(bodies), pair => Assert.True(pair.First.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, pair.Second));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(bodies, body => Assert.Equal(1, JsonNode.Parse(body)!["version"]!.GetValue<int>()));
        var storage = new StorageInspector(fixture.Azurite);
        Assert.Single(await storage.Rows("PlanVersions", $"{Council}|RACE-SAME"));
        Assert.Equal([$"{Council}/RACE-SAME/v1.json"], await storage.BlobNames("plans", $"{Council}/RACE-SAME/"));
        Assert.Equal(1, fixture.Listener.For("RACE-SAME"));
    }

    [Fact]
    public async Task ConcurrentDifferentSubmissionsOfOnePlanEachGetTheirOwnVersion()
    {
        using var client = await fixture.Api.CouncilAsync();
        var titles = Enumerable.Range(1, 8).Select(i => $"Draft {i}").ToList();

        var responses = await Task.WhenAll(titles.Select(title =>
            client.PostAsync("/api/plans", TestPlans.Content(reference: "RACE-DIFF", change: p => p["title"] = title))));

        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.All(responses.Zip(bodies), pair => Assert.True(pair.First.StatusCode == HttpStatusCode.Created, pair.Second));
        var versions = bodies.Select(b => JsonNode.Parse(b)!["version"]!.GetValue<int>()).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 8), versions);
        var latest = JsonNode.Parse(await client.GetStringAsync($"/api/plans/{Council}/RACE-DIFF"))!;
        Assert.Equal(8, latest["version"]!.GetValue<int>());
        Assert.Equal(titles.Order(), latest["versions"]!.AsArray().Select(v => v!["title"]!.GetValue<string>()).Order());
        Assert.Equal(8, fixture.Listener.For("RACE-DIFF"));
    }
}
