namespace Commissioning.Domain.Notices;

/// <summary>
/// How much one notice body may hold (design: notices.md §14). An FTS page of 100 releases is about 1–2 MB and a
/// Contracts Finder page about 0.6 MB, so the limits leave room for ordinary pages and stop what would tie up a worker.
/// </summary>
public static class NoticeLimits
{
    /// <summary>The largest body read, after any gzip is undone: 8 MiB.</summary>
    public const int MaxBodyBytes = 8 * 1024 * 1024;

    /// <summary>Releases, records or CSV rows in one body.</summary>
    public const int MaxReleases = 1_000;

    /// <summary>Contracting processes (ocids) in one body.</summary>
    public const int MaxProcesses = 200;

    /// <summary>Releases that make up one contracting process.</summary>
    public const int MaxReleasesPerProcess = 100;

    /// <summary>Lots in one tender; a tender with more is reported, not scored.</summary>
    public const int MaxLotsPerTender = 500;

    /// <summary>Nesting deeper than this is refused (an OCDS release needs about ten levels).</summary>
    public const int MaxDepth = 64;
}
