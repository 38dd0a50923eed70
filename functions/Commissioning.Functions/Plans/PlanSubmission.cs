using Commissioning.Domain.Plans;
using Commissioning.Functions.Guidance;

namespace Commissioning.Functions.Plans;

/// <summary>Submitting a plan end to end: score it, store it with its guidance, tell whoever listens.</summary>
public sealed partial class PlanSubmission(
    PlanStore store,
    ICouncilDirectory councils,
    GuidanceRenderer guidance,
    IEnumerable<IPlanSubmittedHandler> listeners,
    IEnumerable<IPlanResubmittedHandler> resubmissionListeners,
    TimeProvider time,
    ILogger<PlanSubmission> logger)
{
    /// <summary>Scores a plan against the council's record (if registered) as of today in England. Nothing is stored.</summary>
    public async Task<Scorecard> ScoreAsync(PlanDocument document, CancellationToken cancellationToken)
    {
        var council = await councils.GetAsync(document.CouncilCode, cancellationToken);
        return Score(document, council, time.GetUtcNow());
    }

    /// <summary>Scores a plan as of today in England and stores it as a new version dated now.</summary>
    public Task<SaveOutcome> SubmitAsync(PlanDocument document, string? idempotencyKey, Actor submittedBy, CancellationToken cancellationToken) =>
        SaveAsync(document, idempotencyKey, submittedBy, time.GetUtcNow(), importedAt: null, cancellationToken);

    /// <summary>
    /// Stores a plan a council submitted before it came to this service, dated <paramref name="originallySubmittedAt"/>
    /// (not in the future): scored with the thresholds in force that day, listed in that day's week, recorded as
    /// imported now. Its channels are not told: an old plan is history, not news. Everything else is a submission's.
    /// </summary>
    public Task<SaveOutcome> ImportAsync(PlanDocument document, DateTimeOffset originallySubmittedAt, string? idempotencyKey, Actor importedBy,
        CancellationToken cancellationToken) =>
        SaveAsync(document, idempotencyKey, importedBy, originallySubmittedAt, importedAt: time.GetUtcNow(), cancellationToken);

    private async Task<SaveOutcome> SaveAsync(PlanDocument document, string? idempotencyKey, Actor submittedBy, DateTimeOffset submittedAt,
        DateTimeOffset? importedAt, CancellationToken cancellationToken)
    {
        var council = await councils.GetAsync(document.CouncilCode, cancellationToken);
        var scorecard = Score(document, council, submittedAt);
        var draft = new PlanDraft(document.CouncilCode, document.Plan.Reference, document.Plan.Title, document.Bytes,
            document.ContentHash, idempotencyKey, scorecard, submittedAt, document.Plan.Service?.Category, submittedBy, importedAt);

        var outcome = await store.SaveAsync(draft, document.Plan,
            (plan, scored, version) => guidance.Render(plan, scored, version, PlanLinks.For(draft.Council, draft.Reference, version).ForGuidance()),
            cancellationToken);

        var summary = outcome.Stored.Summary;
        var submitted = new PlanSubmitted(document.Plan, outcome.Stored.Scorecard, summary, council,
            PlanLinks.For(summary.Council, summary.Reference, summary.Version));
        if (!outcome.Created)
        {
            LogResubmitted(logger, summary.Council, summary.Reference, summary.Version);
            if (outcome.Stored.ContentHash == draft.ContentHash)
            {
                // The same content again may be the retry of a submission that died after storing its version:
                // idempotent listeners finish what it started (their keys stop anything happening twice).
                await NotifyAsync(submitted, resubmissionListeners, (listener, plan) => listener.HandleResubmittedAsync(plan, CancellationToken.None));
            }

            return outcome;
        }

        LogStored(logger, summary.Council, summary.Reference, summary.Version, summary.Score, BandWords.ToWord(summary.Band), summary.AlertsCount);
        await NotifyAsync(submitted, listeners, (listener, plan) => listener.HandleAsync(plan, CancellationToken.None));
        return outcome;
    }

    /// <summary>Scores as of the day in England of <paramref name="asOf"/>: today, or an imported plan's original date.</summary>
    private static Scorecard Score(PlanDocument document, Council? council, DateTimeOffset asOf) =>
        ScoringEngine.Score(document.Plan with { Council = document.Plan.Council with { Code = document.CouncilCode } },
            Rubrics.Current, council, UkTime.TodayInEngland(asOf));

    /// <summary>
    /// Runs listeners once the version is stored. A caller hanging up must not stop the news going out, so they get no
    /// cancellation; a listener's failure is logged and never fails a stored submission.
    /// </summary>
    private async Task NotifyAsync<TListener>(PlanSubmitted submitted, IEnumerable<TListener> targets, Func<TListener, PlanSubmitted, Task> notify)
        where TListener : notnull
    {
        foreach (var listener in targets)
        {
            try
            {
                await notify(listener, submitted);
            }
#pragma warning disable CA1031 // a listener's failure must never fail a stored submission
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogListenerFailed(logger, ex, listener.GetType().Name, submitted.Summary.Council, submitted.Summary.Reference, submitted.Summary.Version);
            }
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Stored plan {Council}/{Reference} v{Version}: {Score} {Band}, {AlertsCount} alerts")]
    private static partial void LogStored(ILogger logger, string council, string reference, int version, int score, string band, int alertsCount);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Plan {Council}/{Reference} resubmitted unchanged: returning v{Version}")]
    private static partial void LogResubmitted(ILogger logger, string council, string reference, int version);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "{Listener} failed for plan {Council}/{Reference} v{Version}")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception, string listener, string council, string reference, int version);
}
