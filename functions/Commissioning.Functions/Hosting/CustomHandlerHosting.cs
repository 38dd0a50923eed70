using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Commissioning.Functions.Hosting;

/// <summary>
/// Where the handler listens. Under the Functions host the port arrives in FUNCTIONS_CUSTOMHANDLER_PORT and the
/// handler must bind 127.0.0.1 on it; standalone it serves http://localhost:7071 like `func start` would,
/// unless URLs were given explicitly (ASPNETCORE_URLS or --urls).
/// </summary>
public static class CustomHandlerHosting
{
    public const string PortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public static WebApplicationBuilder UseFunctionsCustomHandlerPort(this WebApplicationBuilder builder)
    {
        var port = builder.Configuration[PortVariable];
        if (!string.IsNullOrWhiteSpace(port))
        {
            if (!int.TryParse(port, out var number) || number is < 1 or > 65535)
            {
                throw new InvalidOperationException($"{PortVariable} must be a TCP port number, not '{port}'.");
            }

            builder.WebHost.UseUrls($"http://127.0.0.1:{number}");
        }
        else if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]) && string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls("http://localhost:7071");
        }

        return builder;
    }

    /// <summary>
    /// The Functions host starts the handler with the package root as its working directory, and `run.sh` starts it
    /// from the repository root: neither is where appsettings.json sits. When the content root has no appsettings.json,
    /// the one beside the handler is read first, so environment variables and app settings still override it.
    /// </summary>
    public static WebApplicationBuilder UseSettingsBesideTheHandler(this WebApplicationBuilder builder)
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
}
