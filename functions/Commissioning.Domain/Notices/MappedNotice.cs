using System.Text.Json.Serialization;

namespace Commissioning.Domain.Notices;

/// <summary>
/// A published notice read as a commissioning plan: the plan the scoring engine scores unchanged, where each value came
/// from, who published it and the facts the notice lens needs to judge what the notice can and cannot show.
/// </summary>
public sealed record MappedNotice
{
    public required Plan Plan { get; init; }
    public required NoticeProvenance Provenance { get; init; }
    public required NoticeSource Source { get; init; }
    /// <summary>Null when the notice names no buyer.</summary>
    public NoticeBuyer? Buyer { get; init; }
    public required NoticeFacts Facts { get; init; }
    /// <summary>Who won, from the awards of a scored process: outcome context, never plan fields.</summary>
    public IReadOnlyList<AwardedSupplier> Outcome { get; init; } = [];
}

/// <summary>Where the notice came from, for the label every rendering opens with (design: notices.md §10).</summary>
public sealed record NoticeSource
{
    public required NoticePortal Portal { get; init; }
    /// <summary>"Find a Tender", "Contracts Finder" …</summary>
    public required string PortalName { get; init; }
    public required NoticeShape Shape { get; init; }
    public required string Ocid { get; init; }
    /// <summary>The ocids as published, when they differ (Bluetail's <c>ocds-b5fd17raw-</c>).</summary>
    public IReadOnlyList<string> PublishedOcids { get; init; } = [];
    public required IReadOnlyList<string> ReleaseIds { get; init; }
    /// <summary>The notice a reader would look up: the FTS notice number of the tender notice, else the latest release id.</summary>
    public required string NoticeId { get; init; }
    /// <summary>FTS notice types (UK1–UK17) in the process.</summary>
    public required IReadOnlyList<string> NoticeTypes { get; init; }
    /// <summary>Addresses of the notices on the portal (shown as links; never fetched).</summary>
    public required IReadOnlyList<string> NoticeUrls { get; init; }
    /// <summary><c>tender.legalBasis</c> as "scheme id", e.g. "UKPGA 2023/54".</summary>
    public string? LegalBasis { get; init; }
    public required RegimeReading Regime { get; init; }
    /// <summary>The tender (or planning) notice's publication date, from explicit fields only; never <c>release.date</c>.</summary>
    public DateOnly? PublicationDate { get; init; }
    public string? PublicationDatePath { get; init; }
    /// <summary>The package's <c>license</c>, when stated.</summary>
    public string? Licence { get; init; }
    public required string Attribution { get; init; }
    /// <summary>The buyer's own reference (FTS <c>tender.id</c>, e.g. SIM4117M), which a later feature may use to link a notice to a plan.</summary>
    public string? BuyersReference { get; init; }
}

/// <summary>What the notice lens needs to know beyond the plan fields.</summary>
public sealed record NoticeFacts
{
    /// <summary>Whether the total value includes VAT; null when the value is unknown.</summary>
    public VatBasis? ValueBasis { get; init; }
    /// <summary>A framework or dynamic market: the value is a ceiling across call-offs, not a contract's size.</summary>
    public bool ValueIsCeiling { get; init; }
    /// <summary>True when the portal publishes a lots structure (FTS, PCS, Sell2Wales), so the lot count is evidence.</summary>
    public bool LotsPublished { get; init; }
    /// <summary>Lots mapped without a value.</summary>
    public int LotsWithoutValue { get; init; }
    /// <summary>FTS <c>aboveThreshold</c>: the buyer's own statement, shown beside the computed side.</summary>
    public bool? AboveThresholdStated { get; init; }
    /// <summary>Lots beyond <see cref="NoticeLimits.MaxLotsPerTender"/>; the process is then reported, not scored.</summary>
    public bool TooManyLots { get; init; }
}

/// <summary>Whether an amount includes VAT (design: notices.md §5.3).</summary>
public enum VatBasis
{
    /// <summary>Gross: FTS <c>amountGross</c>.</summary>
    [JsonStringEnumMemberName("included")] Included,
    /// <summary>Net: FTS <c>amount</c>, net by the UK extension's definition.</summary>
    [JsonStringEnumMemberName("excluded")] Excluded,
    /// <summary>Contracts Finder, Scotland, Wales: the notice does not say.</summary>
    [JsonStringEnumMemberName("not-stated")] NotStated,
}

/// <summary>A supplier awarded in the process (outcome context).</summary>
public sealed record AwardedSupplier(string Name, string? Scale, bool? Vcse, string? Postcode);
