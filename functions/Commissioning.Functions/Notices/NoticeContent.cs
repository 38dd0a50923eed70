using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Commissioning.Domain.Notices;

namespace Commissioning.Functions.Notices;

/// <summary>
/// What one contracting process of a body holds, as stored: its releases (or its record) as a document that can be
/// sent again, and the hash that says whether an import has seen it before. The hash is of each release's JSON with
/// its members sorted and no white space, so the same notice sent in another package, indented or re-ordered, is the
/// same content (decision 0022).
/// </summary>
public static class NoticeContent
{
    /// <summary>Lowercase hex SHA-256 over the process's releases in order (then its record's compiledRelease), canonical.</summary>
    public static string Hash(NoticeProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var buffer = new MemoryStream();
        hash.AppendData("notice-content/1\n"u8);
        foreach (var slice in Slices(process))
        {
            buffer.SetLength(0);
            using (var writer = new Utf8JsonWriter(buffer))
            using (var document = JsonDocument.Parse(slice.Json))
            {
                WriteCanonical(writer, document.RootElement);
            }

            hash.AppendData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            hash.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// The process as it was read, as JSON this service reads again: a release package of its releases, or a record
    /// package of its record. A Contracts Finder CSV row is kept as the release it was read as.
    /// </summary>
    public static byte[] Document(NoticeProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (process.CompiledRelease is { } compiled)
            {
                writer.WriteStartArray("records");
                writer.WriteStartObject();
                writer.WriteString("ocid", process.Ocid);
                writer.WritePropertyName("compiledRelease");
                writer.WriteRawValue(compiled.Json.Span, skipInputValidation: true);
                WriteReleases(writer, process);
                writer.WriteEndObject();
                writer.WriteEndArray();
            }
            else
            {
                WriteReleases(writer, process);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteReleases(Utf8JsonWriter writer, NoticeProcess process)
    {
        writer.WriteStartArray("releases");
        foreach (var release in process.Releases)
        {
            writer.WriteRawValue(release.Json.Span, skipInputValidation: true);
        }

        writer.WriteEndArray();
    }

    private static IEnumerable<ReleaseSlice> Slices(NoticeProcess process) =>
        process.CompiledRelease is { } compiled ? process.Releases.Append(compiled) : process.Releases;

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            default:
                writer.WriteRawValue(Encoding.UTF8.GetBytes(element.GetRawText()), skipInputValidation: true);
                break;
        }
    }
}
