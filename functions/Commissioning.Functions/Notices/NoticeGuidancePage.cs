using System.Globalization;
using Commissioning.Domain.Notices;
using Commissioning.Functions.Guidance;

namespace Commissioning.Functions.Notices;

// What the notice guidance templates read (as `model`, camelCase): everything in the reader's words already, so the
// templates only lay out and escape. Notice-supplied text (titles, names, mapped values, hints) is carried as-is and
// escaped by the templates like every other string.

/// <summary>The guidance document of one imported notice version, opening with the label every notice rendering carries.</summary>
public sealed record NoticeGuidancePage
{
    public required string Kind { get; init; }
    /// <summary>"Scored from a published notice (…), not from a commissioning plan submitted by the council. …"</summary>
    public required string Label { get; init; }
    public string? Banner { get; init; }
    public required string Title { get; init; }
    public required string Ocid { get; init; }
    public required string PortalName { get; init; }
    public required string NoticeId { get; init; }
    public required IReadOnlyList<string> NoticeTypes { get; init; }
    /// <summary>The notices on the portal: only http(s) addresses are given as links, never fetched here.</summary>
    public required IReadOnlyList<string> NoticeLinks { get; init; }
    public string? LegalBasis { get; init; }
    public required string Regime { get; init; }
    public string? Published { get; init; }
    public string? BuyersReference { get; init; }
    public required string CouncilName { get; init; }
    public required string CouncilCode { get; init; }
    public required int Version { get; init; }
    public required string Imported { get; init; }
    public string? Buyer { get; init; }
    public required string BuyerMatch { get; init; }
    public required string RubricVersion { get; init; }
    public required string LensVersion { get; init; }
    public required string ScoredFor { get; init; }
    public required NoticeGuidanceScore Overall { get; init; }
    public required IReadOnlyList<NoticeGuidanceDimension> Dimensions { get; init; }
    public required int CriteriaEvidenced { get; init; }
    public required int CriteriaTotal { get; init; }
    public required IReadOnlyList<AlertItem> Alerts { get; init; }
    public required IReadOnlyList<NoticeGuidanceWithheldAlert> WithheldAlerts { get; init; }
    public required IReadOnlyList<CouncillorQuestion> Questions { get; init; }
    /// <summary>The criteria the notice does show, with what the rubric made of them.</summary>
    public required IReadOnlyList<NoticeGuidanceCriterion> Evidenced { get; init; }
    public required IReadOnlyList<NoticeGuidanceField> Fields { get; init; }
    public required IReadOnlyList<string> NotStated { get; init; }
    public required IReadOnlyList<string> NotInNotice { get; init; }
    public required IReadOnlyList<NoticeHint> Hints { get; init; }
    public required IReadOnlyList<NoticeContext> Context { get; init; }
    public required IReadOnlyList<string> Outcome { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
    public required string Attribution { get; init; }
    public string? Licence { get; init; }
    public required GuidanceLinks Links { get; init; }
    /// <summary>The advisor's narrative, shown after the label and the scores; null until it has been written.</summary>
    public NarrativeSection? Narrative { get; init; }

    public static NoticeGuidancePage From(NoticeVersion stored, string councilName, GuidanceLinks links, GuidanceNarrative? narrative = null)
    {
        var card = stored.Scorecard;
        var summary = stored.Summary;
        var source = card.Source;
        var dimensionTitles = card.Dimensions.ToDictionary(d => d.Id, d => d.Title, StringComparer.Ordinal);
        return new NoticeGuidancePage
        {
            Kind = card.Kind,
            Label = card.Label,
            Banner = card.Banner,
            Title = card.Plan.Title,
            Ocid = source.Ocid,
            PortalName = source.PortalName,
            NoticeId = source.NoticeId,
            NoticeTypes = source.NoticeTypes,
            NoticeLinks = [.. source.NoticeUrls.Where(IsWebAddress)],
            LegalBasis = source.LegalBasis,
            Regime = source.Regime.AlertsOn
                ? "Procurement Act 2023: alerts can be raised"
                : "No Procurement Act alerts: " + source.Regime.Reason,
            Published = source.PublicationDate is { } published ? GuidanceWording.Date(published) : null,
            BuyersReference = source.BuyersReference,
            CouncilName = councilName,
            CouncilCode = summary.Council,
            Version = summary.Version,
            Imported = $"{GuidanceWording.Date(UkTime.TodayInEngland(summary.ImportedAt))} (ISO week {summary.IsoWeek})"
                       + (summary.ImportedBy is { } by ? $" by {(by.KeyId is { } key ? $"{by.Kind} key {key}" : by.Kind)}" : string.Empty),
            Buyer = card.Buyer is { } buyer
                ? string.Join(" · ", new[] { buyer.Name, string.Join(", ", buyer.Identifiers), buyer.Postcode }.Where(p => !string.IsNullOrWhiteSpace(p)))
                : null,
            BuyerMatch = summary.BuyerMatch switch
            {
                Domain.Notices.BuyerMatch.Confirmed => "The buyer is the council: an identifier in the notice is one the council record lists.",
                Domain.Notices.BuyerMatch.NameOnly => "The buyer's name is the council's, but no identifier in the notice is one the council record lists: stored, flagged.",
                _ => "Not checked against a council record.",
            },
            RubricVersion = card.Scorecard.RubricVersion,
            LensVersion = card.LensVersion,
            ScoredFor = GuidanceWording.Date(card.Scorecard.ScoredFor),
            Overall = NoticeGuidanceScore.Of(card.Overall.Score, card.Overall.Band, card.Overall.BandWithheld),
            Dimensions = [.. card.Dimensions.Select(NoticeGuidanceDimension.Of)],
            CriteriaEvidenced = card.CriteriaEvidenced,
            CriteriaTotal = card.CriteriaTotal,
            Alerts = [.. card.Scorecard.Alerts.Select(a => new AlertItem(a.Id, a.Title, a.Message, a.Basis))],
            WithheldAlerts = [.. card.WithheldAlerts.Select(a => new NoticeGuidanceWithheldAlert(a.Id, a.Title, a.Reason))],
            Questions = card.Questions,
            Evidenced =
            [
                .. card.Scorecard.Dimensions.SelectMany(d => d.Criteria.Select(c => (Dimension: d, Criterion: c)))
                    .Where(x => x.Criterion.Status is not (CriterionStatus.NotEvidenced or CriterionStatus.NotApplicable))
                    .Select(x => new NoticeGuidanceCriterion(
                        x.Criterion.Id,
                        x.Criterion.Title,
                        dimensionTitles.GetValueOrDefault(x.Dimension.Id, x.Dimension.Title),
                        GuidanceWording.Status(x.Criterion.Status),
                        $"{GuidanceWording.Number(x.Criterion.Points)} of {x.Criterion.Weight}",
                        x.Criterion.Recommendation ?? string.Empty)),
            ],
            Fields =
            [
                .. card.Mapping.Fields.Select(f => new NoticeGuidanceField(
                    f.Field,
                    GuidanceWording.EvidenceValue(f.Field, f.Value),
                    GuidanceWording.Words(f.Method) + (f.Note is { Length: > 0 } note ? ": " + note : string.Empty),
                    string.Join(", ", f.Paths))),
            ],
            NotStated = card.Mapping.NotStated,
            NotInNotice = card.Mapping.NotInNotice,
            Hints = card.Mapping.Hints,
            Context = card.Mapping.Context,
            Outcome =
            [
                .. card.Outcome.Select(s => string.Join(", ", new[]
                {
                    s.Name, s.Scale, s.Vcse switch { true => "VCSE", false => "not a VCSE", null => null }, s.Postcode,
                }.Where(p => !string.IsNullOrWhiteSpace(p)))),
            ],
            Notes = [.. card.Notes, .. card.Mapping.Notes, .. card.Scorecard.Notes],
            Attribution = source.Attribution,
            Licence = source.Licence,
            Links = links,
            Narrative = narrative is null ? null : DescribeNarrative(narrative, card),
        };
    }

    /// <summary>The narrative in the reader's words: whose text it is (the model's or the deterministic one, and why), then its advice.</summary>
    private static NarrativeSection DescribeNarrative(GuidanceNarrative narrative, NoticeScorecard card)
    {
        var usesModel = !string.Equals(narrative.Source, GuidanceNarrative.Deterministic, StringComparison.OrdinalIgnoreCase);
        var criteria = card.Scorecard.Dimensions.SelectMany(d => d.Criteria).ToDictionary(c => c.Id, c => c.Title, StringComparer.Ordinal);
        var order = card.Scorecard.Dimensions.SelectMany(d => d.Criteria).Select(c => c.Id)
            .Concat(narrative.AdviceByCriterion.Keys.Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal);
        return new NarrativeSection
        {
            UsesModel = usesModel,
            SourceWords = usesModel
                ? $"The advisor's narrative, written with the help of a language model (source: {narrative.Source}) from the notice scorecard alone. It does not change any score, band or question; the sections above and below are the record."
                : narrative.FallbackReason is { Length: > 0 } reason
                    ? $"The advisor's narrative is the deterministic text, because {reason}. No language model contributed to it."
                    : "The advisor's narrative is the deterministic text: no language model contributed to it.",
            Summary = string.IsNullOrWhiteSpace(narrative.Summary) ? null : narrative.Summary,
            Advice =
            [
                .. order
                    .Where(id => narrative.AdviceByCriterion.TryGetValue(id, out var text) && !string.IsNullOrWhiteSpace(text))
                    .Select(id => new AdviceItem(id, criteria.GetValueOrDefault(id, string.Empty), narrative.AdviceByCriterion[id])),
            ],
        };
    }

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && url.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A score with its band, or the sentence that says why the band is withheld.</summary>
public sealed record NoticeGuidanceScore(int Score, string Band, string BandWords, string? Withheld)
{
    public const string WithheldKey = "withheld";

    public static NoticeGuidanceScore Of(int score, Band? band, string? withheld) => band is { } b
        ? new(score, GuidanceWording.BandKey(b), GuidanceWording.Band(b), null)
        : new(score, WithheldKey, "Withheld", withheld);
}

public sealed record NoticeGuidanceDimension(string Title, NoticeGuidanceScore Score, string Coverage, string Assessable, string? EvidencedOnly)
{
    public static NoticeGuidanceDimension Of(NoticeDimension dimension) => new(
        dimension.Title,
        NoticeGuidanceScore.Of(dimension.Score, dimension.Band, dimension.BandWithheld),
        dimension.CoveragePercent.ToString(CultureInfo.InvariantCulture) + "%",
        $"{dimension.EvidencedWeight} of {dimension.ApplicableWeight} points",
        dimension.EvidencedOnlyScore is { } only ? only.ToString(CultureInfo.InvariantCulture) + " / 100" : null);
}

public sealed record NoticeGuidanceWithheldAlert(string Id, string Title, string Reason);

public sealed record NoticeGuidanceCriterion(string CriterionId, string Title, string DimensionTitle, string StatusWords, string PointsWords, string Advice);

/// <summary>One plan field the notice gave: the value, how it was read, and the OCDS paths it came from.</summary>
public sealed record NoticeGuidanceField(string Field, string Value, string How, string Paths);
