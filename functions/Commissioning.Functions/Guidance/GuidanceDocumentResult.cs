using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commissioning.Functions.Guidance;

/// <summary>A guidance document as a response: its media type, and headers that keep it inert in a browser.</summary>
public static class GuidanceDocumentResult
{
    /// <summary>The document's own inline styles may apply; nothing else loads or runs.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    public static ContentHttpResult Text(HttpContext context, string document, DocumentFormat format)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return TypedResults.Text(document, format == DocumentFormat.Html ? "text/html" : "text/markdown", Encoding.UTF8);
    }
}
