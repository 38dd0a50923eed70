using System.Text.Json.Serialization;

namespace Commissioning.Domain.Notices;

/// <summary>The law a notice was published under (design: notices.md §9).</summary>
public enum NoticeRegime
{
    [JsonStringEnumMemberName("procurement-act-2023")] ProcurementAct2023,
    [JsonStringEnumMemberName("provider-selection-regime-2023")] ProviderSelectionRegime2023,
    [JsonStringEnumMemberName("public-contracts-regulations-2015")] PublicContractsRegulations2015,
    [JsonStringEnumMemberName("utilities-contracts-regulations-2016")] UtilitiesContractsRegulations2016,
    [JsonStringEnumMemberName("public-contracts-scotland-regulations-2015")] PublicContractsScotlandRegulations2015,
    /// <summary>Dated before the Act came into force (24 February 2025), with no legal basis stated.</summary>
    [JsonStringEnumMemberName("before-procurement-act")] BeforeProcurementAct,
    [JsonStringEnumMemberName("unknown")] Unknown,
}

/// <summary>
/// The regime a notice was read under and whether Procurement Act alerts may be raised for it: only for a notice
/// under the Act from an authority that is not Scottish.
/// </summary>
/// <param name="Reason">Why this regime, in words (the legal basis, or the date and portal).</param>
/// <param name="Scottish">True for a Scottish authority, whose procurement the Act does not govern.</param>
/// <param name="Note">Anything to say besides (a Welsh authority under the Act with Welsh provisions).</param>
public sealed record RegimeReading(NoticeRegime Regime, bool AlertsOn, string Reason, bool Scottish, string? Note);
