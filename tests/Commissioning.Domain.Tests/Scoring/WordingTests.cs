using Commissioning.Domain.Plans;
using Commissioning.Domain.Scoring;

namespace Commissioning.Domain.Tests.Scoring;

public class WordingTests
{
    [Theory]
    [InlineData("1000", "£1,000")]
    [InlineData("1234.5", "£1,234.50")]
    [InlineData("9600000", "£9,600,000")]
    [InlineData("0", "£0")]
    public void MoneyIsWrittenInPoundsWithThousandsAndPenceOnlyWhenThereArePence(string amount, string expected)
    {
        Assert.Equal(expected, Wording.Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void ValuesAreWrittenAsThePlanWroteThem()
    {
        Assert.Equal("9.5", Wording.Number(9.5m));
        Assert.Equal("12", Wording.Number(12));
        Assert.Equal("2026-03-02", Wording.Date(new DateOnly(2026, 3, 2)));
        Assert.Equal("true", Wording.Bool(true));
        Assert.Equal("false", Wording.Bool(false));
        Assert.Equal("\"a reason\"", Wording.Quoted("a reason"));
        Assert.Equal("local-area-and-sme-vcse", Wording.Word(Reservation.LocalAreaAndSmeVcse));
        Assert.Equal("99", Wording.Word((Reservation)99));
        Assert.Equal("partly met", Wording.StatusWords(CriterionStatus.PartlyMet));
        Assert.Equal("not applicable", Wording.StatusWords(CriterionStatus.NotApplicable));
    }

    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "needs" }, "needs")]
    [InlineData(new[] { "needs", "monitoring" }, "needs and monitoring")]
    [InlineData(new[] { "needs", "specification", "monitoring" }, "needs, specification and monitoring")]
    public void ListsReadAsASentence(string[] items, string expected)
    {
        Assert.Equal(expected, Wording.List(items));
    }

    [Fact]
    public void PlaceholdersAreFilledAndABrokenTemplateThrowsNamingIt()
    {
        Assert.Equal("At £1 for 2 weeks.", Wording.Fill("At {money} for {weeks} weeks.", [("weeks", "2"), ("money", "£1")]));
        Assert.Equal("No placeholders.", Wording.Fill("No placeholders.", []));
        Assert.Equal("{", Wording.Fill("{open}", [("open", "{")]));
        Assert.Equal("No value for placeholder {missing} in \"A {missing} value\".",
            Assert.Throws<InvalidOperationException>(() => Wording.Fill("A {missing} value", [("other", "x")])).Message);
        Assert.Equal("Unclosed placeholder in \"A {broken value\".", Assert.Throws<InvalidOperationException>(() => Wording.Fill("A {broken value", [])).Message);
    }
}
