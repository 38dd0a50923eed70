using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace Commissioning.Domain.Notices;

/// <summary>The bytes of a notice body ready to read, or why they cannot be.</summary>
public sealed record NoticeBodyResult(ReadOnlyMemory<byte> Bytes, bool WasGzip, NoticeProblem? Problem)
{
    public bool IsReadable => Problem is null;
}

/// <summary>
/// Undoes optional gzip (recognised by its magic bytes, whatever the headers say) with a cap, so a small compressed
/// body cannot expand past <see cref="NoticeLimits.MaxBodyBytes"/>. In memory only: nothing is fetched or written.
/// </summary>
public static class NoticeBody
{
    private const int SniffBytes = 64 * 1024;

    public static NoticeBodyResult Open(ReadOnlyMemory<byte> body, int maxBytes = NoticeLimits.MaxBodyBytes)
    {
        var span = body.Span;
        if (span.Length >= 2 && span[0] == 0x1f && span[1] == 0x8b)
        {
            return Gunzip(body, maxBytes);
        }
        return body.Length > maxBytes
            ? new NoticeBodyResult(default, false, TooLarge(body.Span[..Math.Min(body.Length, SniffBytes)], maxBytes, body.Length))
            : new NoticeBodyResult(body, false, null);
    }

    private static NoticeBodyResult Gunzip(ReadOnlyMemory<byte> body, int maxBytes)
    {
        using var compressed = new MemoryStream(body.ToArray(), writable: false);
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        var buffer = ArrayPool<byte>.Shared.Rent(81_920);
        var output = new MemoryStream();
        try
        {
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    output.Write(buffer, 0, read);
                    var prefix = output.GetBuffer().AsSpan(0, (int)Math.Min(output.Length, SniffBytes));
                    return new NoticeBodyResult(default, true, TooLarge(prefix, maxBytes, null));
                }
                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            return new NoticeBodyResult(default, true, new UnreadableNotice("the body starts like gzip but cannot be decompressed; send it uncompressed or as valid gzip"));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return new NoticeBodyResult(output.GetBuffer().AsMemory(0, (int)output.Length), true, null);
    }

    private static NoticeLimitExceeded TooLarge(ReadOnlySpan<byte> prefix, int maxBytes, long? actual)
    {
        var size = actual is { } bytes
            ? string.Create(CultureInfo.InvariantCulture, $"the body is {bytes:N0} bytes")
            : "the body is larger once decompressed";
        var message = string.Create(CultureInfo.InvariantCulture, $"{size}; the most accepted is {maxBytes:N0} bytes ({maxBytes / (1024 * 1024)} MiB, after gzip is undone)");
        var advice = StartsAsRecordPackage(prefix)
            ? "This looks like a record package; records with their version history (versionedRelease) grow large. Send the release package for the same notices instead."
            : "Send fewer releases at a time (one page of the portal's API).";
        return new NoticeLimitExceeded(NoticeLimit.BodyBytes, maxBytes, message, advice);
    }

    /// <summary>True when the first top-level property names seen include <c>records</c> (read leniently: the prefix is cut short).</summary>
    private static bool StartsAsRecordPackage(ReadOnlySpan<byte> prefix)
    {
        var reader = new Utf8JsonReader(prefix, isFinalBlock: false, default);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    if (reader.ValueTextEquals("records"u8))
                    {
                        return true;
                    }
                    if (reader.ValueTextEquals("releases"u8))
                    {
                        return false;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON at all: the size is still the problem to report.
        }
        return false;
    }
}
