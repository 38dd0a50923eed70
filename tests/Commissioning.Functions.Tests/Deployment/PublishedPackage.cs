using System.IO.Compression;
using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Functions.Tests.Deployment;

/// <summary>
/// dist.zip (made by scripts/publish.sh) unpacked into a private folder, the way the platform unpacks it.
/// </summary>
public sealed class PublishedPackage : IDisposable
{
    public static readonly string ZipPath = RepositoryPaths.Combine("dist.zip");

    public PublishedPackage()
    {
        if (!File.Exists(ZipPath))
        {
            throw new InvalidOperationException(
                $"{ZipPath} is missing: run 'bash scripts/publish.sh' to build the package (scripts/test.sh does it first).");
        }

        Root = Directory.CreateTempSubdirectory("package-").FullName;
        ZipFile.ExtractToDirectory(ZipPath, Root);
        Entries = ReadEntries();
    }

    /// <summary>The package root: where host.json is, and the worker's working directory under the host.</summary>
    public string Root { get; }

    /// <summary>Entry names as stored in the zip (forward slashes).</summary>
    public IReadOnlyList<string> Entries { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static List<string> ReadEntries()
    {
        using var archive = ZipFile.OpenRead(ZipPath);
        return [.. archive.Entries.Select(e => e.FullName)];
    }

    /// <summary>Starts the packaged app on its own (the local runner) from the package root, as laid out when deployed.</summary>
    public Task<AppProcess> StartHandlerAsync(IReadOnlyDictionary<string, string> settings, TimeSpan timeout) =>
        AppProcess.StartAsync(PathOf("Commissioning.Functions.dll"), Root, settings, timeout);
}
