
namespace Commissioning.Domain.Tests.Summaries;

public class IsoWeekTests
{
    [Theory]
    [InlineData("2026-W05", 2026, 1, 26)]
    [InlineData("2026-W01", 2025, 12, 29)]
    [InlineData("2020-W53", 2020, 12, 28)]
    public void AWeekStartsOnItsIsoMonday(string text, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), IsoWeek.Parse(text).Monday);
        Assert.Equal(text, IsoWeek.Parse(text).ToString());
    }

    [Theory]
    [InlineData("2026-W5")]
    [InlineData("2026-W54")]
    [InlineData("2026-W00")]
    [InlineData("2025-W53")]
    [InlineData("2026W05")]
    [InlineData("")]
    [InlineData("٢٠٢٦-W05")]   // Arabic-Indic digits: a regex \d would accept them and int.Parse would then throw
    public void TextThatIsNotAnIsoWeekDoesNotParse(string text)
    {
        Assert.False(IsoWeek.TryParse(text, out _));
    }

    [Fact]
    public void TheFourPrecedingWeeksCrossTheYearBoundaryNearestFirst()
    {
        var preceding = IsoWeek.Parse("2026-W02").Preceding(4).Select(w => w.ToString());

        Assert.Equal(["2026-W01", "2025-W52", "2025-W51", "2025-W50"], preceding);
    }

    [Fact]
    public void ADateBelongsToTheWeekOfItsThursday()
    {
        Assert.Equal("2026-W01", IsoWeek.Of(new DateOnly(2025, 12, 31)).ToString());
        Assert.Equal("2026-W53", IsoWeek.Of(new DateOnly(2027, 1, 3)).ToString());
    }
}
