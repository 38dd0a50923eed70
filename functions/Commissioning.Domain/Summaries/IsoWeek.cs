using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Commissioning.Domain.Summaries;

/// <summary>An ISO 8601 week (Monday to Sunday), written <c>2026-W05</c>. Weeks belong to the year of their Thursday.</summary>
public readonly partial record struct IsoWeek : IComparable<IsoWeek>
{
    private IsoWeek(int year, int week)
    {
        Year = year;
        Week = week;
    }

    public int Year { get; }
    public int Week { get; }

    /// <summary>The Monday the week starts on.</summary>
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    /// <summary>The Sunday the week ends on.</summary>
    public DateOnly Sunday => Monday.AddDays(6);

    public static IsoWeek Of(DateOnly date) => new(ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)));

    public static IsoWeek Create(int year, int week)
    {
        if (year is < 1 or > 9998 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            throw new ArgumentOutOfRangeException(nameof(week), $"{year}-W{week:00} is not an ISO week.");
        }

        return new IsoWeek(year, week);
    }

    public IsoWeek AddWeeks(int weeks) => Of(Monday.AddDays(7 * weeks));

    /// <summary>The <paramref name="count"/> weeks before this one, nearest first.</summary>
    public IReadOnlyList<IsoWeek> Preceding(int count)
    {
        var self = this;
        return [.. Enumerable.Range(1, count).Select(n => self.AddWeeks(-n))];
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out IsoWeek week)
    {
        week = default;
        if (text is null || IsoWeekPattern().Match(text) is not { Success: true } match)
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var number = int.Parse(match.Groups["week"].Value, CultureInfo.InvariantCulture);
        if (year < 1 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        week = new IsoWeek(year, number);
        return true;
    }

    public static IsoWeek Parse(string text) =>
        TryParse(text, out var week) ? week : throw new FormatException($"'{text}' is not an ISO week such as 2026-W05.");

    public int CompareTo(IsoWeek other) => (Year, Week).CompareTo((other.Year, other.Week));

    public static bool operator <(IsoWeek left, IsoWeek right) => left.CompareTo(right) < 0;
    public static bool operator >(IsoWeek left, IsoWeek right) => left.CompareTo(right) > 0;
    public static bool operator <=(IsoWeek left, IsoWeek right) => left.CompareTo(right) <= 0;
    public static bool operator >=(IsoWeek left, IsoWeek right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-W{Week:00}");

    [GeneratedRegex(@"^(?<year>[0-9]{4})-W(?<week>[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoWeekPattern();
}
