using System.Text.Json.Serialization;

namespace Commissioning.Domain.Notices;

/// <summary>
/// What one notice body holds, read once: the releases grouped into contracting processes (one per ocid), still as
/// slices of the body's bytes, so nothing is held as a document until a process is compiled.
/// </summary>
public sealed record NoticeBatch
{
    public required NoticeContainer Container { get; init; }
    /// <summary>Releases, records or CSV rows read.</summary>
    public required int Releases { get; init; }
    public required IReadOnlyList<NoticeProcess> Processes { get; init; }
    /// <summary>Addresses in the body that were not followed (<c>links.next</c>, linked releases); reported, never fetched.</summary>
    public required IReadOnlyList<NoticeLink> Links { get; init; }
    /// <summary>The package's <c>license</c>, when it states one.</summary>
    public string? Licence { get; init; }
    /// <summary>The package's <c>publisher.name</c>.</summary>
    public string? Publisher { get; init; }
}

/// <summary>How the body was packaged (design: notices.md §2).</summary>
public enum NoticeContainer
{
    [JsonStringEnumMemberName("release")] Release,
    [JsonStringEnumMemberName("release-package")] ReleasePackage,
    [JsonStringEnumMemberName("release-list")] ReleaseList,
    [JsonStringEnumMemberName("record")] Record,
    [JsonStringEnumMemberName("record-package")] RecordPackage,
    [JsonStringEnumMemberName("contracts-finder-csv")] ContractsFinderCsv,
}

/// <summary>An address in the body, with what it was for. Nothing is ever fetched from it.</summary>
public sealed record NoticeLink(string Path, string Url, string What);

/// <summary>One contracting process: every release (or the record) that carries its ocid, in date order.</summary>
public sealed record NoticeProcess
{
    /// <summary>The ocid with Bluetail's suffix removed.</summary>
    public required string Ocid { get; init; }
    /// <summary>The ocids as published, when one differs from <see cref="Ocid"/>.</summary>
    public IReadOnlyList<string> PublishedOcids { get; init; } = [];
    /// <summary>Its releases, oldest first (by <c>date</c>; undated ones first, in document order).</summary>
    public required IReadOnlyList<ReleaseSlice> Releases { get; init; }
    /// <summary>A record's <c>compiledRelease</c>, used as it stands.</summary>
    public ReleaseSlice? CompiledRelease { get; init; }
    /// <summary>A record's releases given only as links: not fetched.</summary>
    public IReadOnlyList<NoticeLink> LinkedReleases { get; init; } = [];
    /// <summary>True when read from the Contracts Finder CSV export (flags are "1" or empty there).</summary>
    public bool FromCsv { get; init; }
}

/// <summary>The bytes of one release inside the body, with where it sits and the fields read to group it.</summary>
public sealed record ReleaseSlice(ReadOnlyMemory<byte> Json, string Path, string? Id, string? Date);
