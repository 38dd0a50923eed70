using Commissioning.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Tests.Health;

public sealed class StartupTests
{
    [Fact]
    public async Task WithoutAnAdminKeyTheHandlerDoesNotStartAndSaysWhichSettingIsMissing()
    {
        await using var azurite = new Azurite();   // never started: start-up must fail before touching storage
        await using var api = new CommissioningApi(azurite, settings: new Dictionary<string, string?> { ["Commissioning:AdminKey"] = "" });

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(error is AggregateException a ? a.InnerException : error);
        Assert.Contains("Commissioning:AdminKey", validation.Message);
        Assert.Contains("Commissioning__AdminKey", validation.Message);
    }

    [Fact]
    public async Task WithoutStorageSettingsTheHandlerDoesNotStartAndNamesAzureWebJobsStorage()
    {
        await using var azurite = new Azurite();
        await using var api = new CommissioningApi(azurite, settings: new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "" });

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        Assert.Contains("AzureWebJobsStorage", (error is AggregateException a ? a.InnerException! : error).Message);
    }
}
