using System.Globalization;

namespace Commissioning.Domain.Notices;

/// <summary>
/// OCDS dates read as a UK commissioner reads them (design: notices.md §5.1–5.2): every timestamp becomes a
/// Europe/London calendar date; a date without a zone (FTS has served both "2025-07-07" and zone-less times) is
/// already a UK-local date; an empty string is no date.
/// </summary>
internal static class OcdsDates
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The UK-local calendar date of an OCDS date or date-time; null when blank or unreadable.</summary>
    public static DateOnly? UkDate(string? text)
    {
        if (!TryRead(text, out var instant, out var localDate))
        {
            return null;
        }
        return localDate ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, London).DateTime);
    }

    /// <summary>A point in time for putting releases in order; a zone-less time counts as UK local time.</summary>
    public static DateTimeOffset? Instant(string? text)
    {
        if (!TryRead(text, out var instant, out var localDate))
        {
            return null;
        }
        return localDate is { } date ? AsLondon(date.ToDateTime(TimeOnly.MinValue)) : instant;
    }

    /// <summary>
    /// Whole months from <paramref name="start"/> to the day after <paramref name="endInclusive"/>, rounded to the
    /// nearest month: 2020-08-01 → 2023-07-31 is 36; 2025-04-01 → 2035-04-01 is 120. Null when the end is before the start.
    /// </summary>
    public static int? WholeMonths(DateOnly start, DateOnly endInclusive)
    {
        var endExclusive = endInclusive.AddDays(1);
        if (endExclusive <= start)
        {
            return null;
        }
        var months = ((endExclusive.Year - start.Year) * 12) + endExclusive.Month - start.Month;
        var anchor = start.AddMonths(months);
        while (anchor > endExclusive)
        {
            months--;
            anchor = start.AddMonths(months);
        }
        var remainder = endExclusive.DayNumber - anchor.DayNumber;
        var monthLength = start.AddMonths(months + 1).DayNumber - anchor.DayNumber;
        return remainder * 2 >= monthLength ? months + 1 : months;
    }

    /// <summary>A duration in days as months: portals write months × 30 (1080 = 36), so divide by 30 when it divides.</summary>
    public static int MonthsFromDays(decimal days) =>
        days % 30 == 0 ? (int)(days / 30) : (int)Math.Round(days / 30.4375m, 0, MidpointRounding.AwayFromZero);

    private static bool TryRead(string? text, out DateTimeOffset instant, out DateOnly? localDate)
    {
        instant = default;
        localDate = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var value = text.Trim();
        if (value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateOnly))
        {
            localDate = dateOnly;
            return true;
        }
        if (HasZone(value))
        {
            return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
        }
        if (DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            localDate = DateOnly.FromDateTime(local);
            return true;
        }
        return false;
    }

    /// <summary>True when the time part ends in Z or carries an offset (the date part's own hyphens do not count).</summary>
    private static bool HasZone(string value)
    {
        var t = value.IndexOfAny(['T', 't', ' ']);
        if (t < 0)
        {
            return false;
        }
        var time = value.AsSpan(t + 1);
        return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.IndexOfAny('+', '-') >= 0;
    }

    private static DateTimeOffset AsLondon(DateTime local)
    {
        try
        {
            return new DateTimeOffset(local, London.GetUtcOffset(local));
        }
        catch (ArgumentException)
        {
            return new DateTimeOffset(local, TimeSpan.Zero);
        }
    }
}
