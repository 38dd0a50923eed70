using System.Collections.Concurrent;
using Commissioning.Functions.Notifications;
using Commissioning.Functions.Rendering;
using Commissioning.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Commissioning.Functions.Tests.Notifications;

/// <summary>
/// The notifications feature hosted the way Program.cs will host it (AddRendering, AddNotifications,
/// MapNotificationEndpoints) on 127.0.0.1, with every log line kept so tests can check no webhook URL leaks.
/// </summary>
public sealed class NotificationHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private NotificationHost(WebApplication app, LogCollector logs)
    {
        _app = app;
        Logs = logs;
    }

    public LogCollector Logs { get; }

    public HttpClient Client { get; private set; } = new();

    public NotificationOutbox Outbox => Get<NotificationOutbox>();

    public NotificationDispatcher Dispatcher => Get<NotificationDispatcher>();

    public DeliveryLog Deliveries => Get<DeliveryLog>();

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public static async Task<NotificationHost> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new LogCollector();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddRendering(builder.Configuration);
        builder.Services.AddNotifications(builder.Configuration);

        var app = builder.Build();
        app.MapNotificationEndpoints();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var host = new NotificationHost(app, logs);
        host.Client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        return host;
    }

    /// <summary>The same registrations without a running host: a dispatcher that only works when called (no background service, no sweeps).</summary>
    public static ServiceProvider BuildServices(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddRendering(configuration);
        services.AddNotifications(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    public static string TemplatesPath => RepositoryPaths.Combine("templates");
}

/// <summary>Keeps every formatted log line (and exception text) written by the host.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
