using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Notifications;

/// <summary>The two notification tables (<c>Outbox</c>, <c>Deliveries</c>), created once on first use.</summary>
public sealed class NotificationTables(TableServiceClient service, IOptions<NotificationOptions> options)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _created;

    public TableClient Outbox { get; } = service.GetTableClient(options.Value.OutboxTable);

    public TableClient Deliveries { get; } = service.GetTableClient(options.Value.DeliveriesTable);

    public async ValueTask EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_created)
            {
                await Outbox.CreateIfNotExistsAsync(cancellationToken);
                await Deliveries.CreateIfNotExistsAsync(cancellationToken);
                _created = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Partition and row keys may not hold '/', '\', '#', '?' or control characters; '|' separates our key parts.</summary>
    public static string KeySafe(string value, int limit = 200)
    {
        var chars = value.Select(c => c is '/' or '\\' or '#' or '?' or '|' || char.IsControl(c) ? '_' : c).ToArray();
        return new string(chars, 0, Math.Min(chars.Length, limit));
    }
}
