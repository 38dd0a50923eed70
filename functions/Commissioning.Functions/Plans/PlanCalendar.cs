using System.Globalization;
using System.Text.RegularExpressions;

namespace Commissioning.Functions.Plans;

/// <summary>Dates as councils see them: today's date in England, and ISO weeks written 2026-W05.</summary>
public static partial class PlanCalendar
{
    private static readonly TimeZoneInfo England = FindEngland();

    public static DateOnly TodayInEngland(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, England).DateTime);

    public static string IsoWeek(DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(day):D4}-W{ISOWeek.GetWeekOfYear(day):D2}";
    }

    public static string IsoWeek(DateTimeOffset instant) => IsoWeek(TodayInEngland(instant));

    /// <summary>Accepts <c>2026-W05</c> (a week that exists in that year), rejects anything else.</summary>
    public static bool TryParseIsoWeek(string? value, out string week)
    {
        week = string.Empty;
        var match = value is null ? Match.Empty : WeekPattern().Match(value.Trim());
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var number = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2999 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        week = $"{year:D4}-W{number:D2}";
        return true;
    }

    [GeneratedRegex("^([0-9]{4})-W([0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex WeekPattern();

    private static TimeZoneInfo FindEngland()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
