
namespace Commissioning.Functions.Tests.Access;

/// <summary>
/// One council-code rule, applied once by the front door: a council's key opens that council's addresses whatever the
/// case of the code in the address, and never another council's.
/// </summary>
public sealed class CouncilCodeInAnyCaseTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("E07000243")]
    [InlineData("e07000243")]
    [InlineData(" e07000243 ")]
    public async Task ACouncilsKeyOpensEveryOneOfItsAddressesWithTheCodeInAnyCase(string code)
    {
        using var council = await fixture.Api.CouncilAsync(CommissioningApi.DemoCouncil);
        var submitted = await council.PostAsync("/api/plans", TestPlans.Content(reference: "ANY-CASE-1"));
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        var address = Uri.EscapeDataString(code);
        var endedWeek = Domain.Summaries.IsoWeek.Of(DateOnly.FromDateTime(DateTime.UtcNow)).AddWeeks(-2);

        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["plan"] = await council.GetAsync($"/api/plans/{address}/ANY-CASE-1"),
            ["list"] = await council.GetAsync($"/api/plans/{address}"),
            ["guidance"] = await council.GetAsync($"/api/plans/{address}/ANY-CASE-1/guidance?format=md"),
            ["narrative"] = await council.PostAsync($"/api/plans/{address}/ANY-CASE-1/narrative", null),
            ["summary"] = await council.GetAsync($"/api/summaries/{address}/{endedWeek}"),
            ["council"] = await council.GetAsync($"/api/councils/{address}"),
        };

        foreach (var (name, answer) in answers)
        {
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{name}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        }

        var plan = await answers["plan"].Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        Assert.Equal(CommissioningApi.DemoCouncil, (string?)plan!["council"]);
    }

    [Theory]
    [InlineData("E07000241")]
    [InlineData("e07000241")]
    public async Task ACouncilsKeyIsRefusedOnAnotherCouncilsAddressesWhateverTheCase(string code)
    {
        using var council = await fixture.Api.CouncilAsync(CommissioningApi.DemoCouncil);
        var endedWeek = Domain.Summaries.IsoWeek.Of(DateOnly.FromDateTime(DateTime.UtcNow)).AddWeeks(-2);

        foreach (var path in new[] { $"/api/plans/{code}", $"/api/plans/{code}/ANY/guidance", $"/api/summaries/{code}/{endedWeek}", $"/api/councils/{code}" })
        {
            var problem = await ProblemAssert.IsProblem(await council.GetAsync(path), HttpStatusCode.Forbidden);
            Assert.Equal("This key does not give access to council E07000241.", (string?)problem["detail"]);
        }
    }
}
