using Microsoft.AspNetCore.Http.HttpResults;

namespace Commissioning.Functions.Problems;

/// <summary>
/// Every error the API returns is a ProblemDetails made here, so titles, types and extra headers stay consistent.
/// Functions return these results; the front door (keys, body limits, failures) and the local runner's status-code
/// pages answer with the same shapes.
/// </summary>
public static class ApiProblem
{
    public const string TypeBase = "https://keep-it-local.example/problems/";

    /// <summary>400 naming every bad field: keys are JSON paths in the body (<c>$.budget.totalValue</c>) or
    /// <c>query.name</c>, <c>route.name</c>, <c>header.Name</c> for values outside it.</summary>
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail ?? "Correct the fields listed in errors and send the request again.",
            title: "The request has invalid fields", type: TypeBase + "invalid-request");

    public static ValidationProblem Invalid(string path, string message) =>
        Invalid(new Dictionary<string, string[]> { [path] = [message] });

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found", type: TypeBase + "not-found");

    public static ProblemHttpResult Forbidden(string council) =>
        TypedResults.Problem($"This key does not give access to council {council}.", statusCode: StatusCodes.Status403Forbidden,
            title: "Forbidden", type: TypeBase + "forbidden");

    public static ProblemHttpResult PayloadTooLarge(long limitBytes) =>
        TypedResults.Problem($"The request body is larger than the {limitBytes:N0} bytes this address accepts.",
            statusCode: StatusCodes.Status413PayloadTooLarge, title: "Document too large", type: TypeBase + "too-large");

    /// <summary>A ProblemDetails for <paramref name="status"/> with its standard title and type.</summary>
    public static ProblemHttpResult Status(int status, string? detail = null)
    {
        var (title, type, defaultDetail) = Describe(status);
        return TypedResults.Problem(detail ?? defaultDetail, statusCode: status, title: title, type: TypeBase + type);
    }

    /// <summary>503 with <c>Retry-After</c>: storage (or a busy plan) cannot take the request now; nothing was lost.</summary>
    public static IResult Unavailable(int retryAfterSeconds, string? detail = null) => new RetryLater(retryAfterSeconds, Status(StatusCodes.Status503ServiceUnavailable, detail));

    private sealed record RetryLater(int Seconds, ProblemHttpResult Problem) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problem.ExecuteAsync(httpContext);
        }
    }

    internal static (string Title, string Type, string Detail) Describe(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("Bad request", "bad-request", "The request could not be read."),
        StatusCodes.Status401Unauthorized => ("Unauthorized", "unauthorized", "Send a valid key in the X-Api-Key header."),
        StatusCodes.Status403Forbidden => ("Forbidden", "forbidden", "This key does not give access to this resource."),
        StatusCodes.Status404NotFound => ("Not found", "not-found", "There is nothing at this address."),
        StatusCodes.Status405MethodNotAllowed => ("Method not allowed", "method-not-allowed", "This address does not accept that method."),
        StatusCodes.Status413PayloadTooLarge => ("Document too large", "too-large", "The request body is too large."),
        StatusCodes.Status415UnsupportedMediaType => ("Unsupported media type", "unsupported-media-type", "Send JSON."),
        StatusCodes.Status503ServiceUnavailable => ("Storage unavailable", "storage-unavailable",
            "Plan storage cannot be reached just now. Nothing was lost: send the request again after the Retry-After interval."),
        _ => ("Unexpected error", "unexpected", "The request could not be completed. It has been logged."),
    };
}
