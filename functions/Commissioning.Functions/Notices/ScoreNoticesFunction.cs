using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace Commissioning.Functions.Notices;

/// <summary><c>POST /api/notices/{council}/score</c>: score published notices for a council; nothing is stored.</summary>
public sealed class ScoreNoticesFunction(NoticeImport import, ICouncilDirectory councils)
{
    [Function("ScoreNotices")]
    [Access(Callers.Commissioners, Council = "council")]
    [ApiSummary("Score published OCDS notices as the council would read them, storing nothing: each process with its labelled notice scorecard, or why it is not scored.")]
    [ApiBody(typeof(System.Text.Json.JsonElement), "application/json", Description = NoticeApi.BodyDescription)]
    [ApiBody(typeof(string), "text/csv")]
    [ApiHeader("Content-Encoding", "gzip when the body is gzip-compressed (a gzip body is also recognised without it).")]
    [Hosting.RequestBody(NoticeRequestBody.MaxBytes, Advice = NoticeRequestBody.TooLargeAdvice)]
    [ApiResponse(StatusCodes.Status400BadRequest, NoticeRequestBody.ErrorKeys)]
    [ApiResponse(StatusCodes.Status413PayloadTooLarge, NoticeApi.TooLarge)]
    [ApiResponse(StatusCodes.Status415UnsupportedMediaType, NoticeApi.Unsupported)]
    [ApiResponse(StatusCodes.Status422UnprocessableEntity, NoticeApi.NothingToScore)]
    public async Task<Results<Ok<ScoredNotices>, ValidationProblem, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "notices/{council}/score")] HttpRequest request,
        string council,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var code = AddressParts.Council(council, errors);
        if (errors.Count > 0)
        {
            return ApiProblem.Invalid(errors);
        }

        var read = await NoticeRequestBody.ReadAsync(request, cancellationToken);
        if (read.Batch is not { } batch)
        {
            return read.Invalid is not null ? read.Invalid : read.Refused!;
        }

        var results = import.Assess(batch, code, await councils.GetAsync(code, cancellationToken));
        return NoticeImport.NothingToScore(results) is { } reasons
            ? NoticeApi.Unprocessable(reasons)
            : TypedResults.Ok(NoticeImport.Scored(batch, code, results));
    }
}
