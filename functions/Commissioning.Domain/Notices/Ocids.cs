namespace Commissioning.Domain.Notices;

/// <summary>Contracting process ids (ocids) and the portal their prefix names.</summary>
public static class Ocids
{
    // mySociety's Bluetail keeps three variants of each Contracts Finder process and tells them apart by a suffix
    // on the publisher prefix; stripping it gives back the Contracts Finder ocid (design: notices.md §2, trap 1).
    private static readonly string[] BluetailSuffixes = ["raw", "bodsmatch", "suppliermatch"];

    public const string ContractsFinderPrefix = "ocds-b5fd17-";
    public const string FindATenderPrefix = "ocds-h6vhtk-";
    public const string PublicContractsScotlandPrefix = "ocds-r6ebe6-";
    public const string Sell2WalesPrefix = "ocds-kuma6s-";

    /// <summary>The ocid with any Bluetail suffix removed: <c>ocds-b5fd17raw-3eb9…</c> → <c>ocds-b5fd17-3eb9…</c>.</summary>
    public static string Normalise(string ocid)
    {
        var trimmed = ocid.Trim();
        const string publisher = "ocds-b5fd17";
        if (!trimmed.StartsWith(publisher, StringComparison.OrdinalIgnoreCase))
        {
            return trimmed;
        }
        foreach (var suffix in BluetailSuffixes)
        {
            var variant = publisher + suffix + "-";
            if (trimmed.StartsWith(variant, StringComparison.OrdinalIgnoreCase))
            {
                return ContractsFinderPrefix + trimmed[variant.Length..];
            }
        }
        return trimmed;
    }

    public static NoticePortal PortalOf(string normalisedOcid) =>
        normalisedOcid.StartsWith(FindATenderPrefix, StringComparison.OrdinalIgnoreCase) ? NoticePortal.FindATender
        : normalisedOcid.StartsWith(ContractsFinderPrefix, StringComparison.OrdinalIgnoreCase) ? NoticePortal.ContractsFinder
        : normalisedOcid.StartsWith(PublicContractsScotlandPrefix, StringComparison.OrdinalIgnoreCase) ? NoticePortal.PublicContractsScotland
        : normalisedOcid.StartsWith(Sell2WalesPrefix, StringComparison.OrdinalIgnoreCase) ? NoticePortal.Sell2Wales
        : NoticePortal.Other;
}
