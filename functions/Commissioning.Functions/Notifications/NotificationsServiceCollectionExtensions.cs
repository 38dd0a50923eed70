using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Commissioning.Functions.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Teams and Slack notifications: the outbox the submission path records into, the dispatcher it signals, the
    /// background delivery service, the webhook policy and the council-channel validator. Needs <c>AddRendering</c>.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>()
            .BindConfiguration(NotificationOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => TableServiceFromConfiguration(configuration));
        services.TryAddSingleton(_ => AdminKey.FromConfiguration(configuration));

        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookPolicy>();
        services.AddSingleton<NotificationChannelValidator>();
        services.AddSingleton<NotificationComposer>();
        services.AddSingleton<NotificationTables>();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService<NotificationDeliveryService>();
        // What the rest of the app hands over: new plan versions and sent weekly summaries.
        services.AddSingleton<PlanNotifications>();
        services.AddSingleton<Plans.IPlanSubmittedHandler>(provider => provider.GetRequiredService<PlanNotifications>());
        services.AddSingleton<Plans.IPlanResubmittedHandler>(provider => provider.GetRequiredService<PlanNotifications>());
        services.AddSingleton<Summaries.ISummaryAnnouncer, SummaryNotifications>();

        services.AddHttpClient(WebhookSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            // Redirects are never followed: a webhook that redirects is misconfigured, and following could leak the body elsewhere.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            // The default HttpClient logging writes the request URI, which for a webhook is the secret.
            .RemoveAllLoggers();
        return services;
    }

    /// <summary>
    /// The storage account's table service, unless storage registered one already: a connection string in
    /// <c>AzureWebJobsStorage</c> (Azurite locally), or managed identity via <c>AzureWebJobsStorage__tableServiceUri</c>
    /// or <c>AzureWebJobsStorage__accountName</c> in Azure.
    /// </summary>
    private static TableServiceClient TableServiceFromConfiguration(IConfiguration configuration)
    {
        if (configuration["AzureWebJobsStorage"] is { Length: > 0 } connectionString)
        {
            return new TableServiceClient(connectionString);
        }

        var section = configuration.GetSection("AzureWebJobsStorage");
        var uri = section["tableServiceUri"] is { Length: > 0 } configured ? configured
            : section["accountName"] is { Length: > 0 } account ? $"https://{account}.table.core.windows.net"
            : throw new InvalidOperationException("Set AzureWebJobsStorage (a connection string) or AzureWebJobsStorage__accountName for notifications storage.");
        return new TableServiceClient(new Uri(uri), new DefaultAzureCredential());
    }
}
