namespace Commissioning.Functions.Summaries;

/// <summary>
/// Stands in for the Functions timer when the handler runs on its own (<c>dotnet run</c>, no
/// FUNCTIONS_CUSTOMHANDLER_PORT): wakes at the top of every hour and runs the same code the timer does, which
/// decides whether a summary is due. Under the host this is not registered; the timer trigger fires instead.
/// </summary>
public sealed class WeeklySummaryScheduler(IServiceScopeFactory scopes, TimeProvider clock, ILogger<WeeklySummaryScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(UntilNextHour(clock.GetUtcNow()), clock, stoppingToken);
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<WeeklySummarySender>().RunDueAsync(isPastDue: false, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Storage or the council list being unavailable this hour must not stop the scheduler.
                SummaryLog.SchedulerRunFailed(logger, ex);
            }
        }
    }

    /// <summary>Time until the next top of the hour (a full hour when exactly on it: that hour has just run).</summary>
    public static TimeSpan UntilNextHour(DateTimeOffset now)
    {
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, now.Offset);
        return hour.AddHours(1) - now;
    }
}
