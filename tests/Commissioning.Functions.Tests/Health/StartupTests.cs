using Commissioning.Functions.Tests.Infrastructure;

namespace Commissioning.Functions.Tests.Health;

/// <summary>A missing setting stops the app at start-up, naming the setting the way an operator would set it.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task WithoutAnAdminKeyTheAppDoesNotStartAndSaysWhichSettingIsMissing()
    {
        var (exitCode, output) = await RefusalWith(("Commissioning__AdminKey", ""));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("OptionsValidationException", output);
        Assert.Contains("Commissioning:AdminKey", output);
        Assert.Contains("Commissioning__AdminKey", output);
    }

    [Fact]
    public async Task WithoutStorageSettingsTheAppDoesNotStartAndNamesAzureWebJobsStorage()
    {
        var (exitCode, output) = await RefusalWith(("AzureWebJobsStorage", ""));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Storage is not configured: set AzureWebJobsStorage", output);
    }

    private static Task<(int ExitCode, string Output)> RefusalWith(params (string Name, string Value)[] overrides)
    {
        // Storage that is never reached: start-up must fail before it touches storage.
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://127.0.0.1:9",
            ["Commissioning__AdminKey"] = "startup-test-admin-key-0123456789",
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__From"] = "summaries@advisor.example.gov.uk",
            ["AzureWebJobs__WeeklySummary__Disabled"] = "true",
        };
        foreach (var (name, value) in overrides)
        {
            settings[name] = value;
        }

        return AppProcess.RefusalAsync(BuiltApp.Dll, BuiltApp.Folder, settings, TimeSpan.FromSeconds(60));
    }
}
