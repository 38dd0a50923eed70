using Commissioning.Domain.Plans;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Commissioning.Functions.Guidance;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Plans;

/// <summary>
/// All plan storage, in one place. Layout: blob <c>plans/{council}/{reference}/v{n}.json</c> (the raw document, never
/// modified once its version is published), blobs <c>guidance/{council}/{reference}/v{n}.html|.md</c>, and tables
/// <c>PlanVersions</c> (one row per version, with the scorecard), <c>Plans</c> (the latest version of each plan) and
/// <c>PlansByWeek</c> (per week: a row per plan, which the week's listing pages through, and the week's digest rows,
/// which the weekly summary reads; see <see cref="PlansByWeekTable"/>).
///
/// Saving is crash-safe and idempotent without locks or cross-partition batches:
/// 1. claim version n = latest + 1 by creating the plan blob only if absent (its metadata carries the content hash),
/// 2. write the guidance blobs and 3. add the PlanVersions row, side by side, 4. move the Plans row from n-1 to n
/// under its ETag (or add it if absent), 5. record the version in PlansByWeek: the plan's row and the week's digest,
/// side by side. A version is visible only once step 4 succeeds, and a version found already staged (by a retry, a
/// concurrent twin, or a submission taking over an abandoned version) gets any missing guidance document before it is
/// published. A retry after a crash at any step finds what exists and completes it; concurrent identical submissions
/// all end at the same version, and exactly one of them reports it as created.
/// </summary>
public sealed partial class PlanStore(
    BlobServiceClient blobs,
    TableServiceClient tables,
    StorageProvisioning provisioning,
    PlansByWeekTable weekIndex,
    IOptions<StorageOptions> options,
    TimeProvider time)
{
    private const int MaxAttempts = 40;
    private const string HashMetadata = "contenthash";
    private const string HtmlContentType = "text/html; charset=utf-8";
    private const string MarkdownContentType = "text/markdown; charset=utf-8";

    private TableClient Plans => tables.GetTableClient(StorageLayout.PlansTable);
    private TableClient Versions => tables.GetTableClient(StorageLayout.PlanVersionsTable);
    private TableClient Weeks => tables.GetTableClient(StorageLayout.PlansByWeekTable);
    private BlobContainerClient PlanBlobs => blobs.GetBlobContainerClient(StorageLayout.PlansContainer);
    private BlobContainerClient GuidanceBlobs => blobs.GetBlobContainerClient(StorageLayout.GuidanceContainer);

    /// <summary>
    /// Stores a draft as a new version, or finds the version it already is (same content or same idempotency key).
    /// <paramref name="plan"/> is the draft's plan, which <paramref name="render"/> turns into its guidance.
    /// </summary>
    public Task<SaveOutcome> SaveAsync(PlanDraft draft, Plan plan, RenderGuidance render, CancellationToken cancellationToken) =>
        provisioning.RunAsync(ct => SaveCoreAsync(draft, plan, render, ct), cancellationToken);

    private async Task<SaveOutcome> SaveCoreAsync(PlanDraft draft, Plan plan, RenderGuidance render, CancellationToken ct)
    {
        // The guidance and the PlanVersions row need only the version number: they are prepared (CPU) while the claim
        // travels to storage (I/O), once per version number tried, and reused by a retry of the same number.
        Task<PreparedVersion>? preparing = null;
        var preparedFor = 0;
        try
        {
            return await SaveCoreAsync(draft, plan, render, version =>
            {
                if (preparing is null || preparedFor != version)
                {
                    Observe(preparing);
                    preparing = Task.Run(() => Prepare(draft, plan, version, render), ct);
                    preparedFor = version;
                }

                return preparing;
            }, ct);
        }
        finally
        {
            Observe(preparing);   // a preparation the save did not need: its failure (if any) is not left unobserved
        }
    }

    private async Task<SaveOutcome> SaveCoreAsync(PlanDraft draft, Plan plan, RenderGuidance render, Func<int, Task<PreparedVersion>> prepare, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var head = await ReadHeadAsync(draft.Council, draft.Reference, ct);

            if (draft.IdempotencyKey is { } key && head is not null
                && await FindByIdempotencyKeyAsync(draft, key, ct) is { } keyed
                && keyed.Summary.Version <= head.Summary.Version)
            {
                return new SaveOutcome(keyed, Created: false);
            }

            if (head is not null && head.ContentHash == draft.ContentHash)
            {
                var existing = await ReadVersionAsync(draft.Council, draft.Reference, head.Summary.Version, ct)
                               ?? throw new InvalidOperationException($"Plans row points at a missing version {head.Summary.Version}.");
                await IndexWeekAsync(existing, ct);   // completes a save that stopped after the Plans row
                return new SaveOutcome(existing, Created: false);
            }

            if (draft.ImportedAt is not null && head is not null && draft.SubmittedAt < head.Summary.SubmittedAt)
            {
                // An import dated before the latest version would make "latest" older than what it replaces.
                throw new ImportOutOfOrderException(head.Summary);
            }

            var version = (head?.Summary.Version ?? 0) + 1;
            var prepared = prepare(version);
            var claim = await ClaimAsync(draft, version, ct);
            var staged = claim == Claim.Ours ? null : await ReadVersionAsync(draft.Council, draft.Reference, version, ct);
            var writtenNow = staged is null;
            if (staged is null)
            {
                if (claim == Claim.Taken)
                {
                    await Backoff(attempt, ct);   // another submission is writing version n: let it finish
                    continue;
                }

                staged = await WriteVersionAsync(draft, version, await prepared, ct);
            }

            if (staged.ContentHash != draft.ContentHash && time.GetUtcNow() - staged.Summary.StoredAt < options.Value.AbandonedVersionAfter)
            {
                await Backoff(attempt, ct);   // version n is another submission's, about to be published by it
                continue;
            }

            if (!writtenNow)
            {
                // Its writer may have died between the PlanVersions row and the guidance: nothing is published without it.
                await EnsureGuidanceAsync(draft, staged, staged.ContentHash == draft.ContentHash ? (await prepared).Guidance : null, render, ct);
            }

            // Publish version n: ours, or another submission's that was left unpublished (its writer failed) and
            // that stands in the way of ours. Whoever moves the Plans row to our content reports it as created.
            var published = await PublishAsync(head, staged, ct);
            if (published && staged.ContentHash == draft.ContentHash)
            {
                return new SaveOutcome(staged, Created: true);
            }

            if (!published)
            {
                await Backoff(attempt, ct);   // someone else moved the Plans row first: the next pass sees what they did
            }
        }

        throw new PlanStoreBusyException(draft.Council, draft.Reference);
    }

    // ---- steps of a save ----

    private enum Claim { Ours, SameContent, Taken }

    /// <summary>
    /// Step 1: create the plan blob for version n if absent (no PlanVersions row can exist without it). If it exists
    /// with our content, carry on with it; with other content, it is another submission's version n.
    /// </summary>
    private async Task<Claim> ClaimAsync(PlanDraft draft, int version, CancellationToken ct)
    {
        var blob = PlanBlobs.GetBlobClient(StorageLayout.PlanBlob(draft.Council, draft.Reference, version));
        try
        {
            await UploadPlanAsync(blob, draft, new BlobRequestConditions { IfNoneMatch = ETag.All }, ct);
            return Claim.Ours;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            BlobProperties existing;
            try
            {
                existing = (await blob.GetPropertiesAsync(cancellationToken: ct)).Value;
            }
            catch (RequestFailedException gone) when (gone.Status == 404)
            {
                return Claim.Taken;
            }

            if (existing.Metadata.TryGetValue(HashMetadata, out var hash) && hash == draft.ContentHash)
            {
                return Claim.SameContent;
            }

            if (time.GetUtcNow() - existing.LastModified < options.Value.AbandonedVersionAfter
                || await ReadVersionAsync(draft.Council, draft.Reference, version, ct) is not null)
            {
                return Claim.Taken;   // being written, or written completely (then it is published, never replaced)
            }

            // Its writer never finished (no PlanVersions row long after): take the unpublished version over.
            try
            {
                await UploadPlanAsync(blob, draft, new BlobRequestConditions { IfMatch = existing.ETag }, ct);
                return Claim.Ours;
            }
            catch (RequestFailedException lost) when (lost.Status is 409 or 412)
            {
                return Claim.Taken;
            }
        }
    }

    private static Task UploadPlanAsync(BlobClient blob, PlanDraft draft, BlobRequestConditions conditions, CancellationToken ct) =>
        blob.UploadAsync(BinaryData.FromBytes(draft.Document), new BlobUploadOptions
        {
            Conditions = conditions,
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Metadata = new Dictionary<string, string> { [HashMetadata] = draft.ContentHash },
        }, ct);

    /// <summary>What a new version writes beside its plan blob, prepared before the claim returns.</summary>
    private sealed record PreparedVersion(GuidanceDocuments Guidance, TableEntity Row, PlanVersion Version);

    private PreparedVersion Prepare(PlanDraft draft, Plan plan, int version, RenderGuidance render)
    {
        var summary = Summarise(draft, version);
        var row = new TableEntity(StorageLayout.VersionPartition(draft.Council, draft.Reference), StorageLayout.VersionRow(version));
        WriteSummary(row, summary, draft.ContentHash);
        if (draft.IdempotencyKey is { } key)
        {
            row["IdempotencyKey"] = key;
        }

        TableRows.WriteCompressed(row, "Scorecard", draft.Scorecard, DomainJson.Options);

        return new PreparedVersion(render(plan, draft.Scorecard, version), row, new PlanVersion(summary, draft.ContentHash, draft.Scorecard));
    }

    /// <summary>
    /// Steps 2 and 3, side by side: the guidance documents (overwritten freely: nothing reads them before the version
    /// is published) and the PlanVersions row. If the row is already there (a concurrent or earlier save), use that one.
    /// </summary>
    private async Task<PlanVersion> WriteVersionAsync(PlanDraft draft, int version, PreparedVersion prepared, CancellationToken ct)
    {
        var guidance = UploadGuidanceAsync(draft.Council, draft.Reference, version, prepared.Guidance, ct);
        var row = AddVersionAsync(draft, version, prepared, ct);
        await Task.WhenAll(guidance, row);
        return await row;
    }

    private async Task<PlanVersion> AddVersionAsync(PlanDraft draft, int version, PreparedVersion prepared, CancellationToken ct)
    {
        try
        {
            await Versions.AddEntityAsync(prepared.Row, ct);
            return prepared.Version;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await ReadVersionAsync(draft.Council, draft.Reference, version, ct)
                   ?? throw new InvalidOperationException("A PlanVersions row reported as existing could not be read.");
        }
    }

    /// <summary>
    /// Writes whichever guidance document of a staged version is missing, never replacing one that exists (it may
    /// already carry the advisor's narrative). The draft's own rendering serves when the version has the draft's
    /// content; another submission's version is rendered from its stored plan and scorecard.
    /// </summary>
    private async Task EnsureGuidanceAsync(PlanDraft draft, PlanVersion staged, GuidanceDocuments? ours, RenderGuidance render, CancellationToken ct)
    {
        var version = staged.Summary.Version;
        var documents = ours;
        if (documents is null)
        {
            var stored = await PlanBlobs.GetBlobClient(StorageLayout.PlanBlob(draft.Council, draft.Reference, version)).DownloadContentAsync(ct);
            if (PlanParser.Parse(stored.Value.Content.ToMemory().Span) is not { IsValid: true, Plan: { } plan })
            {
                return;   // it was valid when submitted; a document that no longer parses has no guidance to give
            }

            documents = render(plan, staged.Scorecard, version);
        }

        await UploadGuidanceAsync(draft.Council, draft.Reference, version, documents, ct, onlyIfAbsent: true);
    }

    /// <summary>
    /// The two guidance documents are independent of each other: upload them side by side. With
    /// <paramref name="onlyIfAbsent"/>, a document that already exists is kept as it is.
    /// </summary>
    private Task UploadGuidanceAsync(string council, string reference, int version, GuidanceDocuments documents, CancellationToken ct, bool onlyIfAbsent = false) =>
        Task.WhenAll(
            UploadTextAsync(StorageLayout.GuidanceBlob(council, reference, version, DocumentFormat.Html), documents.Html, HtmlContentType, ct, onlyIfAbsent),
            UploadTextAsync(StorageLayout.GuidanceBlob(council, reference, version, DocumentFormat.Markdown), documents.Markdown, MarkdownContentType, ct, onlyIfAbsent));

    private async Task UploadTextAsync(string name, string text, string contentType, CancellationToken ct, bool onlyIfAbsent = false)
    {
        try
        {
            await GuidanceBlobs.GetBlobClient(name).UploadAsync(BinaryData.FromString(text), new BlobUploadOptions
            {
                Conditions = onlyIfAbsent ? new BlobRequestConditions { IfNoneMatch = ETag.All } : null,
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            }, ct);
        }
        catch (RequestFailedException ex) when (onlyIfAbsent && ex.Status is 409 or 412)
        {
            // already written, by the version's own writer or a twin: keep it
        }
    }

    /// <summary>Step 4 and 5: point the Plans row at the version (guarded by its ETag), then index the week.</summary>
    private async Task<bool> PublishAsync(Head? head, PlanVersion staged, CancellationToken ct)
    {
        var row = new TableEntity(staged.Summary.Council, staged.Summary.Reference);
        WriteSummary(row, staged.Summary, staged.ContentHash);
        try
        {
            if (head is null)
            {
                await Plans.AddEntityAsync(row, ct);
            }
            else
            {
                await Plans.UpdateEntityAsync(row, head.ETag, TableUpdateMode.Replace, ct);
            }
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }

        await IndexWeekAsync(staged, ct);
        return true;
    }

    /// <summary>
    /// Records a published version in PlansByWeek: the plan's row of the week (unless a later version of the plan is
    /// already there) and the version's entry in the week's digest, the two writes side by side so a submission waits
    /// for one round trip, not two. Both are idempotent, so a retry after a crash here completes whichever is missing.
    /// The row holds the listing's columns (as in Plans); the digest entry holds what the weekly summary needs
    /// (scores, alerts, top recommendations, principles), so the summary reads only the digest and never a scorecard.
    /// </summary>
    private Task IndexWeekAsync(PlanVersion stored, CancellationToken ct)
    {
        var summary = stored.Summary;
        var week = IsoWeek.Parse(summary.IsoWeek);
        var entry = WeeklyPlanEntry.FromScorecard(summary.Title, summary.Category, stored.Scorecard, summary.Version, summary.SubmittedAt);
        return Task.WhenAll(
            ListInWeekAsync(summary, PlansByWeekTable.ToRow(summary.Council, entry, week), ct),
            weekIndex.AddToDigestAsync(summary.Council, week, entry, ct));
    }

    /// <summary>The plan's row of the week, replaced only by a later version (ETag-guarded).</summary>
    private Task ListInWeekAsync(PlanSummary summary, TableEntity row, CancellationToken ct)
    {
        WriteSummary(row, summary, contentHash: null);
        return TableRows.ReplaceUnlessNewerAsync(Weeks, row, summary.Version, ct);
    }

    private static void Observe(Task? task) => task?.ContinueWith(t => _ = t.Exception, CancellationToken.None,
        TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private static Task Backoff(int attempt, CancellationToken ct) =>
        Task.Delay(TimeSpan.FromMilliseconds(Math.Min(10 * (attempt + 1), 150) + Random.Shared.Next(0, 25)), ct);
}

/// <summary>Concurrent submissions of one plan kept colliding; the caller should retry shortly (503 with Retry-After).</summary>
public sealed class PlanStoreBusyException(string council, string reference)
    : TryAgainLaterException($"Other submissions of plan {council}/{reference} are being stored at this moment. Send the request again after the Retry-After interval.");

/// <summary>An import dated before the plan's latest version: a plan's versions are imported oldest first.</summary>
public sealed class ImportOutOfOrderException(PlanSummary latest)
    : InvalidOperationException($"Plan {latest.Council}/{latest.Reference} has version {latest.Version}, submitted {latest.SubmittedAt:u}.")
{
    public PlanSummary Latest { get; } = latest;
}
