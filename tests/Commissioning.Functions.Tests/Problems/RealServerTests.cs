using System.Net;
using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Functions.Tests.Problems;

/// <summary>The handler on real Kestrel over loopback TCP, as the Functions host reaches it.</summary>
public sealed class RealServerTests : IAsyncLifetime
{
    private Azurite _azurite = null!;
    private CommissioningApi _api = null!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartNewAsync();
        _api = new CommissioningApi(_azurite);
        _api.UseKestrel(0);
        _api.StartServer();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task AnOversizedStreamedBodyGetsA413ProblemNotADroppedConnection()
    {
        using var council = await _api.CouncilAsync();
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
    public async Task TheRootAnswersOverRealHttp()
    {
        using var client = _api.Anonymous();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Keep it Local", await response.Content.ReadAsStringAsync());
    }
}
