using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Functions.Tests.Access;

public sealed class PlanIsolationTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string A = CommissioningApi.DemoCouncil;
    private const string B = CommissioningApi.OtherCouncil;

    [Fact]
    public async Task CouncilAsKeyCannotReadListOrWriteCouncilBsPlans()
    {
        using var a = await fixture.Api.CouncilAsync(A);
        using var b = await fixture.Api.CouncilAsync(B);
        Assert.Equal(HttpStatusCode.Created, (await b.PostAsync("/api/plans", TestPlans.Content(B, "B-PLAN"))).StatusCode);

        var submit = await a.PostAsync("/api/plans", TestPlans.Content(B, "A-WRITES-B"));
        var score = await a.PostAsync("/api/plans/score", TestPlans.Content(B, "A-SCORES-B"));
        var read = await a.GetAsync($"/api/plans/{B}/B-PLAN");
        var list = await a.GetAsync($"/api/plans/{B}");
        var guidance = await a.GetAsync($"/api/plans/{B}/B-PLAN/guidance?format=md");

        foreach (var response in new[] { submit, score, read, list, guidance })
        {
            var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden);
            Assert.Contains(B, problem["detail"]!.GetValue<string>());
        }

        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync($"/api/plans/{B}/B-PLAN")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Api.Admin().GetAsync($"/api/plans/{B}/B-PLAN")).StatusCode);
        Assert.Empty(await new StorageInspector(fixture.Azurite).BlobNames("plans", $"{B}/A-WRITES-B/"));
    }
}
