using Commissioning.Domain.Notices;

namespace Commissioning.Functions.Notices;

/// <summary>
/// Scoring and importing a council's published notices end to end: every process of the body is read, mapped and
/// scored through the notice lens (the domain), its buyer checked against the council record, and, on import, each
/// scored process that is the council's own stored as a version of its notice. Another buyer's notice is scored and
/// reported, never stored under the council. A notice is never a plan: nothing here touches plans or tells the plans'
/// listeners (decisions 0022, 0024). Each new version is put on the notice narratives queue once it is stored.
/// </summary>
public sealed partial class NoticeImport(NoticeStore store, NarrativeOnImport narratives, TimeProvider time, ILogger<NoticeImport> logger)
{
    /// <summary>How many processes of one body are stored at once.</summary>
    private const int StoredAtOnce = 8;

    /// <summary>Scores every process of the body against the council's record (if registered) as of today in England.</summary>
    public IReadOnlyList<NoticeResult> Assess(NoticeBatch batch, string councilCode, Council? council)
    {
        var rubric = Rubrics.Current;   // as plans are scored: the rubric in force
        return [.. NoticeAssessment.ScoreEach(batch, councilCode, council, rubric, NoticeLenses.ForRubric(rubric.Version), UkTime.TodayInEngland(time.GetUtcNow()))];
    }

    /// <summary>The answer to a score: nothing is stored.</summary>
    public static ScoredNotices Scored(NoticeBatch batch, string councilCode, IReadOnlyList<NoticeResult> results) =>
        new(councilCode, NoticesReceived.From(batch), [.. results.Select(r => Outcome(r, Status(r.Status), r.Reason))]);

    /// <summary>What the council's import with this <c>Idempotency-Key</c> did, when there was one: nothing is imported again.</summary>
    public async Task<ImportedNotices?> ReplayAsync(string council, string idempotencyKey, CancellationToken cancellationToken) =>
        await store.FindImportAsync(council, idempotencyKey, cancellationToken) is { } earlier ? await ReplayAsync(council, earlier, cancellationToken) : null;

    /// <summary>
    /// Imports the assessed processes of a body for a registered council. With <paramref name="idempotencyKey"/>, what
    /// it did is recorded under the key; a concurrent import that recorded the key first is answered instead.
    /// </summary>
    public async Task<ImportedNotices> ImportAsync(
        NoticeBatch batch, IReadOnlyList<NoticeResult> results, Council council, string? idempotencyKey, Actor importedBy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var outcomes = new NoticeOutcome[results.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, results.Count), new ParallelOptions { MaxDegreeOfParallelism = StoredAtOnce, CancellationToken = cancellationToken },
            async (i, ct) => outcomes[i] = await ImportOneAsync(batch.Processes[i], results[i], council, now, importedBy, ct));

        var answer = new ImportedNotices(council.Code, now, importedBy, Replayed: false, NoticesReceived.From(batch), outcomes);
        LogImported(logger, council.Code, results.Count, outcomes.Count(o => o.Status is NoticeOutcomeStatus.Created or NoticeOutcomeStatus.Updated),
            outcomes.Count(o => o.Status == NoticeOutcomeStatus.Unchanged), outcomes.Count(o => o.Status == NoticeOutcomeStatus.Rejected), importedBy.Kind);
        if (idempotencyKey is null)
        {
            return answer;
        }

