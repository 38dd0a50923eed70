using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Commissioning.Functions.Web;

/// <summary>
/// The pages for commissioners and councillors: plain HTML, CSS and JavaScript files from <c>Web/wwwroot</c>, served by one
/// function (<c>/api/app/{*path}</c>). The pages call the public API from the browser with the council key the person
/// types in; nothing here reads plans or keys.
/// </summary>
public sealed class WebAppFunction(WebAppFiles files)
{
    /// <summary>Scripts only from this app, no inline script or style, no framing, no plugins.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    // Page addresses and the file each one serves.
    private static readonly Dictionary<string, string> Pages = new(StringComparer.Ordinal)
    {
        [""] = "index.html",
        ["plan"] = "plan.html",
        ["scorecard"] = "scorecard.html",
        ["council"] = "council.html",
    };

    private static readonly HashSet<string> AssetExtensions = new(StringComparer.OrdinalIgnoreCase) { ".js", ".css", ".svg", ".png", ".ico" };

    [Function("WebApp")]
    [Access(Callers.Anyone)]
    [ApiDocument.ApiSummary("The web pages: the plan form, a scorecard, the councillors' page (HTML, scripts and styles).")]
    [ApiDocument.ApiResponse(StatusCodes.Status200OK, "A page or one of its files.", ContentType = "text/html")]
    [ApiDocument.ApiResponse(StatusCodes.Status404NotFound, "No page or file at this address.")]
    public Task<Results<FileStreamHttpResult, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "app/{*path}")] HttpRequest request, string path) =>
        Task.FromResult(Serve(path, request.HttpContext));

    private Results<FileStreamHttpResult, ProblemHttpResult> Serve(string? path, HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";

        var requested = (path ?? string.Empty).TrimEnd('/');
        var file = Pages.TryGetValue(requested, out var page) ? page
            : requested.StartsWith("assets/", StringComparison.Ordinal) && AssetExtensions.Contains(Path.GetExtension(requested)) ? requested
            : null;
        var info = file is null ? null : files.Provider.GetFileInfo(file);
        if (info is not { Exists: true, IsDirectory: false })
        {
            return ApiProblem.NotFound($"There is no page or file at /api/app/{requested}. Start at /api/app/.");
        }

        var contentType = files.ContentTypes.TryGetContentType(info.Name, out var type) ? type : "application/octet-stream";
        if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.EndsWith("javascript", StringComparison.Ordinal))
        {
            contentType += "; charset=utf-8";
        }

        return TypedResults.Stream(info.CreateReadStream(), contentType, lastModified: info.LastModified);
    }
}

/// <summary>Where the page files are read from, and how their content types are named.</summary>
public sealed class WebAppFiles(IFileProvider provider)
{
    public IFileProvider Provider { get; } = provider;
    public FileExtensionContentTypeProvider ContentTypes { get; } = new();
}
