using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Summaries;

public enum CouncilSummaryOutcome
{
    Sent,
    AlreadySent,
    /// <summary>Another run holds the week (or is finishing it); it will be sent by that run or the next.</summary>
    HeldElsewhere,
    Failed,
}

public sealed record CouncilSummaryResult(string Council, IsoWeek Week, CouncilSummaryOutcome Outcome, int Recipients);

/// <summary>What one run did: the week due (null when nothing was) and each council's outcome.</summary>
public sealed record SummaryRunReport(DateTime UkTime, IsoWeek? Week, IReadOnlyList<CouncilSummaryResult> Councils)
{
    public IEnumerable<string> LogLines()
    {
        if (Week is null)
        {
            yield return $"No weekly summary due at {UkTime:yyyy-MM-dd HH:mm} UK time.";
            yield break;
        }

        yield return $"Weekly summaries for {Week} due at {UkTime:yyyy-MM-dd HH:mm} UK time: {Councils.Count} councils.";
        foreach (var council in Councils)
        {
            yield return $"{council.Council} {council.Week}: {council.Outcome} ({council.Recipients} recipients)";
        }
    }
}

/// <summary>
/// Sends weekly summaries exactly once per council and week. Each council-week is claimed in <see cref="SummaryRuns"/>
/// before anything happens; then rendered and stored (idempotent), emailed unless an earlier run already did, handed
/// to the chat announcer, and marked sent. A run that crashed leaves its claim to expire; the next run takes it over
/// and finishes from the last recorded step. One council failing does not stop the others.
/// </summary>
public sealed class WeeklySummarySender(
    ICouncilDirectory councils,
    WeeklySummaryComposer composer,
    SummaryArchive archive,
    SummaryRuns runs,
    CouncillorMailer mailer,
    ISummaryAnnouncer announcer,
    TimeProvider clock,
    IOptions<SummaryOptions> options,
    ILogger<WeeklySummarySender> logger)
{
    private readonly SummaryOptions _options = options.Value;

    /// <summary>The UK time now, as the rules read it.</summary>
    public DateTime UkNow => UkTime.ToUkTime(clock.GetUtcNow());

    /// <summary>
    /// The timer's entry point: if a summary is due now (Monday from 08:00 UK time), sends it to every council not yet
    /// sent. A past-due run (the host missed an occurrence) sends the latest week whose time has come, whatever the day.
    /// </summary>
    public async Task<SummaryRunReport> RunDueAsync(bool isPastDue, CancellationToken cancellationToken)
    {
        var ukNow = UkNow;
        var due = isPastDue ? SummaryTiming.LatestWeekDue(ukNow, _options.SendHour) : SummaryTiming.WeekDue(ukNow, _options.SendHour);
        if (due is not { } week)
        {
            SummaryLog.NothingDue(logger, ukNow);
            return new SummaryRunReport(ukNow, null, []);
        }

        var registered = await councils.ListAsync(cancellationToken);
        SummaryLog.RunStarting(logger, week, registered.Count, isPastDue);
        var results = new List<CouncilSummaryResult>(registered.Count);
        foreach (var council in registered)
        {
            results.Add(await SendAsync(council, week, cancellationToken));
        }

        return new SummaryRunReport(ukNow, week, results);
    }

    /// <summary>Sends one council's summary of <paramref name="week"/> unless it has been sent already.</summary>
    public async Task<CouncilSummaryResult> SendAsync(Council council, IsoWeek week, CancellationToken cancellationToken)
    {
        var runId = Guid.NewGuid().ToString("N");
        var claimed = await runs.TryClaimAsync(council.Code, week, runId, _options.Lease, cancellationToken);
        if (claimed.Claim is not { } claim)
        {
            var outcome = claimed.Outcome == ClaimOutcome.AlreadySent ? CouncilSummaryOutcome.AlreadySent : CouncilSummaryOutcome.HeldElsewhere;
            SummaryLog.CouncilDone(logger, council.Code, week, outcome, 0, 0);
            return new CouncilSummaryResult(council.Code, week, outcome, 0);
        }

        if (claim.State > SummaryRunState.Claimed)
        {
            SummaryLog.Resuming(logger, council.Code, week, claim.State);
        }

        try
        {
            var recipients = await FinishAsync(council, claim, cancellationToken);
            SummaryLog.CouncilDone(logger, council.Code, week, CouncilSummaryOutcome.Sent, recipients, claim.Attempt);
            return new CouncilSummaryResult(council.Code, week, CouncilSummaryOutcome.Sent, recipients);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Any failure for one council (SMTP refused, storage blip, a lost claim) must not stop the others:
            // it is logged, the claim is given back, and the next hourly run tries again from the last step recorded.
            SummaryLog.CouncilFailed(logger, ex, council.Code, week);
            await runs.ReleaseAsync(claim, CancellationToken.None);
            return new CouncilSummaryResult(council.Code, week, CouncilSummaryOutcome.Failed, 0);
        }
    }

    private async Task<int> FinishAsync(Council council, SummaryClaim claim, CancellationToken cancellationToken)
    {
        var week = claim.Week;
        var composed = await composer.ComposeAsync(council, week, cancellationToken);
        var documents = composed.Documents;
        if (claim.State < SummaryRunState.Rendered)
        {
            await archive.StoreAsync(council.Code, week, documents, cancellationToken);
            await runs.RecordAsync(claim, SummaryRunState.Rendered, _options.Lease, null, cancellationToken);
        }
        else
        {
            // Send what was stored, so councillors and the archive read the same text (the plain-text part, which is
            // not archived, is rendered again from the same week).
            if (await archive.ReadBothAsync(council.Code, week, cancellationToken) is { } stored)
            {
                documents = documents with { Html = stored.Html, Markdown = stored.Markdown };
            }
        }

        var recipients = 0;
        if (claim.State < SummaryRunState.Emailed)
        {
            await runs.RenewAsync(claim, _options.Lease, cancellationToken);
            recipients = await mailer.SendAsync(council, week, documents, cancellationToken);
            await runs.RecordAsync(claim, SummaryRunState.Emailed, _options.Lease, recipients, CancellationToken.None);
        }

        if (claim.State < SummaryRunState.Sent)
        {
            var link = composer.SummaryPage(council.Code);   // a page a councillor can open from a chat message
            await announcer.AnnounceAsync(new SummaryAnnouncement(council, composed.Summary, documents.Markdown, link), cancellationToken);
            await runs.RecordAsync(claim, SummaryRunState.Sent, _options.Lease, null, CancellationToken.None);
        }

        return recipients;
    }
}
