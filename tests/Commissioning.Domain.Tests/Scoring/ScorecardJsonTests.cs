using System.Text.Json;

namespace Commissioning.Domain.Tests.Scoring;

public class ScorecardJsonTests
{
    [Fact]
    public void BandsAreWrittenAsTheirContractWords()
    {
        var json = JsonSerializer.Serialize(new OverallScore(55, Band.Amber), DomainJson.Options);
        Assert.Equal("{\"score\":55,\"band\":\"amber\"}", json);
    }
}
