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

    /// <summary>
    /// Renders share Scriban's built-ins and the accessors of model types: concurrent renders of different models and
    /// templates must each get exactly what a render on its own gives, and a template that assigns keeps it to itself.
    /// </summary>
    [Fact]
    public async Task ConcurrentRendersOfDifferentModelsEachGetTheirOwnOutput()
    {
        File.WriteAllText(Path.Combine(_folder, "a.html.sbn"), "{{ n = model.count * 2 }}<p>{{ model.planTitle | html.escape }} {{ n }} {{ model.items | array.join \",\" }}</p>");
        File.WriteAllText(Path.Combine(_folder, "b.md.sbn"), "{{ n = model.score }}{{ model.name | md_escape }}: {{ n }} {{ model.name | string.upcase }}");
        var library = new TemplateLibrary(_folder);
        var expectedA = Enumerable.Range(0, 8).Select(i => library.Render("a.html.sbn", new ModelA($"<b>{i}</b>", i, [$"x{i}", "y"]))).ToArray();
        var expectedB = Enumerable.Range(0, 8).Select(i => library.Render("b.md.sbn", new ModelB($"*plan {i}*", i * 10))).ToArray();
        Assert.Equal("<p>&lt;b&gt;3&lt;/b&gt; 6 x3,y</p>", expectedA[3]);
        Assert.Equal("\\*plan 3\\*: 30 *PLAN 3*", expectedB[3]);

        var renders = Enumerable.Range(0, 16).Select(worker => Task.Run(() =>
        {
            for (var round = 0; round < 200; round++)
            {
                var i = (worker + round) % 8;
                Assert.Equal(expectedA[i], library.Render("a.html.sbn", new ModelA($"<b>{i}</b>", i, [$"x{i}", "y"])));
                Assert.Equal(expectedB[i], library.Render("b.md.sbn", new ModelB($"*plan {i}*", i * 10)));
            }
        }));
        await Task.WhenAll(renders);
    }

    private sealed record ModelA(string PlanTitle, int Count, string[] Items);

    private sealed record ModelB(string Name, int Score);

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;")]
    [InlineData("{{ model.secret }}", "\\{\\{ model.secret \\}\\}")]
    [InlineData("[click](javascript:x) *bold* # h", "\\[click\\]\\(javascript:x\\) \\*bold\\* \\# h")]
    public void MarkdownEscapingMakesPlanTextInert(string text, string expected)
    {
        Assert.Equal(expected, TemplateFunctions.MdEscape(text));
    }

    [Theory]
    [InlineData("Integrated community support services (borough-wide)", "Integrated community support services (borough-wide)")]
    [InlineData("+6.7 points · 50% of £1,000 - 2 * 3 ~ 4 a|b #1!", "+6.7 points · 50% of £1,000 - 2 * 3 ~ 4 a|b #1!")]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("{{ model.secret }} {single}", "\\{\\{ model.secret \\}\\} {single}")]
    [InlineData("[click](javascript:x) ![img](y)", "\\[click\\]\\(javascript:x) !\\[img\\]\\(y)")]
    [InlineData("*bold* **strong** ~~gone~~ x*y", "\\*bold\\* \\*\\*strong\\*\\* \\~\\~gone\\~\\~ x\\*y")]
    [InlineData("snake_case _this_ and_", "snake_case \\_this\\_ and\\_")]
    [InlineData("`code` C:\\path \\* end\\", "\\`code\\` C:\\path \\\\\\* end\\\\")]
    [InlineData("AT&T & more &amp; &#38; &x", "AT&T & more &amp;amp; &amp;#38; &x")]
    [InlineData("Lot ## ", "Lot \\#\\# ")]
    [InlineData("one\r\ntwo\nthree", "one two three")]
    public void MarkdownTextEscapesOnlyWhatWouldMeanSomethingInALine(string text, string expected)
    {
        Assert.Equal(expected, TemplateFunctions.MdText(text));
    }

    [Theory]
    [InlineData("a | b", "a \\| b")]
    [InlineData("<b>x</b> | *y*", "&lt;b&gt;x&lt;/b&gt; \\| \\*y\\*")]
    public void MarkdownCellsAlsoEscapeTheCellSeparator(string text, string expected)
    {
        Assert.Equal(expected, TemplateFunctions.MdCell(text));
        Assert.Equal(expected.Replace("\\|", "|", StringComparison.Ordinal), TemplateFunctions.MdText(text));
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
