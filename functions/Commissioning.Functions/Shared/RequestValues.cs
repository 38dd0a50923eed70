namespace Commissioning.Functions.Shared;

public static class RequestValues
{
    /// <summary>A query value, or null when absent (a repeated value counts as its first).</summary>
    public static string? Query(this HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}
