using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Commissioning.Functions.Rendering;

/// <summary>Escaping functions every template can call (<c>md_escape</c>, <c>json_string</c>, <c>slack_escape</c>), beside Scriban's <c>html.escape</c>.</summary>
public static class TemplateFunctions
{
    private static readonly JsonSerializerOptions JsonStringOptions = new() { Encoder = JavaScriptEncoder.Default };

    internal static string Rename(string member) => member switch
    {
        nameof(MdEscape) => "md_escape",
        nameof(JsonString) => "json_string",
        nameof(SlackEscape) => "slack_escape",
        _ => member,
    };

    /// <summary>
    /// Makes plan text inert in Markdown: escapes the characters Markdown and HTML give meaning to, and breaks
    /// template braces, so the text reads as text wherever the Markdown is rendered.
    /// </summary>
    public static string MdEscape(object? value)
    {
        var text = value?.ToString() ?? string.Empty;
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                case '\r': break;
                case '\n': builder.Append(' '); break;
                case '\\' or '`' or '*' or '_' or '{' or '}' or '[' or ']' or '(' or ')' or '#' or '+' or '!' or '|' or '~':
                    builder.Append('\\').Append(c);
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A JSON string literal, quotes included, safe for any text (quotes, newlines, emoji, &lt;, &amp;).</summary>
    public static string JsonString(object? value) => JsonSerializer.Serialize(value?.ToString() ?? string.Empty, JsonStringOptions);

    /// <summary>
    /// Makes plan text inert in Slack <c>mrkdwn</c> (and the message <c>text</c> fallback): Slack asks for exactly
    /// <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> to be escaped, so <c>&lt;!channel&gt;</c> or <c>&lt;url|label&gt;</c> in a plan stays text.
    /// Compose with <c>json_string</c> to put the result in JSON.
    /// </summary>
    public static string SlackEscape(object? value) =>
        (value?.ToString() ?? string.Empty).Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
