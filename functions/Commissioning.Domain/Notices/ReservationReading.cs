using System.Text.Json;

namespace Commissioning.Domain.Notices;

/// <summary>
/// Suitability is not reservation (design: notices.md §5.7). <c>suitability.sme/vcse</c> and
/// <c>xClassifications.isSuitableFor*</c> say the buyer thinks small organisations <em>could</em> bid; they are shown
/// and never set <c>procurement.reservation</c>. A reservation comes only from <c>otherRequirements.reservedParticipation</c>
/// (and <c>reservedParticipationLocation</c>), on the tender or on every lot alike. With none, the reservation stays
/// null: a notice never publishes "none" with its reason.
/// </summary>
internal static class ReservationReading
{
    public static Reservation? Read(JsonElement tender, ProvenanceRecorder record)
    {
        ShowSuitability(tender, "$.tender", record);
        if (tender.Object("otherRequirements") is { } requirements && Of(requirements, "$.tender.otherRequirements") is { } whole)
        {
            record.Set("$.procurement.reservation", Wording.Word(whole.Reservation), MappingMethod.Direct, whole.Paths, whole.Note);
            return whole.Reservation;
        }
        var perLot = new List<(Reservation? Reservation, IReadOnlyList<string> Paths)>();
        var i = -1;
        foreach (var lot in tender.Items("lots"))
        {
            i++;
            if (NoticeMapping.IsWithdrawn(lot))
            {
                continue;
            }
            var path = OcdsJson.Index("$.tender.lots", i);
            ShowSuitability(lot, path, record);
            var reading = lot.Object("otherRequirements") is { } lotRequirements ? Of(lotRequirements, path + ".otherRequirements") : null;
            perLot.Add((reading?.Reservation, reading?.Paths ?? []));
        }
        var reserved = perLot.Where(l => l.Reservation is not null).ToList();
        if (reserved.Count == 0)
        {
            return null;
        }
        if (reserved.Count == perLot.Count && reserved.All(l => l.Reservation == reserved[0].Reservation))
        {
            record.Set("$.procurement.reservation", Wording.Word(reserved[0].Reservation!.Value), MappingMethod.Derived,
                [.. reserved.SelectMany(l => l.Paths)], "every lot carries the same reservation");
            return reserved[0].Reservation;
        }
        record.Note("Lots carry different reservations (" + string.Join(", ", perLot.Select(l => l.Reservation is { } r ? Wording.Word(r) : "none stated")) +
                    "); the plan's reservation is left unset because it applies to the whole procurement.");
        return null;
    }

    private sealed record Reading(Reservation Reservation, IReadOnlyList<string> Paths, string? Note);

    private static Reading? Of(JsonElement requirements, string path)
    {
        var codes = requirements.Strings("reservedParticipation");
        var location = requirements.Object("reservedParticipationLocation");
        var sme = codes.Contains("smeVcse");
        var paths = new List<string>(2);
        if (codes.Count > 0)
        {
            paths.Add(path + ".reservedParticipation");
        }
        if (location is not null)
        {
            paths.Add(path + ".reservedParticipationLocation");
        }
        var place = location is { } l ? PlaceOf(l) : Place.None;
        Reservation? reservation = (place, sme) switch
        {
            (Place.Area, true) => Reservation.LocalAreaAndSmeVcse,
            (Place.Area, false) => Reservation.LocalArea,
            (Place.Country, false) => Reservation.Uk,
            (_, true) => Reservation.SmeVcse,
            _ => codes.Contains("publicServiceMissionOrganization") ? Reservation.PublicServiceMutual
                : codes.Contains("shelteredWorkshop") ? Reservation.SupportedEmployment
                : null,
        };
        var note = place == Place.Country && sme ? "reserved to SMEs and VCSEs in the UK; read as an SME/VCSE reservation" : null;
        return reservation is { } r ? new Reading(r, paths, note) : null;
    }

    private enum Place { None, Country, Area }

    /// <summary>A location naming only a country (GB, UK) is a UK reservation; anything narrower is a local area.</summary>
    private static Place PlaceOf(JsonElement location)
    {
        var names = new List<string>(2);
        if (location.Text("description") is { } description)
        {
            names.Add(description);
        }
        if (location.Object("gazetteer") is { } gazetteer)
        {
            names.AddRange(gazetteer.Strings("identifiers"));
        }
        if (names.Count == 0)
        {
            return Place.None;
        }
        return names.TrueForAll(n => n.Trim().ToUpperInvariant() is "GB" or "UK" or "GBR" or "UNITED KINGDOM" or "GREAT BRITAIN") ? Place.Country : Place.Area;
    }

    private static void ShowSuitability(JsonElement holder, string path, ProvenanceRecorder record)
    {
        if (holder.Object("suitability") is { } suitability)
        {
            foreach (var (flag, who) in (ReadOnlySpan<(string, string)>)[("sme", "SMEs"), ("vcse", "VCSEs")])
            {
                if (suitability.Flag(flag) is { } said)
                {
                    record.Context($"buyer says suitable for {who} (not a reservation)", said ? "yes" : "no", path + ".suitability." + flag);
                }
            }
        }
        if (holder.Object("xClassifications") is { } classifications)
        {
            foreach (var (flag, who) in (ReadOnlySpan<(string, string)>)[("isSuitableForSme", "SMEs"), ("isSuitableForVco", "voluntary organisations")])
            {
                if (classifications.Flag(flag) is { } said)
                {
                    record.Context($"buyer says suitable for {who} (not a reservation)", said ? "yes" : "no", path + ".xClassifications." + flag);
                }
            }
        }
    }
}
