namespace Commissioning.Functions.ApiDocument;

/// <summary>The OpenAPI document, public at /api/openapi.json.</summary>
public static class ApiDocumentEndpoints
{
    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Keep it Local commissioning advisor";
            document.Info.Description = "Scores council commissioning plans for local-by-default, proportionate funding and co-design. " +
                                        "Send keys in the X-Api-Key header.";
            return Task.CompletedTask;
        }));
        return services;
    }

    public static IEndpointRouteBuilder MapApiDocument(this IEndpointRouteBuilder api)
    {
        api.MapOpenApi("/openapi.json").WithName("OpenApi");
        return api;
    }
}
