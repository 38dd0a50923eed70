namespace Commissioning.Functions.Tests.Infrastructure;

/// <summary>Finds files of the repository from a running test (host.json, templates/, node_modules/...).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Commissioning.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Commissioning.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// The function app's own build output (bin/{Configuration}/net10.0 of functions/Commissioning.Functions): where the
/// Functions SDK wrote functions.metadata, worker.config.json and extensions.json beside the app, as the host reads them.
/// </summary>
public static class BuiltApp
{
    /// <summary>Release or Debug, as this test assembly was built.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Replace('\\', '/').Contains("/bin/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";

    public static string Folder { get; } = RepositoryPaths.Combine("functions", "Commissioning.Functions", "bin", Configuration, "net10.0");

    public static string Dll => Path.Combine(Folder, "Commissioning.Functions.dll");

    public static string PathOf(string file)
    {
        var path = Path.Combine(Folder, file);
        return File.Exists(path) ? path
            : throw new InvalidOperationException($"{path} is missing: build the solution first (dotnet build -c {Configuration}).");
    }
}
