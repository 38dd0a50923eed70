namespace Commissioning.Functions.Storage;

/// <summary>
/// Every container, table and queue of the app, and how keys are built: the one storage map. The layout is part of the
/// product's contract; <see cref="StorageProvisioning"/> creates all of it, the same way for every feature.
/// </summary>
public static class StorageLayout
{
    public const string PlansContainer = "plans";
    public const string GuidanceContainer = "guidance";
    /// <summary>Weekly summaries: <c>{council}/{isoWeek}.html</c> and <c>.md</c>.</summary>
    public const string SummariesContainer = "summaries";
    /// <summary>Published notices as imported: <c>{council}/{ocid}/{contentHash}.json</c>, the process's releases as sent.</summary>
    public const string NoticesContainer = "notices";

    public const string PlansTable = "Plans";
    public const string PlanVersionsTable = "PlanVersions";
    public const string PlansByWeekTable = "PlansByWeek";
    public const string CouncilsTable = "Councils";
    public const string CouncilKeysTable = "CouncilKeys";
    /// <summary>PK council code, RK ISO week: which weekly summaries have been claimed, rendered and sent.</summary>
    public const string SummaryRunsTable = "SummaryRuns";
    /// <summary>PK council, RK <c>{eventId}|{channel}</c>: every Teams/Slack message to post, and where it stands.</summary>
    public const string OutboxTable = "Outbox";
    /// <summary>PK council, RK <c>{dedupeKey}|{attempt:D3}</c>: every attempt to post one.</summary>
    public const string DeliveriesTable = "Deliveries";
    /// <summary>PK council, RK ocid: the latest imported version of each of a council's published notices (the listing).</summary>
    public const string NoticesTable = "Notices";
    /// <summary>PK <c>{council}|{ocid}</c>: RK <c>latest</c> (the head) and <c>000001</c>, … (each version with its scorecard).</summary>
    public const string NoticeVersionsTable = "NoticeVersions";
    /// <summary>PK <c>{council}|{isoWeek}</c>: the week's notice digest (rows <c>~digest-000</c>, …), by import date.</summary>
    public const string NoticesByWeekTable = "NoticesByWeek";
    /// <summary>PK council, RK SHA-256 of an <c>Idempotency-Key</c>: what an import with that key did.</summary>
    public const string NoticeImportsTable = "NoticeImports";

    /// <summary>The local runner's timer schedule status and locks (the Functions host keeps its own elsewhere).</summary>
    public const string LocalRunnerContainer = "local-runner";

    /// <summary>Teams and Slack posts to deliver: <c>{"council": …, "dedupeKey": …}</c>, one per outbox row.</summary>
    public const string NotificationsQueue = "notifications";

    /// <summary>Messages that failed <c>maxDequeueCount</c> times; each is recorded as a failed delivery.</summary>
    public const string NotificationsPoisonQueue = NotificationsQueue + "-poison";

    /// <summary>Plan versions whose advisor narrative is to be written: <c>{"council": …, "reference": …, "version": n}</c>.</summary>
    public const string NarrativesQueue = "narratives";

    /// <summary>
    /// Imported notice versions whose advisor narrative is to be written: <c>{"council": …, "ocid": …, "version": n}</c>.
    /// A queue of its own, so nothing that reads plan narratives ever meets a notice (decision 0024).
    /// </summary>
    public const string NoticeNarrativesQueue = "notice-narratives";

    public static IReadOnlyList<string> Queues { get; } =
        [NotificationsQueue, NotificationsPoisonQueue, NarrativesQueue, NarrativesQueue + "-poison", NoticeNarrativesQueue, NoticeNarrativesQueue + "-poison"];

    public static IReadOnlyList<string> Containers { get; } = [PlansContainer, GuidanceContainer, SummariesContainer, LocalRunnerContainer, NoticesContainer];
    public static IReadOnlyList<string> Tables { get; } =
        [PlansTable, PlanVersionsTable, PlansByWeekTable, CouncilsTable, CouncilKeysTable, SummaryRunsTable, OutboxTable, DeliveriesTable,
         NoticesTable, NoticeVersionsTable, NoticesByWeekTable, NoticeImportsTable];

    /// <summary><c>plans/{council}/{reference}/v{n}.json</c> (container <c>plans</c>).</summary>
    public static string PlanBlob(string council, string reference, int version) => $"{council}/{reference}/v{version}.json";

    /// <summary><c>guidance/{council}/{reference}/v{n}.html</c> or <c>.md</c> (container <c>guidance</c>).</summary>
    public static string GuidanceBlob(string council, string reference, int version, DocumentFormat format) =>
        $"{council}/{reference}/v{version}.{(format == DocumentFormat.Html ? "html" : "md")}";

    /// <summary><c>guidance/{council}/{reference}/v{n}.advisor.json</c>: the advisor's raw output, kept for audit.</summary>
    public static string AdvisorBlob(string council, string reference, int version) => $"{council}/{reference}/v{version}.advisor.json";

    public static string VersionPartition(string council, string reference) => $"{council}|{reference}";

    public static string VersionRow(int version) => version.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static string WeekPartition(string council, string isoWeek) => $"{council}|{isoWeek}";

    /// <summary><c>notices/{council}/{ocid}/{contentHash}.json</c> (container <c>notices</c>): the releases a version was read from.</summary>
    public static string NoticeBlob(string council, string ocid, string contentHash) => $"{council}/{ocid}/{contentHash}.json";

    /// <summary><c>notices/{council}/{ocid}/v{n}.advisor.json</c> (container <c>notices</c>): a notice version's advisor run.</summary>
    public static string NoticeAdvisorBlob(string council, string ocid, int version) => $"{council}/{ocid}/v{version}.advisor.json";

    public static string NoticePartition(string council, string ocid) => $"{council}|{ocid}";
}

/// <summary>The two forms every stored document (guidance, weekly summary) is kept in.</summary>
public enum DocumentFormat
{
    Html,
    Markdown,
}
