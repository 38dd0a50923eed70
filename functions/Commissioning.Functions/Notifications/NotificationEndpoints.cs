namespace Commissioning.Functions.Notifications;

/// <summary>What an admin sees of a council's notifications: each message's state, and every attempt to post it.</summary>
public sealed record CouncilDeliveries(string Council, IReadOnlyList<OutboxSummary> Messages, IReadOnlyList<DeliveryAttempt> Attempts);

public static class NotificationEndpoints
{
    public const int MaxTake = 500;

    /// <summary>Maps <c>GET /api/councils/{code}/deliveries</c> (admin).</summary>
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var councils = app.MapGroup("/api/councils/{code}").RequireAdminKey().WithTags("Notifications");
        councils.MapGet("/deliveries", GetDeliveriesAsync).WithName("GetDeliveries");
        return app;
    }

    private static async Task<IResult> GetDeliveriesAsync(
        string code, int? take, NotificationOutbox outbox, DeliveryLog deliveries, CancellationToken cancellationToken)
    {
        var count = Math.Clamp(take ?? 100, 1, MaxTake);
        var messages = await outbox.ListAsync(code, count, cancellationToken);
        var attempts = await deliveries.ListAsync(code, count, cancellationToken);
        return Results.Ok(new CouncilDeliveries(code, messages, attempts));
    }
}
