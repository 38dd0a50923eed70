using System.Text.Json;
using Commissioning.Domain.Notices;
using static Commissioning.Domain.Tests.Notices.NoticeSamples;

namespace Commissioning.Domain.Tests.Notices;

/// <summary>Whether a notice is the council's own (design: notices.md §14).</summary>
public class NoticeBuyerTests
{
    private static NoticeBuyer Buyer(string file, string? ocid = null) => Result(file, ocid).Buyer!;

    [Fact]
    public void AnIdentifierTheCouncilRecordListsConfirmsTheNoticeAsItsOwn()
    {
        Assert.Equal(BuyerMatch.Confirmed, Buyer(FtsContract).Matches(Lancaster));
        Assert.Equal(BuyerMatch.Confirmed, Buyer(FtsContract).Matches(Lancaster with { BuyerIdentifiers = ["gb-ppon-ptqg-8236-wvnz"] }));
    }

    [Fact]
    public void TheCouncilsNameOrOneOfItsBuyerNamesMatchesByNameOnly()
    {
        var unidentified = Lancaster with { BuyerIdentifiers = null };
        Assert.Equal(BuyerMatch.NameOnly, Buyer(FtsContract).Matches(unidentified));
        var brent = new Council { Code = "E09000005", Name = "Brent Council" };
        Assert.Equal(BuyerMatch.NameOnly, Buyer(Brent).Matches(brent));
        var croydon = new Council { Code = "E09000008", Name = "London Borough of Croydon", BuyerNames = ["Croydon Council"] };
        Assert.Equal(BuyerMatch.NameOnly, Buyer(CroydonOutcomes).Matches(croydon));
    }

    [Fact]
    public void AnotherBuyerIsAnotherBuyerEvenWithASimilarNameOrTheSamePostcodeDistrict()
    {
        var lancashire = new Council { Code = "E10000017", Name = "Lancashire County Council", LocalPostcodeDistricts = ["LA1", "PR1"] };
        Assert.Equal(BuyerMatch.OtherBuyer, Buyer(FtsContract).Matches(lancashire));
        Assert.Equal(BuyerMatch.OtherBuyer, Buyer(FtsTender).Matches(Lancaster));
    }

    [Fact]
    public void AJointBuyerFindsTheNoticeItsOwnToo()
    {
        var swansea = new Council { Code = "W06000011", Name = "Swansea City & County Council" };
        Assert.Equal(BuyerMatch.NameOnly, Buyer(NeathPortTalbot).Matches(swansea));
    }

    [Fact]
    public void BuyerIdentifiersOnTheCouncilRecordAreOptionalAndLeaveOldRecordsAsTheyWere()
    {
        var json = DomainJson.Serialize(new Council { Code = "E07000243", Name = "Stevenage Borough Council" });
        Assert.DoesNotContain("buyer", json, StringComparison.OrdinalIgnoreCase);
        var read = JsonSerializer.Deserialize("""{"code": "E07000121", "name": "Lancaster City Council", "buyerIdentifiers": ["GB-PPON-PTQG-8236-WVNZ"]}""", DomainJsonContext.Default.Council)!;
        Assert.Equal(["GB-PPON-PTQG-8236-WVNZ"], read.BuyerIdentifiers);
        Assert.Null(read.BuyerNames);
    }
}
