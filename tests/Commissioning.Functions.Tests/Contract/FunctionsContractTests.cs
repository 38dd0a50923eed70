using Commissioning.Functions.Access;
using Commissioning.Functions.Hosting;
using Commissioning.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Functions.Tests.Contract;

/// <summary>
/// The host runs what the SDK wrote into functions.metadata from the [Function] attributes; the local runner serves
/// what it reads from the same attributes. The two must be the same app, function for function.
/// </summary>
public sealed class FunctionsContractTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private sealed record Declared(string Name, string Trigger, string? Route, string[] Methods, string? Schedule, string? Queue);

    private static IReadOnlyList<Declared> Metadata() =>
    [
        .. JsonNode.Parse(File.ReadAllText(BuiltApp.PathOf("functions.metadata")))!.AsArray().Select(function =>
        {
            var trigger = function!["bindings"]!.AsArray().Single(b => b!["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal))!;
            return new Declared(
                function["name"]!.GetValue<string>(),
                trigger["type"]!.GetValue<string>(),
                (string?)trigger["route"],
                [.. (trigger["methods"]?.AsArray() ?? []).Select(m => m!.GetValue<string>().ToUpperInvariant()).Order()],
                (string?)trigger["schedule"],
                (string?)trigger["queueName"]);
        }),
    ];

    private IReadOnlyList<(string Route, string Method)> RunnerRoutes() =>
    [
        .. fixture.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (e.RoutePattern.RawText!.TrimStart('/'), m))),
    ];

    [Fact]
    public void TheBuildDeclaresEveryFunctionOfTheAppWithTheTriggerItsAttributesGive()
    {
        var declared = Metadata();
        var catalog = FunctionCatalog.App;

        Assert.Equal(catalog.Functions.Select(f => f.Name).Order(), declared.Select(d => d.Name).Order());
        foreach (var function in catalog.Http)
        {
            var entry = declared.Single(d => d.Name == function.Name);
            Assert.Equal(("httpTrigger", function.Route), (entry.Trigger, entry.Route));
            Assert.Equal(function.Methods.Order(), entry.Methods);
        }

        foreach (var timer in catalog.Timers)
        {
            Assert.Equal(("timerTrigger", timer.Schedule), (declared.Single(d => d.Name == timer.Name).Trigger, declared.Single(d => d.Name == timer.Name).Schedule));
        }

        foreach (var queue in catalog.Queues)
        {
            Assert.Equal(("queueTrigger", queue.QueueName), (declared.Single(d => d.Name == queue.Name).Trigger, declared.Single(d => d.Name == queue.Name).Queue));
        }

        Assert.Contains(declared, d => d is { Name: "SubmitPlan", Trigger: "httpTrigger", Route: "plans" } && d.Methods.SequenceEqual(["POST"]));
        Assert.Contains(declared, d => d is { Name: "WeeklySummary", Trigger: "timerTrigger", Schedule: "%WeeklySummarySchedule%" });
        Assert.Contains(declared, d => d is { Name: "DeliverNotification", Trigger: "queueTrigger", Queue: "notifications" });
        Assert.Contains(declared, d => d is { Name: "RecordUndeliveredNotification", Trigger: "queueTrigger", Queue: "notifications-poison" });
        Assert.Contains(declared, d => d is { Name: "WriteNarrative", Trigger: "queueTrigger", Queue: "narratives" });
        Assert.Contains(declared, d => d is { Name: "WriteNoticeNarrative", Trigger: "queueTrigger", Queue: "notice-narratives" });
    }

    [Fact]
    public void EveryHttpFunctionIsARouteOfTheLocalRunnerAndEveryRouteOfTheRunnerIsAFunction()
    {
        var declared = Metadata().Where(d => d.Trigger == "httpTrigger").SelectMany(d => d.Methods.Select(m => ($"api/{d.Route}", m))).ToList();
        var served = RunnerRoutes();

        Assert.NotEmpty(declared);
        Assert.Equal(declared.Order(), served.Order());
    }

    [Fact]
    public void EveryTimerAndQueueFunctionIsRunByTheLocalRunner()
    {
        var declared = Metadata();
        var settings = JsonNode.Parse(File.ReadAllText(BuiltApp.PathOf("appsettings.json")))!;

        foreach (var timer in declared.Where(d => d.Trigger == "timerTrigger"))
        {
            // The schedule is a setting: the app's defaults hold it, and the infrastructure sets it for the host.
            Assert.Matches("^%[A-Za-z]+%$", timer.Schedule!);
            Assert.NotNull(settings[timer.Schedule!.Trim('%')]);
        }

        var listened = FunctionCatalog.App.Queues.Select(q => q.QueueName).Order();
        Assert.Equal(declared.Where(d => d.Trigger == "queueTrigger").Select(d => d.Queue!).Order(), listened);
        Assert.All(FunctionCatalog.App.Queues, q => Assert.Contains(q.QueueName, Storage.StorageLayout.Queues));
    }

    [Fact]
    public void EveryHttpFunctionSaysWhoMayCallIt()
    {
        Assert.All(FunctionCatalog.App.Http, f => Assert.NotNull(f.Access));
        Assert.Equal(["Health", "OpenApi", "PlanSchema", "Rubric", "WebApp"],
            FunctionCatalog.App.Http.Where(f => f.Access.Callers == Callers.Anyone).Select(f => f.Name).Order());
        Assert.Equal(["GetDeliveries", "ImportPlan", "IssueCouncilKey", "ListCouncilKeys", "PutCouncil", "RevokeCouncilKey", "RunSummary"],
            FunctionCatalog.App.Http.Where(f => f.Access.Callers == Callers.Admin).Select(f => f.Name).Order());
        Assert.Equal(["ImportNotices", "RegenerateNarrative", "RegenerateNoticeNarrative", "ScoreNotices", "ScorePlan", "SubmitPlan"],
            FunctionCatalog.App.Http.Where(f => f.Access.Callers == Callers.Commissioners).Select(f => f.Name).Order());
    }

    [Fact]
    public void TheBuildWritesTheWorkersConfigurationBesideTheApp()
    {
        var worker = JsonNode.Parse(File.ReadAllText(BuiltApp.PathOf("worker.config.json")))!;
        Assert.Equal("dotnet", (string?)worker["description"]!["defaultExecutablePath"]);
        Assert.Equal("Commissioning.Functions.dll", (string?)worker["description"]!["defaultWorkerPath"]);

        var extensions = JsonNode.Parse(File.ReadAllText(BuiltApp.PathOf("extensions.json")))!["extensions"]!.AsArray()
            .Select(e => (string)e!["name"]!).ToList();
        Assert.Contains("Startup", extensions);
        Assert.Contains("AzureStorageQueues", extensions);
    }

    [Fact]
    public void HostJsonIsTheIsolatedWorkersWithTheApiPrefixAndTheQueueRetries()
    {
        var host = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("host.json")))!;

        Assert.Equal("2.0", host["version"]!.GetValue<string>());
        Assert.Null(host["customHandler"]);
        Assert.Equal("api", host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
        var queues = host["extensions"]!["queues"]!;
        Assert.Equal(5, queues["maxDequeueCount"]!.GetValue<int>());
        Assert.Equal("base64", queues["messageEncoding"]!.GetValue<string>());
        Assert.True(TimeSpan.Parse(queues["visibilityTimeout"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > TimeSpan.Zero);
        Assert.Equal(File.ReadAllText(RepositoryPaths.Combine("host.json")), File.ReadAllText(BuiltApp.PathOf("host.json")));
    }

    [Fact]
    public void NoHandWrittenFunctionJsonIsLeftUnderFunctions()
    {
        var definitions = Directory.GetFiles(RepositoryPaths.Combine("functions"), "function.json", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        Assert.Empty(definitions);
    }

    [Fact]
    public async Task AnAddressThatIsNoFunctionIsAProblemDetails404()
    {
        using var client = fixture.Api.Anonymous();

        var response = await client.GetAsync("/");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
