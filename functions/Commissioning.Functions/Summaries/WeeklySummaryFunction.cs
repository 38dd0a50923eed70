
namespace Commissioning.Functions.Summaries;

/// <summary>
/// The weekly councillor summary's timer. Flex Consumption runs timers in UTC with no time-zone setting, so it fires
/// hourly on Mondays (setting <c>WeeklySummarySchedule</c>) and the sender decides whether it is 08:00 in London;
/// a council-week marker makes it exactly once (decision 0005). A run the host missed arrives with <c>IsPastDue</c>.
/// </summary>
public sealed partial class WeeklySummaryFunction(WeeklySummarySender sender, ILogger<WeeklySummaryFunction> logger)
{
    public const string ScheduleSetting = "WeeklySummarySchedule";

    [Function("WeeklySummary")]
    public async Task Run([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        LogFired(logger, timer.IsPastDue, timer.ScheduleStatus?.Last, timer.ScheduleStatus?.Next);
        var report = await sender.RunDueAsync(timer.IsPastDue, cancellationToken);
        foreach (var line in report.LogLines())
        {
            LogReport(logger, line);
        }
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Weekly summary timer (past due: {IsPastDue}; last {Last}, next {Next})")]
    private static partial void LogFired(ILogger logger, bool isPastDue, DateTime? last, DateTime? next);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "{Line}")]
    private static partial void LogReport(ILogger logger, string line);
}
