using Commissioning.Functions.Advisor;
using Commissioning.Functions.Guidance;

namespace Commissioning.Functions.Notices;

/// <summary>
/// The advisor's view of imported notices: it reads a stored version (the notice scorecard it was given on import), and
/// keeps a narrative beside it; the notice guidance reads the narrative back when it is rendered.
/// </summary>
public sealed class NoticeNarratives(NoticeStore store) : IStoredNoticeReader, INoticeNarrativeStore
{
    public async Task<StoredNoticeVersion?> FindAsync(string council, string ocid, int? version, CancellationToken cancellationToken) =>
        await store.GetAsync(council, ocid, version, cancellationToken) is { } record
            ? new StoredNoticeVersion(council, ocid, record.Version.Summary.Version, record.Version.Scorecard)
            : null;

    public Task SaveAsync(StoredNoticeVersion stored, AdvisorResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(result);
        return store.SaveNarrativeAsync(stored.Council, stored.Ocid, stored.Version, result.ToJson(), cancellationToken);
    }

    /// <summary>The narrative the guidance of a notice version shows; null when none has been written yet.</summary>
    public async Task<GuidanceNarrative?> ReadAsync(string council, string ocid, int version, CancellationToken cancellationToken) =>
        await store.ReadNarrativeAsync(council, ocid, version, cancellationToken) is { } record
            ? AdvisorResult.FromJson(record).Narrative
            : null;
}
