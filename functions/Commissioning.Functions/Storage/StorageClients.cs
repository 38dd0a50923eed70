using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;

namespace Commissioning.Functions.Storage;

/// <summary>
/// The table and blob clients, registered once as singletons. Locally and in tests a connection string
/// (<c>AzureWebJobsStorage</c>, Azurite's by default); in Azure the account name
/// (<c>AzureWebJobsStorage__accountName</c>) with <see cref="DefaultAzureCredential"/>, so no shared key is needed.
/// </summary>
public static class StorageClients
{
    public const string ConnectionSetting = "AzureWebJobsStorage";

    public static IServiceCollection AddStorageClients(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(TableServiceClient)))
        {
            return services;
        }

        var accountName = configuration[$"{ConnectionSetting}:accountName"];
        var connectionString = configuration[ConnectionSetting];
        services.AddAzureClients(clients =>
        {
            if (string.IsNullOrWhiteSpace(connectionString) && !string.IsNullOrWhiteSpace(accountName))
            {
                clients.AddTableServiceClient(new Uri($"https://{accountName}.table.core.windows.net"));
                clients.AddBlobServiceClient(new Uri($"https://{accountName}.blob.core.windows.net"));
                clients.UseCredential(new DefaultAzureCredential());
            }
            else
            {
                var local = string.IsNullOrWhiteSpace(connectionString) ? "UseDevelopmentStorage=true" : connectionString;
                clients.AddTableServiceClient(local);
                clients.AddBlobServiceClient(local);
            }
        });
        return services;
    }
}
