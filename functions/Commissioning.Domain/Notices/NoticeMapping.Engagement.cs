
namespace Commissioning.Domain.Notices;

internal sealed partial class NoticeMapping
{
    /// <summary>
    /// Market engagement from planning notices (design: notices.md §4.4): an FTS UK1 pipeline notice, a UK2 preliminary
    /// market engagement notice, a Contracts Finder early engagement notice. Each is dated by its own publication; who
    /// took part is never published, so <c>organisations</c> stays null. A UK3 planned procurement notice is not engagement.
    /// </summary>
    private Market? MapEngagement()
    {
        var events = new List<EngagementEvent>();
        var paths = new List<string>();
        foreach (var document in notice.Notices)
        {
            var format = document.NoticeType switch
            {
                "UK1" => EngagementFormat.PipelineNotice,
                _ => (EngagementFormat?)null,
            };
            if (document.NoticeType is "UK1" or "UK2" || (document.NoticeType is null && document.DocumentType == "marketEngagementNotice"))
            {
                events.Add(new EngagementEvent { Date = OcdsDates.UkDate(document.DatePublished), Format = format });
                paths.Add(document.Path);
            }
        }
        if (events.Count == 0 && !NoticeShapes.IsContractsFinder(shape))
        {
            var i = 0;
            foreach (var process in release.Items("relatedProcesses"))
            {
                if (process.Strings("relationship").Contains("planning"))
                {
                    record.Hint("$.market.engagement", $"The notice refers to an earlier planning notice ({process.Text("scheme")} {process.Text("identifier")}), undated here; it is not read as engagement.",
                        OcdsJson.Index("$.relatedProcesses", i));
                }
                i++;
            }
        }
        if (events.Count == 0 && shape == NoticeShape.ContractsFinderCsv && notice.Tags.Contains("planning"))
        {
            // The CSV carries a planning notice but not its documents: engagement is announced, its date is not.
            events.Add(new EngagementEvent());
            paths.Add("$.tag");
        }
        if (events.Count == 0)
        {
            return null;
        }
        var ends = release.Object("planning") is { } planning
            ? planning.Items("milestones").Where(m => m.Text("type") == "engagement").Select(m => OcdsDates.UkDate(m.Text("dueDate"))).OfType<DateOnly>().ToList()
            : [];
        var summary = string.Join("; ", events.Select(e => (e.Date is { } d ? Wording.Date(d) : "undated") + (e.Format is { } f ? " " + Wording.Word(f) : "")));
        record.Set("$.market.engagement", summary, MappingMethod.Converted, paths,
            "a planning notice dated by its publication" + (ends.Count > 0 ? $"; engagement runs to {Wording.Date(ends.Max())}" : "") +
            "; who took part is never published");
        return new Market { Engagement = events };
    }
}
