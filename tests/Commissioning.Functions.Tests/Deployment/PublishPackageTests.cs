using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Functions.Tests.Deployment;

/// <summary>The zip scripts/publish.sh makes is what Flex Consumption needs to run the custom handler.</summary>
[SupportedOSPlatform("linux")]
public sealed class PublishPackageTests(PublishedPackage package) : IClassFixture<PublishedPackage>
{
    private const string Handler = "handler/Commissioning.Functions";

    [Fact]
    public void ThePackageHasHostJsonTheHandlerTemplatesAndFunctionFoldersAtItsRoot()
    {
        Assert.Contains("host.json", package.Entries);
        Assert.Contains(Handler, package.Entries);
        Assert.Contains(package.Entries, e => e.StartsWith("templates/", StringComparison.Ordinal));
        foreach (var function in RepositoryFunctions())
        {
            Assert.Contains($"{function}/function.json", package.Entries);
        }
    }

    [Fact]
    public void EveryFunctionDefinedInTheRepositoryIsPackagedUnchangedAndNoOther()
    {
        var inRepository = RepositoryFunctions();
        var inPackage = Directory.EnumerateDirectories(package.Root)
            .Where(d => File.Exists(Path.Combine(d, "function.json")))
            .Select(d => Path.GetFileName(d))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(inRepository);
        Assert.Equal(inRepository, inPackage);
        foreach (var function in inRepository)
        {
            Assert.Equal(
                File.ReadAllText(RepositoryPaths.Combine("functions", function, "function.json")),
                File.ReadAllText(package.PathOf($"{function}/function.json")));
        }
    }

    [Fact]
    public void TheHandlerKeepsItsExecutableBitInTheZip()
    {
        using var archive = ZipFile.OpenRead(PublishedPackage.ZipPath);
        var entry = archive.GetEntry(Handler)!;
        var storedMode = (UnixFileMode)((entry.ExternalAttributes >> 16) & 0x1FF);
        Assert.True(storedMode.HasFlag(UnixFileMode.UserExecute), $"zip entry mode is {storedMode}");

        var extractedMode = File.GetUnixFileMode(package.PathOf(Handler));
        Assert.True(extractedMode.HasFlag(UnixFileMode.UserExecute), $"extracted mode is {extractedMode}");
        Assert.False(File.GetUnixFileMode(package.PathOf("host.json")).HasFlag(UnixFileMode.UserExecute));
    }

    [Fact]
    public void HostJsonLaunchesThePackagedHandlerFromThePackageRootAndProxiesHttp()
    {
        var host = JsonNode.Parse(File.ReadAllText(package.PathOf("host.json")))!;
        var description = host["customHandler"]!["description"]!;

        Assert.Equal("2.0", (string)host["version"]!);
        Assert.Equal(Handler, (string)description["defaultExecutablePath"]!);
        Assert.True(File.Exists(package.PathOf((string)description["defaultExecutablePath"]!)));
        Assert.Equal("", (string)description["workingDirectory"]!);
        Assert.True((bool)host["customHandler"]!["enableProxyingHttpRequest"]!);
        Assert.Equal("api", (string)host["extensions"]!["http"]!["routePrefix"]!);
        Assert.Equal("[4.*, 5.0.0)", (string)host["extensionBundle"]!["version"]!);
        Assert.Equal(File.ReadAllText(RepositoryPaths.Combine("host.json")), File.ReadAllText(package.PathOf("host.json")));
    }

    [Fact]
    public void TheHandlerIsASelfContainedLinuxProgramPrecompiledForFastStart()
    {
        var executable = File.ReadAllBytes(package.PathOf(Handler));
        Assert.Equal("\u007fELF"u8.ToArray(), executable[..4]);
        Assert.True(File.Exists(package.PathOf("handler/libcoreclr.so")), "the .NET runtime travels with the handler");

        var runtimeConfig = JsonNode.Parse(File.ReadAllText(package.PathOf("handler/Commissioning.Functions.runtimeconfig.json")))!;
        Assert.NotNull(runtimeConfig["runtimeOptions"]!["includedFrameworks"]);   // self-contained
        Assert.True((bool)runtimeConfig["runtimeOptions"]!["configProperties"]!["System.Globalization.Invariant"]!);

        using var assembly = new PEReader(File.OpenRead(package.PathOf("handler/Commissioning.Functions.dll")));
        Assert.True(assembly.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, "the handler assembly is not ReadyToRun");
    }

    [Fact]
    public void TemplatesArePackagedOnceAtTheRootExactlyAsInTheRepository()
    {
        var repository = RepositoryPaths.Combine("templates");
        var packaged = package.PathOf("templates");

        Assert.Equal(RelativeFiles(repository), RelativeFiles(packaged));
        foreach (var file in RelativeFiles(repository))
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(repository, file)), File.ReadAllBytes(Path.Combine(packaged, file)));
        }

        Assert.False(Directory.Exists(package.PathOf("handler/templates")), "a second copy of the templates beside the handler");
    }

    private static List<string> RepositoryFunctions() =>
        Directory.EnumerateDirectories(RepositoryPaths.Combine("functions"))
            .Where(d => File.Exists(Path.Combine(d, "function.json")))
            .Select(d => Path.GetFileName(d))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static List<string> RelativeFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
