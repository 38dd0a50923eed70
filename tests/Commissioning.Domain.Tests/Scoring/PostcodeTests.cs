
namespace Commissioning.Domain.Tests.Scoring;

public class PostcodeTests
{
    [Theory]
    [InlineData("SG1 1HN", "SG1 1HN", "SG1")]
    [InlineData("sg11hn", "SG1 1HN", "SG1")]
    [InlineData("  sg10   1ab ", "SG10 1AB", "SG10")]
    [InlineData("EC1A1BB", "EC1A 1BB", "EC1A")]
    [InlineData("SG1", "SG1", "SG1")]
    [InlineData("SG11", "SG11", "SG11")]
    [InlineData("w11aa", "W1 1AA", "W1")]
    [InlineData("sg1 1hn and more text", "SG11HNANDMORE TEX", "SG11HNANDMORE")]
    public void PostcodesAreNormalisedAndReducedToTheirDistrict(string input, string normalised, string district)
    {
        Assert.Equal(normalised, Postcodes.Normalise(input));
        Assert.Equal(district, Postcodes.District(input));
    }

    [Theory]
    [InlineData("SG1 1HN", true)]
    [InlineData("SG10 1AB", false)]
    [InlineData("SG2 9QT", true)]
    [InlineData("SG21 1AA", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("  ", false)]
    public void MatchingIsByWholeDistrict(string? postcode, bool local)
    {
        Assert.Equal(local, Postcodes.IsIn(postcode, ["SG1", "sg2 "]));
    }

    [Fact]
    public void ABlankPostcodeHasNoDistrict()
    {
        Assert.Null(Postcodes.Normalise(" \t"));
        Assert.Null(Postcodes.District(null));
    }
}
