using System.Globalization;
using Azure.Data.Tables;

namespace Commissioning.Functions.Notifications;

/// <summary>
/// One attempt to post one message, as stored in <c>Deliveries</c> and shown to admins. <see cref="Webhook"/> is the setting's
/// name and <see cref="Target"/> the masked URL (scheme and host); the URL itself is never stored or shown.
/// </summary>
public sealed record DeliveryAttempt(
    string DedupeKey, string EventId, string Channel, string Kind, string Webhook, string Target, int Attempt, DeliveryOutcome Outcome,
    int? HttpStatus, string? SlackError, double DurationMs, DateTimeOffset AttemptedAt, string Detail, bool WillRetry);

/// <summary>Every attempt, in table <c>Deliveries</c>: partition council, row <c>{dedupeKey}|{attempt:D3}</c>.</summary>
public sealed class DeliveryLog(NotificationTables tables)
{
    public async Task RecordAsync(string council, DeliveryAttempt attempt, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var row = new TableEntity(council, $"{attempt.DedupeKey}|{attempt.Attempt.ToString("D3", CultureInfo.InvariantCulture)}")
        {
            [nameof(DeliveryAttempt.EventId)] = attempt.EventId,
            [nameof(DeliveryAttempt.Channel)] = attempt.Channel,
            [nameof(DeliveryAttempt.Kind)] = attempt.Kind,
            [nameof(DeliveryAttempt.Webhook)] = attempt.Webhook,
            [nameof(DeliveryAttempt.Target)] = attempt.Target,
            [nameof(DeliveryAttempt.Attempt)] = attempt.Attempt,
            [nameof(DeliveryAttempt.Outcome)] = attempt.Outcome.ToString(),
            [nameof(DeliveryAttempt.HttpStatus)] = attempt.HttpStatus,
            [nameof(DeliveryAttempt.SlackError)] = attempt.SlackError,
            [nameof(DeliveryAttempt.DurationMs)] = attempt.DurationMs,
            [nameof(DeliveryAttempt.AttemptedAt)] = attempt.AttemptedAt,
            [nameof(DeliveryAttempt.Detail)] = attempt.Detail,
            [nameof(DeliveryAttempt.WillRetry)] = attempt.WillRetry,
        };
        await tables.Deliveries.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The council's attempts, newest first.</summary>
    public async Task<IReadOnlyList<DeliveryAttempt>> ListAsync(string council, int take, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var partition = NotificationTables.KeySafe(council, 64);
        var attempts = new List<DeliveryAttempt>();
        await foreach (var row in tables.Deliveries.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            var separator = row.RowKey.LastIndexOf('|');
            attempts.Add(new DeliveryAttempt(
                row.RowKey[..separator],
                row.GetString(nameof(DeliveryAttempt.EventId)) ?? string.Empty,
                row.GetString(nameof(DeliveryAttempt.Channel)) ?? string.Empty,
                row.GetString(nameof(DeliveryAttempt.Kind)) ?? string.Empty,
                row.GetString(nameof(DeliveryAttempt.Webhook)) ?? string.Empty,
                row.GetString(nameof(DeliveryAttempt.Target)) ?? string.Empty,
                row.GetInt32(nameof(DeliveryAttempt.Attempt)) ?? 0,
                Enum.TryParse<DeliveryOutcome>(row.GetString(nameof(DeliveryAttempt.Outcome)), out var outcome) ? outcome : DeliveryOutcome.TransientFailure,
                row.GetInt32(nameof(DeliveryAttempt.HttpStatus)),
                row.GetString(nameof(DeliveryAttempt.SlackError)),
                row.GetDouble(nameof(DeliveryAttempt.DurationMs)) ?? 0,
                row.GetDateTimeOffset(nameof(DeliveryAttempt.AttemptedAt)) ?? default,
                row.GetString(nameof(DeliveryAttempt.Detail)) ?? string.Empty,
                row.GetBoolean(nameof(DeliveryAttempt.WillRetry)) ?? false));
        }

        return [.. attempts.OrderByDescending(a => a.AttemptedAt).ThenByDescending(a => a.Attempt).Take(take)];
    }
}
