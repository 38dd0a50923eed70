using System.Reflection;
using Cronos;

namespace Commissioning.Functions.Hosting.Local;

/// <summary>
/// The local runner's timers: each timer function fires at the occurrences of its NCRONTAB schedule (UTC, as on
/// Flex Consumption), one runner at a time (a storage lease, as the host's single-instance lock), with a
/// <see cref="TimerInfo"/> like the host's: <c>IsPastDue</c> when the schedule's last recorded next occurrence passed
/// while no runner was up (the schedule monitor, kept in storage).
/// </summary>
public sealed partial class TimerScheduler(
    FunctionCatalog catalog,
    IConfiguration configuration,
    IServiceScopeFactory scopes,
    TimerScheduleStore store,
    TimeProvider clock,
    ILogger<TimerScheduler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.Timers.Where(t => !LocalRunner.IsDisabled(configuration, t)).Select(timer => RunAsync(timer, Schedule(timer), stoppingToken)));

    /// <summary>The timer's schedule, its <c>%Setting%</c> resolved from configuration as the host resolves it.</summary>
    public CronExpression Schedule(TimerFunction timer)
    {
        var text = timer.Schedule;
        if (text.Length > 2 && text[0] == '%' && text[^1] == '%')
        {
            var setting = text[1..^1];
            text = configuration[setting] is { Length: > 0 } value ? value
                : throw new InvalidOperationException($"Timer {timer.Name}: its schedule is the setting {setting}, which is not set.");
        }

        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CronExpression.Parse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
    }

    private async Task RunAsync(TimerFunction timer, CronExpression schedule, CancellationToken stoppingToken)
    {
        try
        {
            await StartAsync(timer, schedule, stoppingToken);
            while (schedule.GetNextOccurrence(clock.GetUtcNow().UtcDateTime, inclusive: false) is { } next)
            {
                var wait = new DateTimeOffset(next, TimeSpan.Zero) - clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, stoppingToken);
                }

                await FireSafelyAsync(timer, schedule, new DateTimeOffset(next, TimeSpan.Zero), isPastDue: false, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// At start-up, as the host's schedule monitor: an occurrence missed while no runner was up fires now with
    /// <c>IsPastDue</c>; a schedule seen for the first time is recorded; <c>RunOnStartup</c> fires once.
    /// </summary>
    private async Task StartAsync(TimerFunction timer, CronExpression schedule, CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow();
        if (timer.UseMonitor)
        {
            try
            {
                var status = await store.ReadAsync(timer.Name, stoppingToken);
                if (status is null)
                {
                    var next = schedule.GetNextOccurrence(now.UtcDateTime, inclusive: false) ?? DateTime.MaxValue;
                    await store.WriteAsync(timer.Name, new ScheduleStatus { Last = default, Next = next, LastUpdated = now.UtcDateTime }, stoppingToken);
                }
                else if (status.Next < now.UtcDateTime)
                {
                    await FireSafelyAsync(timer, schedule, new DateTimeOffset(status.Next, TimeSpan.Zero), isPastDue: true, stoppingToken);
                    return;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTimerFailed(logger, ex, timer.Name);
            }
        }

        if (timer.RunOnStartup)
        {
            await FireSafelyAsync(timer, schedule, now, isPastDue: false, stoppingToken);
        }
    }

    private async Task FireSafelyAsync(TimerFunction timer, CronExpression schedule, DateTimeOffset occurrence, bool isPastDue, CancellationToken stoppingToken)
    {
        try
        {
            await FireAsync(timer, schedule, occurrence, isPastDue, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The schedule must survive a failed occurrence or storage being away: the next one runs as usual.
            LogTimerFailed(logger, ex, timer.Name);
        }
    }

    /// <summary>Runs one occurrence if this runner holds the timer's lock; another runner holding it runs it instead.</summary>
    public async Task<bool> FireAsync(TimerFunction timer, CronExpression schedule, DateTimeOffset occurrence, bool isPastDue, CancellationToken cancellationToken)
    {
        await using var held = await store.TryLockAsync(timer.Name, cancellationToken);
        if (held is null)
        {
            LogHeldElsewhere(logger, timer.Name);
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var info = new TimerInfo
        {
            IsPastDue = isPastDue,
            ScheduleStatus = new ScheduleStatus
            {
                Last = occurrence.UtcDateTime,
                Next = schedule.GetNextOccurrence(now, inclusive: false) ?? DateTime.MaxValue,
                LastUpdated = now,
            },
        };

        await using var scope = scopes.CreateAsyncScope();
        var arguments = timer.Invoker.Parameters.Select(p => Argument(timer, p, info, cancellationToken)).ToArray();
        try
        {
            await timer.Invoker.InvokeAsync(scope.ServiceProvider, arguments);
        }
        finally
        {
            if (timer.UseMonitor)
            {
                await store.WriteAsync(timer.Name, info.ScheduleStatus, CancellationToken.None);
            }
        }

        return true;
    }

    private static object? Argument(TimerFunction timer, ParameterInfo parameter, TimerInfo info, CancellationToken cancellationToken) =>
        parameter.ParameterType == typeof(TimerInfo) ? info
        : parameter.ParameterType == typeof(CancellationToken) ? cancellationToken
        : throw new InvalidOperationException($"Timer {timer.Name}: parameter {parameter.Name} is neither the TimerInfo nor a CancellationToken.");

    [LoggerMessage(EventId = 9101, Level = LogLevel.Error, Message = "Timer {Function} failed; its next occurrence runs as scheduled")]
    private static partial void LogTimerFailed(ILogger logger, Exception exception, string function);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Timer {Function}: another runner holds its lock and runs this occurrence")]
    private static partial void LogHeldElsewhere(ILogger logger, string function);
}
