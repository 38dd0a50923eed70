using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Functions.Tests.Problems;

public sealed class ProblemDetailsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task BadQueryAndRouteValuesAreAllNamedInOneBadRequest()
    {
        using var council = await fixture.Api.CouncilAsync();

        var list = await council.GetAsync("/api/plans/E07000243?week=2026-W54&band=purple&pageSize=0&continuationToken=%%%");
        var plan = await council.GetAsync("/api/plans/not-a-council/has%20space?version=first");
        var guidance = await council.GetAsync("/api/plans/E07000243/SBC-1/guidance?format=pdf&version=0");

        var listProblem = await ProblemAssert.IsProblem(list, HttpStatusCode.BadRequest);
        Assert.Contains("2026-W05", ProblemAssert.Errors(listProblem, "query.week")[0]);
        Assert.Contains("red, amber or green", ProblemAssert.Errors(listProblem, "query.band")[0]);
        Assert.Contains("1 to 1000", ProblemAssert.Errors(listProblem, "query.pageSize")[0]);
        ProblemAssert.Errors(listProblem, "query.continuationToken");

        var planProblem = await ProblemAssert.IsProblem(plan, HttpStatusCode.BadRequest);
        Assert.Contains("GSS code", ProblemAssert.Errors(planProblem, "route.council")[0]);
        ProblemAssert.Errors(planProblem, "route.reference");
        ProblemAssert.Errors(planProblem, "query.version");

        var guidanceProblem = await ProblemAssert.IsProblem(guidance, HttpStatusCode.BadRequest);
        Assert.Contains("html or md", ProblemAssert.Errors(guidanceProblem, "query.format")[0]);
        ProblemAssert.Errors(guidanceProblem, "query.version");
    }

    [Fact]
    public async Task AnUnknownPlanVersionOrCouncilIsNotFound()
    {
        using var council = await fixture.Api.CouncilAsync();
        using var admin = fixture.Api.Admin();

        var plan = await council.GetAsync("/api/plans/E07000243/NO-SUCH-PLAN");
        var guidance = await council.GetAsync("/api/plans/E07000243/NO-SUCH-PLAN/guidance?format=md&version=3");
        var unknownCouncil = await admin.GetAsync("/api/councils/E09999999");

        Assert.Contains("NO-SUCH-PLAN", (await ProblemAssert.IsProblem(plan, HttpStatusCode.NotFound))["detail"]!.GetValue<string>());
        Assert.Contains("version 3", (await ProblemAssert.IsProblem(guidance, HttpStatusCode.NotFound))["detail"]!.GetValue<string>());
        Assert.Contains("not registered", (await ProblemAssert.IsProblem(unknownCouncil, HttpStatusCode.NotFound))["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnAddressThatIsNotPartOfTheApiIsAProblemDetailsNotFound()
    {
        using var client = fixture.Api.Anonymous();

        var response = await client.GetAsync("/api/nothing-here");

        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PlansNeedAKeyAndAWrongKeyIsUnauthorized()
    {
        using var anonymous = fixture.Api.Anonymous();
        using var wrong = fixture.Api.WithKey("kil.E07000243.0123456789ab.nope");

        var noKey = await anonymous.PostAsync("/api/plans", TestPlans.Content());
        var noKeyScore = await anonymous.PostAsync("/api/plans/score", TestPlans.Content());
        var wrongKey = await wrong.GetAsync("/api/plans/E07000243");

        await ProblemAssert.IsProblem(noKey, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblem(noKeyScore, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblem(wrongKey, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task APlanLargerThanOneMegabyteIsRefusedWith413()
    {
        using var council = await fixture.Api.CouncilAsync();
        var huge = TestPlans.Document(change: plan => plan["narrative"] = new string('x', 1024 * 1024));

        var response = await council.PostAsync("/api/plans", TestPlans.Content(huge));

        Assert.Contains("1,048,576", (await ProblemAssert.IsProblem(response, HttpStatusCode.RequestEntityTooLarge))["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task PublicDocumentsNeedNoKey()
    {
        using var anonymous = fixture.Api.Anonymous();

        var openApi = await anonymous.GetAsync("/api/openapi.json");
        var health = await anonymous.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"healthy\"", await health.Content.ReadAsStringAsync());
    }
}
