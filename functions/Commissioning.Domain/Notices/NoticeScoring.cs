using System.Globalization;

namespace Commissioning.Domain.Notices;

/// <summary>
/// Scores a mapped notice (design: notices.md §10): the scoring engine scores the plan exactly as it scores a
/// submitted one, then the notice lens marks what a notice cannot show, withholds alerts it cannot support (after the
/// regime gate), measures coverage, withholds bands below the lens's minimum and turns every unevidenced criterion
/// into a question. Pure: the same notice bytes, rubric, lens and council give the same scorecard.
/// </summary>
public static class NoticeScoring
{
    public static NoticeScorecard Score(MappedNotice notice, Rubric rubric, NoticeLens lens, Council? council, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(lens);
        if (lens.RubricVersion != rubric.Version)
        {
            throw new InvalidOperationException($"Notice lens {lens.Version} reads rubric {lens.RubricVersion}, not {rubric.Version}.");
        }
        var engine = ScoringEngine.Score(notice.Plan, rubric, council, today);
        var index = NoticeLensIndex.Of(lens);
        var notes = new List<string>(4);
        var thresholds = new ThresholdSide(notice, rubric, engine.ScoredFor);

        var (card, pointsChanged) = ApplyCriteria(engine, notice, lens, index, rubric, notes);
        if (pointsChanged)
        {
            card = ScorecardRecount.Recount(card, rubric);
        }
        var (alerts, withheld) = ApplyAlerts(engine.Alerts, notice, lens, thresholds);
        card = card with { Alerts = alerts };
        notes.AddRange(thresholds.Notes(lens.Texts));
        if (engine.ScoredFor < RegimeGate.ActInForce)
        {
            notes.Add(Wording.Fill(lens.Texts.ThresholdsBeforeTheAct, [("date", Wording.Date(engine.ScoredFor))]));
        }
        if (notice.Source.Regime.Note is { } regimeNote)
        {
            notes.Add(regimeNote);
        }

        var dimensions = Dimensions(card, lens, rubric);
        var withheldDimensions = dimensions.Where(d => d.Band is null).Select(d => d.Title).ToList();
        var all = card.Dimensions.SelectMany(d => d.Criteria).ToList();
        var evidenced = all.Count(c => c.Status != CriterionStatus.NotEvidenced);
        var source = notice.Source;
        return new NoticeScorecard
        {
            Label = Wording.Fill(lens.Texts.Label,
            [
                ("portal", source.PortalName), ("noticeId", source.NoticeId),
                ("evidenced", Wording.Number(evidenced)), ("criteria", Wording.Number(all.Count)),
            ]),
            Banner = source.Regime.AlertsOn ? null : lens.Texts.RegimeBanners.FirstOrDefault(b => b.Regime == source.Regime.Regime)?.Text,
            LensVersion = lens.Version,
            Source = source,
            Buyer = notice.Buyer,
            Overall = new NoticeOverall(card.Overall.Score,
                withheldDimensions.Count == 0 ? card.Overall.Band : null,
                withheldDimensions.Count == 0 ? null : Wording.Fill(lens.Texts.OverallBandWithheld, [("dimensions", Wording.List(withheldDimensions))])),
            Dimensions = dimensions,
            CriteriaEvidenced = evidenced,
            CriteriaTotal = all.Count,
            Questions = Questions(card, lens, index),
            WithheldAlerts = withheld,
            Scorecard = card,
            Plan = notice.Plan,
            Mapping = notice.Provenance with
            {
                NotInNotice = index.NotInNotice,
            },
            Outcome = notice.Outcome,
            Notes = notes,
        };
    }

