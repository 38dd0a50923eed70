using Commissioning.Functions.Advisor;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Plans;

/// <summary>
/// With a model configured, each new plan version goes on the narratives queue, where the advisor's
/// <see cref="WriteNarrativeFunction"/> writes its narrative: the submission answers at once with the deterministic
/// guidance and only waits for the enqueue.
/// </summary>
public sealed class NarrativeOnSubmission(WorkQueues queues, IOptions<AdvisorOptions> advisor) : IPlanSubmittedHandler
{
    public Task HandleAsync(PlanSubmitted submitted, CancellationToken cancellationToken) =>
        advisor.Value.IsEnabled
            ? new NarrativeRequest(submitted.Summary.Council, submitted.Summary.Reference, submitted.Summary.Version).EnqueueAsync(queues, cancellationToken)
            : Task.CompletedTask;
}
