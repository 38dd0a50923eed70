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

    public async Task<SaveOutcome> SubmitAsync(PlanDocument document, string? idempotencyKey, Actor submittedBy, CancellationToken cancellationToken)
    {
        var council = await councils.GetAsync(document.CouncilCode, cancellationToken);
        var now = time.GetUtcNow();
        var scorecard = Score(document, council, now);
        var draft = new PlanDraft(document.CouncilCode, document.Plan.Reference, document.Plan.Title, document.Bytes,
            document.ContentHash, idempotencyKey, scorecard, now, document.Plan.Service?.Category, submittedBy);

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

    private static Scorecard Score(PlanDocument document, Council? council, DateTimeOffset now) =>
        ScoringEngine.Score(document.Plan with { Council = document.Plan.Council with { Code = document.CouncilCode } },
            Rubrics.Current, council, UkTime.TodayInEngland(now));

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
