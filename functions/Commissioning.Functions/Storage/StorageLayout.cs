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

    /// <summary>The local runner's timer schedule status and locks (the Functions host keeps its own elsewhere).</summary>
    public const string LocalRunnerContainer = "local-runner";

    /// <summary>Teams and Slack posts to deliver: <c>{"council": …, "dedupeKey": …}</c>, one per outbox row.</summary>
    public const string NotificationsQueue = "notifications";

    /// <summary>Messages that failed <c>maxDequeueCount</c> times; each is recorded as a failed delivery.</summary>
    public const string NotificationsPoisonQueue = NotificationsQueue + "-poison";

    /// <summary>Plan versions whose advisor narrative is to be written: <c>{"council": …, "reference": …, "version": n}</c>.</summary>
    public const string NarrativesQueue = "narratives";

    public static IReadOnlyList<string> Queues { get; } = [NotificationsQueue, NotificationsPoisonQueue, NarrativesQueue, NarrativesQueue + "-poison"];

    public static IReadOnlyList<string> Containers { get; } = [PlansContainer, GuidanceContainer, SummariesContainer, LocalRunnerContainer];
    public static IReadOnlyList<string> Tables { get; } =
        [PlansTable, PlanVersionsTable, PlansByWeekTable, CouncilsTable, CouncilKeysTable, SummaryRunsTable, OutboxTable, DeliveriesTable];

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
}

/// <summary>The two forms every stored document (guidance, weekly summary) is kept in.</summary>
public enum DocumentFormat
{
    Html,
    Markdown,
}