    /// <summary>Sets each criterion's status as the lens reads it; true when any criterion's points changed.</summary>
    private static (Scorecard Card, bool PointsChanged) ApplyCriteria(Scorecard engine, MappedNotice notice, NoticeLens lens, NoticeLensIndex index, Rubric rubric, List<string> notes)
    {
        var changed = false;
        var dimensions = new List<DimensionScore>(engine.Dimensions.Count);
        foreach (var dimension in engine.Dimensions)
        {
            var criteria = new List<CriterionResult>(dimension.Criteria.Count);
            foreach (var criterion in dimension.Criteria)
            {
                var adjusted = Adjust(criterion, index.Criterion(criterion.Id), notice, lens, index, rubric, notes);
                changed |= adjusted.Points != criterion.Points;
                criteria.Add(adjusted);
            }
            dimensions.Add(dimension with { Criteria = criteria });
        }
        var byId = dimensions.SelectMany(d => d.Criteria).ToDictionary(c => c.Id);
        return (engine with
        {
            Dimensions = dimensions,
            Recommendations = [.. engine.Recommendations.Select(r => byId[r.CriterionId] is var c && c.Recommendation is { } text ? r with { Status = c.Status, Text = text } : r)],
            MissingFields = [.. dimensions.SelectMany(d => d.Criteria).SelectMany(c => c.MissingFields).Distinct().Order(StringComparer.Ordinal)],
        }, changed);
    }

    private static CriterionResult Adjust(CriterionResult criterion, CriterionLens view, MappedNotice notice, NoticeLens lens, NoticeLensIndex index, Rubric rubric, List<string> notes)
    {
        var texts = lens.Texts;
        if (view.Evidence == NoticeEvidence.None)
        {
            return NotEvidenced(criterion, index.CannotShow(criterion.Id), view.NeverInNotice);
        }
        if (criterion.Id == "L3" && criterion.Status != CriterionStatus.NotEvidenced && SizeCannotBeJudged(notice, texts, notes) is { } why)
        {
            return NotEvidenced(criterion, why + " " + Wording.Fill(texts.NotStated, [("title", criterion.Title), ("question", view.Question)]),
                notice.Facts.ValueIsCeiling ? ["$.budget.totalValue"] : ["$.procurement.lots[*].value"]);
        }
        if (criterion.Status == CriterionStatus.NotEvidenced)
        {
            // Not evidenced for want of something other than plan fields (L4 without a council record): the engine's advice stands.
            return criterion.MissingFields.Count == 0
                ? criterion
                : criterion with { Recommendation = Wording.Fill(texts.NotStated, [("title", criterion.Title), ("question", view.Question)]) };
        }
        if (view.Limit is { } limit && criterion.Status is CriterionStatus.PartlyMet or CriterionStatus.NotMet && criterion.Recommendation is { } advice)
        {
            // Advice written for a plan ("Also add … so this can be judged in full") reads as a notice limit instead.
            return criterion with { Recommendation = limit + " " + WithoutPartialEvidence(advice, rubric) };
        }
        return criterion;
    }

    private static CriterionResult NotEvidenced(CriterionResult criterion, string recommendation, IReadOnlyList<string> missing) => criterion with
    {
        Status = CriterionStatus.NotEvidenced,
        Points = 0,
        Recommendation = recommendation,
        MissingFields = missing,
    };

    /// <summary>
    /// L3 from a notice: a framework's value is a ceiling across call-offs; lots with no values would be sized by the
    /// whole contract, which overstates each lot. Either way the size cannot be judged.
    /// </summary>
    private static string? SizeCannotBeJudged(MappedNotice notice, NoticeLensTexts texts, List<string> notes)
    {
        if (notice.Facts.ValueIsCeiling)
        {
            return texts.SizeIsACeiling;
        }
        var lots = notice.Plan.Procurement?.Lots;
        if (lots is not { Count: >= 2 } || notice.Facts.LotsWithoutValue == 0)
        {
            return null;
        }
        if (notice.Facts.LotsWithoutValue >= lots.Count)
        {
            return Wording.Fill(texts.LotsWithoutValues, [("lots", Wording.Number(lots.Count))]);
        }
        notes.Add(Wording.Fill(texts.SomeLotsWithoutValues, [("unknown", Wording.Number(notice.Facts.LotsWithoutValue)), ("lots", Wording.Number(lots.Count))]));
        return null;
    }

