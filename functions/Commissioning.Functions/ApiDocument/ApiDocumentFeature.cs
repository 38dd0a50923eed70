namespace Commissioning.Functions.ApiDocument;

/// <summary>The API document, built from the functions' own attributes.</summary>
public static class ApiDocumentFeature
{
    public static IServiceCollection AddApiDocument(this IServiceCollection services) => services.AddSingleton<ApiDocumentSource>();
}
