using System.Text.Json;

namespace Commissioning.Domain.Notices;

internal sealed partial class NoticeMapping
{
    // Sentences the portal writes, not the buyer (design: notices.md §1.3): they may set plan fields.
    private const string ConsortiaTemplate = "The buyer considers that this contract is suitable for consortia.";
    private const string NoLotsTemplate = "not to use Lots for this tender for the reason(s) stated below:";

    private Procurement? MapProcurement(DateOnly? publication, string? publicationPath, RegimeReading regime, bool psr, bool? lightTouch, IReadOnlyList<Lot>? lots)
    {
        var route = Route(regime, psr, lightTouch);
        var tenderDate = PlannedTenderDate(publication, publicationPath);
        var bidWindow = BidWindow(publication, publicationPath);
        var reservation = ReservationReading.Read(tender, record);
        var noLotsReason = NoLotsReason();
        var consortia = ConsortiaWelcome();
        var weighting = MapWeighting();
        bool? noticePlanned = null;
        if (stage.TenderNotice)
        {
            noticePlanned = true;
            record.Set("$.procurement.noticePlanned", "true", MappingMethod.Derived, notice.Notices.FirstOrDefault()?.Path ?? "$.tag",
                "the notice is itself the tender notice");
        }
        if (route is null && tenderDate is null && bidWindow is null && reservation is null && lots is null && noLotsReason is null
            && consortia is null && weighting is null && noticePlanned is null)
        {
            return null;
        }
        return new Procurement
        {
            Route = route,
            PlannedTenderDate = tenderDate,
            Reservation = reservation,
            Lots = lots,
            NoLotsReason = noLotsReason,
            ConsortiaWelcome = consortia,
            BidWindowDays = bidWindow,
            Weighting = weighting,
            NoticePlanned = noticePlanned,
        };
    }

    /// <summary>
    /// The tender notice's publication date, from explicit fields only (design: notices.md §5.1): the tender period's
    /// start (not in Contracts Finder 2014, whose tender period holds the contract dates), <c>tender.datePublished</c>,
    /// the UK4 document's <c>datePublished</c>; for a planning notice alone, the planning notice's own date.
    /// <c>release.date</c> is never a publication date.
    /// </summary>
    private (DateOnly? Date, string? Path) PublicationDate()
    {
        if (stage.TenderNotice)
        {
            if (shape != NoticeShape.ContractsFinder2014 && OcdsDates.UkDate(tender.Object("tenderPeriod")?.Text("startDate")) is { } start)
            {
                return (start, "$.tender.tenderPeriod.startDate");
            }
            if (OcdsDates.UkDate(tender.Text("datePublished")) is { } published)
            {
                return (published, "$.tender.datePublished");
            }
            foreach (var document in notice.Notices)
            {
                if (document.NoticeType == "UK4" && OcdsDates.UkDate(document.DatePublished) is { } uk4)
                {
                    return (uk4, document.Path + ".datePublished");
                }
            }
            return (null, null);
        }
        foreach (var document in notice.Notices)
        {
            if ((document.NoticeType is "UK1" or "UK2" or "UK3" || document.DocumentType is "marketEngagementNotice" or "plannedProcurementNotice")
                && OcdsDates.UkDate(document.DatePublished) is { } planning)
            {
                return (planning, document.Path + ".datePublished");
            }
        }
        return (null, null);
    }

    private DateOnly? PlannedTenderDate(DateOnly? publication, string? publicationPath)
    {
        if (stage.TenderNotice)
        {
            if (publication is { } date)
            {
                record.Set("$.procurement.plannedTenderDate", Wording.Date(date), MappingMethod.Converted, publicationPath!, "the tender notice's publication date, as a UK date");
            }
            return publication;
        }
        var future = OcdsDates.UkDate(tender.Object("communication")?.Text("futureNoticeDate"));
        if (future is { } planned)
        {
            record.Set("$.procurement.plannedTenderDate", Wording.Date(planned), MappingMethod.Converted, "$.tender.communication.futureNoticeDate", "the date the buyer plans to publish the tender notice");
        }
        return future;
    }

    /// <summary>Days from publication to the deadline (to the expression-of-interest deadline in a two-stage procedure).</summary>
    private int? BidWindow(DateOnly? publication, string? publicationPath)
    {
        if (!stage.TenderNotice || shape == NoticeShape.ContractsFinder2014)
        {
            return null;
        }
        var interest = OcdsDates.UkDate(tender.Text("expressionOfInterestDeadline"));
        var deadline = interest ?? OcdsDates.UkDate(tender.Object("tenderPeriod")?.Text("endDate"));
        var deadlinePath = interest is not null ? "$.tender.expressionOfInterestDeadline" : "$.tender.tenderPeriod.endDate";
        if (deadline is not { } end)
        {
            return null;
        }
        if (publication is not { } start)
        {
            if (notice.EarliestReleaseDate is { } released && end.DayNumber - released.DayNumber is var inferred and >= 0)
            {
                record.Hint("$.procurement.bidWindowDays",
                    $"No publication date is published. Inferred from the release date, the bid window would be {inferred} days; a release date is not a publication date, so this is not evidence.",
                    "$.date");
            }
            return null;
        }
        var days = end.DayNumber - start.DayNumber;
        if (days < 0 || days > PlanShape.MaxDays)
        {
            record.Note($"The deadline ({Wording.Date(end)}) is not after the publication date ({Wording.Date(start)}), so no bid window is read.");
            return null;
        }
        record.Set("$.procurement.bidWindowDays", Wording.Number(days), MappingMethod.Derived, [publicationPath!, deadlinePath],
            interest is not null ? "to the expression-of-interest deadline of this two-stage procedure" : "from publication to the deadline, UK dates");
        return days;
    }

