namespace Commissioning.Functions.Shared;

public static class RequestValues
{
    /// <summary>A query value, or null when absent (a repeated value counts as its first).</summary>
    public static string? Query(this HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>A header value, or null when absent (repeated values are joined with commas).</summary>
    public static string? Header(this HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;

    /// <summary>
    /// The whole body, or null when it is longer than <paramref name="limit"/> bytes: said by Content-Length, found
    /// while reading, or refused by the server's own limit for the request (Kestrel's 413) part way through.
    /// </summary>
    public static async Task<byte[]?> ReadBodyAsync(this HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }
}

/// <summary>The <c>Idempotency-Key</c> header: a retry with the same key gets what the first request did.</summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const string Rule = "must be 1–200 printable characters";

    /// <summary>True when absent, or 1–200 characters with no control character.</summary>
    public static bool IsValid(string? key) => key is null || (key.Length is > 0 and <= 200 && !key.Any(char.IsControl));
}
