
namespace Commissioning.Domain.Tests.Plans;

/// <summary>The plans in tests/data, and small edits that break them one field at a time.</summary>
internal static class PlanDocuments
{
    public static string Full { get; } = Read("plan-full.json");
    public static string Minimal { get; } = Read("plan-minimal.json");

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", name));

    /// <summary>plan-full.json with <paramref name="edits"/> applied, written back out as JSON.</summary>
    public static string FullWith(params Action<JsonObject>[] edits)
    {
        var plan = JsonNode.Parse(Full)!.AsObject();
        foreach (var edit in edits) edit(plan);
        return plan.ToJsonString();
    }

    /// <summary>Sets the value at a dotted path such as <c>procurement.lots[1].value</c>.</summary>
    public static Action<JsonObject> Set(string path, JsonNode? value) => plan =>
    {
        var (parent, last) = Walk(plan, path);
        if (last is int index) parent.AsArray()[index] = value;
        else parent.AsObject()[(string)last] = value;
    };

    public static Action<JsonObject> Remove(string path) => plan =>
    {
        var (parent, last) = Walk(plan, path);
        if (!parent.AsObject().Remove((string)last)) throw new ArgumentException($"{path} is not in the plan.");
    };

    /// <summary>Renames a field, keeping its value (to make typos).</summary>
    public static Action<JsonObject> Rename(string path, string newName) => plan =>
    {
        var (parent, last) = Walk(plan, path);
        var obj = parent.AsObject();
        var value = obj[(string)last];
        obj.Remove((string)last);
        obj[newName] = value?.DeepClone();
    };

    public static JsonArray Repeat(int count, Func<int, JsonNode> item) => [.. Enumerable.Range(0, count).Select(item)];

    private static (JsonNode Parent, object Last) Walk(JsonObject plan, string path)
    {
        var steps = new List<object>();
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0)
            {
                steps.Add(part);
                continue;
            }
            steps.Add(part[..bracket]);
            foreach (var index in part[(bracket + 1)..^1].Split("]["))
                steps.Add(int.Parse(index, System.Globalization.CultureInfo.InvariantCulture));
        }

        JsonNode node = plan;
        foreach (var step in steps.SkipLast(1))
            node = (step is int i ? node.AsArray()[i] : node.AsObject()[(string)step]) ?? throw new ArgumentException($"{path}: {step} is missing");
        return (node, steps[^1]);
    }
}