    /// <summary>Removes the rubric's partial-evidence sentence ("Also add {fields} so this can be judged in full.").</summary>
    private static string WithoutPartialEvidence(string advice, Rubric rubric)
    {
        var template = rubric.Texts.PartialEvidence;
        var cut = template.IndexOf("{fields}", StringComparison.Ordinal);
        if (cut < 0)
        {
            return advice;
        }
        var (before, after) = (template[..cut], template[(cut + "{fields}".Length)..]);
        var start = advice.IndexOf(before, StringComparison.Ordinal);
        var end = start < 0 ? -1 : advice.IndexOf(after, start + before.Length, StringComparison.Ordinal);
        return start < 0 || end < 0 ? advice : (advice[..start] + advice[(end + after.Length)..]).Trim();
    }

    /// <summary>The alerts a notice can support, and the rest withheld with the reason (a seam for tests of the gate itself).</summary>
    internal static (IReadOnlyList<ComplianceAlert> Kept, IReadOnlyList<WithheldAlert> Withheld) ApplyAlerts(
        IReadOnlyList<ComplianceAlert> alerts, MappedNotice notice, NoticeLens lens, Rubric rubric, DateOnly scoredFor) =>
        ApplyAlerts(alerts, notice, lens, new ThresholdSide(notice, rubric, scoredFor));

    private static (IReadOnlyList<ComplianceAlert> Kept, IReadOnlyList<WithheldAlert> Withheld) ApplyAlerts(
        IReadOnlyList<ComplianceAlert> alerts, MappedNotice notice, NoticeLens lens, ThresholdSide thresholds)
    {
        var kept = new List<ComplianceAlert>(alerts.Count);
        var withheld = new List<WithheldAlert>();
        var regime = notice.Source.Regime;
        foreach (var alert in alerts)
        {
            var view = NoticeLensIndex.Of(lens).Alert(alert.Id);
            string? why = null;
            if (!regime.AlertsOn)
            {
                why = Wording.Fill(lens.Texts.RegimeSuppressed, [("regime", regime.Reason)]);
            }
            else if (!view.CanFire)
            {
                why = view.Reason;
            }
            else
            {
                foreach (var need in view.Needs)
                {
                    var met = need switch
                    {
                        AlertNeed.CertainlyAtOrAboveThreshold => thresholds.CertainlyAtOrAbove,
                        AlertNeed.CertainlyBelowThreshold => thresholds.CertainlyBelow,
                        AlertNeed.LotsPublished => notice.Facts.LotsPublished,
                        AlertNeed.TermKnown => notice.Plan.Budget?.TermMonths is not null,
                        _ => false,
                    };
                    if (!met)
                    {
                        why = need == AlertNeed.CertainlyAtOrAboveThreshold && thresholds.AboveOnlyIfNotLightTouch
                            ? Wording.Fill(lens.Texts.LightTouchUnknown, [("lightTouchThreshold", thresholds.LightTouchAmount)])
                            : view.Reason;
                        break;
                    }
                }
            }
            if (why is null)
            {
                kept.Add(alert);
            }
            else
            {
                withheld.Add(new WithheldAlert(alert.Id, alert.Title, why));
            }
        }
        return (kept, withheld);
    }

    private static List<NoticeDimension> Dimensions(Scorecard card, NoticeLens lens, Rubric rubric)
    {
        var minimum = lens.BandCoverageMinimumPercent;
        return card.Dimensions.Select(d =>
        {
            var applicable = d.Criteria.Where(c => c.Status != CriterionStatus.NotApplicable).ToList();
            var evidencedCriteria = applicable.Where(c => c.Status != CriterionStatus.NotEvidenced).ToList();
            var applicableWeight = applicable.Sum(c => c.Weight);
            var evidencedWeight = evidencedCriteria.Sum(c => c.Weight);
            var coverage = applicableWeight == 0 ? 100 : (int)Math.Round(100m * evidencedWeight / applicableWeight, 0, MidpointRounding.AwayFromZero);
            var shown = coverage >= minimum;
            return new NoticeDimension
            {
                Id = d.Id,
                Title = d.Title,
                Score = d.Score,
                Band = shown ? rubric.Bands.For(d.Score) : null,
                BandWithheld = shown ? null : Wording.Fill(lens.Texts.BandWithheld,
                [
                    ("coverage", Wording.Number(coverage)), ("minimum", Wording.Number(minimum)), ("score", Wording.Number(d.Score)),
                ]),
                CoveragePercent = coverage,
                EvidencedWeight = evidencedWeight,
                ApplicableWeight = applicableWeight,
                EvidencedOnlyScore = evidencedWeight == 0 ? null : (int)Math.Round(100m * evidencedCriteria.Sum(c => c.Points) / evidencedWeight, 0, MidpointRounding.AwayFromZero),
            };
        }).ToList();
    }

