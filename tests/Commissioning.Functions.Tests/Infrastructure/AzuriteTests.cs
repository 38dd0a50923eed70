using Azure.Data.Tables;

namespace Commissioning.Functions.Tests.Infrastructure;

public class AzuriteTests
{
    [Fact]
    public async Task AStartedAzuriteAcceptsATableWriteAndLosesItOnRestart()
    {
        await using var azurite = await Azurite.StartNewAsync();
        var table = new TableClient(azurite.ConnectionString, "Probe");
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = 1 });
        Assert.Equal(1, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetInt32("Value"));

        await azurite.StopAsync();
        await azurite.StartAsync();
        await table.CreateIfNotExistsAsync();
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
    }
}
