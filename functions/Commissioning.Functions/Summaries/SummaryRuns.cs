using Azure;
using Azure.Data.Tables;

namespace Commissioning.Functions.Summaries;

/// <summary>How far one council-week's summary got. Each step is recorded before the next starts.</summary>
public enum SummaryRunState
{
    Claimed = 0,
    Rendered = 1,
    Emailed = 2,
    Sent = 3,
}

/// <summary>A run's hold on one council-week: it alone may move the record on while its lease lasts.</summary>
public sealed class SummaryClaim
{
    internal SummaryClaim(string council, IsoWeek week, SummaryRunState state, ETag etag, int attempt)
    {
        Council = council;
        Week = week;
        State = state;
        ETag = etag;
        Attempt = attempt;
    }

    public string Council { get; }
    public IsoWeek Week { get; }
    /// <summary>The last step completed (by this run or a crashed one before it).</summary>
    public SummaryRunState State { get; internal set; }
    /// <summary>1 for the first run to claim the week; higher when a run took over after a crash or failure.</summary>
    public int Attempt { get; }
    internal ETag ETag { get; set; }
}

public enum ClaimOutcome
{
    Claimed,
    AlreadySent,
    HeldElsewhere,
}

public sealed record ClaimResult(ClaimOutcome Outcome, SummaryClaim? Claim);

/// <summary>The claim was taken over by another run (its lease had expired): this run must stop for that week.</summary>
public sealed class SummaryClaimLostException(string council, IsoWeek week)
    : Exception($"The summary for {council} {week} was taken over by another run.");

/// <summary>
/// The <c>SummaryRuns</c> table: PK council code, RK ISO week. A row is created (or taken over) with an ETag-guarded
/// write before anything is sent, so of two runs racing for the same council-week only one proceeds. Its state goes
/// claimed → rendered → emailed → sent with a timestamp per step; the lease lets another run finish what a crashed
/// run started once the lease has expired. Properties: State, ClaimedBy, ClaimedAt, LeaseExpiresAt, Attempts,
/// RenderedAt, EmailedAt, SentAt, Recipients.
/// </summary>
public sealed class SummaryRuns(TableServiceClient tables, StorageProvisioning provisioning, TimeProvider clock)
{
    private readonly TableClient _table = tables.GetTableClient(StorageLayout.SummaryRunsTable);

    public async Task<ClaimResult> TryClaimAsync(string council, IsoWeek week, string runId, TimeSpan lease, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var existing = await _table.GetEntityIfExistsAsync<TableEntity>(council, week.ToString(), cancellationToken: cancellationToken);
        if (!existing.HasValue || existing.Value is null)
        {
            var row = new TableEntity(council, week.ToString())
            {
                ["State"] = nameof(SummaryRunState.Claimed),
                ["ClaimedBy"] = runId,
                ["ClaimedAt"] = now,
                ["LeaseExpiresAt"] = now + lease,
                ["Attempts"] = 1,
            };
            try
            {
                var added = await _table.AddEntityAsync(row, cancellationToken);
                return new ClaimResult(ClaimOutcome.Claimed, new SummaryClaim(council, week, SummaryRunState.Claimed, added.Headers.ETag ?? ETag.All, 1));
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                return new ClaimResult(ClaimOutcome.HeldElsewhere, null);
            }
        }

        var record = existing.Value;
        var state = StateOf(record);
        if (state == SummaryRunState.Sent)
        {
            return new ClaimResult(ClaimOutcome.AlreadySent, null);
        }

        if (record.GetDateTimeOffset("LeaseExpiresAt") is { } expires && expires > now)
        {
            return new ClaimResult(ClaimOutcome.HeldElsewhere, null);
        }

        var attempt = (record.GetInt32("Attempts") ?? 1) + 1;
        record["ClaimedBy"] = runId;
        record["ClaimedAt"] = now;
        record["LeaseExpiresAt"] = now + lease;
        record["Attempts"] = attempt;
        try
        {
            var updated = await _table.UpdateEntityAsync(record, record.ETag, TableUpdateMode.Replace, cancellationToken);
            return new ClaimResult(ClaimOutcome.Claimed, new SummaryClaim(council, week, state, updated.Headers.ETag ?? ETag.All, attempt));
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return new ClaimResult(ClaimOutcome.HeldElsewhere, null);
        }
    }

    /// <summary>Records that <paramref name="claim"/> completed <paramref name="step"/> and renews its lease.</summary>
    public async Task RecordAsync(SummaryClaim claim, SummaryRunState step, TimeSpan lease, int? recipients, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var patch = new TableEntity(claim.Council, claim.Week.ToString())
        {
            ["State"] = step.ToString(),
            [$"{step}At"] = now,
            ["LeaseExpiresAt"] = step == SummaryRunState.Sent ? now : now + lease,
        };
        if (recipients is { } count)
        {
            patch["Recipients"] = count;
        }

        claim.ETag = await MergeAsync(claim, patch, cancellationToken);
        claim.State = step;
    }

    /// <summary>Renews the lease without moving on: called right before anything leaves the building.</summary>
    public async Task RenewAsync(SummaryClaim claim, TimeSpan lease, CancellationToken cancellationToken)
    {
        var patch = new TableEntity(claim.Council, claim.Week.ToString()) { ["LeaseExpiresAt"] = clock.GetUtcNow() + lease };
        claim.ETag = await MergeAsync(claim, patch, cancellationToken);
    }

    /// <summary>Gives the week back after a failure, so the next run may try again at once.</summary>
    public async Task ReleaseAsync(SummaryClaim claim, CancellationToken cancellationToken)
    {
        var patch = new TableEntity(claim.Council, claim.Week.ToString()) { ["LeaseExpiresAt"] = clock.GetUtcNow() };
        try
        {
            claim.ETag = await MergeAsync(claim, patch, cancellationToken);
        }
        catch (SummaryClaimLostException)
        {
            // Someone else already holds it; nothing to give back.
        }
    }

    private async Task<ETag> MergeAsync(SummaryClaim claim, TableEntity patch, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _table.UpdateEntityAsync(patch, claim.ETag, TableUpdateMode.Merge, cancellationToken);
            return response.Headers.ETag ?? ETag.All;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            throw new SummaryClaimLostException(claim.Council, claim.Week);
        }
    }

    private static SummaryRunState StateOf(TableEntity row) =>
        Enum.TryParse<SummaryRunState>(row.GetString("State"), out var state) ? state : SummaryRunState.Claimed;

    private ValueTask EnsureTableAsync(CancellationToken cancellationToken) => provisioning.EnsureAsync(cancellationToken);
}
