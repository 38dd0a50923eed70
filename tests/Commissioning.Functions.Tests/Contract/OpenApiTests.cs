using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Functions.Tests.Contract;

public sealed class OpenApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private async Task<JsonNode> Document()
    {
        using var client = fixture.Api.Anonymous();
        return JsonNode.Parse(await client.GetStringAsync("/api/openapi.json"))!;
    }

    [Fact]
    public async Task TheDocumentDescribesTheScorecardWithItsStatusesAndBands()
    {
        var document = await Document();
        var schemas = document["components"]!["schemas"]!;

        var scorecard = schemas["Scorecard"]!["properties"]!.AsObject();
        foreach (var name in new[] { "rubricVersion", "overall", "dimensions", "alerts", "missingFields" })
        {
            Assert.True(scorecard.ContainsKey(name), $"Scorecard lacks {name}");
        }

        var criterion = schemas["CriterionResult"]!["properties"]!.AsObject();
        foreach (var name in new[] { "id", "title", "status", "weight", "points", "evidence", "rule", "recommendation", "gain", "principles" })
        {
            Assert.True(criterion.ContainsKey(name), $"CriterionResult lacks {name}");
        }

        Assert.Equal(["met", "partly-met", "not-met", "not-evidenced", "not-applicable"], Enum(schemas["CriterionStatus"]!));
        Assert.Equal(["red", "amber", "green"], Enum(schemas["Band"]!));
        var alert = schemas["ComplianceAlert"]!["properties"]!.AsObject();
        Assert.True(alert.ContainsKey("id") && alert.ContainsKey("message") && alert.ContainsKey("basis"));
    }

    [Fact]
    public async Task EveryApiOperationIsInTheDocumentUnderApi()
    {
        var paths = (await Document())["paths"]!.AsObject();

        Assert.NotNull(paths["/api/plans"]!["post"]);
        Assert.NotNull(paths["/api/plans/score"]!["post"]);
        Assert.NotNull(paths["/api/plans/{council}/{reference}"]!["get"]);
        Assert.NotNull(paths["/api/plans/{council}/{reference}/guidance"]!["get"]);
        Assert.NotNull(paths["/api/councils/{code}"]!["put"]);
        Assert.NotNull(paths["/api/councils/{code}/keys"]!["post"]);
        Assert.NotNull(paths["/api/rubric"]!["get"]);
        Assert.NotNull(paths["/api/health"]!["get"]);
    }

    private static string[] Enum(JsonNode schema) => [.. schema["enum"]!.AsArray().Select(v => v!.GetValue<string>())];
}
