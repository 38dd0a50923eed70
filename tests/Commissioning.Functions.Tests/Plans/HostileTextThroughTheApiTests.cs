using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Functions.Tests.Plans;

/// <summary>
/// Plan text is data through the whole front door: markup and template syntax sent in any field of a submission come
/// out inert in the guidance the store keeps (the renderer alone is tested in Guidance/GuidanceEscapingTests).
/// </summary>
public sealed class HostileTextThroughTheApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Hostile = "<script>alert('x')</script> {{ model.secret }} <img src=x onerror=alert(1)>";

    private static void FillEveryTextField(JsonObject plan)
    {
        plan["title"] = "Hubs " + Hostile;
        plan["narrative"] = Hostile;
        plan["commissioner"]!["name"] = Hostile;
        plan["commissioner"]!["team"] = Hostile;
        plan["council"]!["name"] = Hostile;
        var service = plan["service"]!;
        service["description"] = Hostile;
        service["neighbourhoods"] = new JsonArray(Hostile, "Shephall");
        service["linkedServices"] = new JsonArray(Hostile);
        plan["budget"]!["grantConsidered"] = Hostile;
        var procurement = plan["procurement"]!;
        procurement["lots"]![0]!["name"] = Hostile;
        procurement["localDefinition"] = Hostile;
        procurement["socialValueMeasures"]![0]!["description"] = Hostile;
        procurement["noLotsReason"] = Hostile;
        procurement["reservationReason"] = Hostile;
        plan["market"]!["engagement"]![0]!["organisations"]![0]!["name"] = Hostile;
        plan["coDesign"]!["activities"]![0]!["groups"] = new JsonArray(Hostile);
    }

    [Fact]
    public async Task ScriptAndTemplateSyntaxInEveryTextFieldComeOutEscapedInHtmlAndInertInMarkdown()
    {
        using var client = await fixture.Api.CouncilAsync();
        var submitted = await client.PostAsync("/api/plans", TestPlans.Content(reference: "HOSTILE-1", change: FillEveryTextField));
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());

        var html = await client.GetAsync("/api/plans/E07000243/HOSTILE-1/guidance?format=html");
        var markdown = await client.GetStringAsync("/api/plans/E07000243/HOSTILE-1/guidance?format=md");
        var htmlText = await html.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script", htmlText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", htmlText, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("model.secret", htmlText);   // the template syntax is shown as text, never evaluated
        Assert.Contains("&lt;script&gt;", htmlText);
        Assert.Equal("nosniff", html.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("default-src 'none'", html.Headers.GetValues("Content-Security-Policy").Single());

        Assert.DoesNotContain("<script", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("{{ model", markdown);   // braces escaped: inert wherever the Markdown is rendered
        Assert.Contains("model.secret", markdown);
        Assert.Contains("&lt;script&gt;", markdown);
    }
}
