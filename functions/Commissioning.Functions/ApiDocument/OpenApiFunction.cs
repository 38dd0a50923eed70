using System.Text.Json.Nodes;
using Commissioning.Functions.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.ApiDocument;

/// <summary><c>GET /api/openapi.json</c>: the API described, built once from the functions' own attributes. Public.</summary>
public sealed class OpenApiFunction(ApiDocumentSource document)
{
    [Function("OpenApi")]
    [Access(Callers.Anyone)]
    [ApiSummary("This document: every operation, who may call it, its parameters, bodies and answers.")]
    [ApiResponse(StatusCodes.Status200OK, "The OpenAPI 3.1 document.", ContentType = "application/json")]
    public Task<ContentHttpResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        Task.FromResult(TypedResults.Text(document.Json, "application/json", System.Text.Encoding.UTF8));
}

/// <summary>The document, written once per process.</summary>
public sealed class ApiDocumentSource(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, HostSettings host)
{
    private readonly Lazy<string> _json = new(() =>
        new OpenApiDocumentBuilder(FunctionCatalog.App, AsWritten(json.Value.SerializerOptions), host.RoutePrefix).Build()
            .ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

    /// <summary>
    /// The response settings as the document describes them: numbers are written as numbers (the web defaults also
    /// read them from strings, which would make every number "integer or string" in the schemas).
    /// </summary>
    private static System.Text.Json.JsonSerializerOptions AsWritten(System.Text.Json.JsonSerializerOptions options) =>
        new(options) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict };

    public string Json => _json.Value;

    public JsonNode Parse() => JsonNode.Parse(Json)!;
}
