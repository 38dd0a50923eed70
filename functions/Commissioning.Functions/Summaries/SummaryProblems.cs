using Commissioning.Domain.Summaries;

namespace Commissioning.Functions.Summaries;

public sealed record SummaryRunResponse(string Council, string Week, string Outcome, int Recipients, string Link);

/// <summary>Every error the summary endpoints return, as ProblemDetails.</summary>
internal static class SummaryProblems
{
    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is not valid");

    public static IResult WeekNotEnded(IsoWeek week) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No summary for a week that has not ended",
        detail: $"Week {week} has not ended in UK time; its summary is written on the Monday after it.");

    public static IResult UnknownCouncil(string council) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Council not registered",
        detail: $"No council is registered with code '{council}'.");

    public static IResult AlreadySent(string council, IsoWeek week) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Summary already sent",
        detail: $"The summary for {council} week {week} has already been sent; it is sent once. Read it with GET /api/summaries/{council}/{week}.");

    public static IResult InProgress(string council, IsoWeek week) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Summary being sent",
        detail: $"Another run is sending the summary for {council} week {week}; try again in a few minutes.");

    public static IResult DeliveryFailed(string council, IsoWeek week) => TypedResults.Problem(
        statusCode: StatusCodes.Status502BadGateway,
        title: "Summary not delivered",
        detail: $"The summary for {council} week {week} could not be delivered; the next run will try again.");
}
