using Commissioning.Functions.Advisor;
using Commissioning.Functions.Rendering;
using Commissioning.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Commissioning.Functions.Tests.Advisor;

public sealed class AdvisorOptionsTests
{
    private static async Task<Exception?> StartWith(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting("urls", "http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration["Commissioning:TemplatesPath"] = RepositoryPaths.Combine("templates");
        builder.Services.AddRendering(builder.Configuration).AddAdvisor(builder.Configuration);
        await using var app = builder.Build();
        try
        {
            await app.StartAsync();
            await app.StopAsync();
            return null;
        }
        catch (OptionsValidationException ex)
        {
            return ex;
        }
    }

    [Fact]
    public async Task AnEndpointWithoutAModelStopsStartUpNamingTheSetting()
    {
        var error = await StartWith(new() { ["Advisor:Endpoint"] = "https://example.openai.azure.com/openai/v1/" });

        Assert.NotNull(error);
        Assert.Contains("Advisor:Model is required when Advisor:Endpoint is set.", error.Message);
    }

    [Theory]
    [InlineData("not a url", "Advisor:Endpoint must be an absolute https URL")]
    [InlineData("ftp://example.org/v1/", "Advisor:Endpoint must be an absolute https URL")]
    [InlineData("http://example.org/openai/v1/", "Advisor:Endpoint must use https")]
    public async Task AnEndpointThatIsNotHttpsStopsStartUp(string endpoint, string expected)
    {
        var error = await StartWith(new() { ["Advisor:Endpoint"] = endpoint, ["Advisor:Model"] = "gpt" });

        Assert.NotNull(error);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task ATimeoutOutsideItsRangeStopsStartUp()
    {
        var error = await StartWith(new() { ["Advisor:Timeout"] = "00:10:00" });

        Assert.NotNull(error);
        Assert.Contains("Timeout", error.Message);
    }

    [Fact]
    public async Task WithNoEndpointTheAdvisorIsOffAndStartsWithDefaults()
    {
        Assert.Null(await StartWith([]));

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Commissioning:TemplatesPath"] = RepositoryPaths.Combine("templates") }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddRendering(configuration).AddAdvisor(configuration);
        await using var provider = services.BuildServiceProvider();

        Assert.Null(provider.GetKeyedService<IChatCompletionService>(GuidanceAdvisor.ServiceKey));
        var options = provider.GetRequiredService<IOptions<AdvisorOptions>>().Value;
        Assert.False(options.IsEnabled);
        Assert.Equal(TimeSpan.FromSeconds(20), options.Timeout);
        Assert.Equal(1_200, options.SummaryMaxLength);
        Assert.Equal(800, options.AdviceMaxLength);
    }

    [Fact]
    public async Task ALoopbackHttpEndpointIsAllowedForLocalModels()
    {
        Assert.Null(await StartWith(new() { ["Advisor:Endpoint"] = "http://127.0.0.1:11434/v1/", ["Advisor:Model"] = "llama" }));
    }
}
