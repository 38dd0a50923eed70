using Commissioning.Domain.Notices;

namespace Commissioning.Functions.Advisor;

/// <summary>An imported notice version and the notice scorecard it was given when it was imported.</summary>
public sealed record StoredNoticeVersion(string Council, string Ocid, int Version, NoticeScorecard Scorecard);

/// <summary>Reads an imported notice version (implemented by the notice store).</summary>
public interface IStoredNoticeReader
{
    /// <summary>The given version (the latest when null); null when there is none.</summary>
    Task<StoredNoticeVersion?> FindAsync(string council, string ocid, int? version, CancellationToken cancellationToken);
}

/// <summary>
/// Keeps an advisor run for a notice version: <c>notices/{council}/{ocid}/v{n}.advisor.json</c>, which the notice
/// guidance shows when it is rendered (implemented by the notice store).
/// </summary>
public interface INoticeNarrativeStore
{
    Task SaveAsync(StoredNoticeVersion stored, AdvisorResult result, CancellationToken cancellationToken);
}
