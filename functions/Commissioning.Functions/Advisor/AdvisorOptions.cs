using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;

namespace Commissioning.Functions.Advisor;

/// <summary>
/// Settings under <c>Advisor:</c>. The advisor is off unless <see cref="Endpoint"/> is set; when it is on, the model
/// is required and the key is optional (without one the app signs in with its managed identity).
/// </summary>
public sealed class AdvisorOptions
{
    public const string Section = "Advisor";

    /// <summary>Base URL of an OpenAI-compatible API, e.g. <c>https://&lt;resource&gt;.openai.azure.com/openai/v1/</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The model (Azure OpenAI: the deployment name).</summary>
    public string? Model { get; set; }

    /// <summary>API key; leave empty to use the managed identity. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Client id of a user-assigned managed identity; defaults to <c>AzureWebJobsStorage__clientId</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>How long the whole model call may take before the deterministic text is used.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:02:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Retries of a failed call (429, 5xx, network), inside <see cref="Timeout"/>.</summary>
    [Range(0, 3)]
    public int MaxRetries { get; set; } = 1;

    /// <summary>Sampling temperature; leave unset for the model's default (reasoning models accept no other).</summary>
    [Range(0.0, 2.0)]
    public double? Temperature { get; set; }

    [Range(256, 16_000)]
    public int MaxOutputTokens { get; set; } = 2_000;

    [Range(200, 4_000)]
    public int SummaryMaxLength { get; set; } = 1_200;

    [Range(100, 4_000)]
    public int AdviceMaxLength { get; set; } = 800;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Endpoint);

    public bool UsesManagedIdentity => string.IsNullOrWhiteSpace(ApiKey);
}

/// <summary>The rules that need more than one setting, named the way an operator would set them.</summary>
public sealed class AdvisorOptionsValidation : IValidateOptions<AdvisorOptions>
{
    public ValidateOptionsResult Validate(string? name, AdvisorOptions options)
    {
        if (!options.IsEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("https" or "http"))
        {
            failures.Add("Advisor:Endpoint must be an absolute https URL, e.g. https://<resource>.openai.azure.com/openai/v1/.");
        }
        else if (endpoint.Scheme == "http" && !IsLoopback(endpoint))
        {
            failures.Add("Advisor:Endpoint must use https (plain http is allowed only for a loopback address).");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add("Advisor:Model is required when Advisor:Endpoint is set.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));
}