    private ProcurementRoute? Route(RegimeReading regime, bool psr, bool? lightTouch)
    {
        var details = tender.Text("procurementMethodDetails");
        var (route, reading, why) = ProcedureRoutes.Read(details, regime.Regime == NoticeRegime.ProcurementAct2023, psr, lightTouch);
        var path = psr ? "$.tender.legalBasis" : "$.tender.procurementMethodDetails";
        if (route is null)
        {
            if (details is not null || psr)
            {
                record.Hint("$.procurement.route", $"The procedure \"{details ?? "(none)"}\" sets no route: {why}.", path);
            }
            return null;
        }
        var note = why;
        if (details?.Trim().Equals("Open procedure", StringComparison.OrdinalIgnoreCase) == true && shape is not NoticeShape.FindATender)
        {
            note += "; no threshold marker is given (such notices are often requests for quotation below the threshold)";
        }
        if (route == ProcurementRoute.LightTouchFlexible)
        {
            note += "; with specialRegime lightTouch";
        }
        record.Set("$.procurement.route", Wording.Word(route.Value), reading == ProcedureRoutes.Reading.Translated ? MappingMethod.Converted : MappingMethod.Direct,
            lightTouch == true && route == ProcurementRoute.LightTouchFlexible ? [path, "$.tender.specialRegime"] : [path], note);
        return route;
    }

    private string? NoLotsReason()
    {
        if (NoticeText.Clean(tender.Object("lotDetails")?.Text("noLotsDivisionRationale"), PlanShape.DescriptionLength) is { } rationale)
        {
            record.Set("$.procurement.noLotsReason", Shorten(rationale.Text), rationale.Method, "$.tender.lotDetails.noLotsDivisionRationale", rationale.Note);
            return rationale.Text;
        }
        foreach (var (text, path) in (ReadOnlySpan<(string?, string)>)[(releaseDescription, "$.description"), (tenderDescription, "$.tender.description")])
        {
            var at = text?.IndexOf(NoLotsTemplate, StringComparison.OrdinalIgnoreCase) ?? -1;
            if (at < 0)
            {
                continue;
            }
            var rest = text![(at + NoLotsTemplate.Length)..];
            var end = rest.IndexOfAny(['\r', '\n']);
            var reason = NoticeText.Clean(end > 0 ? rest[..end] : rest, 500)?.Text ?? "the portal's template sentence, without a reason after it";
            record.Set("$.procurement.noLotsReason", Shorten(reason), MappingMethod.Template, path, "the portal's sentence that the buyer decided not to use lots, and the reason given after it");
            return reason;
        }
        return null;
    }

    private bool? ConsortiaWelcome()
    {
        foreach (var (text, path) in (ReadOnlySpan<(string?, string)>)[(releaseDescription, "$.description"), (tenderDescription, "$.tender.description")])
        {
            if (text?.Contains(ConsortiaTemplate, StringComparison.OrdinalIgnoreCase) == true)
            {
                record.Set("$.procurement.consortiaWelcome", "true", MappingMethod.Template, path, $"the portal's sentence \"{ConsortiaTemplate}\"");
                return true;
            }
        }
        return null;
    }

    /// <summary>The weighting of the largest lot (by value; else the first) that states one; other weightings are noted.</summary>
    private Weighting? MapWeighting()
    {
        var readings = new List<(AwardCriteriaReading.Reading Reading, decimal? Value)>();
        if (tender.Object("awardCriteria") is { } tenderCriteria && AwardCriteriaReading.Read(tenderCriteria, "$.tender.awardCriteria") is { } whole)
        {
            readings.Add((whole, null));
        }
        var i = -1;
        foreach (var lot in tender.Items("lots"))
        {
            i++;
            var lotPath = OcdsJson.Index("$.tender.lots", i);
            if (!IsWithdrawn(lot) && lot.Object("awardCriteria") is { } criteria && AwardCriteriaReading.Read(criteria, lotPath + ".awardCriteria") is { } reading)
            {
                readings.Add((reading, ReadAmount(lot.Object("value"), lotPath + ".value", null)?.Amount));
            }
        }
        if (readings.Count == 0)
        {
            return null;
        }
        var chosen = readings.OrderByDescending(r => r.Value ?? -1).First().Reading;
        var others = readings.Select(r => r.Reading.Signature).Distinct().Where(s => s != chosen.Signature).ToList();
        var note = others.Count > 0 ? $"lots are weighted differently; the largest lot's weighting is used (others: {string.Join("; ", others)})" : null;
        if (chosen.Note is not null)
        {
            record.Note(chosen.Note);
        }
        if (chosen.Weighting is not { } weighting)
        {
            return null;
        }
        foreach (var (field, value) in (ReadOnlySpan<(string, decimal?)>)[("quality", weighting.Quality), ("price", weighting.Price), ("socialValue", weighting.SocialValue)])
        {
            if (value is { } v)
            {
                record.Set("$.procurement.weighting." + field, Wording.Number(v), MappingMethod.Converted, chosen.Paths, Join($"award criteria: {chosen.Signature}", note));
            }
        }
        return weighting;
    }
}