    private static List<CouncillorQuestion> Questions(Scorecard card, NoticeLens lens, NoticeLensIndex index) =>
        [.. card.Dimensions.SelectMany(d => d.Criteria)
            .Where(c => c.Status == CriterionStatus.NotEvidenced)
            .Select(c =>
            {
                var view = index.Criterion(c.Id);
                return new CouncillorQuestion(c.Id, c.Title, view.Question,
                    view.Evidence == NoticeEvidence.None ? lens.Texts.QuestionBeyondNotices : lens.Texts.QuestionNotStated);
            })];

    /// <summary>
    /// Which side of its threshold the notice's value is on, as certainly as VAT allows (design: notices.md §5.3): at or
    /// above when the gross is, or a net or unstated-basis amount already is (VAT only adds); below when the gross is,
    /// or the amount with 20% added still is. When the notice does not say whether the light-touch regime applies, "at
    /// or above" also needs the value to reach the light-touch threshold (decision 0016).
    /// </summary>
    private sealed class ThresholdSide
    {
        private readonly MappedNotice notice;
        private readonly Threshold threshold;
        private readonly Threshold lightTouch;
        private readonly decimal? value;

        public ThresholdSide(MappedNotice notice, Rubric rubric, DateOnly date)
        {
            this.notice = notice;
            var service = notice.Plan.Service;
            threshold = Find(rubric, service?.LightTouch == true ? ThresholdKind.LightTouch : ThresholdKind.GoodsAndServices, date);
            lightTouch = Find(rubric, ThresholdKind.LightTouch, date);
            value = notice.Plan.Budget?.TotalValue;
        }

        private bool LightTouchUnknown => notice.Plan.Service?.LightTouch is null;

        private bool Gross => notice.Facts.ValueBasis == VatBasis.Included;

        public bool CertainlyAtOrAbove => value is { } v && v >= threshold.Amount && (!LightTouchUnknown || v >= lightTouch.Amount);

        /// <summary>At or above the goods and services threshold, but below the light-touch one the notice may be under.</summary>
        public bool AboveOnlyIfNotLightTouch => value is { } v && LightTouchUnknown && v >= threshold.Amount && v < lightTouch.Amount;

        public string LightTouchAmount => Wording.Money(lightTouch.Amount);

        public bool CertainlyBelow => value is { } v && (Gross ? v < threshold.Amount : v * 1.2m < threshold.Amount);

        public IEnumerable<string> Notes(NoticeLensTexts texts)
        {
            if (value is not { } v)
            {
                yield break;
            }
            var basis = notice.Facts.ValueBasis switch
            {
                VatBasis.Excluded => "net of VAT",
                VatBasis.NotStated => "VAT not stated",
                _ => "VAT included",
            };
            var side = v >= threshold.Amount ? "at or above" : "below";
            if (!Gross && v < threshold.Amount && v * 1.2m >= threshold.Amount)
            {
                side = "within VAT of";
                yield return Wording.Fill(texts.ThresholdSideUncertain,
                    [("value", Wording.Money(v)), ("basis", basis), ("thresholdName", threshold.Name), ("threshold", Wording.Money(threshold.Amount))]);
            }
            if (notice.Facts.AboveThresholdStated is { } stated && (stated ? CertainlyBelow : v >= threshold.Amount))
            {
                yield return Wording.Fill(texts.AboveThresholdConflict,
                [
                    ("stated", stated ? "above" : "below"), ("value", Wording.Money(v) + " (" + basis + ")"), ("side", side),
                    ("threshold", Wording.Money(threshold.Amount)),
                ]);
            }
        }

        private static Threshold Find(Rubric rubric, ThresholdKind kind, DateOnly date) =>
            rubric.Thresholds.FirstOrDefault(t => t.Kind == kind && t.InForceOn(date))
            ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Rubric {rubric.Version} has no {kind} threshold in force on {date:yyyy-MM-dd}."));
    }
}
