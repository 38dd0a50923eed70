
namespace Commissioning.Functions.Summaries;

/// <summary>What sending a summary now answers: the council, the week, to how many councillors, and where to read it.</summary>
public sealed record SummaryRunResponse(string Council, string Week, string Outcome, int Recipients, string Link);

/// <summary><c>POST /api/summaries/{council}/run?week=</c>: send a council's weekly summary now (admin), once.</summary>
public sealed class RunSummaryFunction(WeeklySummarySender sender, ICouncilDirectory councils, WeeklySummaryComposer composer)
{
    [Function("RunSummary")]
    [Access(Callers.Admin)]
    [ApiSummary("Sends a council's weekly summary now (last week's unless ?week= names an ended week). A week is sent once.")]
    [ApiQuery("week", typeof(string), "An ended ISO week such as 2026-W05; last week when left out.")]
    [ApiResponse(StatusCodes.Status200OK, "Sent.", Type = typeof(SummaryRunResponse))]
    [ApiResponse(StatusCodes.Status400BadRequest, "The week or format is not one this address takes (errors names it).")]
    [ApiResponse(StatusCodes.Status404NotFound, "The week has not ended, or the council is not registered.")]
    [ApiResponse(StatusCodes.Status409Conflict, "The summary has been sent already, or another run is sending it.")]
    [ApiResponse(StatusCodes.Status502BadGateway, "The summary could not be delivered; the next run tries again.")]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "summaries/{council}/run")] HttpRequest request,
        string council,
        CancellationToken cancellationToken)
    {
        var ukNow = sender.UkNow;
        var week = request.Query("week");
        IsoWeek target;
        if (string.IsNullOrEmpty(week))
        {
            target = IsoWeek.Of(DateOnly.FromDateTime(ukNow)).AddWeeks(-1);
        }
        else if (!IsoWeek.TryParse(week, out target))
        {
            return ApiProblem.Invalid("query.week", $"'{week}' is not an ISO week such as 2026-W05.");
        }

        if (!SummaryTiming.HasEnded(target, ukNow))
        {
            return GetSummaryFunction.WeekNotEnded(target);
        }

        if (!CouncilCode.TryNormalise(council, out var code) || await councils.GetAsync(code, cancellationToken) is not { } record)
        {
            return GetSummaryFunction.UnknownCouncil(council);
        }

        var result = await sender.SendAsync(record, target, cancellationToken);
        return result.Outcome switch
        {
            CouncilSummaryOutcome.Sent => TypedResults.Ok(new SummaryRunResponse(
                record.Code, target.ToString(), "sent", result.Recipients, composer.SummaryLink(record.Code, target))),
            CouncilSummaryOutcome.AlreadySent => ApiProblem.Conflict(
                $"The summary for {record.Code} week {target} has already been sent; it is sent once. Read it with GET /api/summaries/{record.Code}/{target}."),
            CouncilSummaryOutcome.HeldElsewhere => ApiProblem.Conflict(
                $"Another run is sending the summary for {record.Code} week {target}; try again in a few minutes."),
            _ => ApiProblem.Of(ApiProblem.NotDelivered, $"The summary for {record.Code} week {target} could not be delivered; the next run will try again."),
        };
    }
}
