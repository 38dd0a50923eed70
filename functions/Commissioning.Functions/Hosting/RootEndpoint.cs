namespace Commissioning.Functions.Hosting;

public static class RootEndpoint
{
    /// <summary>The Functions host treats any answer on / as "the handler is ready"; people get a pointer to the API.</summary>
    public static IEndpointRouteBuilder MapRoot(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => TypedResults.Ok(new ServiceDescription("Keep it Local commissioning advisor", "/api/openapi.json", "/api/health")))
            .ExcludeFromDescription();
        return app;
    }

    public sealed record ServiceDescription(string Service, string OpenApi, string Health);
}
