using System.Text.RegularExpressions;

namespace Commissioning.Functions.Tests.Guidance;

/// <summary>
/// A small, strict check of the guidance HTML: every '&lt;' opens a tag of the expected shape, attributes are
/// double-quoted and drawn from the few the template uses (so plan text cannot have added one), and tags balance.
/// </summary>
public static partial class HtmlShape
{
    private static readonly HashSet<string> VoidElements = ["meta", "br", "hr", "img", "link", "input", "wbr"];

    private static readonly HashSet<string> TemplateAttributes =
        ["lang", "charset", "name", "content", "http-equiv", "class", "id", "href", "scope", "aria-label", "aria-labelledby", "role"];

    public static void AssertWellFormed(string html)
    {
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        var open = new Stack<string>();
        for (var at = html.IndexOf('<', StringComparison.Ordinal); at >= 0; at = html.IndexOf('<', at + 1))
        {
            if (at == 0)
            {
                continue;
            }

            var tag = Tag().Match(html, at);
            Assert.True(tag.Success && tag.Index == at, $"Not a well-formed tag at {at}: {Excerpt(html, at)}");
            var name = tag.Groups["name"].Value;
            foreach (Capture attribute in tag.Groups["attribute"].Captures)
            {
                Assert.Contains(attribute.Value, TemplateAttributes);
            }

            if (tag.Groups["close"].Success)
            {
                Assert.True(open.Count > 0, $"</{name}> closes nothing at {at}");
                Assert.Equal(open.Pop(), name);
            }
            else if (!VoidElements.Contains(name))
            {
                open.Push(name);
            }
        }

        Assert.Empty(open);
    }

    /// <summary>Every href and src in the page.</summary>
    public static IReadOnlyList<string> References(string html) =>
        Reference().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups["value"].Value)).ToList();

    public static IReadOnlyList<string> Ids(string html) =>
        Id().Matches(html).Select(m => m.Groups["value"].Value).ToList();

    private static string Excerpt(string html, int at) => html.Substring(Math.Max(0, at - 40), Math.Min(120, html.Length - Math.Max(0, at - 40)));

    [GeneratedRegex("""\G<(?<close>/)?(?<name>[a-z][a-z0-9]*)(?:\s+(?<attribute>[a-z-]+)="[^"<>]*")*\s*>""")]
    private static partial Regex Tag();

    [GeneratedRegex("\\s(?:href|src)=\"(?<value>[^\"]*)\"")]
    private static partial Regex Reference();

    [GeneratedRegex("\\sid=\"(?<value>[^\"]*)\"")]
    private static partial Regex Id();
}
