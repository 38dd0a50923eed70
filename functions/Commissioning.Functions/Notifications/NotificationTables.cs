namespace Commissioning.Functions.Notifications;

/// <summary>The two notification tables of the storage map (<c>Outbox</c>, <c>Deliveries</c>), made by the app's provisioning.</summary>
public sealed class NotificationTables(Azure.Data.Tables.TableServiceClient service, StorageProvisioning provisioning)
{
    public Azure.Data.Tables.TableClient Outbox { get; } = service.GetTableClient(StorageLayout.OutboxTable);

    public Azure.Data.Tables.TableClient Deliveries { get; } = service.GetTableClient(StorageLayout.DeliveriesTable);

    public ValueTask EnsureCreatedAsync(CancellationToken cancellationToken) => provisioning.EnsureAsync(cancellationToken);

    /// <summary>Partition and row keys may not hold '/', '\\', '#', '?' or control characters; '|' separates our key parts.</summary>
    public static string KeySafe(string value, int limit = 200)
    {
        var chars = value.Select(c => c is '/' or '\\' or '#' or '?' or '|' || char.IsControl(c) ? '_' : c).ToArray();
        return new string(chars, 0, Math.Min(chars.Length, limit));
    }
}
