using Commissioning.Domain.Plans;

namespace Commissioning.Functions.Advisor;

/// <summary>A stored plan version and the scorecard it was given when it was submitted.</summary>
public sealed record StoredPlanVersion(Plan Plan, Scorecard Scorecard, int Version);

/// <summary>Reads a stored plan version (implemented by the plan store).</summary>
public interface IStoredPlanReader
{
    /// <summary>The given version, or the latest when <paramref name="version"/> is null; null when there is none.</summary>
    Task<StoredPlanVersion?> FindAsync(string council, string reference, int? version, CancellationToken cancellationToken);
}

/// <summary>
/// Keeps an advisor run: writes <c>guidance/{council}/{reference}/v{n}.advisor.json</c> and renders the guidance
/// again with the new narrative (implemented by the plan store).
/// </summary>
public interface INarrativeStore
{
    Task SaveAsync(StoredPlanVersion stored, AdvisorResult result, CancellationToken cancellationToken);
}

/// <summary>What the regenerate endpoint answers: the narrative and how it was written (the raw output stays in storage).</summary>
public sealed record NarrativeResponse(
    string Council,
    string Reference,
    int Version,
    string Source,
    string? Model,
    AdvisorFallbackReason? Reason,
    string Summary,
    IReadOnlyDictionary<string, string> AdviceByCriterion);
