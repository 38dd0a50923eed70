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
        Assert.NotNull(paths["/api/notices/{council}"]!["post"]);
        Assert.NotNull(paths["/api/notices/{council}"]!["get"]);
        Assert.NotNull(paths["/api/notices/{council}/score"]!["post"]);
        Assert.NotNull(paths["/api/notices/{council}/{ocid}"]!["get"]);
        Assert.NotNull(paths["/api/notices/{council}/{ocid}/guidance"]!["get"]);
    }

    [Fact]
    public async Task TheNoticeImportTakesJsonOrCsvSaysHowErrorsAreNamedAndListsItsRefusals()
    {
        var document = await Document();
        var import = document["paths"]!["/api/notices/{council}"]!["post"]!;

        Assert.Equal(["application/json", "text/csv"], import["requestBody"]!["content"]!.AsObject().Select(c => c.Key));
        Assert.Contains("csv.row[n].column[header]", (string?)import["requestBody"]!["description"]);
        Assert.Contains("csv.row[n].column[header]", (string?)import["responses"]!["400"]!["description"]);
        Assert.Equal("#/components/schemas/ValidationProblemDetails", (string?)import["responses"]!["400"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]);
        foreach (var status in new[] { "200", "401", "403", "404", "413", "415", "422", "503" })
        {
            Assert.True(import["responses"]!.AsObject().ContainsKey(status), $"no {status}");
        }

        Assert.Contains("for a record package with version history, the release package", (string?)import["responses"]!["413"]!["description"]);
        Assert.Contains("Idempotency-Key", import["parameters"]!.AsArray().Select(p => (string?)p!["name"]));
        Assert.Contains("A councillor's key is refused (403)", (string?)import["description"]);
        var schemas = document["components"]!["schemas"]!;
        Assert.True(schemas["ImportedNotices"]!["properties"]!.AsObject().ContainsKey("results"));
        Assert.True(schemas["NoticeScorecard"]!["properties"]!.AsObject().ContainsKey("questions"));
        Assert.Equal(["scored", "outcome-only", "not-scored", "created", "updated", "unchanged", "rejected"], Enum(schemas["NoticeOutcomeStatus"]!));
    }

    private static string[] Enum(JsonNode schema) => [.. schema["enum"]!.AsArray().Select(v => v!.GetValue<string>())];
}
