using Commissioning.Domain.Plans;

namespace Commissioning.Functions.Plans;

/// <summary>
/// A plan version, stored and visible. Raised for a new version (<see cref="IPlanSubmittedHandler"/>), and again for a
/// resubmission of the same content to the handlers that are idempotent (<see cref="IPlanResubmittedHandler"/>).
/// </summary>
public sealed record PlanSubmitted(Plan Plan, Scorecard Scorecard, PlanSummary Summary, Council? Council, PlanLinks Links);

/// <summary>
/// Runs after a new version is safely stored (notifications plug in here). A failing handler is logged and never
/// fails the submission. Handlers run before the response is sent, so they should be quick (queue slow work).
/// </summary>
public interface IPlanSubmittedHandler
{
    Task HandleAsync(PlanSubmitted submitted, CancellationToken cancellationToken);
}

/// <summary>
/// For handlers whose work is idempotent (keyed by version): also runs when the same content is submitted again.
/// A submission that stored its version and then died before its handlers ran is completed by the client's retry,
/// as the rest of the save is.
/// </summary>
public interface IPlanResubmittedHandler
{
    Task HandleResubmittedAsync(PlanSubmitted submitted, CancellationToken cancellationToken);
}
