
namespace Commissioning.Functions.Summaries;

internal static partial class SummaryLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Weekly summary check at {UkTime:yyyy-MM-dd HH:mm} UK time: nothing due")]
    public static partial void NothingDue(ILogger logger, DateTime ukTime);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Weekly summaries for {Week} are due ({Councils} councils, past due: {IsPastDue})")]
    public static partial void RunStarting(ILogger logger, IsoWeek week, int councils, bool isPastDue);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Weekly summary {Council} {Week}: {Outcome} ({Recipients} recipients, attempt {Attempt})")]
    public static partial void CouncilDone(ILogger logger, string council, IsoWeek week, CouncilSummaryOutcome outcome, int recipients, int attempt);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "Weekly summary {Council} {Week} failed; the next run will try again")]
    public static partial void CouncilFailed(ILogger logger, Exception exception, string council, IsoWeek week);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Weekly summary {Council} {Week} resumed from {State}, left by an earlier run")]
    public static partial void Resuming(ILogger logger, string council, IsoWeek week, SummaryRunState state);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "The in-process weekly summary run failed; it will run again next hour")]
    public static partial void SchedulerRunFailed(ILogger logger, Exception exception);
}
