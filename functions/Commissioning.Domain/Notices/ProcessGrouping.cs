using System.Globalization;

namespace Commissioning.Domain.Notices;

/// <summary>
/// Gathers releases into contracting processes by ocid (Bluetail suffixes stripped) as they are read, enforcing the
/// release, process and per-process limits as soon as one is passed.
/// </summary>
internal sealed class ProcessGrouping
{
    private readonly Dictionary<string, Builder> byOcid = new(StringComparer.Ordinal);
    private readonly List<Builder> inOrder = [];

    public int Releases { get; private set; }

    /// <summary>Counts one release, record or row against <see cref="NoticeLimits.MaxReleases"/>.</summary>
    public NoticeLimitExceeded? Count()
    {
        Releases++;
        return Releases > NoticeLimits.MaxReleases
            ? new NoticeLimitExceeded(NoticeLimit.Releases, NoticeLimits.MaxReleases,
                string.Create(CultureInfo.InvariantCulture, $"the body holds more than {NoticeLimits.MaxReleases:N0} releases, records or rows; the most accepted in one request is {NoticeLimits.MaxReleases:N0}"),
                "Send the releases in several requests, for example one page of the portal's API at a time.")
            : null;
    }

    public NoticeLimitExceeded? AddRelease(string publishedOcid, ReleaseSlice release) =>
        For(publishedOcid, out var builder) ?? builder.Add(release);

    public NoticeLimitExceeded? AddRecord(string publishedOcid, ReleaseSlice? compiled, IReadOnlyList<ReleaseSlice> releases, IReadOnlyList<NoticeLink> linked)
    {
        var problem = For(publishedOcid, out var builder);
        if (problem is not null)
        {
            return problem;
        }
        builder.Compiled = compiled ?? builder.Compiled;
        builder.Linked.AddRange(linked);
        foreach (var release in releases)
        {
            if (builder.Add(release) is { } tooMany)
            {
                return tooMany;
            }
        }
        return null;
    }

    public IReadOnlyList<NoticeProcess> Build(bool fromCsv) => inOrder.ConvertAll(b => new NoticeProcess
    {
        Ocid = b.Ocid,
        PublishedOcids = [.. b.PublishedOcids.Where(o => !string.Equals(o, b.Ocid, StringComparison.Ordinal))],
        Releases = [.. b.Releases.OrderBy(r => OcdsDates.Instant(r.Date) ?? DateTimeOffset.MinValue)],
        CompiledRelease = b.Compiled,
        LinkedReleases = b.Linked,
        FromCsv = fromCsv,
    });

    private NoticeLimitExceeded? For(string publishedOcid, out Builder builder)
    {
        var ocid = Ocids.Normalise(publishedOcid);
        if (!byOcid.TryGetValue(ocid, out builder!))
        {
            builder = new Builder(ocid);
            byOcid.Add(ocid, builder);
            inOrder.Add(builder);
            if (inOrder.Count > NoticeLimits.MaxProcesses)
            {
                return new NoticeLimitExceeded(NoticeLimit.Processes, NoticeLimits.MaxProcesses,
                    string.Create(CultureInfo.InvariantCulture, $"the body holds more than {NoticeLimits.MaxProcesses} contracting processes (ocids); the most accepted in one request is {NoticeLimits.MaxProcesses}"),
                    "Send fewer processes at a time.");
            }
        }
        if (!builder.PublishedOcids.Contains(publishedOcid))
        {
            builder.PublishedOcids.Add(publishedOcid);
        }
        return null;
    }

    private sealed class Builder(string ocid)
    {
        public string Ocid => ocid;
        public List<string> PublishedOcids { get; } = new(1);
        public List<ReleaseSlice> Releases { get; } = new(1);
        public List<NoticeLink> Linked { get; } = [];
        public ReleaseSlice? Compiled { get; set; }

        public NoticeLimitExceeded? Add(ReleaseSlice release)
        {
            Releases.Add(release);
            return Releases.Count > NoticeLimits.MaxReleasesPerProcess
                ? new NoticeLimitExceeded(NoticeLimit.ReleasesPerProcess, NoticeLimits.MaxReleasesPerProcess,
                    string.Create(CultureInfo.InvariantCulture, $"process {ocid} has more than {NoticeLimits.MaxReleasesPerProcess} releases; the most accepted for one process is {NoticeLimits.MaxReleasesPerProcess}"),
                    "Send that process's record (its compiledRelease) instead of every release.")
                : null;
        }
    }
}
