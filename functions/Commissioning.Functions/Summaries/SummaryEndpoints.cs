using Commissioning.Functions.Access;
using Commissioning.Domain.Summaries;

namespace Commissioning.Functions.Summaries;

/// <summary>
/// The weekly summary's front doors: the timer invocation (<c>POST /WeeklySummary</c>, from the Functions host),
/// reading a summary (<c>GET /api/summaries/{council}/{isoWeek}</c>) and sending one now (admin,
/// <c>POST /api/summaries/{council}/run?week=</c>).
/// </summary>
public static class SummaryEndpoints
{
    public static IEndpointRouteBuilder MapSummaryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/WeeklySummary", RunTimerAsync).ExcludeFromDescription();

        var summaries = app.MapGroup("/api/summaries").WithTags("Summaries");
        summaries.MapGet("/{council}/{isoWeek}", GetSummaryAsync).WithName("GetSummary").RequireCouncilAccess();
        summaries.MapPost("/{council}/run", RunSummaryAsync).WithName("RunSummary").RequireAuthorization(AccessPolicies.Admin);
        return app;
    }

    private static async Task<IResult> RunTimerAsync(TimerInvocation invocation, WeeklySummarySender sender, CancellationToken cancellationToken)
    {
        var report = await sender.RunDueAsync(invocation.IsPastDue, cancellationToken);
        var logs = new List<string> { $"Timer invocation (past due: {invocation.IsPastDue})." };
        logs.AddRange(report.LogLines());
        return TypedResults.Json(new InvocationReply(new Dictionary<string, object?>(), logs, null));
    }

    private static async Task<IResult> GetSummaryAsync(
        string council,
        string isoWeek,
        string? format,
        WeeklySummarySender sender,
        ICouncilDirectory councils,
        SummaryArchive archive,
        WeeklySummaryComposer composer,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (!IsoWeek.TryParse(isoWeek, out var week))
        {
            return SummaryProblems.Invalid("isoWeek", $"'{isoWeek}' is not an ISO week such as 2026-W05.");
        }

        if (ParseFormat(format) is not { } summaryFormat)
        {
            return SummaryProblems.Invalid("format", "format must be html or md.");
        }

        if (!SummaryTiming.HasEnded(week, sender.UkNow))
        {
            return SummaryProblems.WeekNotEnded(week);
        }

        if (await councils.GetAsync(council, cancellationToken) is not { } record)
        {
            return SummaryProblems.UnknownCouncil(council);
        }

        var contentType = summaryFormat == SummaryFormat.Html ? "text/html; charset=utf-8" : "text/markdown; charset=utf-8";
        if (await archive.ReadAsync(record.Code, week, summaryFormat, cancellationToken) is { } stored)
        {
            return TypedResults.Text(stored, contentType);
        }

        // Not sent (yet, or the week predates the council): a preview from the index, neither stored nor sent.
        var composed = await composer.ComposeAsync(record, week, cancellationToken);
        response.Headers["X-Summary-Preview"] = "true";
        return TypedResults.Text(summaryFormat == SummaryFormat.Html ? composed.Documents.Html : composed.Documents.Markdown, contentType);
    }

    private static async Task<IResult> RunSummaryAsync(
        string council,
        string? week,
        WeeklySummarySender sender,
        ICouncilDirectory councils,
        WeeklySummaryComposer composer,
        CancellationToken cancellationToken)
    {
        var ukNow = sender.UkNow;
        IsoWeek target;
        if (string.IsNullOrEmpty(week))
        {
            target = IsoWeek.Of(DateOnly.FromDateTime(ukNow)).AddWeeks(-1);
        }
        else if (!IsoWeek.TryParse(week, out target))
        {
            return SummaryProblems.Invalid("week", $"'{week}' is not an ISO week such as 2026-W05.");
        }

        if (!SummaryTiming.HasEnded(target, ukNow))
        {
            return SummaryProblems.WeekNotEnded(target);
        }

        if (await councils.GetAsync(council, cancellationToken) is not { } record)
        {
            return SummaryProblems.UnknownCouncil(council);
        }

        var result = await sender.SendAsync(record, target, cancellationToken);
        return result.Outcome switch
        {
            CouncilSummaryOutcome.Sent => TypedResults.Ok(new SummaryRunResponse(
                record.Code, target.ToString(), "sent", result.Recipients, composer.SummaryLink(record.Code, target))),
            CouncilSummaryOutcome.AlreadySent => SummaryProblems.AlreadySent(record.Code, target),
            CouncilSummaryOutcome.HeldElsewhere => SummaryProblems.InProgress(record.Code, target),
            _ => SummaryProblems.DeliveryFailed(record.Code, target),
        };
    }

    private static SummaryFormat? ParseFormat(string? format) => format?.ToLowerInvariant() switch
    {
        null or "" or "html" => SummaryFormat.Html,
        "md" or "markdown" => SummaryFormat.Markdown,
        _ => null,
    };
}

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
