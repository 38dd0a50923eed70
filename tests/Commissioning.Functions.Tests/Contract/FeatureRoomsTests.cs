using System.Text.RegularExpressions;
using Commissioning.Functions.Hosting;

namespace Commissioning.Functions.Tests.Contract;

/// <summary>
/// One feature, one room: a feature's functions live in its folder, features depend on the shared rooms and on each
/// other one way only, and the shared rooms depend on no feature. Read from the source, as a newcomer reads it.
/// </summary>
public sealed partial class FeatureRoomsTests
{
    private static readonly string[] Features = ["Plans", "Councils", "Summaries", "Notifications", "Notices", "Advisor", "Reference", "Health", "Web"];
    private static readonly string[] SharedRooms = ["Shared", "Storage", "Problems", "Access", "ApiDocument", "Rendering", "Guidance", "Hosting"];

    [Fact]
    public void EveryFunctionWhoseRouteStartsWithAFeatureIsDefinedInThatFeaturesFolder()
    {
        var routed = FunctionCatalog.App.Http
            .Select(f => (Function: f, Segment: f.Route.Split('/')[0]))
            .Where(f => f.Segment is "plans" or "councils" or "summaries" or "notices")
            .ToList();

        Assert.Contains(routed, f => f.Segment == "plans");
        Assert.All(routed, f => Assert.Equal(
            $"Commissioning.Functions.{char.ToUpperInvariant(f.Segment[0])}{f.Segment[1..]}",
            f.Function.Method.DeclaringType!.Namespace));
    }

    [Fact]
    public void FeaturesDependOnEachOtherOneWayAndTheSharedRoomsOnNoFeature()
    {
        var graph = Dependencies();

        foreach (var room in SharedRooms)
        {
            var onFeatures = graph.GetValueOrDefault(room, []).Where(Features.Contains).ToList();
            Assert.True(onFeatures.Count == 0, $"{room} depends on {string.Join(", ", onFeatures)}");
        }

        var cycle = FindCycle(graph, Features);
        Assert.True(cycle is null, $"features depend on each other in a ring: {string.Join(" -> ", cycle ?? [])}");
    }

    [Fact]
    public void TheDependencyReaderSeesAUsingAndAQualifiedName()
    {
        var rooms = RoomTypes();
        Assert.Equal(["Plans"], Referenced("using Commissioning.Functions.Plans;\nclass X { }", rooms));
        Assert.Equal(["Advisor"], Referenced("class X { Advisor.GuidanceAdvisor a; }", rooms));
        Assert.Empty(Referenced("class X { int n = Reference.Length; } // Plans.PlanStore", rooms));
    }

    private static Dictionary<string, HashSet<string>> Dependencies()
    {
        var rooms = RoomTypes();
        var folder = RepositoryPaths.Combine("functions", "Commissioning.Functions");
        var graph = new Dictionary<string, HashSet<string>>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal) || !relative.Contains('/'))
            {
                continue;
            }

            var room = relative.Split('/')[0];
            var set = graph.TryGetValue(room, out var existing) ? existing : graph[room] = [];
            set.UnionWith(Referenced(File.ReadAllText(file), rooms).Where(r => r != room));
        }

        return graph;
    }

    /// <summary>The rooms a source file refers to: by a using directive, or by a room-qualified name of one of its types.</summary>
    private static IEnumerable<string> Referenced(string source, IReadOnlyDictionary<string, HashSet<string>> rooms)
    {
        var code = Strings().Replace(Comments().Replace(source, string.Empty), "\"\"");
        var found = new HashSet<string>(Usings().Matches(code).Select(m => m.Groups[1].Value).Where(rooms.ContainsKey));
        foreach (Match match in Qualified().Matches(code))
        {
            if (rooms.TryGetValue(match.Groups[1].Value, out var types) && types.Contains(match.Groups[2].Value))
            {
                found.Add(match.Groups[1].Value);
            }
        }

        return found.Order(StringComparer.Ordinal);
    }

    private static IReadOnlyDictionary<string, HashSet<string>> RoomTypes() =>
        typeof(FunctionCatalog).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Commissioning.Functions.", StringComparison.Ordinal) == true)
            .GroupBy(t => t.Namespace!.Split('.')[2])
            .ToDictionary(g => g.Key, g => g.Select(t => t.Name.Split('`')[0]).ToHashSet(StringComparer.Ordinal));

    private static List<string>? FindCycle(Dictionary<string, HashSet<string>> graph, string[] nodes)
    {
        var state = new Dictionary<string, int>();
        var path = new List<string>();

        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node, []).Where(nodes.Contains))
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return [.. path.SkipWhile(n => n != next), next];
                }

                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        return nodes.Where(n => state.GetValueOrDefault(n) == 0).Select(Visit).FirstOrDefault(c => c is not null);
    }

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex("\"(?:[^\"\\\\\\n]|\\\\.)*\"")]
    private static partial Regex Strings();

    [GeneratedRegex(@"using\s+Commissioning\.Functions\.(\w+)\s*;")]
    private static partial Regex Usings();

    [GeneratedRegex(@"(?<![\w.])(\w+)\.(I?[A-Z]\w*)")]
    private static partial Regex Qualified();
}
