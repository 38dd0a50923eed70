using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace Commissioning.Functions.Advisor;

public static class AdvisorFeature
{
    /// <summary>Token audience for Azure OpenAI / Azure AI Foundry with Entra ID.</summary>
    public const string CognitiveServicesScope = "https://cognitiveservices.azure.com/.default";

    /// <summary>
    /// Registers the advisor. Settings under <c>Advisor:</c> are validated at start-up. With no
    /// <c>Advisor:Endpoint</c> the advisor is off and always writes the deterministic narrative; with one, a
    /// Semantic Kernel chat service talks to that OpenAI-compatible endpoint (API key, or managed identity).
    /// Needs <c>AddRendering</c> for its prompt templates.
    /// </summary>
    public static IServiceCollection AddAdvisor(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdvisorOptions>()
            .BindConfiguration(AdvisorOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdvisorOptions>, AdvisorOptionsValidation>();
        services.AddSingleton<AdvisorPrompt>();

        var enabled = configuration.GetSection(AdvisorOptions.Section).Get<AdvisorOptions>()?.IsEnabled ?? false;
        if (enabled)
        {
            services.AddKeyedSingleton(GuidanceAdvisor.ServiceKey, (provider, _) =>
                CreateOpenAIClient(provider.GetRequiredService<IOptions<AdvisorOptions>>().Value, configuration));
            services.AddKeyedSingleton<IChatCompletionService>(GuidanceAdvisor.ServiceKey, (provider, key) =>
                new OpenAIChatCompletionService(
                    provider.GetRequiredService<IOptions<AdvisorOptions>>().Value.Model!,
                    provider.GetRequiredKeyedService<OpenAIClient>(key),
                    provider.GetService<ILoggerFactory>()));

        }

        services.AddSingleton(provider => new GuidanceAdvisor(
            provider.GetKeyedService<IChatCompletionService>(GuidanceAdvisor.ServiceKey),
            provider.GetRequiredService<AdvisorPrompt>(),
            provider.GetRequiredService<IOptions<AdvisorOptions>>(),
            provider.GetRequiredService<ILogger<GuidanceAdvisor>>()));
        return services;
    }

    /// <summary>
    /// An OpenAI client for any compatible endpoint, Azure OpenAI's v1 endpoint included. With a key it sends the
    /// key as a bearer token; without one it gets Entra ID tokens for the managed identity
    /// (<c>Advisor:ClientId</c>, else the identity the app uses for storage).
    /// </summary>
    internal static OpenAIClient CreateOpenAIClient(AdvisorOptions options, IConfiguration configuration)
    {
        if (!options.UsesManagedIdentity)
        {
            return new OpenAIClient(new ApiKeyCredential(options.ApiKey!), ClientOptions(options));
        }

        var clientId = options.ClientId is { Length: > 0 } configured ? configured : configuration["AzureWebJobsStorage:clientId"];
        return CreateOpenAIClient(options, new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId }));
    }

    /// <summary>
    /// A client that sends Entra ID bearer tokens for <see cref="CognitiveServicesScope"/> (https only). Tests pass a
    /// <paramref name="transport"/> that trusts their loopback server's self-signed certificate.
    /// </summary>
    internal static OpenAIClient CreateOpenAIClient(AdvisorOptions options, AuthenticationTokenProvider credential, PipelineTransport? transport = null)
    {
        var clientOptions = ClientOptions(options);
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }

        // The AuthenticationPolicy constructor is marked evaluation-only (OPENAI001) in OpenAI 2.14; it is the
        // documented way to reach Azure OpenAI's v1 endpoint with Entra ID tokens.
#pragma warning disable OPENAI001
        return new OpenAIClient(new BearerTokenPolicy(credential, CognitiveServicesScope), clientOptions);
#pragma warning restore OPENAI001
    }

    private static OpenAIClientOptions ClientOptions(AdvisorOptions options) => new()
    {
        Endpoint = new Uri(options.Endpoint!),
        NetworkTimeout = options.Timeout,
        RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
        UserAgentApplicationId = "keep-it-local-advisor",
    };
}
