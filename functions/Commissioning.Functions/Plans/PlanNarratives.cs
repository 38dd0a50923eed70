using Commissioning.Domain.Plans;
using Commissioning.Functions.Advisor;
using Commissioning.Functions.Guidance;

namespace Commissioning.Functions.Plans;

/// <summary>
/// The advisor's view of stored plans: it reads a visible version (the plan as submitted and the scorecard it was
/// given), and keeps a narrative by rendering that version's guidance again with it and storing the raw model
/// output beside the guidance.
/// </summary>
public sealed class PlanNarratives(PlanStore store, GuidanceRenderer guidance) : IStoredPlanReader, INarrativeStore
{
    public async Task<StoredPlanVersion?> FindAsync(string council, string reference, int? version, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(council, reference, version, cancellationToken) is not { } record)
        {
            return null;
        }

        var number = record.Version.Summary.Version;
        if (await store.ReadPlanDocumentAsync(council, reference, number, cancellationToken) is not { } document
            || PlanParser.Parse(document.ToMemory().Span) is not { IsValid: true, Plan: { } plan })
        {
            return null;
        }

        return new StoredPlanVersion(plan, record.Version.Scorecard, number);
    }

    public Task SaveAsync(StoredPlanVersion stored, AdvisorResult result, CancellationToken cancellationToken)
    {
        var council = stored.Scorecard.CouncilCode;
        var reference = stored.Scorecard.Reference;
        var documents = guidance.Render(stored.Plan, stored.Scorecard, stored.Version,
            PlanLinks.For(council, reference, stored.Version).ForGuidance(), result.Narrative);
        return store.ReplaceGuidanceAsync(council, reference, stored.Version, documents, result.ToJson(), cancellationToken);
    }
}
