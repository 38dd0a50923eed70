namespace Commissioning.Domain.Summaries;

/// <summary>
/// When a weekly summary is due, read on the council's local clock (the caller converts to UK time).
/// The rule: on a Monday at or after the send hour, the previous ISO week (Monday–Sunday) is due for every council
/// that has not had it yet. The timer fires hourly on Mondays, so a run missed at 08:00 is caught up at 09:00 or
/// later the same day, and the per-council record makes the send happen once.
/// </summary>
public static class SummaryTiming
{
    /// <summary>The week whose summary is due at <paramref name="localTime"/>, or null when none is.</summary>
    public static IsoWeek? WeekDue(DateTime localTime, int sendHour)
    {
        if (localTime.DayOfWeek != DayOfWeek.Monday || localTime.Hour < sendHour)
        {
            return null;
        }

        return IsoWeek.Of(DateOnly.FromDateTime(localTime)).AddWeeks(-1);
    }

    /// <summary>
    /// The week due when the timer reports a missed run (<c>IsPastDue</c>): the latest week whose send time (the Monday
    /// after it at the send hour) has passed, whatever day it is now. A summary already sent is not sent again.
    /// </summary>
    public static IsoWeek LatestWeekDue(DateTime localTime, int sendHour)
    {
        var thisWeek = IsoWeek.Of(DateOnly.FromDateTime(localTime));
        var sentThisMonday = localTime.DayOfWeek != DayOfWeek.Monday || localTime.Hour >= sendHour;
        return thisWeek.AddWeeks(sentThisMonday ? -1 : -2);
    }

    /// <summary>
    /// True when <paramref name="week"/> has ended by <paramref name="localTime"/>: a summary of it may be previewed or
    /// sent. The current and future weeks are never summarised.
    /// </summary>
    public static bool HasEnded(IsoWeek week, DateTime localTime) => week < IsoWeek.Of(DateOnly.FromDateTime(localTime));
}
