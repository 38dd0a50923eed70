using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Notifications;

/// <summary>One intended post: a council (partition) and <c>{eventId}|{channelName}</c> (row), the dedupe key.</summary>
public sealed record OutboxKey(string Council, string DedupeKey);

/// <summary>The messages a <see cref="NotificationOutbox.RecordAsync(Council, PlanMessage, CancellationToken)"/> call recorded (or found already recorded).</summary>
public sealed record RecordedNotifications(IReadOnlyList<OutboxKey> Keys)
{
    public static RecordedNotifications None { get; } = new([]);
}

/// <summary>Where a recorded message stands: waiting, being sent by one dispatcher, sent, or given up on.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OutboxStatus>))]
public enum OutboxStatus
{
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("sending")] Sending,
    [JsonStringEnumMemberName("sent")] Sent,
    [JsonStringEnumMemberName("failed")] Failed,
}

/// <summary>A message as the admin sees it: no body, no webhook URL.</summary>
public sealed record OutboxSummary(string DedupeKey, string EventId, string Channel, string Kind, OutboxStatus Status, int Attempts,
    string? LastOutcome, int? LastHttpStatus, string? LastSlackError, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt);

/// <summary>A message one dispatcher has reserved to send; the row's ETag guards every later update.</summary>
public sealed record OutboxClaim(OutboxKey Key, string EventId, string Channel, ChannelKind Kind, string Webhook, string Body, int Attempts)
{
    internal OutboxRow Row { get; init; } = new();
}

/// <summary>What a claim found: the message reserved for this delivery, already settled, or to be tried later.</summary>
public sealed record ClaimAttempt(OutboxClaim? Claim, DateTimeOffset? TryAgainAt)
{
    public static ClaimAttempt Settled { get; } = new(null, null);
}

