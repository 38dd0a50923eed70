using System.Globalization;
using System.Text;
using Commissioning.Domain.Notices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using ValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace Commissioning.Functions.Notices;

/// <summary>A notice body read from a request: the processes it holds, or the ProblemDetails that refuses it.</summary>
public sealed record NoticeRequest(NoticeBatch? Batch, ValidationProblem? Invalid, ProblemHttpResult? Refused);

/// <summary>
/// Reads a notice body (decision 0023): <c>application/json</c> (or any <c>+json</c> type) for an OCDS release,
/// release package, record, record package or array of releases, <c>text/csv</c> for the Contracts Finder export;
/// gzip undone whether or not <c>Content-Encoding: gzip</c> says so, at most 8 MiB once undone; nothing in it is
/// fetched. Refusals: 415 for another media type or content coding, 413 naming the limit passed, 400 naming the JSON
/// path (<c>$.releases[3].ocid</c>) or the CSV row and column (<c>csv.row[12].column[releases/0/ocid]</c>).
/// </summary>
public static class NoticeRequestBody
{
    /// <summary>The largest body taken, compressed or not: 8 MiB.</summary>
    public const int MaxBytes = NoticeLimits.MaxBodyBytes;

    /// <summary>What the 413 for a body over <see cref="MaxBytes"/> says to do.</summary>
    public const string TooLargeAdvice =
        "A notice body may be at most 8 MiB (8,388,608 bytes), after gzip is undone. Send fewer releases at a time (one page of the portal's API); " +
        "for a record package, whose records carry their whole version history (versionedRelease), send the release package of the same notices instead.";

    public const string MediaTypes =
        "Send application/json (an OCDS release, release package, record, record package or an array of releases) or text/csv (the Contracts Finder export)";

    /// <summary>How the keys of a 400 name what cannot be read, for the API document.</summary>
    public const string ErrorKeys =
        "A 400 names what cannot be read: a JSON path such as $.releases[3].ocid, or for CSV csv.row[n].column[header], " +
        "the row counted from 1 with the header as row 1 and the column by its header (its number when the row has more cells than the header); " +
        "csv.row[n] when the whole row is at fault.";

    public static async Task<NoticeRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var csv = IsCsv(request.ContentType);
        if (csv is null)
        {
            return Refuse(ApiProblem.Of(ApiProblem.UnsupportedMediaType, request.ContentType is { Length: > 0 } type
                ? $"The body's Content-Type is {type}. {MediaTypes}, gzip-compressed or not."
                : $"The request has no Content-Type. {MediaTypes}, gzip-compressed or not."));
        }

        var encoding = request.Header(HeaderNames.ContentEncoding)?.Trim().ToLowerInvariant();
        var saysGzip = encoding is "gzip" or "x-gzip";
        if (encoding is not (null or "" or "identity") && !saysGzip)
        {
            return Refuse(ApiProblem.Of(ApiProblem.UnsupportedMediaType,
                $"Content-Encoding {encoding} is not read. Send the body as it is, or gzip-compressed with Content-Encoding: gzip."));
        }

        var bytes = await request.ReadBodyAsync(MaxBytes, cancellationToken);
        if (bytes is null)
        {
            return Refuse(ApiProblem.PayloadTooLarge(MaxBytes, TooLargeAdvice));
        }

        if (bytes.Length == 0)
        {
            return Invalid(csv.Value ? "csv" : "$", $"the body is empty. {MediaTypes}.");
        }

        if (saysGzip && !(bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b))
        {
            return Invalid("header.Content-Encoding", "says gzip, but the body is not gzip-compressed: send it with the header only when it is");
        }

        var opened = NoticeBody.Open(bytes);
        if (opened.Problem is { } unopened)
        {
            return Refuse(unopened, csv.Value, default);
        }

        var read = csv.Value ? NoticeReader.ReadCsv(opened.Bytes) : NoticeReader.ReadJson(opened.Bytes);
        return read.Batch is { } batch ? new NoticeRequest(batch, null, null) : Refuse(read.Problem!, csv.Value, opened.Bytes.Span);
    }

    /// <summary>True for CSV, false for JSON, null for any other media type (or none).</summary>
    private static bool? IsCsv(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return null;
        }

        var media = parsed.MediaType.Value?.ToLowerInvariant();
        return media switch
        {
            "text/csv" => true,
            "application/json" => false,
            _ when media is not null && media.StartsWith("application/", StringComparison.Ordinal) && media.EndsWith("+json", StringComparison.Ordinal) => false,
            _ => null,
        };
    }

    private static NoticeRequest Refuse(ProblemHttpResult problem) => new(null, null, problem);

    private static NoticeRequest Invalid(string key, string message) => new(null, ApiProblem.Invalid(key, message), null);

    /// <summary>413 for a limit passed (saying the limit and what to send instead), 400 for the rest, named where it is.</summary>
    private static NoticeRequest Refuse(NoticeProblem problem, bool csv, ReadOnlySpan<byte> body) => problem switch
    {
        NoticeLimitExceeded limit => Refuse(ApiProblem.Of(ApiProblem.TooLarge, Sentence(limit.Message) + (limit.Advice is { } advice ? " " + advice : string.Empty),
            new Dictionary<string, object?> { ["limit"] = EnumWords.ToWord(limit.Limit), ["allowed"] = limit.Allowed })),
        UnreadableNotice unreadable => Invalid(unreadable.Path ?? CsvKey(unreadable, csv, body), unreadable.Message),
        _ => Invalid("$", problem.Message),
    };

    private static string CsvKey(UnreadableNotice problem, bool csv, ReadOnlySpan<byte> body)
    {
        if (problem.Row is not { } row)
        {
            return csv ? "csv" : "$";
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"csv.row[{row}]");
        return problem.Column is { } column
            ? key + ".column[" + (HeaderName(body, column) ?? column.ToString(CultureInfo.InvariantCulture)) + "]"
            : key;
    }

    /// <summary>The header of a CSV column (from 1): the first line's cells, split at commas outside quotes.</summary>
    private static string? HeaderName(ReadOnlySpan<byte> body, int column)
    {
        var end = body.IndexOf((byte)'\n');
        var line = Encoding.UTF8.GetString(end < 0 ? body : body[..end]).TrimStart('\uFEFF').TrimEnd('\r');
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString().Trim());
        return column >= 1 && column <= cells.Count && cells[column - 1].Length > 0 ? cells[column - 1] : null;
    }

    private static string Sentence(string message) =>
        message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..].TrimEnd('.') + ".";
}
