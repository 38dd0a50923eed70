using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Functions.Tests.Web;

/// <summary>How the pages and their files are served: one route, strict security headers, nothing outside the folder.</summary>
public sealed class WebAppServingTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("/api/app/", "Commission local by default")]
    [InlineData("/api/app/plan", "Write a commissioning plan")]
    [InlineData("/api/app/scorecard?council=E07000243&reference=X", "scorecard.js")]
    [InlineData("/api/app/council", "Your council's plans")]
    public async Task EachPageIsServedAsHtmlWithAPolicyThatForbidsInlineScript(string address, string expected)
    {
        using var client = fixture.Api.Anonymous();

        var response = await client.GetAsync(address);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/api/app/assets/plan.js", "text/javascript")]
    [InlineData("/api/app/assets/app.css", "text/css")]
    public async Task AssetsAreServedWithTheirOwnTypeAndNosniff(string address, string mediaType)
    {
        using var client = fixture.Api.Anonymous();

        var response = await client.GetAsync(address);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/app/nowhere")]
    [InlineData("/api/app/assets/missing.js")]
    [InlineData("/api/app/assets/..%2F..%2FCommissioning.Functions.dll")]
    [InlineData("/api/app/assets/../plan.html")]
    [InlineData("/api/app/plan.html")]
    public async Task AnythingElseUnderAppIsANotFoundProblem(string address)
    {
        using var client = fixture.Api.Anonymous();

        var response = await client.GetAsync(address);

        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task NoPagesContainInlineScriptsOrStyles()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Web", "wwwroot");
        var pages = Directory.GetFiles(folder, "*.html");
        Assert.Equal(4, pages.Length);
        foreach (var page in pages)
        {
            var html = await File.ReadAllTextAsync(page);
            Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", html);
            Assert.DoesNotContain("style=", html);
            Assert.DoesNotContain("<style", html);
        }

        foreach (var script in Directory.GetFiles(Path.Combine(folder, "assets"), "*.js"))
        {
            Assert.DoesNotContain("innerHTML", await File.ReadAllTextAsync(script));
        }
    }
}
