using Microsoft.AspNetCore.Http.HttpResults;

namespace Commissioning.Functions.Problems;

/// <summary>One kind of error the API answers with: its status, its <c>type</c> (below <see cref="ApiProblem.TypeBase"/>), its title.</summary>
public sealed record ProblemType(int Status, string Slug, string Title, string DefaultDetail)
{
    public string Uri => ApiProblem.TypeBase + Slug;
}

/// <summary>
/// Every error the API returns is a ProblemDetails made here, from one table of problem types, so titles, types and
/// extra headers stay the same everywhere (and the API document lists them). Functions return these results; the
/// front door (keys, body limits, failures) and the local runner's status-code pages answer with the same shapes.
/// Field keys name where a bad value is: a JSON path in the body (<c>$.budget.totalValue</c>), or <c>route.name</c>,
/// <c>query.name</c>, <c>header.Name</c> for values outside it.
/// </summary>
public static class ApiProblem
{
    public const string TypeBase = "https://keep-it-local.example/problems/";

    public static readonly ProblemType InvalidRequest = new(400, "invalid-request", "The request has invalid fields", "Correct the fields listed in errors and send the request again.");
    public static readonly ProblemType BadRequest = new(400, "bad-request", "Bad request", "The request could not be read.");
    public static readonly ProblemType Unauthorized = new(401, "unauthorized", "Unauthorized", "Send a valid key in the X-Api-Key header.");
    public static readonly ProblemType ForbiddenType = new(403, "forbidden", "Forbidden", "This key does not give access to this resource.");
    public static readonly ProblemType NotFoundType = new(404, "not-found", "Not found", "There is nothing at this address.");
    public static readonly ProblemType MethodNotAllowed = new(405, "method-not-allowed", "Method not allowed", "This address does not accept that method.");
    public static readonly ProblemType ConflictType = new(409, "conflict", "Conflict", "The request conflicts with what has been done already.");
    public static readonly ProblemType TooLarge = new(413, "too-large", "Request too large", "The request body is too large.");
    public static readonly ProblemType UnsupportedMediaType = new(415, "unsupported-media-type", "Unsupported media type", "Send JSON.");
    public static readonly ProblemType Unprocessable = new(422, "unprocessable", "Nothing that can be used", "The request was read, but nothing in it can be used.");
    public static readonly ProblemType Unexpected = new(500, "unexpected", "Unexpected error", "The request could not be completed. It has been logged.");
    public static readonly ProblemType NotDelivered = new(502, "not-delivered", "Not delivered", "A service this request depends on did not take the message.");
    public static readonly ProblemType StorageUnavailable = new(503, "storage-unavailable", "Storage unavailable",
        "Plan storage cannot be reached just now. Nothing was lost: send the request again after the Retry-After interval.");

    /// <summary>Every problem type the API uses.</summary>
    public static IReadOnlyList<ProblemType> Types { get; } =
        [InvalidRequest, BadRequest, Unauthorized, ForbiddenType, NotFoundType, MethodNotAllowed, ConflictType, TooLarge, UnsupportedMediaType, Unprocessable, Unexpected, NotDelivered, StorageUnavailable];

    /// <summary>400 naming every bad field by where it is (see the class remarks).</summary>
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail ?? InvalidRequest.DefaultDetail, title: InvalidRequest.Title, type: InvalidRequest.Uri);

    public static ValidationProblem Invalid(string path, string message) =>
        Invalid(new Dictionary<string, string[]> { [path] = [message] });

    public static ProblemHttpResult NotFound(string detail) => Of(NotFoundType, detail);

    public static ProblemHttpResult Forbidden(string council) => Of(ForbiddenType, $"This key does not give access to council {council}.");

    public static ProblemHttpResult Conflict(string detail) => Of(ConflictType, detail);

    /// <summary>413 stating the limit, and <paramref name="advice"/> (what to send instead) when there is any.</summary>
    public static ProblemHttpResult PayloadTooLarge(long limitBytes, string? advice = null) =>
        Of(TooLarge, $"The request body is larger than the {limitBytes:N0} bytes this address accepts." + (advice is null ? string.Empty : " " + advice));

    /// <summary>
    /// A ProblemDetails of <paramref name="type"/>, with its default detail unless one is given, and any extension
    /// members (e.g. <c>reasons</c>, <c>limit</c>) written beside the standard ones.
    /// </summary>
    public static ProblemHttpResult Of(ProblemType type, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail ?? type.DefaultDetail, statusCode: type.Status, title: type.Title, type: type.Uri, extensions: extensions);

    /// <summary>A ProblemDetails for <paramref name="status"/> with its standard title and type.</summary>
    public static ProblemHttpResult Status(int status, string? detail = null) =>
        Of(Types.FirstOrDefault(t => t.Status == status && t != InvalidRequest) ?? Unexpected with { Status = status }, detail);

    /// <summary>503 with <c>Retry-After</c>: storage (or passing contention) cannot take the request now; nothing was lost.</summary>
    public static IResult Unavailable(int retryAfterSeconds, string? detail = null) => new RetryLater(retryAfterSeconds, Of(StorageUnavailable, detail));

    private sealed record RetryLater(int Seconds, ProblemHttpResult Problem) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problem.ExecuteAsync(httpContext);
        }
    }
}
