using System.Text.Json.Serialization;

namespace Commissioning.Domain.Notices;

/// <summary>What becomes of one contracting process (design: notices.md §3).</summary>
public enum NoticeProcessStatus
{
    /// <summary>A tender or planning notice: mapped and scored.</summary>
    [JsonStringEnumMemberName("scored")] Scored,
    /// <summary>Award or contract notices only: their tender is a stub, so nothing is scored.</summary>
    [JsonStringEnumMemberName("outcome-only")] OutcomeOnly,
    /// <summary>Nothing that can be scored, for the reason given.</summary>
    [JsonStringEnumMemberName("not-scored")] NotScored,
}

/// <summary>Which notices a compiled process holds, and so whether it is scored.</summary>
internal sealed record NoticeStage(bool TenderNotice, bool PlanningNotice, NoticeProcessStatus Status, string? Reason)
{
    private static readonly HashSet<string> TenderTags = new(StringComparer.Ordinal) { "tender", "tenderUpdate", "tenderAmendment" };
    private static readonly HashSet<string> PlanningTags = new(StringComparer.Ordinal) { "planning", "planningUpdate" };
    private static readonly HashSet<string> UpdateTags = new(StringComparer.Ordinal) { "tenderUpdate", "tenderAmendment", "awardUpdate", "contractUpdate", "planningUpdate", "contractAmendment" };

    public static NoticeStage Of(CompiledNotice notice)
    {
        var process = notice.Process;
        if (process.Releases.Count == 0 && process.CompiledRelease is null)
        {
            return new(false, false, NoticeProcessStatus.NotScored,
                "Its releases are given only as links, and links are never fetched. Send the release package (or the record with its compiledRelease) instead.");
        }
        var noticeTypes = notice.Notices.Where(n => n.NoticeType is not null).Select(n => n.NoticeType!.Trim().ToUpperInvariant()).Distinct().ToList();
        bool tender, planning;
        if (noticeTypes.Count > 0)
        {
            tender = noticeTypes.Contains("UK4");
            planning = noticeTypes.Any(t => t is "UK1" or "UK2" or "UK3");
        }
        else
        {
            // Only the tender and planning sections' documents: an award may link the tender notice it came from.
            var documentTypes = notice.Notices.Where(n => n.Path.StartsWith("$.tender.", StringComparison.Ordinal) || n.Path.StartsWith("$.planning.", StringComparison.Ordinal))
                .Select(n => n.DocumentType).ToList();
            tender = notice.Tags.Any(TenderTags.Contains) || documentTypes.Contains("tenderNotice");
            planning = notice.Tags.Any(PlanningTags.Contains) || documentTypes.Contains("plannedProcurementNotice") || documentTypes.Contains("marketEngagementNotice");
            if (!tender && !planning && notice.Tags.All(t => t == "compiled"))
            {
                // A compiled release says nothing of its stages; a tender with a title is read as the tender notice.
                tender = true;
            }
        }
        var title = notice.Release.Object("tender")?.Text("title") ?? notice.Release.Text("title");
        if (!tender && !planning)
        {
            var what = noticeTypes.Count > 0 ? "notices " + string.Join(", ", noticeTypes) : "releases tagged " + string.Join(", ", notice.Tags);
            return new(false, false, NoticeProcessStatus.OutcomeOnly,
                $"Outcome only, not scored: the process has award or contract {what} and no tender or planning notice, so its tender section is a stub.");
        }
        if (title is null)
        {
            return new(tender, planning, NoticeProcessStatus.NotScored, notice.Tags.Count > 0 && notice.Tags.All(UpdateTags.Contains)
                ? "Only update releases are present; they carry changes, not the whole tender. Send the process's earlier releases, or its record, with them."
                : "The notice has no tender title, so there is no tender to score.");
        }
        return new(tender, planning, NoticeProcessStatus.Scored, null);
    }
}
