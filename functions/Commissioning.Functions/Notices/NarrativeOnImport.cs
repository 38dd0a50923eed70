using Commissioning.Functions.Advisor;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Notices;

/// <summary>
/// With a model configured, each new notice version an import stores goes on the notice narratives queue, where the
/// advisor's <see cref="WriteNoticeNarrativeFunction"/> writes its narrative: the import only waits for the enqueue.
/// Without a model nothing is queued and the notice guidance reads as it always has.
/// </summary>
public sealed class NarrativeOnImport(WorkQueues queues, IOptions<AdvisorOptions> advisor)
{
    public Task HandleAsync(NoticeSummary stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return advisor.Value.IsEnabled
            ? new NoticeNarrativeRequest(stored.Council, stored.Ocid, stored.Version).EnqueueAsync(queues, cancellationToken)
            : Task.CompletedTask;
    }
}
