using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace Commissioning.Functions.Notices;

/// <summary><c>POST /api/notices/{council}</c>: import published notices, storing each scored process that is the council's own.</summary>
public sealed class ImportNoticesFunction(NoticeImport import, ICouncilDirectory councils)
{
    [Function("ImportNotices")]
    [Access(Callers.Commissioners, Council = "council")]
    [ApiSummary("Import published OCDS notices: each scored process whose buyer is the council is stored as a version of its notice " +
                "(the same content again: unchanged); another buyer's is scored and reported, never stored.")]
    [ApiBody(typeof(System.Text.Json.JsonElement), "application/json", Description = NoticeApi.BodyDescription)]
    [ApiBody(typeof(string), "text/csv")]
    [ApiHeader("Content-Encoding", "gzip when the body is gzip-compressed (a gzip body is also recognised without it).")]
    [ApiHeader(IdempotencyKeys.Header, "Any 1–200 printable characters: a retry with the same key answers with what that import did (replayed: true) and imports nothing.")]
    [Hosting.RequestBody(NoticeRequestBody.MaxBytes, Advice = NoticeRequestBody.TooLargeAdvice)]
    [ApiResponse(StatusCodes.Status400BadRequest, NoticeRequestBody.ErrorKeys)]
    [ApiResponse(StatusCodes.Status404NotFound, "The council is not registered: the admin registers it, with its buyer identifiers and names, by PUT /api/councils/{code}.")]
    [ApiResponse(StatusCodes.Status413PayloadTooLarge, NoticeApi.TooLarge)]
    [ApiResponse(StatusCodes.Status415UnsupportedMediaType, NoticeApi.Unsupported)]
    [ApiResponse(StatusCodes.Status422UnprocessableEntity, NoticeApi.NothingToScore)]
    public async Task<Results<Ok<ImportedNotices>, ValidationProblem, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "notices/{council}")] HttpRequest request,
        string council,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var code = AddressParts.Council(council, errors);
        var idempotencyKey = request.Header(IdempotencyKeys.Header);
        if (!IdempotencyKeys.IsValid(idempotencyKey))
        {
            errors["header.Idempotency-Key"] = [IdempotencyKeys.Rule];
        }

        if (errors.Count > 0)
        {
            return ApiProblem.Invalid(errors);
        }

        if (await councils.GetAsync(code, cancellationToken) is not { } record)
        {
            return ApiProblem.NotFound($"Council {code} is not registered. The admin registers it, with the buyer identifiers and names it publishes notices under, by PUT /api/councils/{code}.");
        }

        var read = await NoticeRequestBody.ReadAsync(request, cancellationToken);
        if (read.Batch is not { } batch)
        {
            return read.Invalid is not null ? read.Invalid : read.Refused!;
        }

        if (idempotencyKey is not null && await import.ReplayAsync(code, idempotencyKey, cancellationToken) is { } replayed)
        {
            return TypedResults.Ok(replayed);
        }

        var results = import.Assess(batch, code, record);
        if (NoticeImport.NothingToScore(results) is { } reasons)
        {
            return NoticeApi.Unprocessable(reasons);
        }

        return TypedResults.Ok(await import.ImportAsync(batch, results, record, idempotencyKey, request.HttpContext.User.Actor(), cancellationToken));
    }
}
