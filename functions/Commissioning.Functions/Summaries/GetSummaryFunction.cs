
namespace Commissioning.Functions.Summaries;

/// <summary><c>GET /api/summaries/{council}/{isoWeek}</c>: a week's summary as sent, or a preview of a past week not sent.</summary>
public sealed class GetSummaryFunction(WeeklySummarySender sender, ICouncilDirectory councils, SummaryArchive archive, WeeklySummaryComposer composer)
{
    [Function("GetSummary")]
    [Access(Callers.Readers, Council = "council")]
    [ApiSummary("A council's weekly summary as it was sent, or, for an ended week not sent, a preview (header X-Summary-Preview: true).")]
    [ApiQuery("format", typeof(string), "html (the default) or md.", Values = ["html", "md"])]
    [ApiResponse(StatusCodes.Status200OK, "The summary.", ContentType = "text/html")]
    [ApiResponse(StatusCodes.Status200OK, "The summary.", ContentType = "text/markdown")]
    [ApiResponse(StatusCodes.Status400BadRequest, "The week or format is not one this address takes (errors names it).")]
    [ApiResponse(StatusCodes.Status404NotFound, "The week has not ended, or the council is not registered.")]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "summaries/{council}/{isoWeek}")] HttpRequest request,
        string council,
        string isoWeek,
        CancellationToken cancellationToken)
    {
        if (!IsoWeek.TryParse(isoWeek, out var week))
        {
            return ApiProblem.Invalid("route.isoWeek", $"'{isoWeek}' is not an ISO week such as 2026-W05.");
        }

        if (ParseFormat(request.Query("format")) is not { } summaryFormat)
        {
            return ApiProblem.Invalid("query.format", "must be html or md");
        }

        if (!SummaryTiming.HasEnded(week, sender.UkNow))
        {
            return WeekNotEnded(week);
        }

        if (!CouncilCode.TryNormalise(council, out var code) || await councils.GetAsync(code, cancellationToken) is not { } record)
        {
            return UnknownCouncil(council);
        }

        var contentType = summaryFormat == DocumentFormat.Html ? "text/html; charset=utf-8" : "text/markdown; charset=utf-8";
        if (await archive.ReadAsync(record.Code, week, summaryFormat, cancellationToken) is { } stored)
        {
            return TypedResults.Text(stored, contentType);
        }

        // Not sent (yet, or the week predates the council): a preview from the index, neither stored nor sent.
        var composed = await composer.ComposeAsync(record, week, cancellationToken);
        request.HttpContext.Response.Headers["X-Summary-Preview"] = "true";
        return TypedResults.Text(summaryFormat == DocumentFormat.Html ? composed.Documents.Html : composed.Documents.Markdown, contentType);
    }

    /// <summary>404: a week that has not ended has no summary yet.</summary>
    public static IResult WeekNotEnded(IsoWeek week) =>
        ApiProblem.NotFound($"Week {week} has not ended in UK time; its summary is written on the Monday after it.");

    public static IResult UnknownCouncil(string council) => ApiProblem.NotFound($"No council is registered with code '{council}'.");

    private static DocumentFormat? ParseFormat(string? format) => format?.ToLowerInvariant() switch
    {
        null or "" or "html" => DocumentFormat.Html,
        "md" or "markdown" => DocumentFormat.Markdown,
        _ => null,
    };
}
