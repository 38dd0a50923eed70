using Commissioning.Functions.Notifications;
using Commissioning.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Commissioning.Functions.Tests.Notifications;

/// <summary>
/// The whole app (Program) in the local runner, with a test's settings: its queue listener runs the notification
/// functions against the test's Azurite, and every log line is kept so tests can check no webhook URL leaks.
/// </summary>
public sealed class NotificationHost : IAsyncDisposable
{
    private readonly App _app;

    private NotificationHost(App app, LogCollector logs)
    {
        _app = app;
        Logs = logs;
    }

    public LogCollector Logs { get; }

    public HttpClient Client { get; private set; } = null!;

    public NotificationOutbox Outbox => Get<NotificationOutbox>();

    public NotificationQueue Queue => Get<NotificationQueue>();

    public NotificationDelivery Delivery => Get<NotificationDelivery>();

    public DeliveryLog Deliveries => Get<DeliveryLog>();

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>Records the message and hands it to the notifications queue, as a submission does once its version is stored.</summary>
    public async Task<RecordedNotifications> SendAsync(Func<NotificationOutbox, Task<RecordedNotifications>> record)
    {
        var recorded = await record(Outbox);
        await Queue.EnqueueAsync(recorded, CancellationToken.None);
        return recorded;
    }

    public static Task<NotificationHost> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var logs = new LogCollector();
        var app = new App(settings, logs);
        var host = new NotificationHost(app, logs);
        try
        {
            host.Client = app.CreateClient();   // starts the app: a bad setting throws here
        }
        catch
        {
            app.Dispose();
            throw;
        }

        return Task.FromResult(host);
    }

    public static string TemplatesPath => RepositoryPaths.Combine("templates");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }

    private sealed class App(IReadOnlyDictionary<string, string?> settings, LogCollector logs) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        }
    }
}
