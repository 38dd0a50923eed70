
namespace Commissioning.Functions.Advisor;

/// <summary>
/// Writes the advisor's narrative for a stored plan version from the narratives queue, and renders its guidance again
/// with it. A model that times out, fails or answers badly falls back to the deterministic text (the advisor decides);
/// a storage fault throws, so the queue tries again and, in the end, keeps the message in the poison queue (the
/// narrative endpoint can write it later).
/// </summary>
public sealed partial class WriteNarrativeFunction(GuidanceAdvisor advisor, IStoredPlanReader plans, INarrativeStore narratives, ILogger<WriteNarrativeFunction> logger)
{
    [Function("WriteNarrative")]
    public async Task Run([QueueTrigger(StorageLayout.NarrativesQueue)] string message, CancellationToken cancellationToken)
    {
        if (NarrativeRequest.TryRead(message) is not { } request)
        {
            LogUnreadable(logger, message.Length);
            return;
        }

        if (await plans.FindAsync(request.Council, request.Reference, request.Version, cancellationToken) is not { } stored)
        {
            LogNoSuchVersion(logger, request.Council, request.Reference, request.Version);
            return;
        }

        var result = await advisor.WriteNarrativeAsync(stored.Plan, stored.Scorecard, cancellationToken);
        await narratives.SaveAsync(stored, result, cancellationToken);
    }

    [LoggerMessage(EventId = 7102, Level = LogLevel.Error, Message = "A narratives queue message of {Length} characters is not a narrative request; dropped")]
    private static partial void LogUnreadable(ILogger logger, int length);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "No stored version {Council}/{Reference} v{Version} for its narrative; dropped")]
    private static partial void LogNoSuchVersion(ILogger logger, string council, string reference, int version);
}
