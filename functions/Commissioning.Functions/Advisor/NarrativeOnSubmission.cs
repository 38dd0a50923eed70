using System.Threading.Channels;
using Commissioning.Functions.Plans;

namespace Commissioning.Functions.Advisor;

/// <summary>
/// With a model configured, each new plan version gets the advisor's narrative in the background: the submission
/// answers at once with the deterministic guidance, and the guidance is rendered again when the narrative is ready
/// (seconds later, bounded by <c>Advisor:Timeout</c>). A narrative lost to a restart can be written again with
/// <c>POST /api/plans/{council}/{reference}/narrative</c>.
/// </summary>
/// <remarks>The narrative store (the plan store's) is looked up when the first narrative is kept, so the advisor
/// feature can be hosted without the plans feature.</remarks>
public sealed partial class NarrativeOnSubmission(
    GuidanceAdvisor advisor,
    IServiceProvider services,
    ILogger<NarrativeOnSubmission> logger)
    : BackgroundService, IPlanSubmittedHandler
{
    private readonly Channel<StoredPlanVersion> _queue = Channel.CreateBounded<StoredPlanVersion>(
        new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public Task HandleAsync(PlanSubmitted submitted, CancellationToken cancellationToken)
    {
        _queue.Writer.TryWrite(new StoredPlanVersion(submitted.Plan, submitted.Scorecard, submitted.Summary.Version));
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var stored in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                var result = await advisor.WriteNarrativeAsync(stored.Plan, stored.Scorecard, stoppingToken);
                await services.GetRequiredService<INarrativeStore>().SaveAsync(stored, result, stoppingToken);
            }
            catch (Azure.RequestFailedException ex)
            {
                LogNotKept(logger, ex, stored.Scorecard.CouncilCode, stored.Scorecard.Reference, stored.Version);
            }
        }
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "The advisor's narrative for {Council}/{Reference} v{Version} could not be stored; regenerate it with the narrative endpoint")]
    private static partial void LogNotKept(ILogger logger, Exception exception, string council, string reference, int version);
}
