using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Storage;

public static class StorageFeature
{
    /// <summary>Singleton blob, table and queue clients for the account named by <c>AzureWebJobsStorage</c>.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .Configure<IConfiguration>((options, configuration) => StorageOptions.ReadFunctionsSetting(options, configuration))
            .ValidateDataAnnotations()
            .Validate(o => o.UsesConnectionString || (o.BlobServiceUri is not null && o.TableServiceUri is not null && o.QueueServiceUri is not null),
                "Storage is not configured: set AzureWebJobsStorage to a connection string (UseDevelopmentStorage=true locally), " +
                "or AzureWebJobsStorage__accountName (or __blobServiceUri, __tableServiceUri and __queueServiceUri) for managed identity.")
            .ValidateOnStart();

        services.AddAzureClients(clients =>
        {
            clients.UseCredential(provider => new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = provider.GetRequiredService<IOptions<StorageOptions>>().Value.ClientId,
            }));

            clients.AddClient<BlobServiceClient, BlobClientOptions>((options, credential, provider) =>
            {
                var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
                Tune(options, storage);
                return storage.UsesConnectionString
                    ? new BlobServiceClient(storage.ConnectionString, options)
                    : new BlobServiceClient(storage.BlobServiceUri, credential, options);
            });

            clients.AddClient<TableServiceClient, TableClientOptions>((options, credential, provider) =>
            {
                var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
                Tune(options, storage);
                return storage.UsesConnectionString
                    ? new TableServiceClient(storage.ConnectionString, options)
                    : new TableServiceClient(storage.TableServiceUri, credential, options);
            });

            clients.AddClient<QueueServiceClient, QueueClientOptions>((options, credential, provider) =>
            {
                var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
                Tune(options, storage);
                // The Functions host reads queue messages as base64 unless host.json says otherwise.
                options.MessageEncoding = QueueMessageEncoding.Base64;
                return storage.UsesConnectionString
                    ? new QueueServiceClient(storage.ConnectionString, options)
                    : new QueueServiceClient(storage.QueueServiceUri, credential, options);
            });
        });

        services.AddSingleton<StorageProvisioning>();
        services.AddSingleton<WorkQueues>();
        // The week index plans write and summaries read; one per process, as it remembers which digest rows are full.
        services.AddSingleton<PlansByWeekTable>();
        services.AddSingleton<IWeeklyPlanIndex>(provider => provider.GetRequiredService<PlansByWeekTable>());
        services.AddSingleton<NoticesByWeekTable>();
        services.AddSingleton<IWeeklyNoticeIndex>(provider => provider.GetRequiredService<NoticesByWeekTable>());
        return services;
    }

    private static void Tune(ClientOptions options, StorageOptions storage)
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = storage.MaxRetries;
        options.Retry.Delay = storage.RetryDelay;
        options.Retry.MaxDelay = storage.RetryDelay * 4;
        options.Retry.NetworkTimeout = storage.NetworkTimeout;
    }
}
