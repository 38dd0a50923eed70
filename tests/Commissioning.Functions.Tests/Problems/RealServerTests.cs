using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Functions.Tests.Problems;

/// <summary>The local runner on real Kestrel over loopback TCP.</summary>
public sealed class RealServerTests(KestrelApiFixture fixture) : IClassFixture<KestrelApiFixture>
{
    private CommissioningApi Api => fixture.Api;

    [Fact]
    public async Task AnOversizedStreamedBodyGetsA413ProblemNotADroppedConnection()
    {
        using var council = await Api.CouncilAsync();
        var body = new byte[1024 * 1024 + 10];
        Array.Fill(body, (byte)' ');
        var content = new StreamContent(new MemoryStream(body));   // no Content-Length: chunked, so the limit bites while reading
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/plans") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await council.SendAsync(request);

        await ProblemAssert.IsProblem(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task TheHealthFunctionAnswersOverRealHttp()
    {
        using var client = Api.Anonymous();

        var response = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!.GetValue<string>());
    }
}
