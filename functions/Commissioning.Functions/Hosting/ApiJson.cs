using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Commissioning.Functions.Hosting;

/// <summary>
/// Response JSON follows the domain's conventions (DomainJson: camelCase, kebab-case enum words, nulls left out), so a
/// scorecard reads the same in every response; the API's own records use the same settings.
/// </summary>
public static class ApiJson
{
    public static IServiceCollection AddApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options =>
        {
            var json = options.SerializerOptions;
            json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            json.Converters.Add(new JsonStringEnumConverter());
            json.TypeInfoResolverChain.Insert(0, DomainJsonContext.Default);
            json.TypeInfoResolverChain.Add(new DefaultJsonTypeInfoResolver());
        });
}
