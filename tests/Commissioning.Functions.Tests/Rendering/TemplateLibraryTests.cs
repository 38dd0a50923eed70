using System.Text.Json;
using Commissioning.Functions.Rendering;

namespace Commissioning.Functions.Tests.Rendering;

public sealed class TemplateLibraryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("templates-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ABrokenTemplateStopsLoadingNamingItsFileAndLine()
    {
        File.WriteAllText(Path.Combine(_folder, "good.html.sbn"), "<p>{{ model.title | html.escape }}</p>");
        File.WriteAllText(Path.Combine(_folder, "broken.md.sbn"), "line one\nline two\n{{ for x in }}\n");

        var error = Assert.Throws<TemplateLoadException>(() => new TemplateLibrary(_folder));

        Assert.Equal("broken.md.sbn", error.File);
        Assert.Equal(3, error.Line);
        Assert.Contains("broken.md.sbn line 3", error.Message);
    }

    [Fact]
    public void RenderingExposesTheModelCamelCaseAndRejectsUnknownVariables()
    {
        File.WriteAllText(Path.Combine(_folder, "t.sbn"), "{{ model.plan_title }}|{{ model.planTitle }}");
        File.WriteAllText(Path.Combine(_folder, "strict.sbn"), "{{ nothing_here }}");
        var library = new TemplateLibrary(_folder);

        Assert.Throws<Scriban.Syntax.ScriptRuntimeException>(() => library.Render("t.sbn", new { PlanTitle = "Hubs" }));
        Assert.Throws<Scriban.Syntax.ScriptRuntimeException>(() => library.Render("strict.sbn", new { }));
    }

    [Fact]
    public void TheModelIsReadableUnderItsCamelCaseNames()
    {
        File.WriteAllText(Path.Combine(_folder, "t.sbn"), "{{ model.planTitle | html.escape }}");
        var library = new TemplateLibrary(_folder);

        Assert.Equal("&lt;b&gt;Hubs&lt;/b&gt;", library.Render("t.sbn", new { PlanTitle = "<b>Hubs</b>" }));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;")]
    [InlineData("{{ model.secret }}", "\\{\\{ model.secret \\}\\}")]
    [InlineData("[click](javascript:x) *bold* # h", "\\[click\\]\\(javascript:x\\) \\*bold\\* \\# h")]
    public void MarkdownEscapingMakesPlanTextInert(string text, string expected)
    {
        Assert.Equal(expected, TemplateFunctions.MdEscape(text));
    }

    [Theory]
    [InlineData("say \"hi\"\nnext line")]
    [InlineData("<b>&amp; 🎉 \\ </b>")]
    public void JsonStringAlwaysRoundTripsTheText(string text)
    {
        var literal = TemplateFunctions.JsonString(text);
        Assert.Equal(text, JsonSerializer.Deserialize<string>(literal));
        Assert.DoesNotContain("<", literal);
    }
}
