using System.IO.Compression;
using System.Reflection.PortableExecutable;
using Commissioning.Functions.Hosting;
using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Functions.Tests.Deployment;

/// <summary>The zip scripts/publish.sh makes is the Functions SDK's publish layout, what Flex Consumption runs as dotnet-isolated.</summary>
public sealed class PublishPackageTests(PublishedPackage package) : IClassFixture<PublishedPackage>
{
    private const string App = "Commissioning.Functions.dll";

    [Fact]
    public void ThePackageHoldsWhatTheHostReadsAtItsRoot()
    {
        foreach (var file in new[] { "host.json", "functions.metadata", "worker.config.json", "extensions.json", App, "appsettings.json" })
        {
            Assert.Contains(file, package.Entries);
        }

        Assert.Contains(package.Entries, e => e.StartsWith(".azurefunctions/", StringComparison.Ordinal));
        Assert.Contains(package.Entries, e => e.StartsWith("templates/", StringComparison.Ordinal));
        Assert.Contains(package.Entries, e => e.StartsWith("Web/wwwroot/", StringComparison.Ordinal));
        Assert.DoesNotContain(package.Entries, e => e.EndsWith("function.json", StringComparison.Ordinal));
        Assert.DoesNotContain("local.settings.json", package.Entries);
    }

    [Fact]
    public void FunctionsMetadataDeclaresEveryFunctionOfTheApp()
    {
        var metadata = JsonNode.Parse(File.ReadAllText(package.PathOf("functions.metadata")))!.AsArray();
        var names = metadata.Select(f => (string)f!["name"]!).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(FunctionCatalog.App.Functions.Select(f => f.Name).Order(StringComparer.Ordinal), names);
        Assert.All(metadata, f => Assert.Equal(App, (string?)f!["scriptFile"]));
        var submit = metadata.Single(f => (string)f!["name"]! == "SubmitPlan")!;
        Assert.Equal("Commissioning.Functions.Plans.SubmitPlanFunction.Run", (string?)submit["entryPoint"]);
    }

    [Fact]
    public void TheWorkerIsStartedWithDotnetAndTheQueueExtensionTravelsWithIt()
    {
        var worker = JsonNode.Parse(File.ReadAllText(package.PathOf("worker.config.json")))!["description"]!;
        Assert.Equal(("dotnet-isolated", "dotnet", App), ((string?)worker["language"], (string?)worker["defaultExecutablePath"], (string?)worker["defaultWorkerPath"]));

        var extensions = JsonNode.Parse(File.ReadAllText(package.PathOf("extensions.json")))!["extensions"]!.AsArray();
        var queues = extensions.Single(e => (string)e!["name"]! == "AzureStorageQueues")!;
        var hint = ((string)queues["hintPath"]!).Replace("./", string.Empty, StringComparison.Ordinal);
        Assert.True(File.Exists(package.PathOf(hint)), $"{hint} is not in the package");
    }

    [Fact]
    public void HostJsonIsTheRepositorysAndConfiguresTheWorkersRoutesAndQueues()
    {
        var host = JsonNode.Parse(File.ReadAllText(package.PathOf("host.json")))!;

        Assert.Equal("2.0", (string)host["version"]!);
        Assert.Null(host["customHandler"]);
        Assert.Equal("api", (string)host["extensions"]!["http"]!["routePrefix"]!);
        Assert.Equal(5, (int)host["extensions"]!["queues"]!["maxDequeueCount"]!);
        Assert.Equal(File.ReadAllText(RepositoryPaths.Combine("host.json")), File.ReadAllText(package.PathOf("host.json")));
    }

    [Fact]
    public void TheAppIsFrameworkDependentAndPrecompiledForFastStart()
    {
        var runtimeConfig = JsonNode.Parse(File.ReadAllText(package.PathOf("Commissioning.Functions.runtimeconfig.json")))!["runtimeOptions"]!;
        Assert.Null(runtimeConfig["includedFrameworks"]);   // the platform's .NET 10 runs it
        Assert.Contains(runtimeConfig["frameworks"]!.AsArray(), f => (string?)f!["name"] == "Microsoft.AspNetCore.App");
        Assert.True((bool)runtimeConfig["configProperties"]!["System.Globalization.Invariant"]!);

        using var assembly = new PEReader(File.OpenRead(package.PathOf(App)));
        Assert.True(assembly.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, "the app assembly is not ReadyToRun");
    }

    [Fact]
    public void TemplatesArePackagedOnceExactlyAsInTheRepository()
    {
        var repository = RepositoryPaths.Combine("templates");
        var packaged = package.PathOf("templates");

        Assert.Equal(RelativeFiles(repository), RelativeFiles(packaged));
        foreach (var file in RelativeFiles(repository))
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(repository, file)), File.ReadAllBytes(Path.Combine(packaged, file)));
        }
    }

    [Fact]
    public void TheHiddenExtensionsFolderIsInTheZipItself()
    {
        using var archive = ZipFile.OpenRead(PublishedPackage.ZipPath);
        Assert.Contains(archive.Entries, e => e.FullName.StartsWith(".azurefunctions/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal));
    }

    private static List<string> RelativeFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
