using System.Globalization;

namespace Commissioning.Domain.Notices;

internal sealed partial class NoticeMapping
{
    /// <summary>
    /// Lots (design: notices.md §5.6): FTS, Scotland and Wales publish <c>tender.lots</c> (an undivided procurement as
    /// one lot), so there the list is evidence; Contracts Finder has no lots structure, so its lots stay null. Lots that
    /// are cancelled, unsuccessful or withdrawn are left out; a lot's value is gross first; its basis is never read.
    /// </summary>
    private List<Lot>? MapLots(out int withoutValue, out bool tooMany)
    {
        withoutValue = 0;
        tooMany = false;
        if (NoticeShapes.IsContractsFinder(shape) || !tender.HasArray("lots"))
        {
            return null;
        }
        var lots = new List<Lot>();
        var paths = new List<string>();
        var active = 0;
        var i = -1;
        foreach (var lot in tender.Items("lots"))
        {
            i++;
            if (IsWithdrawn(lot))
            {
                continue;
            }
            active++;
            if (lots.Count == PlanShape.MaxListItems)
            {
                continue;
            }
            var path = OcdsJson.Index("$.tender.lots", i);
            var value = ReadAmount(lot.Object("value"), path + ".value", null);
            if (value is null)
            {
                withoutValue++;
            }
            var name = NoticeText.Clean(lot.Text("title"), PlanShape.NameLength)?.Text
                       ?? NoticeText.Clean(lot.Text("description"), PlanShape.NameLength)?.Text
                       ?? lot.Text("id");
            lots.Add(new Lot { Name = name, Value = value?.Amount });
            paths.Add(path);
        }
        if (active > NoticeLimits.MaxLotsPerTender)
        {
            tooMany = true;
        }
        if (active == 0)
        {
            record.Note("Every lot is cancelled, unsuccessful or withdrawn, so no lots are read.");
            return null;
        }
        var summary = string.Join("; ", lots.Select(l => (l.Name ?? "unnamed") + (l.Value is { } v ? " " + Wording.Money(v) : " (no value)")));
        var notes = new List<string>(3);
        if (active == 1)
        {
            notes.Add("one lot: the procurement is not divided");
        }
        if (withoutValue > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{withoutValue} of {lots.Count} lots have no value"));
        }
        if (active > lots.Count)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{active} lots; the plan holds the first {lots.Count}"));
        }
        record.Set("$.procurement.lots", Shorten(summary), MappingMethod.Direct, paths, notes.Count > 0 ? string.Join("; ", notes) : null);
        return lots;
    }
}
