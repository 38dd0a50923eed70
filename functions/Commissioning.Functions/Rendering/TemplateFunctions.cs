using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Commissioning.Functions.Rendering;

/// <summary>Escaping functions every template can call (<c>md_escape</c>, <c>json_string</c>, <c>slack_escape</c>, <c>teams_escape</c>), beside Scriban's <c>html.escape</c>.</summary>
public static class TemplateFunctions
{
    private static readonly JsonSerializerOptions JsonStringOptions = new() { Encoder = JavaScriptEncoder.Default };

    internal static string Rename(string member) => member switch
    {
        nameof(MdEscape) => "md_escape",
        nameof(JsonString) => "json_string",
        nameof(SlackEscape) => "slack_escape",
        nameof(TeamsEscape) => "teams_escape",
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

    /// <summary>
    /// Makes plan text inert in a Teams Adaptive Card <c>TextBlock</c> (or fact), whose text Teams renders as Markdown:
    /// no link (<c>[x](url)</c>, <c>&lt;url&gt;</c>), emphasis, code, heading, quote or list, no HTML entity and no
    /// <c>{{DATE(…)}}</c> function. Backslash escapes only the characters that would act, so ordinary punctuation
    /// (<c>&amp;</c> in "Health &amp; care", full stops, hyphens) reads as typed; a line break becomes a space.
    /// Compose with <c>json_string</c> to put the result in JSON. Not for action titles, which are shown as written.
    /// </summary>
    public static string TeamsEscape(object? value)
    {
        var text = (value?.ToString() ?? string.Empty).TrimStart();
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '{' or '}' or '~' or '|':
                    builder.Append('\\').Append(c);
                    break;
                case '&' when IsEntity(text, i):
                    builder.Append("\\&");
                    break;
                case '\r':
                    break;
                case '\n':
                    builder.Append(' ');
                    break;
                case '#' or '-' or '+' or '=' when builder.Length == 0:
                    builder.Append('\\').Append(c);   // a heading, list item or rule only at the start of the text
                    break;
                case '.' or ')' when IsListNumber(builder):
                    builder.Append('\\').Append(c);   // "2026. Review" would be item 2026 of a numbered list
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>True when the <c>&amp;</c> at <paramref name="at"/> starts an entity such as <c>&amp;amp;</c> or <c>&amp;#60;</c>.</summary>
    private static bool IsEntity(string text, int at)
    {
        var end = at + 1;
        while (end < text.Length && end - at <= 32 && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '#'))
        {
            end++;
        }

        return end > at + 1 && end < text.Length && text[end] == ';';
    }

    /// <summary>True when everything written so far is 1–9 digits: the number of a numbered list item.</summary>
    private static bool IsListNumber(StringBuilder written)
    {
        if (written.Length is 0 or > 9)
        {
            return false;
        }

        for (var i = 0; i < written.Length; i++)
        {
            if (!char.IsAsciiDigit(written[i]))
            {
                return false;
            }
        }

        return true;
    }
}
