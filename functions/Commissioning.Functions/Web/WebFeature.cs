using Microsoft.Extensions.FileProviders;

namespace Commissioning.Functions.Web;

/// <summary>The web pages, served from Web/wwwroot beside the app.</summary>
public static class WebFeature
{
    public static IServiceCollection AddWeb(this IServiceCollection services) =>
        services.AddSingleton(new WebAppFiles(new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "Web", "wwwroot"))));
}
