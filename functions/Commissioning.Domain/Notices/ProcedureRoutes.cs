
namespace Commissioning.Domain.Notices;

/// <summary>
/// The published procedure → the plan's route (design: notices.md §5.5, decision 0016). Matching is on the
/// procedure's words (<c>procurementMethodDetails</c>), case and spacing ignored. A route read from a PCR 2015
/// procedure is marked regime-translated; a call-off, a grants competition or an unknown procedure sets no route.
/// </summary>
internal static class ProcedureRoutes
{
    /// <summary>How a route was read.</summary>
    public enum Reading
    {
        /// <summary>A Procurement Act procedure named as such.</summary>
        Named,
        /// <summary>A below-threshold procedure marked as below threshold ("(below threshold)", "(non-OJEU)", "Below threshold -").</summary>
        MarkedBelowThreshold,
        /// <summary>A PCR 2015 procedure read as the nearest Procurement Act route.</summary>
        Translated,
        /// <summary>No route: a call-off, a placement, a grants competition or a procedure nobody can place.</summary>
        None,
    }

    private sealed record Row(string Words, bool Prefix, ProcurementRoute? Route, Reading Reading, string? Why = null);

    private static readonly Row[] Table =
    [
        new("below threshold - open competition", false, ProcurementRoute.BelowThresholdOpen, Reading.MarkedBelowThreshold),
        new("open procedure (below threshold)", false, ProcurementRoute.BelowThresholdOpen, Reading.MarkedBelowThreshold),
        new("open (non-ojeu)", false, ProcurementRoute.BelowThresholdOpen, Reading.MarkedBelowThreshold),
        new("below threshold - limited competition", false, ProcurementRoute.BelowThresholdInvited, Reading.MarkedBelowThreshold),
        new("competitive quotation (below threshold)", false, ProcurementRoute.BelowThresholdInvited, Reading.MarkedBelowThreshold),
        new("competitive quotation (non-ojeu)", false, ProcurementRoute.BelowThresholdInvited, Reading.MarkedBelowThreshold),
        new("below threshold - without competition", false, ProcurementRoute.DirectAward, Reading.MarkedBelowThreshold),
        new("single tender action (below threshold)", false, ProcurementRoute.DirectAward, Reading.MarkedBelowThreshold),
        new("single tender action (non-ojeu)", false, ProcurementRoute.DirectAward, Reading.MarkedBelowThreshold),
        new("below threshold - unknown", false, null, Reading.None, "a below-threshold procedure of unknown kind"),
        new("direct award", false, ProcurementRoute.DirectAward, Reading.Named),
        new("other - direct award from a framework", true, null, Reading.None, "a call-off from a framework is not a route in the plan"),
        new("other - direct award", true, ProcurementRoute.DirectAward, Reading.Named),
        new("negotiated procedure without prior publication", true, ProcurementRoute.DirectAward, Reading.Translated),
        new("negotiated without publication", true, ProcurementRoute.DirectAward, Reading.Translated),
        new("competitive flexible procedure", false, ProcurementRoute.CompetitiveFlexible, Reading.Named),
        new("open procedure", false, ProcurementRoute.Open, Reading.Named),
        new("open procedure (above threshold)", false, ProcurementRoute.Open, Reading.Translated),
        new("open procedure (ojeu)", false, ProcurementRoute.Open, Reading.Translated),
        new("restricted procedure", true, ProcurementRoute.CompetitiveFlexible, Reading.Translated),
        new("competitive procedure with negotiation", true, ProcurementRoute.CompetitiveFlexible, Reading.Translated),
        new("competitive dialogue", true, ProcurementRoute.CompetitiveFlexible, Reading.Translated),
        new("negotiated procedure with prior call for competition", true, ProcurementRoute.CompetitiveFlexible, Reading.Translated),
        new("innovation partnership", true, ProcurementRoute.CompetitiveFlexible, Reading.Translated),
        new("award under framework", true, null, Reading.None, "a call-off from a framework is not a route in the plan"),
        new("call-off from a framework", true, null, Reading.None, "a call-off from a framework is not a route in the plan"),
        new("call off from a framework", true, null, Reading.None, "a call-off from a framework is not a route in the plan"),
        new("call-off from a dynamic purchasing system", true, null, Reading.None, "a call-off from a dynamic purchasing system is not a route in the plan"),
        new("other - placement", true, null, Reading.None, "a placement is not a route in the plan"),
        new("other - further competition", true, null, Reading.None, "a further competition under a framework is a call-off, not a route in the plan"),
        new("other - grants competition", true, null, Reading.None, "the notice calls this a grants competition; a notice never sets the grant-award route"),
        new("negotiated procedure", false, null, Reading.None, "\"negotiated procedure\" alone does not say whether it was published"),
    ];

    /// <param name="details"><c>tender.procurementMethodDetails</c>.</param>
    /// <param name="underTheAct">True when the regime gate reads the notice as under the Procurement Act.</param>
    /// <param name="psr">True for a Provider Selection Regime legal basis.</param>
    public static (ProcurementRoute? Route, Reading Reading, string Why) Read(string? details, bool underTheAct, bool psr, bool? lightTouch)
    {
        var words = Normalise(details);
        if (psr)
        {
            return words.Contains("most suitable provider", StringComparison.Ordinal) ? (ProcurementRoute.PsrMostSuitableProvider, Reading.Named, "a PSR procedure named as most suitable provider")
                : words.Contains("direct award", StringComparison.Ordinal) ? (ProcurementRoute.PsrDirectAward, Reading.Named, "a PSR direct award")
                : words.Contains("competitive", StringComparison.Ordinal) ? (ProcurementRoute.PsrCompetitive, Reading.Named, "a PSR competitive process")
                : (null, Reading.None, "a Provider Selection Regime notice whose procedure names no PSR route");
        }
        if (words.Length == 0 || words is "not specified" or "not applicable" or "other" or "other -")
        {
            return (null, Reading.None, "no procedure stated");
        }
        foreach (var row in Table)
        {
            if (row.Prefix ? words.StartsWith(row.Words, StringComparison.Ordinal) : words == row.Words)
            {
                var route = row.Route == ProcurementRoute.CompetitiveFlexible && lightTouch == true ? ProcurementRoute.LightTouchFlexible : row.Route;
                var reading = row.Reading == Reading.Named && !underTheAct && route is not null ? Reading.Translated : row.Reading;
                return (route, reading, row.Why ?? Describe(reading));
            }
        }
        return (null, Reading.None, "a procedure the mapper does not know");
    }

    private static string Describe(Reading reading) => reading switch
    {
        Reading.Named => "the Procurement Act procedure named",
        Reading.MarkedBelowThreshold => "a procedure marked as below threshold",
        Reading.Translated => "regime-translated: the nearest Procurement Act route to a Public Contracts Regulations 2015 procedure",
        _ => "no route",
    };

    private static string Normalise(string? details)
    {
        if (string.IsNullOrWhiteSpace(details))
        {
            return "";
        }
        var text = details.Trim().ToLowerInvariant().Replace('–', '-').Replace('—', '-');
        return string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
