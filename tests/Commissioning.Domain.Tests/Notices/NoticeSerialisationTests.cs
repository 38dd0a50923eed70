using System.Text.Json;
using Commissioning.Domain.Notices;
using static Commissioning.Domain.Tests.Notices.NoticeSamples;

namespace Commissioning.Domain.Tests.Notices;

/// <summary>Notice scorecards and problems in the domain's JSON conventions: camelCase, kebab-case words, nulls left out.</summary>
public class NoticeSerialisationTests
{
    [Fact]
    public void ANoticeScorecardSerialisesLabelledWithItsSourceCoverageAndMapping()
    {
        using var json = JsonDocument.Parse(DomainJson.Serialize(Scorecard(FtsTender)));
        var root = json.RootElement;
        Assert.Equal("notice-derived", root.GetProperty("kind").GetString());
        Assert.Equal("find-a-tender", root.GetProperty("source").GetProperty("portal").GetString());
        Assert.Equal("procurement-act-2023", root.GetProperty("source").GetProperty("regime").GetProperty("regime").GetString());
        Assert.Equal("Contains public sector information licensed under the Open Government Licence v3.0.", root.GetProperty("source").GetProperty("attribution").GetString());
        Assert.Equal(30, root.GetProperty("dimensions")[1].GetProperty("coveragePercent").GetInt32());
        Assert.False(root.GetProperty("dimensions")[1].TryGetProperty("band", out _));
        Assert.Equal("converted", root.GetProperty("mapping").GetProperty("fields").EnumerateArray()
            .Single(f => f.GetProperty("field").GetString() == "$.procurement.plannedTenderDate").GetProperty("method").GetString());
        Assert.Equal("not-evidenced", root.GetProperty("scorecard").GetProperty("dimensions")[2].GetProperty("criteria")[0].GetProperty("status").GetString());
        Assert.False(root.GetProperty("buyer").TryGetProperty("all", out _));
    }

    [Fact]
    public void TheSameNoticeBytesGiveTheSameScorecardBytes()
    {
        Assert.Equal(DomainJson.Serialize(Scorecard(Glasgow)), DomainJson.Serialize(Scorecard(Glasgow)));
    }

    [Fact]
    public void ProblemsSerialiseWithTheirKind()
    {
        var limit = DomainJson.Serialize(NoticeReader.ReadJson(new byte[NoticeLimits.MaxBodyBytes + 1]).Problem!);
        Assert.StartsWith("""{"kind":"limit-exceeded","limit":"body-bytes","allowed":8388608,""", limit, StringComparison.Ordinal);
        using var unreadable = JsonDocument.Parse(DomainJson.Serialize(NoticeReader.ReadCsv("releases/0/ocid\r\n\"x"u8.ToArray()).Problem!));
        Assert.Equal(["kind", "row", "column", "message"], unreadable.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("unreadable", unreadable.RootElement.GetProperty("kind").GetString());
        Assert.Equal(2, unreadable.RootElement.GetProperty("row").GetInt32());
        Assert.Equal("row 2, column 1: a quoted cell is never closed", unreadable.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public void TheLensIsServedAsData()
    {
        using var json = JsonDocument.Parse(DomainJson.Serialize(Lens));
        Assert.Equal("notice-lens/2026.1", json.RootElement.GetProperty("version").GetString());
        Assert.Equal("none", json.RootElement.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "P1").GetProperty("evidence").GetString());
        Assert.Equal("certainly-at-or-above-threshold", json.RootElement.GetProperty("alerts")[0].GetProperty("needs")[0].GetString());
    }
}
