using System.Text.Json;

namespace Commissioning.Domain.Notices;

/// <summary>
/// One contracting process compiled from its releases (or taken from a record's compiledRelease), held as a document
/// until it is mapped. Dispose it when done: the document rents pooled memory.
/// </summary>
public sealed class CompiledNotice : IDisposable
{
    private readonly JsonDocument document;

    internal CompiledNotice(JsonDocument document, NoticeProcess process, IReadOnlyList<string> releaseIds, IReadOnlyList<string> tags,
        IReadOnlyList<NoticeDocument> notices, IReadOnlyList<string> notes)
    {
        this.document = document;
        Process = process;
        ReleaseIds = releaseIds;
        Tags = tags;
        Notices = notices;
        Notes = notes;
    }

    public NoticeProcess Process { get; }
    public string Ocid => Process.Ocid;
    public NoticePortal Portal => Ocids.PortalOf(Process.Ocid);
    /// <summary>The compiled release.</summary>
    public JsonElement Release => document.RootElement;
    /// <summary>The id of every release that went into it, oldest first (derived and noted where a release has none).</summary>
    public IReadOnlyList<string> ReleaseIds { get; }
    /// <summary>Every release tag seen, in order (a compiled release's own tag is just "compiled").</summary>
    public IReadOnlyList<string> Tags { get; }
    /// <summary>The notice documents found in every section.</summary>
    public IReadOnlyList<NoticeDocument> Notices { get; }
    /// <summary>What compiling had to assume, in words.</summary>
    public IReadOnlyList<string> Notes { get; }
    /// <summary>The earliest release date, for the regime gate when the notice states no publication date.</summary>
    public DateOnly? EarliestReleaseDate => Process.Releases.Select(r => OcdsDates.UkDate(r.Date)).FirstOrDefault(d => d is not null)
                                            ?? OcdsDates.UkDate(Process.CompiledRelease?.Date);

    public void Dispose() => document.Dispose();
}
