namespace Commissioning.Functions.Plans;

/// <summary>Plans' weeks: ISO weeks written 2026-W05, of the day in England a plan was submitted.</summary>
public static class PlanCalendar
{
    public static string IsoWeek(DateOnly date) => Domain.Summaries.IsoWeek.Of(date).ToString();

    public static string IsoWeek(DateTimeOffset instant) => IsoWeek(UkTime.TodayInEngland(instant));

    /// <summary>Accepts <c>2026-W05</c> (a week that exists in that year, 2000–2999), rejects anything else.</summary>
    public static bool TryParseIsoWeek(string? value, out string week)
    {
        var valid = Domain.Summaries.IsoWeek.TryParse(value?.Trim(), out var parsed) && parsed.Year is >= 2000 and <= 2999;
        week = valid ? parsed.ToString() : string.Empty;
        return valid;
    }
}
