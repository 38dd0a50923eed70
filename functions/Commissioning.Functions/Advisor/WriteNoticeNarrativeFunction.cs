
namespace Commissioning.Functions.Advisor;

/// <summary>
/// Writes the advisor's narrative for an imported notice version from the notice narratives queue and keeps it beside
/// the version, where the notice guidance finds it. The prompt and the narrative open with the notice label: this is a
/// published notice, never a plan the council submitted. A model that times out, fails or answers badly falls back to
/// the deterministic notice text (the advisor decides); a storage fault throws, so the queue tries again and, in the
/// end, keeps the message in the poison queue.
/// </summary>
public sealed partial class WriteNoticeNarrativeFunction(
    GuidanceAdvisor advisor, IStoredNoticeReader notices, INoticeNarrativeStore narratives, ILogger<WriteNoticeNarrativeFunction> logger)
{
    [Function("WriteNoticeNarrative")]
    public async Task Run([QueueTrigger(StorageLayout.NoticeNarrativesQueue)] string message, CancellationToken cancellationToken)
    {
        if (NoticeNarrativeRequest.TryRead(message) is not { } request)
        {
            LogUnreadable(logger, message.Length);
            return;
        }

        if (await notices.FindAsync(request.Council, request.Ocid, request.Version, cancellationToken) is not { } stored)
        {
            LogNoSuchVersion(logger, request.Council, request.Ocid, request.Version);
            return;
        }

        var result = await advisor.WriteNoticeNarrativeAsync(stored, cancellationToken);
        await narratives.SaveAsync(stored, result, cancellationToken);
    }

    [LoggerMessage(EventId = 7112, Level = LogLevel.Error, Message = "A notice narratives queue message of {Length} characters is not a notice narrative request; dropped")]
    private static partial void LogUnreadable(ILogger logger, int length);

    [LoggerMessage(EventId = 7113, Level = LogLevel.Warning, Message = "No imported notice version {Council}/{Ocid} v{Version} for its narrative; dropped")]
    private static partial void LogNoSuchVersion(ILogger logger, string council, string ocid, int version);
}