        var record = new NoticeImportRecord(now, importedBy, answer.Received,
            [.. outcomes.Select(o => new NoticeImportLine(o.Ocid, o.Status, o.Reason, o.BuyerMatch, o.Version, o.ReleaseIds))]);
        var kept = await store.RecordImportAsync(council.Code, idempotencyKey, record, cancellationToken);
        return ReferenceEquals(kept, record) ? answer : await ReplayAsync(council.Code, kept, cancellationToken);
    }

    private async Task<NoticeOutcome> ImportOneAsync(NoticeProcess process, NoticeResult result, Council council, DateTimeOffset now, Actor importedBy, CancellationToken ct)
    {
        if (result.Status != NoticeProcessStatus.Scored || result.Scorecard is not { } scorecard)
        {
            return Outcome(result, Status(result.Status), result.Reason);
        }

        if (result.BuyerMatch == BuyerMatch.OtherBuyer)
        {
            return Outcome(result, NoticeOutcomeStatus.Rejected, OtherBuyer(result.Buyer, council));
        }

        if (!NoticeAddress.TryNormaliseOcid(result.Ocid, out var ocid))
        {
            return Outcome(result, NoticeOutcomeStatus.Rejected,
                $"Its ocid '{result.Ocid}' cannot be stored or addressed here (an ocid here is 'ocds-', a six-character prefix, '-' and letters, digits and hyphens). It was scored, not stored.");
        }

        var draft = new NoticeDraft(council.Code, ocid, NoticeContent.Hash(process), NoticeContent.Document(process), scorecard, result.BuyerMatch,
            result.ReleaseIds, now, importedBy);
        var saved = await store.SaveAsync(draft, ct);
        var version = saved.Stored.Summary.Version;
        var status = saved.Result switch
        {
            NoticeSaveResult.Created => NoticeOutcomeStatus.Created,
            NoticeSaveResult.Updated => NoticeOutcomeStatus.Updated,
            _ => NoticeOutcomeStatus.Unchanged,
        };
        if (saved.Result != NoticeSaveResult.Unchanged)
        {
            await RequestNarrativeAsync(saved.Stored.Summary);
        }

        var reason = result.BuyerMatch == BuyerMatch.NameOnly
            ? "Stored, flagged: the buyer's name is the council's, but no identifier in the notice is one the council record lists (buyerIdentifiers)."
            : null;
        return Outcome(result, status, reason) with { Version = version, Scorecard = saved.Stored.Scorecard, Links = NoticeLinks.For(council.Code, ocid, version) };
    }

    /// <summary>
    /// Asks for the advisor's narrative of a version just stored. A caller hanging up must not lose it, so the enqueue
    /// gets no cancellation; its failure is logged and never fails the import (the version is stored and its guidance
    /// reads as before, without a narrative).
    /// </summary>
    private async Task RequestNarrativeAsync(NoticeSummary stored)
    {
        try
        {
            await narratives.HandleAsync(stored, CancellationToken.None);
        }
#pragma warning disable CA1031 // a queue's failure must never fail a stored import
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogNarrativeRequestFailed(logger, ex, stored.Council, stored.Ocid, stored.Version);
        }
    }

    /// <summary>The answer of a recorded import: stored processes with their scorecards read back, the others as they were reported.</summary>
    private async Task<ImportedNotices> ReplayAsync(string council, NoticeImportRecord record, CancellationToken cancellationToken)
    {
        var outcomes = new List<NoticeOutcome>(record.Results.Count);
        foreach (var line in record.Results)
        {
            var outcome = new NoticeOutcome(line.Ocid, line.Status, line.Reason, line.BuyerMatch, null, line.ReleaseIds, line.Version);
            if (line.Version is { } version && await store.GetAsync(council, line.Ocid, version, cancellationToken) is { } stored)
            {
                outcome = outcome with { Buyer = stored.Version.Scorecard.Buyer, Scorecard = stored.Version.Scorecard, Links = NoticeLinks.For(council, line.Ocid, version) };
            }

            outcomes.Add(outcome);
        }

        return new ImportedNotices(council, record.ImportedAt, record.ImportedBy, Replayed: true, record.Received, outcomes);
    }

    /// <summary>The reasons nothing in a body can be scored, one a process, for the 422; null when something can.</summary>
    public static IReadOnlyList<NoticeReason>? NothingToScore(IReadOnlyList<NoticeResult> results) =>
        results.Any(r => r.Status == NoticeProcessStatus.Scored)
            ? null
            : [.. results.Select(r => new NoticeReason(r.Ocid, EnumWords.ToWord(r.Status), r.Reason ?? "not scored"))];

    private static NoticeOutcome Outcome(NoticeResult result, NoticeOutcomeStatus status, string? reason) =>
        new(result.Ocid, status, reason, result.BuyerMatch, result.Buyer, result.ReleaseIds, Scorecard: result.Scorecard);

    private static NoticeOutcomeStatus Status(NoticeProcessStatus status) => status switch
    {
        NoticeProcessStatus.Scored => NoticeOutcomeStatus.Scored,
        NoticeProcessStatus.OutcomeOnly => NoticeOutcomeStatus.OutcomeOnly,
        _ => NoticeOutcomeStatus.NotScored,
    };

    private static string OtherBuyer(NoticeBuyer? buyer, Council council)
    {
        var whose = buyer?.Name is { } name ? "the buyer is " + name : "it names no buyer";
        return $"Another buyer's notice: {whose}, and neither its identifiers nor its name is one of {council.Name}'s " +
               "(buyerIdentifiers and buyerNames of the council record). It was scored, not stored.";
    }

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information,
        Message = "Imported notices for {Council}: {Processes} processes, {Stored} stored, {Unchanged} unchanged, {Rejected} another buyer's, by {Actor}")]
    private static partial void LogImported(ILogger logger, string council, int processes, int stored, int unchanged, int rejected, string actor);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Warning, Message = "Could not ask for the advisor's narrative of notice {Council}/{Ocid} v{Version}; it is stored without one")]
    private static partial void LogNarrativeRequestFailed(ILogger logger, Exception exception, string council, string ocid, int version);
}

/// <summary>Why one process of a body was not scored: what the 422 lists in <c>reasons</c>.</summary>
public sealed record NoticeReason(string Ocid, string Status, string Reason);
