using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using Commissioning.Domain.Notices;

namespace Commissioning.Functions.Notices;

/// <summary>How notice records map to table rows and back; entities never leave the store (<see cref="NoticeStore"/>).</summary>
public sealed partial class NoticeStore
{
    private static readonly string[] SummaryColumns =
    [
        "RowKey", "Version", "Title", "Portal", "PortalName", "NoticeId", "PublicationDate", "ImportedAt", "IsoWeek", "Score", "Band",
        "CriteriaEvidenced", "CriteriaTotal", "Dimensions", "BuyerMatch", "ReleaseIds", "ImportedBy", "ImportedByKey",
    ];

    private static NoticeSummary Summarise(NoticeDraft draft, int version)
    {
        var card = draft.Scorecard;
        return new NoticeSummary(
            draft.Council,
            draft.Ocid,
            version,
            card.Plan.Title,
            card.Source.Portal,
            card.Source.PortalName,
            card.Source.NoticeId,
            card.Source.PublicationDate,
            draft.ImportedAt,
            IsoWeek.Of(UkTime.TodayInEngland(draft.ImportedAt)).ToString(),
            card.Overall.Score,
            card.Overall.Band,
            card.CriteriaEvidenced,
            card.CriteriaTotal,
            [.. card.Dimensions.Select(d => new NoticeDimensionMention(d.Id, d.Title, d.Score, d.CoveragePercent, d.Band))],
            draft.BuyerMatch,
            draft.ReleaseIds,
            draft.ImportedBy);
    }

    private static void WriteSummary(TableEntity row, NoticeSummary summary, string contentHash)
    {
        row["Version"] = summary.Version;
        row["ContentHash"] = contentHash;
        row["Title"] = summary.Title;
        row["Portal"] = EnumWords.ToWord(summary.Portal);
        row["PortalName"] = summary.PortalName;
        row["NoticeId"] = summary.NoticeId;
        if (summary.PublicationDate is { } published)
        {
            row["PublicationDate"] = IsoDate(published);   // ISO text, so a date range is a string range
        }

        row["ImportedAt"] = summary.ImportedAt;
        row["IsoWeek"] = summary.IsoWeek;
        row["Score"] = summary.Score;
        if (summary.Band is { } band)
        {
            row["Band"] = EnumWords.ToWord(band);
        }

        row["CriteriaEvidenced"] = summary.CriteriaEvidenced;
        row["CriteriaTotal"] = summary.CriteriaTotal;
        row["Dimensions"] = JsonSerializer.Serialize(summary.Dimensions, NoticeRowJson.Default.IReadOnlyListNoticeDimensionMention);
        if (summary.BuyerMatch is { } match)
        {
            row["BuyerMatch"] = EnumWords.ToWord(match);
        }

        row["ReleaseIds"] = JsonSerializer.Serialize(summary.ReleaseIds, NoticeRowJson.Default.IReadOnlyListString);
        if (summary.ImportedBy is { } actor)
        {
            // The audit trail: which key (by id, never the key) or the admin imported this version.
            row["ImportedBy"] = actor.Kind;
            row["ImportedByKey"] = actor.KeyId;
        }
    }

    private static void WriteVersion(TableEntity row, NoticeVersion version)
    {
        WriteSummary(row, version.Summary, version.ContentHash);
        TableRows.WriteCompressed(row, "Scorecard", version.Scorecard, DomainJson.Options);
    }

    private static NoticeSummary ToSummary(string council, string ocid, TableEntity row) => new(
        council,
        ocid,
        row.GetInt32("Version") ?? 0,
        row.GetString("Title") ?? string.Empty,
        EnumWords.TryParse<NoticePortal>(row.GetString("Portal")) ?? NoticePortal.Other,
        row.GetString("PortalName") ?? string.Empty,
        row.GetString("NoticeId") ?? string.Empty,
        DateOnly.TryParseExact(row.GetString("PublicationDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var published) ? published : null,
        row.GetDateTimeOffset("ImportedAt") ?? default,
        row.GetString("IsoWeek") ?? string.Empty,
        row.GetInt32("Score") ?? 0,
        EnumWords.TryParse<Band>(row.GetString("Band")),
        row.GetInt32("CriteriaEvidenced") ?? 0,
        row.GetInt32("CriteriaTotal") ?? 0,
        row.GetString("Dimensions") is { Length: > 0 } dimensions ? JsonSerializer.Deserialize(dimensions, NoticeRowJson.Default.IReadOnlyListNoticeDimensionMention) ?? [] : [],
        EnumWords.TryParse<BuyerMatch>(row.GetString("BuyerMatch")),
        row.GetString("ReleaseIds") is { Length: > 0 } ids ? JsonSerializer.Deserialize(ids, NoticeRowJson.Default.IReadOnlyListString) ?? [] : [],
        row.GetString("ImportedBy") is { Length: > 0 } kind ? new Actor(kind, row.GetString("ImportedByKey")) : null);

    private static NoticeVersion ToVersion(string council, string ocid, TableEntity row) =>
        new(ToSummary(council, ocid, row), row.GetString("ContentHash") ?? string.Empty,
            TableRows.ReadCompressed<NoticeScorecard>(row, "Scorecard", DomainJson.Options));

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The JSON of the columns that hold lists, and of an import's record: camelCase, enum words, nulls left out.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(IReadOnlyList<NoticeDimensionMention>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(NoticeImportRecord))]
internal sealed partial class NoticeRowJson : JsonSerializerContext;
