namespace Commissioning.Functions.Summaries;

/// <summary>Where weekly summaries live in storage (architecture.md, "Storage").</summary>
public static class SummaryStorageNames
{
    /// <summary>PK <c>{council}|{isoWeek}</c>, RK plan reference: the week's plans, written at submission.</summary>
    public const string PlansByWeekTable = "PlansByWeek";
    /// <summary>PK <c>"council"</c>, RK council code, <c>Json</c>: the council record.</summary>
    public const string CouncilsTable = "Councils";
    /// <summary>PK council code, RK ISO week: which summaries have been claimed, rendered and sent.</summary>
    public const string SummaryRunsTable = "SummaryRuns";
    /// <summary>Blobs <c>{council}/{isoWeek}.html</c> and <c>.md</c>.</summary>
    public const string SummariesContainer = "summaries";
}
