using System.Text.Json;

namespace Commissioning.Domain.Notices;

/// <summary>
/// The regime gate (design: notices.md §9): alerts A1–A9 cite the Procurement Act 2023 and the PSR, so they may be
/// raised only for a notice under the Act from an authority that is not Scottish. Everything else is still scored,
/// read "as if commissioned today".
/// </summary>
internal static class RegimeGate
{
    /// <summary>The day the Procurement Act 2023 came into force.</summary>
    public static readonly DateOnly ActInForce = new(2025, 2, 24);

    // Words in a Contracts Finder notice that say it runs under the 2015 regulations.
    private static readonly string[] PcrMarkers =
        ["Public Contracts Regulations 2015", "Public Contract Regulations 2015", "PCR 2015", "PCR2015", "Regulations 74 to 76", "Regulation 74", "Directive 2014/24", "(OJEU)",
         // After the Act, above-threshold notices go to Find a Tender; a Contracts Finder one is a procurement begun under the 2015 regulations.
         "(above threshold)"];

    public static RegimeReading Read(JsonElement release, NoticePortal portal, DateOnly? published, DateOnly? earliestRelease, string text, NoticeBuyer? buyer)
    {
        var basis = release.Object("tender")?.Object("legalBasis");
        var scheme = basis?.Text("scheme")?.ToUpperInvariant();
        var id = basis?.Text("id");
        var scottish = portal == NoticePortal.PublicContractsScotland || IsScottish(buyer);
        var welsh = !scottish && (portal == NoticePortal.Sell2Wales || IsWelsh(buyer));
        var dated = published ?? earliestRelease;
        var datedText = dated is { } d ? $"dated {d:yyyy-MM-dd}" : "undated";

        (NoticeRegime Regime, string Reason) reading = (scheme, id) switch
        {
            ("CELEX", "32014L0024") when scottish => (NoticeRegime.PublicContractsScotlandRegulations2015, "legal basis CELEX 32014L0024 (Directive 2014/24/EU) from a Scottish authority"),
            ("CELEX", "32014L0024") => (NoticeRegime.PublicContractsRegulations2015, "legal basis CELEX 32014L0024 (Directive 2014/24/EU, the Public Contracts Regulations 2015)"),
            ("CELEX", "32014L0025") => (NoticeRegime.UtilitiesContractsRegulations2016, "legal basis CELEX 32014L0025 (Directive 2014/25/EU, the Utilities Contracts Regulations 2016)"),
            ("UKSI", "2023/1348") => (NoticeRegime.ProviderSelectionRegime2023, "legal basis UKSI 2023/1348 (the Provider Selection Regime)"),
            ("UKPGA", "2023/54") when scottish => (NoticeRegime.PublicContractsScotlandRegulations2015, "legal basis UKPGA 2023/54, but the authority is Scottish and the Act does not govern its procurement"),
            ("UKPGA", "2023/54") => (NoticeRegime.ProcurementAct2023, "legal basis UKPGA 2023/54 (the Procurement Act 2023)"),
            _ when scottish => (NoticeRegime.PublicContractsScotlandRegulations2015, "published in Scotland (Public Contracts Scotland, or a Scottish authority)"),
            _ when dated is null => (NoticeRegime.Unknown, "no legal basis and no date to tell the regime by"),
            _ when dated < ActInForce => (NoticeRegime.BeforeProcurementAct, $"no legal basis stated and {datedText}, before the Procurement Act came into force on 2025-02-24"),
            _ when CitesPcr(text, release) => (NoticeRegime.PublicContractsRegulations2015, $"{datedText}, but the notice cites the Public Contracts Regulations 2015"),
            _ => (NoticeRegime.ProcurementAct2023, $"no legal basis stated, {datedText} (on or after 2025-02-24) and no citation of the 2015 regulations"),
        };
        var alertsOn = reading.Regime == NoticeRegime.ProcurementAct2023;
        var note = alertsOn && welsh ? "A Welsh authority: under the Procurement Act with Welsh provisions; alerts are raised, check them against the Welsh provisions." : null;
        return new RegimeReading(reading.Regime, alertsOn, reading.Reason, scottish, note);
    }

    private static bool CitesPcr(string text, JsonElement release)
    {
        var method = release.Object("tender")?.Text("procurementMethodDetails") ?? "";
        foreach (var marker in PcrMarkers)
        {
            if (text.Contains(marker, StringComparison.OrdinalIgnoreCase) || method.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsScottish(NoticeBuyer? buyer) =>
        buyer is not null && (string.Equals(buyer.DevolvedRegulations, "GB-SCT", StringComparison.OrdinalIgnoreCase)
                              || buyer.Region?.StartsWith("UKM", StringComparison.OrdinalIgnoreCase) == true
                              || string.Equals(buyer.Region, "Scotland", StringComparison.OrdinalIgnoreCase));

    private static bool IsWelsh(NoticeBuyer? buyer) =>
        buyer is not null && (string.Equals(buyer.DevolvedRegulations, "GB-WLS", StringComparison.OrdinalIgnoreCase)
                              || buyer.Region?.StartsWith("UKL", StringComparison.OrdinalIgnoreCase) == true
                              || string.Equals(buyer.Region, "Wales", StringComparison.OrdinalIgnoreCase));
}
