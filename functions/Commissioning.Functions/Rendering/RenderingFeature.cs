namespace Commissioning.Functions.Rendering;

public static class RenderingFeature
{
    /// <summary>Parses every template now, so a broken template stops start-up naming its file and line.</summary>
    public static IServiceCollection AddRendering(this IServiceCollection services, IConfiguration configuration)
    {
        var directory = configuration["Commissioning:TemplatesPath"] is { Length: > 0 } configured
            ? configured
            : TemplateLibrary.LocateDefaultDirectory();
        services.AddSingleton(new TemplateLibrary(directory));
        return services;
    }
}
