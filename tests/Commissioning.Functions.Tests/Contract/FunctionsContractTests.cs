using System.Net;
using System.Text.Json.Nodes;
using Commissioning.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Functions.Tests.Contract;

/// <summary>The Functions host only forwards what function.json declares: the two must describe the same API.</summary>
public sealed class FunctionsContractTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static IEnumerable<(string Name, JsonArray Bindings)> FunctionJsons() =>
        Directory.GetFiles(RepositoryPaths.Combine("functions"), "function.json", SearchOption.AllDirectories)
            .Select(path => (Path.GetFileName(Path.GetDirectoryName(path))!, JsonNode.Parse(File.ReadAllText(path))!["bindings"]!.AsArray()));

    private static bool IsTimer(JsonArray bindings) => bindings.Any(b => b!["type"]!.GetValue<string>() == "timerTrigger");

    private static IReadOnlyList<(string Function, string Route, string Method)> DeclaredFunctions() =>
    [
        .. FunctionJsons()
            .Where(f => !IsTimer(f.Bindings))
            .SelectMany(function =>
            {
                var (name, bindings) = function;
                var triggers = bindings.Where(b => b!["type"]!.GetValue<string>() == "httpTrigger").ToList();
                var outputs = bindings.Where(b => b!["type"]!.GetValue<string>() == "http").ToList();
                Assert.True(triggers.Count == 1, $"{name} must have exactly one httpTrigger");
                Assert.True(outputs.Count == 1 && outputs[0]!["direction"]!.GetValue<string>() == "out" && outputs[0]!["name"]!.GetValue<string>() == "res",
                    $"{name} must have exactly one http output named res");
                Assert.Equal(2, bindings.Count);
                var trigger = triggers[0]!;
                Assert.Equal("anonymous", trigger["authLevel"]!.GetValue<string>());
                Assert.Equal("in", trigger["direction"]!.GetValue<string>());
                var route = trigger["route"]!.GetValue<string>();
                return trigger["methods"]!.AsArray().Select(m => (name, route, m!.GetValue<string>().ToUpperInvariant())).ToList();
            }),
    ];

    private IReadOnlyList<(string Route, string Method)> ApiEndpoints()
    {
        var sources = fixture.Api.Services.GetRequiredService<EndpointDataSource>();
        return
        [
            .. sources.Endpoints.OfType<RouteEndpoint>()
                .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
                .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                    .Select(m => (e.RoutePattern.RawText!.TrimStart('/')["api/".Length..].TrimEnd('/'), m))),
        ];
    }

    [Fact]
    public void EveryFunctionJsonMatchesAnEndpointAndEveryApiEndpointHasAFunctionJson()
    {
        var declared = DeclaredFunctions();
        var endpoints = ApiEndpoints();
        Assert.NotEmpty(declared);
        Assert.NotEmpty(endpoints);

        var missingEndpoint = declared.Where(f => !endpoints.Contains((f.Route, f.Method))).ToList();
        var missingFunction = endpoints.Where(e => !declared.Any(f => f.Route == e.Route && f.Method == e.Method)).ToList();

        Assert.True(missingEndpoint.Count == 0, "function.json without an endpoint: " + string.Join(", ", missingEndpoint));
        Assert.True(missingFunction.Count == 0, "endpoint without a function.json: " + string.Join(", ", missingFunction));
        Assert.Contains(declared, f => f is { Function: "SubmitPlan", Route: "plans", Method: "POST" });
    }

    [Fact]
    public void EveryTimerFunctionTakesItsScheduleFromASettingAndHasAHandlerRoute()
    {
        var timers = FunctionJsons().Where(f => IsTimer(f.Bindings)).ToList();
        Assert.Contains(timers, t => t.Name == "WeeklySummary");

        var routes = fixture.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .ToList();
        foreach (var (name, bindings) in timers)
        {
            var trigger = Assert.Single(bindings);
            Assert.Equal("timerTrigger", trigger!["type"]!.GetValue<string>());
            Assert.Matches("^%[A-Za-z]+%$", trigger["schedule"]!.GetValue<string>());
            Assert.Contains(name, routes);   // the host POSTs timer invocations to /{FunctionName}
        }
    }

    [Fact]
    public void HostJsonRunsTheHandlerAsACustomHandlerWithProxiedHttpUnderApi()
    {
        var host = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("host.json")))!;

        Assert.Equal("2.0", host["version"]!.GetValue<string>());
        Assert.Equal("handler/Commissioning.Functions", host["customHandler"]!["description"]!["defaultExecutablePath"]!.GetValue<string>());
        Assert.True(host["customHandler"]!["enableProxyingHttpRequest"]!.GetValue<bool>());
        Assert.Equal("api", host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", host["extensionBundle"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheHandlerAnswersTheHostsReadinessProbeOnTheRoot()
    {
        using var client = fixture.Api.Anonymous();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("/api/openapi.json", body["openApi"]!.GetValue<string>());
    }
}
