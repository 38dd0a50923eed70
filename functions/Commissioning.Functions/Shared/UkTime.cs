namespace Commissioning.Functions.Shared;

/// <summary>
/// UK time, for everything dated as councils see it (plans' weeks, today's thresholds, the weekly summary). Timers in
/// Azure run in UTC with no time-zone setting, so the code converts:
/// 08:00 in London is 08:00 UTC in winter and 07:00 UTC in summer. The IANA zone comes from the system's tz data
/// (present on Linux even with invariant globalisation); if a machine has none, the UK rule itself is used
/// (summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October).
/// </summary>
public static class UkTime
{
    public const string ZoneId = "Europe/London";

    /// <summary>The UK's summer-time rule since 1996, for machines without tz data.</summary>
    public static TimeZoneInfo UkRule { get; } = TimeZoneInfo.CreateCustomTimeZone(
        ZoneId,
        TimeSpan.Zero,
        "United Kingdom",
        "Greenwich Mean Time",
        "British Summer Time",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                new DateTime(1996, 1, 1),
                DateTime.MaxValue.Date,
                TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 1, 0, 0), 3, 5, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 10, 5, DayOfWeek.Sunday)),
        ]);

    /// <summary>Europe/London from the system's tz data, else <see cref="UkRule"/> (declared first: static fields start in order).</summary>
    public static TimeZoneInfo UkZone { get; } = Resolve();

    public static DateTime ToUkTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, UkZone).DateTime;

    /// <summary>Today's date in England at <paramref name="instant"/>.</summary>
    public static DateOnly TodayInEngland(DateTimeOffset instant) => DateOnly.FromDateTime(ToUkTime(instant));

    private static TimeZoneInfo Resolve()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return UkRule;
        }
    }
}
