using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Commissioning.Functions.Notifications;

public static class NotificationsFeature
{
    /// <summary>
    /// Teams and Slack notifications: the outbox the submission path records into, the queue it hands messages to,
    /// the delivery the queue-triggered functions run, the webhook policy and the council-channel validator. Needs
    /// <c>AddRendering</c> and <c>AddStorage</c>.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>()
            .BindConfiguration(NotificationOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();


        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookPolicy>();
        services.AddSingleton<NotificationChannelValidator>();
        services.AddSingleton<NotificationComposer>();
        services.AddSingleton<NotificationTables>();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<NotificationQueue>();
        services.AddSingleton<NotificationDelivery>();
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
}
