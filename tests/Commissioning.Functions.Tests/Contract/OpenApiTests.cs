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
    public async Task EveryReferenceNamesAComponentAndARecursiveTypeRefersToItself()
    {
        var document = await Document();
        var schemas = document["components"]!["schemas"]!.AsObject();
        var references = References(document).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.True(r.StartsWith("#/components/schemas/", StringComparison.Ordinal) && schemas.ContainsKey(r.Split('/')[3]), r));
        // A joint buyer is a buyer: the component points at itself, not at the document's root.
        Assert.Equal("#/components/schemas/NoticeBuyer", (string?)schemas["NoticeBuyer"]!["properties"]!["jointBuyers"]!["items"]!["$ref"]);
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref" && p.Value is JsonValue v ? [v.GetValue<string>()] : References(p.Value)),
        JsonArray a => a.SelectMany(References),
        _ => [],
    };

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

    [Fact]
    public async Task EveryHttpFunctionIsAnOperationWithASummaryItsKeyRuleAndItsRealAnswers()
    {
        var document = await Document();
        var paths = document["paths"]!.AsObject();
        foreach (var function in Hosting.FunctionCatalog.App.Http)
        {
            var path = "/api/" + function.Route.Replace("{*", "{", StringComparison.Ordinal);
            var operation = paths[path]?[function.Methods[0].ToLowerInvariant()];
            Assert.True(operation is not null, $"{function.Name}: {path} is not in the document");
            Assert.Equal(function.Name, (string?)operation!["operationId"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["summary"]), $"{function.Name} has no summary");
            var responses = operation["responses"]!.AsObject();
            Assert.Contains("503", responses.Select(r => r.Key));
            if (function.Access.Callers == Functions.Access.Callers.Anyone)
            {
                Assert.Empty(operation["security"]!.AsArray());
            }
            else
            {
                Assert.Equal("ApiKey", operation["security"]![0]!.AsObject().Single().Key);
                Assert.Contains("401", responses.Select(r => r.Key));
                Assert.Contains("403", responses.Select(r => r.Key));
                Assert.Equal("#/components/schemas/ProblemDetails", (string?)responses["401"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]);
            }

            foreach (var (status, response) in responses.Where(r => r.Key.StartsWith('2')))
            {
                Assert.True(response!["content"] is JsonObject || status == "204", $"{function.Name} {status} has no content type");
            }
        }
    }

    [Fact]
    public async Task TheKeyHeaderIsASecuritySchemeAndQueryNumbersAreIntegers()
    {
        var document = await Document();

        var scheme = document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal(("apiKey", "header", "X-Api-Key"), ((string?)scheme["type"], (string?)scheme["in"], (string?)scheme["name"]));
        var list = document["paths"]!["/api/plans/{council}"]!["get"]!["parameters"]!.AsArray();
        Assert.Equal("integer", (string?)list.Single(p => (string?)p!["name"] == "pageSize")!["schema"]!["type"]);
        Assert.Equal(["red", "amber", "green"], Enum(list.Single(p => (string?)p!["name"] == "band")!["schema"]!));
        var guidance = document["paths"]!["/api/plans/{council}/{reference}/guidance"]!["get"]!["responses"]!["200"]!["content"]!.AsObject();
        Assert.Equal(["text/html", "text/markdown"], guidance.Select(c => c.Key).Order());
        Assert.Contains("https://keep-it-local.example/problems/storage-unavailable", Enum(document["components"]!["schemas"]!["ProblemDetails"]!["properties"]!["type"]!));
    }

    [Fact]
    public async Task TheDocumentPassesRedoclysRecommendedRulesWithNoErrors()
    {
        var file = RepositoryPaths.Combine("artifacts", "openapi.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, (await Document()).ToJsonString());
        var cli = RepositoryPaths.Combine("node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"{cli} is missing: npm ci installs the pinned @redocly/cli");
        var start = new System.Diagnostics.ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        foreach (var argument in new[] { cli, "lint", "--extends", "recommended", "--format", "stylish", file })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var lint = System.Diagnostics.Process.Start(start)!;
        var stdout = lint.StandardOutput.ReadToEndAsync();
        var stderr = lint.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await lint.WaitForExitAsync(timeout.Token);
        var report = await stdout + await stderr;

        Assert.True(lint.ExitCode == 0, report);
        Assert.DoesNotContain(" error ", report, StringComparison.Ordinal);
    }

    private static string[] Enum(JsonNode schema) => [.. schema["enum"]!.AsArray().Select(v => v!.GetValue<string>())];
}
