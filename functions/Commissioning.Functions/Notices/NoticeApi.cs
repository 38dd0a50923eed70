namespace Commissioning.Functions.Notices;

/// <summary>What the two functions that read a notice body say about it in the API document, and their shared answers.</summary>
internal static class NoticeApi
{
    public const string BodyDescription =
        "An OCDS release, release package, record, record package or array of releases (application/json or any +json type), or the " +
        "Contracts Finder CSV export (text/csv), optionally gzip-compressed (Content-Encoding: gzip, or recognised by its first bytes). " +
        "At most 8 MiB once gzip is undone, 1,000 releases (records, rows), 200 contracting processes, 100 releases a process. " +
        "Nothing in it is fetched: links.next, uri, documents[].url and linked releases are listed in received.linksNotFollowed. " +
        NoticeRequestBody.ErrorKeys;

    public const string TooLarge =
        "Over a limit: the body over 8 MiB (after gzip), or more than 1,000 releases, 200 processes or 100 releases in one process. " +
        "The detail states the limit and what to send instead (for a record package with version history, the release package); limit and allowed name it.";

    public const string Unsupported = "The Content-Type is neither application/json (or +json) nor text/csv, or the Content-Encoding is neither gzip nor identity.";

    public const string NothingToScore =
        "Nothing in the body is a tender that can be scored (award or contract notices only, update releases only, releases given only as links…): " +
        "reasons lists each process as {ocid, status, reason}.";

    /// <summary>422: the body was read, but holds no tender to score; each process and why.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Unprocessable(IReadOnlyList<NoticeReason> reasons) =>
        ApiProblem.Of(ApiProblem.Unprocessable,
            $"Nothing in the body is a tender that can be scored: {reasons.Count} {(reasons.Count == 1 ? "process was" : "processes were")} read, and each is listed in reasons with why.",
            new Dictionary<string, object?> { ["reasons"] = reasons });
}
