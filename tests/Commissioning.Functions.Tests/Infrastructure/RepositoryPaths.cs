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
