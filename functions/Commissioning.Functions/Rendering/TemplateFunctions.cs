using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Commissioning.Functions.Rendering;

/// <summary>
/// Escaping functions every template can call (<c>md_escape</c>, <c>md_text</c>, <c>md_cell</c>, <c>json_string</c>,
/// <c>slack_escape</c>, <c>teams_escape</c>), beside Scriban's <c>html.escape</c>, and <c>page_title</c> for a document's title.
/// </summary>
public static class TemplateFunctions
{
    private static readonly JsonSerializerOptions JsonStringOptions = new() { Encoder = JavaScriptEncoder.Default };

    internal static string Rename(string member) => member switch
    {
        nameof(MdEscape) => "md_escape",
        nameof(MdText) => "md_text",
        nameof(MdCell) => "md_cell",
        nameof(JsonString) => "json_string",
        nameof(SlackEscape) => "slack_escape",
        nameof(PageTitle) => "page_title",
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

    /// <summary>
    /// Makes plan text inert in a line of Markdown that it does not start, escaping only what would mean something
    /// there (CommonMark with GitHub's tables and strikethrough), so the text reads as written: HTML and autolinks
    /// (<c>&lt;</c>, <c>&gt;</c>, an <c>&amp;</c> that would begin an entity), code (<c>`</c>), emphasis and strikethrough
    /// (<c>*</c> and <c>~</c> unless spaced on both sides, <c>_</c> unless inside a word), links (<c>[</c>, <c>]</c>, and
    /// <c>(</c> right after <c>]</c>), a backslash that would escape what follows, a heading's closing <c>#</c>s at the end,
    /// and template braces (<c>{{</c>, <c>}}</c>). Line breaks become spaces. "(borough-wide)" and "+6.7 points" stay as
    /// they are. The templates never put a printed string at the start of a line or right before <c>(</c> or <c>[</c>.
    /// </summary>
    public static string MdText(object? value) => EscapeMarkdown(value?.ToString() ?? string.Empty, inTableCell: false);

    /// <summary>As <see cref="MdText"/>, inside a table cell, where <c>|</c> would end the cell.</summary>
    public static string MdCell(object? value) => EscapeMarkdown(value?.ToString() ?? string.Empty, inTableCell: true);

    /// <summary>The longest title a browser tab, a bookmark or a search result shows in full.</summary>
    public const int PageTitleLength = 70;

    /// <summary>
    /// A document's <c>&lt;title&gt;</c> of at most <see cref="PageTitleLength"/> characters: the subject (say
    /// "Guidance: " and the plan's title) followed by the suffix (the reference and the product's name). A subject too
    /// long to fit is cut at a word and marked with "…"; a suffix too long to leave the subject room is cut with it.
    /// The full title stays in the page's <c>h1</c>. Not escaped: pipe it to <c>html.escape</c>.
    /// </summary>
    public static string PageTitle(object? subject, object? suffix)
    {
        var head = Flatten(subject?.ToString());
        var tail = Flatten(suffix?.ToString());
        if (Length(head) + Length(tail) <= PageTitleLength)
        {
            return head + tail;
        }

        const int subjectRoom = PageTitleLength / 2;
        return Length(tail) <= PageTitleLength - subjectRoom
            ? Shorten(head, PageTitleLength - Length(tail)) + tail
            : Shorten(head + tail, PageTitleLength);
    }

    /// <summary>Each run of white space (line breaks included) as one space.</summary>
    private static string Flatten(string? text)
    {
        var builder = new StringBuilder(text?.Length ?? 0);
        foreach (var c in text ?? string.Empty)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
            else if (builder.Length == 0 || builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }

    private static int Length(string text) => new System.Globalization.StringInfo(text).LengthInTextElements;

    /// <summary>At most <paramref name="max"/> characters (as a reader counts them), ending "…": at the last space if one
    /// is near the end, else mid-word.</summary>
    private static string Shorten(string text, int max)
    {
        var info = new System.Globalization.StringInfo(text);
        if (info.LengthInTextElements <= max)
        {
            return text;
        }

        var kept = info.SubstringByTextElements(0, max - 1);
        var space = kept.LastIndexOf(' ');
        if (space >= kept.Length - 20 && space > 0)
        {
            kept = kept[..space];
        }

        return kept.TrimEnd(' ', ',', ';', ':', '.', '-', '—', '–', '(') + "…";
    }

    private static string EscapeMarkdown(string text, bool inTableCell)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var before = i > 0 ? text[i - 1] : '\0';
            var after = i + 1 < text.Length ? text[i + 1] : '\0';
            var escape = c switch
            {
                '\\' => after == '\0' || IsAsciiPunctuation(after),
                '`' or '[' or ']' => true,
                '*' or '~' => !(IsSpace(before) && IsSpace(after)),
                '_' => !(char.IsLetterOrDigit(before) && char.IsLetterOrDigit(after)) && !(IsSpace(before) && IsSpace(after)),
                '(' => before == ']',
                '#' => ClosesAHeading(text, i),
                '{' or '}' => before == c || after == c,
                '|' => inTableCell,
                _ => false,
            };
            switch (c)
            {
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append(StartsAReference(text, i) ? "&amp;" : "&"); break;
                case '\r': break;
                case '\n': builder.Append(' '); break;
                default:
                    if (escape)
                    {
                        builder.Append('\\');
                    }
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r';

    private static bool IsAsciiPunctuation(char c) => c is (>= '!' and <= '/') or (>= ':' and <= '@') or (>= '[' and <= '`') or (>= '{' and <= '~');

    /// <summary>True for a <c>#</c> in a run of them that ends the text and follows a space (or starts it): a heading would drop it.</summary>
    private static bool ClosesAHeading(string text, int at)
    {
        var start = at;
        while (start > 0 && text[start - 1] == '#')
        {
            start--;
        }
        var end = at;
        while (end + 1 < text.Length && text[end + 1] == '#')
        {
            end++;
        }
        return (start == 0 || IsSpace(text[start - 1])) && text.AsSpan(end + 1).IsWhiteSpace();
    }

    /// <summary>True when the <c>&amp;</c> at <paramref name="at"/> begins what Markdown reads as an entity or character reference (<c>&amp;amp;</c>, <c>&amp;#38;</c>).</summary>
    private static bool StartsAReference(string text, int at)
    {
        var i = at + 1;
        if (i < text.Length && text[i] == '#')
        {
            i++;
        }
        var start = i;
        while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
        {
            i++;
        }
        return i > start && i < text.Length && text[i] == ';';
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
