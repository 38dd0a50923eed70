using System.Text.Json.Serialization;

namespace Commissioning.Domain.Notices;

/// <summary>
/// Where every plan value of a notice came from (design: notices.md §4, §10 "mapping"): the plan field, the value
/// set, the OCDS paths read and how. Hints are text signals shown beside the scorecard and never scored.
/// </summary>
public sealed record NoticeProvenance
{
    /// <summary>Every plan field set, in plan order.</summary>
    public required IReadOnlyList<MappedField> Fields { get; init; }
    /// <summary>Plan fields a notice of some portal can state, which this one does not (left null, never false or empty).</summary>
    public required IReadOnlyList<string> NotStated { get; init; }
    /// <summary>Plan fields no published notice can carry (design: notices.md §6); each is a question for councillors.</summary>
    public IReadOnlyList<string> NotInNotice { get; init; } = [];
    public required IReadOnlyList<NoticeHint> Hints { get; init; }
    /// <summary>What the notice says that is not a plan field but helps a reader (buyer's reference, suitability, minValue …).</summary>
    public required IReadOnlyList<NoticeContext> Context { get; init; }
    /// <summary>What the mapping had to assume or leave out, in words.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}

/// <summary>One plan field set from a notice.</summary>
/// <param name="Field">The plan field as a JSON path, e.g. <c>$.budget.totalValue</c>.</param>
/// <param name="Value">The value set, as written in evidence (e.g. <c>219000</c>, <c>open</c>, <c>2026-09-03</c>).</param>
/// <param name="Paths">The OCDS paths read, inside the compiled release.</param>
public sealed record MappedField(string Field, string Value, MappingMethod Method, IReadOnlyList<string> Paths, string? Note = null);

/// <summary>A signal read from the notice's text. Shown, never scored: buyer prose never sets a plan field.</summary>
/// <param name="Field">The plan field it bears on, when there is one.</param>
/// <param name="Excerpt">The words that raised it, as published.</param>
public sealed record NoticeHint(string? Field, string Text, string Path, string? Excerpt = null);

/// <summary>A fact from the notice shown beside the scorecard, not scored.</summary>
public sealed record NoticeContext(string Name, string Value, string Path);

public enum MappingMethod
{
    /// <summary>Copied as published.</summary>
    [JsonStringEnumMemberName("direct")] Direct,
    /// <summary>A change of unit or type (a period to months, a timestamp to a UK date, entities decoded).</summary>
    [JsonStringEnumMemberName("converted")] Converted,
    /// <summary>Computed from several fields (a bid window, lot values summed).</summary>
    [JsonStringEnumMemberName("derived")] Derived,
    /// <summary>A sentence the portal, not the buyer, writes.</summary>
    [JsonStringEnumMemberName("template")] Template,
    /// <summary>Text only: shown, never set.</summary>
    [JsonStringEnumMemberName("hint")] Hint,
}
