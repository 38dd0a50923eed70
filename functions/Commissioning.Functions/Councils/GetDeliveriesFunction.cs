using Commissioning.Functions.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commissioning.Functions.Councils;

/// <summary>What an admin sees of a council's notifications: each message's state, and every attempt to post it.</summary>
public sealed record CouncilDeliveries(string Council, IReadOnlyList<OutboxSummary> Messages, IReadOnlyList<DeliveryAttempt> Attempts);

/// <summary><c>GET /api/councils/{code}/deliveries</c>: every Teams/Slack message for a council and every attempt (admin).</summary>
public sealed class GetDeliveriesFunction(NotificationOutbox outbox, DeliveryLog deliveries)
{
    public const int MaxTake = 500;

    [Function("GetDeliveries")]
    [Access(Callers.Admin)]
    [ApiSummary("Every Teams and Slack message recorded for a council, with its state, and every attempt to post it (newest first).")]
    [ApiQuery("take", typeof(int), "How many messages and attempts, 1 to 500 (default 100).")]
    public async Task<Results<Ok<CouncilDeliveries>, ValidationProblem>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "councils/{code}/deliveries")] HttpRequest request,
        string code,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!CouncilCode.TryNormalise(code, out var council))
        {
            errors["route.code"] = [CouncilCode.Rule];
        }

        var take = 100;
        if (request.Query("take") is { } value && (!int.TryParse(value, out take) || take < 1))
        {
            errors["query.take"] = [$"must be a whole number from 1 to {MaxTake}"];
        }

        if (errors.Count > 0)
        {
            return ApiProblem.Invalid(errors);
        }

        var count = Math.Min(take, MaxTake);
        var messages = await outbox.ListAsync(council, count, cancellationToken);
        var attempts = await deliveries.ListAsync(council, count, cancellationToken);
        return TypedResults.Ok(new CouncilDeliveries(council, messages, attempts));
    }
}
