using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commissioning.Domain.Notices;

/// <summary>The shapes of notice the mapper knows (design: notices.md §2); each has its own field rules.</summary>
public enum NoticeShape
{
    /// <summary>Contracts Finder's OCDS API from 2025: <c>tender.suitability</c>, <c>tender.datePublished</c>, no lots.</summary>
    [JsonStringEnumMemberName("cf-api-2025")] ContractsFinder2025,
    /// <summary>Contracts Finder 2019–20 releases (often via Bluetail): <c>xClassifications</c>, <c>parties[].sme/vco</c>.</summary>
    [JsonStringEnumMemberName("cf-older")] ContractsFinderOlder,
    /// <summary>Contracts Finder 2014–15 (OCDS 1.0-era): <c>buyer.address</c>, no parties; flags are conversion defaults.</summary>
    [JsonStringEnumMemberName("cf-2014")] ContractsFinder2014,
    /// <summary>A row of the Contracts Finder daily CSV export.</summary>
    [JsonStringEnumMemberName("cf-csv")] ContractsFinderCsv,
    /// <summary>Find a Tender: Procurement Act notices (UK1–UK17) and PCR 2015 notices.</summary>
    [JsonStringEnumMemberName("fts")] FindATender,
    [JsonStringEnumMemberName("pcs")] PublicContractsScotland,
    [JsonStringEnumMemberName("sell2wales")] Sell2Wales,
    /// <summary>Any other OCDS 1.1 release with a tender: the core fields only.</summary>
    [JsonStringEnumMemberName("generic")] Generic,
}

internal static class NoticeShapes
{
    public static NoticeShape Recognise(CompiledNotice notice)
    {
        var release = notice.Release;
        switch (notice.Portal)
        {
            case NoticePortal.FindATender:
                return NoticeShape.FindATender;
            case NoticePortal.PublicContractsScotland:
                return NoticeShape.PublicContractsScotland;
            case NoticePortal.Sell2Wales:
                return NoticeShape.Sell2Wales;
            case NoticePortal.ContractsFinder:
                if (notice.Process.FromCsv)
                {
                    return NoticeShape.ContractsFinderCsv;
                }
                var tender = release.Object("tender");
                var hasParties = release.HasArray("parties");
                if (notice.Process.PublishedOcids.Count > 0 || tender?.Object("xClassifications") is not null && hasParties)
                {
                    return NoticeShape.ContractsFinderOlder;
                }
                if (tender?.Object("suitability") is not null || tender?.Text("datePublished") is not null || AnyPartyDetails(release))
                {
                    return NoticeShape.ContractsFinder2025;
                }
                return !hasParties && release.Object("buyer")?.Object("address") is not null
                    ? NoticeShape.ContractsFinder2014
                    : NoticeShape.ContractsFinderOlder;
            default:
                return NoticeShape.Generic;
        }
    }

    /// <summary>True for the Contracts Finder shapes, which publish no lots structure.</summary>
    public static bool IsContractsFinder(NoticeShape shape) =>
        shape is NoticeShape.ContractsFinder2025 or NoticeShape.ContractsFinderOlder or NoticeShape.ContractsFinder2014 or NoticeShape.ContractsFinderCsv;

    private static bool AnyPartyDetails(JsonElement release)
    {
        foreach (var party in release.Items("parties"))
        {
            if (party.Object("details") is not null)
            {
                return true;
            }
        }
        return false;
    }
}
