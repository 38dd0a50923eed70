using System.Net;

namespace Commissioning.Domain.Notices;

/// <summary>
/// Text as a notice publishes it, made fit for a plan field (design: notices.md §5.9): HTML entities decoded
/// (Contracts Finder's older releases carry <c>&amp;amp;</c>, <c>&amp;#039;</c>), surrounding spaces trimmed, capped
/// to the plan's length. Mojibake is kept as published (no encoding is guessed), and the literal "rn" of this
/// project's Scottish and Welsh copies is never rewritten: real words contain it.
/// </summary>
internal static class NoticeText
{
    public static CleanText? Clean(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var decoded = text.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(text) : text;
        var trimmed = decoded.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }
        var capped = trimmed.Length > maxLength ? Cut(trimmed, maxLength) : trimmed;
        return new CleanText(capped, Decoded: !ReferenceEquals(decoded, text) && decoded != text, Capped: capped.Length < trimmed.Length);
    }

    /// <summary>Up to <paramref name="maxLength"/> characters, never splitting a surrogate pair.</summary>
    public static string Cut(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }
        var length = Math.Min(maxLength, text.Length);
        if (length > 0 && length < text.Length && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }
        return text[..length].TrimEnd();
    }

    /// <summary>About <paramref name="around"/> characters either side of a match, on one line, for a hint.</summary>
    public static string Excerpt(string text, int index, int length, int around = 80)
    {
        var start = Math.Max(0, index - around);
        var end = Math.Min(text.Length, index + length + around);
        var excerpt = text[start..end].ReplaceLineEndings(" ").Trim();
        return (start > 0 ? "…" : "") + excerpt + (end < text.Length ? "…" : "");
    }
}

internal sealed record CleanText(string Text, bool Decoded, bool Capped)
{
    /// <summary>Direct when copied as published; converted when entities were decoded or the text was cut.</summary>
    public MappingMethod Method => Decoded || Capped ? MappingMethod.Converted : MappingMethod.Direct;

    public string? Note => (Decoded, Capped) switch
    {
        (true, true) => "HTML entities decoded; cut to the plan's length",
        (true, false) => "HTML entities decoded",
        (false, true) => "cut to the plan's length",
        _ => null,
    };
}