/// <summary>
/// The outbox for notifications: one row per intended post (its dedupe key), recorded once the submission's version is
/// stored — one table write in the council's partition, adding rows only if absent — and then put on the
/// notifications queue (<see cref="NotificationQueue"/>). The row is what makes delivery exactly-once in effect: a
/// delivery claims it with an ETag-guarded update, and a row marked sent is never sent again, however many queue
/// messages name it.
/// </summary>
public sealed class NotificationOutbox(
    NotificationTables tables,
    NotificationComposer composer,
    TimeProvider time,
    ILogger<NotificationOutbox> logger)
{
    /// <summary>Records the plan message for every channel of the council that wants it. Storage failures propagate (the submission cannot be safe without them).</summary>
    public Task<RecordedNotifications> RecordAsync(Council council, PlanMessage message, CancellationToken cancellationToken) =>
        RecordAsync(council, message.EventId, council.Channels.Where(message.GoesTo), kind => composer.Compose(kind, message), cancellationToken);

    /// <summary>Records a summary for every channel of the council that takes the weekly summary.</summary>
    public Task<RecordedNotifications> RecordAsync(Council council, SummaryMessage message, CancellationToken cancellationToken) =>
        RecordAsync(council, message.EventId, council.Channels.Where(SummaryMessage.GoesTo), kind => composer.Compose(kind, message), cancellationToken);

    private async Task<RecordedNotifications> RecordAsync(
        Council council, string eventId, IEnumerable<NotificationChannel> channels, Func<ChannelKind, string> compose, CancellationToken cancellationToken)
    {
        var partition = NotificationTables.KeySafe(council.Code, 64);
        var safeEvent = NotificationTables.KeySafe(eventId);
        var now = time.GetUtcNow();
        var bodies = new Dictionary<ChannelKind, string?>();
        var rows = new List<OutboxRow>();
        foreach (var channel in channels.DistinctBy(c => c.Name, StringComparer.OrdinalIgnoreCase))
        {
            if (!bodies.TryGetValue(channel.Kind, out var body))
            {
                body = TryCompose(compose, channel.Kind, council.Code, safeEvent);
                bodies[channel.Kind] = body;
            }

            rows.Add(new OutboxRow
            {
                PartitionKey = partition,
                RowKey = $"{safeEvent}|{NotificationTables.KeySafe(channel.Name, 64)}",
                EventId = safeEvent,
                Channel = channel.Name,
                Kind = channel.Kind.ToString(),
                Webhook = channel.Webhook,
                Body = body ?? string.Empty,
                Status = (body is null ? OutboxStatus.Failed : OutboxStatus.Pending).ToString(),
                LastOutcome = body is null ? DeliveryOutcome.NotComposed.ToString() : null,
                CreatedAt = now,
            });
        }

        if (rows.Count == 0)
        {
            return RecordedNotifications.None;
        }

        await tables.EnsureCreatedAsync(cancellationToken);
        await AddIfAbsentAsync(rows, cancellationToken);
        return new RecordedNotifications([.. rows.Where(r => r.Status == nameof(OutboxStatus.Pending)).Select(r => new OutboxKey(r.PartitionKey, r.RowKey))]);
    }

    private string? TryCompose(Func<ChannelKind, string> compose, ChannelKind kind, string council, string eventId)
    {
        try
        {
            return compose(kind);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Scriban.Syntax.ScriptRuntimeException)
        {
            // A template fault must not fail the submission: the row is recorded as failed, visible to the admin.
            NotificationLog.CompositionFailed(logger, ex, council, eventId, kind.ToString());
            return null;
        }
    }

    /// <summary>One atomic batch in the council's partition; if any row already exists (a retried submission), add the rest one by one.</summary>
    private async Task AddIfAbsentAsync(List<OutboxRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count > 1)
        {
            try
            {
                await tables.Outbox.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), cancellationToken);
                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
                // Fall through: some rows were recorded by an earlier attempt of the same submission.
            }
        }

        foreach (var row in rows)
        {
            try
            {
                await tables.Outbox.AddEntityAsync(row, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Already recorded: the dedupe key did its job.
            }
        }
    }

    /// <summary>
    /// Reserves a due message for one delivery with an ETag-guarded update. A message already sent or given up on (or
    /// never recorded) is settled; one held by another delivery, or waiting out a Retry-After, is to be tried at the
    /// time it gives.
    /// </summary>
    public async Task<ClaimAttempt> TryClaimAsync(OutboxKey key, TimeSpan reservation, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var found = await tables.Outbox.GetEntityIfExistsAsync<OutboxRow>(key.Council, key.DedupeKey, cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } row)
        {
            return ClaimAttempt.Settled;
        }

        var now = time.GetUtcNow();
        if (DueAt(row) is not { } due)
        {
            return ClaimAttempt.Settled;
        }

        if (due > now)
        {
            return new ClaimAttempt(null, due);
        }

        row.Status = nameof(OutboxStatus.Sending);
        row.ClaimedUntil = now + reservation;
        try
        {
            var updated = await tables.Outbox.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            row.ETag = updated.Headers.ETag ?? row.ETag;
            return new ClaimAttempt(new OutboxClaim(key, row.EventId, row.Channel, Enum.Parse<ChannelKind>(row.Kind), row.Webhook, row.Body, row.Attempts) { Row = row }, null);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // Another delivery claimed it a moment ago: look again once its reservation could have lapsed.
            return new ClaimAttempt(null, now + reservation);
        }
    }

    /// <summary>
    /// Gives up on a message that is not sent (its queue message was moved to the poison queue): marks it failed and
    /// returns what the admin should see of it, or null when it was sent or is not known.
    /// </summary>
    public async Task<OutboxClaim?> GiveUpAsync(OutboxKey key, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        for (var round = 0; round < 5; round++)
        {
            var found = await tables.Outbox.GetEntityIfExistsAsync<OutboxRow>(key.Council, key.DedupeKey, cancellationToken: cancellationToken);
            if (!found.HasValue || found.Value is not { } row || row.Status is nameof(OutboxStatus.Sent) or nameof(OutboxStatus.Failed))
            {
                return null;
            }

            var claim = new OutboxClaim(key, row.EventId, row.Channel, Enum.Parse<ChannelKind>(row.Kind), row.Webhook, row.Body, row.Attempts) { Row = row };
            row.Status = nameof(OutboxStatus.Failed);
            row.LastOutcome = DeliveryOutcome.GaveUp.ToString();
            row.NextAttemptAt = null;
            row.ClaimedUntil = null;
            try
            {
                await tables.Outbox.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return claim;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // A delivery was settling it at the same moment: read it again.
            }
        }

        return null;
    }

    /// <summary>
    /// Stores the outcome of an attempt on the claimed row. Returns the renewed claim, or null if another dispatcher
    /// took the row over (its reservation had lapsed).
    /// </summary>
    public async Task<OutboxClaim?> SaveAttemptAsync(
        OutboxClaim claim, OutboxStatus status, AttemptResult result, DateTimeOffset? nextAttemptAt, TimeSpan reservation, CancellationToken cancellationToken)
    {
        var row = claim.Row;
        row.Status = status.ToString();
        row.Attempts = claim.Attempts + 1;
        row.LastOutcome = result.Outcome.ToString();
        row.LastHttpStatus = result.HttpStatus;
        row.LastSlackError = result.SlackError;
        row.NextAttemptAt = nextAttemptAt;
        row.ClaimedUntil = status == OutboxStatus.Sending ? time.GetUtcNow() + reservation : null;
        try
        {
            var updated = await tables.Outbox.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            row.ETag = updated.Headers.ETag ?? row.ETag;
            return claim with { Attempts = row.Attempts };
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<OutboxSummary>> ListAsync(string council, int take, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var list = new List<OutboxSummary>();
        var partition = NotificationTables.KeySafe(council, 64);
        await foreach (var row in tables.Outbox.QueryAsync<OutboxRow>(r => r.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            list.Add(new OutboxSummary(row.RowKey, row.EventId, row.Channel, row.Kind.ToLowerInvariant(), Enum.Parse<OutboxStatus>(row.Status), row.Attempts,
                row.LastOutcome, row.LastHttpStatus, row.LastSlackError, row.CreatedAt, row.NextAttemptAt));
        }

        return [.. list.OrderByDescending(m => m.CreatedAt).Take(take)];
    }

    /// <summary>When the message may be tried: null once settled (sent or failed).</summary>
    private static DateTimeOffset? DueAt(OutboxRow row) => row.Status switch
    {
        nameof(OutboxStatus.Pending) => row.NextAttemptAt ?? DateTimeOffset.MinValue,
        nameof(OutboxStatus.Sending) => row.ClaimedUntil ?? DateTimeOffset.MinValue,
        _ => null,
    };}

/// <summary>The stored outbox row; it never leaves the notifications storage code.</summary>
internal sealed class OutboxRow : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string EventId { get; set; } = string.Empty;
    public string Channel { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;
    /// <summary>The name of the webhook setting, never the URL.</summary>
    public string Webhook { get; set; } = string.Empty;
    public string Body { get; set; } = string.Empty;
    public string Status { get; set; } = nameof(OutboxStatus.Pending);
    public int Attempts { get; set; }
    public string? LastOutcome { get; set; }
    public int? LastHttpStatus { get; set; }
    public string? LastSlackError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
}
