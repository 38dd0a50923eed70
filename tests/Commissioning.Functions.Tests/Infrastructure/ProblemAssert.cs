
namespace Commissioning.Functions.Tests.Infrastructure;

public static class ProblemAssert
{
    /// <summary>Asserts a ProblemDetails response with the status, returns its body. Never a stack trace.</summary>
    public static async Task<JsonObject> IsProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, body["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(body["title"]?.GetValue<string>()));
        Assert.StartsWith("https://", body["type"]!.GetValue<string>());
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
        return body;
    }

    /// <summary>The messages a 400 names for one path.</summary>
    public static string[] Errors(JsonObject problem, string path)
    {
        var errors = problem["errors"]?.AsObject() ?? throw new Xunit.Sdk.XunitException("no errors map in " + problem.ToJsonString());
        Assert.True(errors.ContainsKey(path), $"no error for {path} in {errors.ToJsonString()}");
        return [.. errors[path]!.AsArray().Select(m => m!.GetValue<string>())];
    }
}
