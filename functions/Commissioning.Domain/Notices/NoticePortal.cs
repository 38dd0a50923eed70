using System.Text.Json.Serialization;

namespace Commissioning.Domain.Notices;

/// <summary>Where a notice was published, read from its ocid prefix.</summary>
public enum NoticePortal
{
    [JsonStringEnumMemberName("contracts-finder")] ContractsFinder,
    [JsonStringEnumMemberName("find-a-tender")] FindATender,
    [JsonStringEnumMemberName("public-contracts-scotland")] PublicContractsScotland,
    [JsonStringEnumMemberName("sell2wales")] Sell2Wales,
    [JsonStringEnumMemberName("other")] Other,
}

public static class NoticePortals
{
    /// <summary>The portal's name as a reader knows it ("Find a Tender").</summary>
    public static string Name(NoticePortal portal) => portal switch
    {
        NoticePortal.ContractsFinder => "Contracts Finder",
        NoticePortal.FindATender => "Find a Tender",
        NoticePortal.PublicContractsScotland => "Public Contracts Scotland",
        NoticePortal.Sell2Wales => "Sell2Wales",
        _ => "an OCDS publisher",
    };
}
