
namespace Commissioning.Domain.Tests.Summaries;

public class SummaryTimingTests
{
    [Theory]
    [InlineData(8, "2026-W12")]
    [InlineData(9, "2026-W12")]
    [InlineData(23, "2026-W12")]
    public void OnMondayFromTheSendHourThePreviousWeekIsDue(int hour, string expected)
    {
        var due = SummaryTiming.WeekDue(new DateTime(2026, 3, 23, hour, 0, 0), sendHour: 8);

        Assert.Equal(expected, due?.ToString());
    }

    [Theory]
    [InlineData(2026, 3, 23, 7)]
    [InlineData(2026, 3, 23, 0)]
    [InlineData(2026, 3, 24, 8)]
    [InlineData(2026, 3, 22, 8)]
    public void BeforeTheSendHourOrOnAnotherDayNothingIsDue(int year, int month, int day, int hour)
    {
        Assert.Null(SummaryTiming.WeekDue(new DateTime(year, month, day, hour, 0, 0), sendHour: 8));
    }

    [Fact]
    public void OnlyWeeksThatHaveEndedCanBeSummarised()
    {
        var monday = new DateTime(2026, 2, 2, 8, 0, 0);

        Assert.True(SummaryTiming.HasEnded(IsoWeek.Parse("2026-W05"), monday));
        Assert.False(SummaryTiming.HasEnded(IsoWeek.Parse("2026-W06"), monday));
        Assert.False(SummaryTiming.HasEnded(IsoWeek.Parse("2026-W07"), monday));
    }
}
