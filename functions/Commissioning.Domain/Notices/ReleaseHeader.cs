using System.Text.Json;

namespace Commissioning.Domain.Notices;

/// <summary>
/// The few top-level fields of a release read without building a document: enough to group it by process and order
/// it by date. A linked release (a record's <c>{url, date, tag}</c>) has a url and no ocid.
/// </summary>
internal readonly record struct ReleaseHeader(string? Ocid, string? Id, string? Date, string? Url)
{
    public static ReleaseHeader Peek(ReadOnlySpan<byte> release)
    {
        var reader = new Utf8JsonReader(release, new JsonReaderOptions { MaxDepth = NoticeLimits.MaxDepth });
        string? ocid = null, id = null, date = null, url = null;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("ocid"u8)) ocid = Text(ref reader);
            else if (name.SequenceEqual("id"u8)) id = Text(ref reader);
            else if (name.SequenceEqual("date"u8)) date = Text(ref reader);
            else if (name.SequenceEqual("url"u8)) url = Text(ref reader);
            else reader.Skip();
        }
        return new ReleaseHeader(ocid, id, date, url);
    }

    /// <summary>A string value, or a number's text (some publishers give ids as numbers); blank counts as absent.</summary>
    private static string? Text(ref Utf8JsonReader reader)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
            _ => null,
        };
        reader.Skip();
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
