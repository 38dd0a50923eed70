using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Commissioning.Functions.Hosting;

public static class AppSettings
{
    /// <summary>
    /// The host starts the worker from the package root, and scripts start the runner from the repository root: neither
    /// need be where appsettings.json sits. When the content root has none, the one beside the app is read first, so
    /// environment variables and app settings still override it.
    /// </summary>
    public static IHostApplicationBuilder UseSettingsBesideTheApp(this IHostApplicationBuilder builder)
    {
        const string file = "appsettings.json";
        if (File.Exists(Path.Combine(builder.Environment.ContentRootPath, file)) || !File.Exists(Path.Combine(AppContext.BaseDirectory, file)))
        {
            return builder;
        }

        builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Path = file,
            Optional = true,
        });
        return builder;
    }

    /// <summary>
    /// The local runner reads <c>local.settings.json</c>'s <c>Values</c> beside the app, as Core Tools do, below every
    /// other source: the storage emulator and the local mail catcher. It is never published, so nothing local reaches Azure.
    /// </summary>
    public static IHostApplicationBuilder UseLocalSettings(this IHostApplicationBuilder builder)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "local.settings.json");
        if (!File.Exists(path) || JsonNode.Parse(File.ReadAllText(path))?["Values"] is not JsonObject values)
        {
            return builder;
        }

        var settings = values.Where(v => v.Value is JsonValue).ToDictionary(v => v.Key.Replace("__", ":", StringComparison.Ordinal), v => (string?)v.Value!.ToString());
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = settings });
        return builder;
    }
}
