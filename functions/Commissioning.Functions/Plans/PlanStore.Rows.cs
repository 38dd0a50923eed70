using Commissioning.Domain.Plans;
using Azure.Data.Tables;

namespace Commissioning.Functions.Plans;

/// <summary>How plan records map to table rows and back; entities never leave the store (<see cref="PlanStore"/>).</summary>
public sealed partial class PlanStore
{
    // ---- mapping between rows and records (entities never leave this class) ----

    private static readonly string[] SummaryColumns =
        ["RowKey", "Version", "Title", "Score", "Band", "AlertsCount", "SubmittedAt", "IsoWeek", "RubricVersion", "Dimensions", "Category", "SubmittedBy", "SubmittedByKey", "ImportedAt"];

    private static PlanSummary Summarise(PlanDraft draft, int version) => new(
        draft.Council,
        draft.Reference,
        draft.Title,
        version,
        draft.Scorecard.Overall.Score,
        draft.Scorecard.Overall.Band,
        draft.Scorecard.Alerts.Count,
        draft.SubmittedAt,
        PlanCalendar.IsoWeek(draft.SubmittedAt),
        draft.Scorecard.RubricVersion,
        [.. draft.Scorecard.Dimensions.Select(d => new DimensionSummary(d.Id, d.Score, d.Band))],
        draft.Category,
        draft.SubmittedBy,
        draft.ImportedAt);

    private static void WriteSummary(TableEntity row, PlanSummary summary, string? contentHash)
    {
        row["Version"] = summary.Version;
        row["Title"] = summary.Title;
        row["Score"] = summary.Score;
        row["Band"] = BandWords.ToWord(summary.Band);
        row["AlertsCount"] = summary.AlertsCount;
        row["SubmittedAt"] = summary.SubmittedAt;
        row["IsoWeek"] = summary.IsoWeek;
        row["RubricVersion"] = summary.RubricVersion;
        row["Dimensions"] = string.Join(';', summary.Dimensions.Select(d => $"{d.Id}:{d.Score}:{BandWords.ToWord(d.Band)}"));
        if (summary.Category is { } category)
        {
            row["Category"] = EnumWords.ToWord(category);
        }
        if (summary.SubmittedBy is { } actor)
        {
            // The audit trail: which key (by id, never the key) or the admin stored this version.
            row["SubmittedBy"] = actor.Kind;
            row["SubmittedByKey"] = actor.KeyId;
        }

        if (summary.ImportedAt is { } importedAt)
        {
            row["ImportedAt"] = importedAt;
        }

        if (contentHash is not null)
        {
            row["ContentHash"] = contentHash;
        }
    }

    private static PlanSummary ToSummary(string council, string reference, TableEntity row) => new(
        council,
        reference,
        row.GetString("Title") ?? string.Empty,
        row.GetInt32("Version") ?? 0,
        row.GetInt32("Score") ?? 0,
        BandWords.TryParse(row.GetString("Band"), out var band) ? band : Band.Red,
        row.GetInt32("AlertsCount") ?? 0,
        row.GetDateTimeOffset("SubmittedAt") ?? default,
        row.GetString("IsoWeek") ?? string.Empty,
        row.GetString("RubricVersion") ?? string.Empty,
        ReadDimensions(row.GetString("Dimensions")),
        EnumWords.TryParse<ServiceCategory>(row.GetString("Category")),
        row.GetString("SubmittedBy") is { Length: > 0 } kind ? new Actor(kind, row.GetString("SubmittedByKey")) : null,
        row.GetDateTimeOffset("ImportedAt"));

    private static IReadOnlyList<DimensionSummary> ReadDimensions(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : [.. text.Split(';').Select(part => part.Split(':')).Where(p => p.Length == 3)
                .Select(p => new DimensionSummary(p[0], int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), BandWords.TryParse(p[2], out var b) ? b : Band.Red))];

    private static PlanVersion ToVersion(string council, string reference, TableEntity row) =>
        new(ToSummary(council, reference, row), row.GetString("ContentHash") ?? string.Empty,
            TableRows.ReadCompressed<Scorecard>(row, "Scorecard", DomainJson.Options));
}
