namespace Commissioning.Functions.Problems;

public static class ProblemsFeature
{
    /// <summary>ProblemDetails for every error: function results, failures, and (under the local runner) empty 4xx/5xx responses.</summary>
    public static IServiceCollection AddProblems(this IServiceCollection services)
    {
        services.AddOptions<ProblemOptions>().BindConfiguration("Commissioning:Problems").ValidateDataAnnotations().ValidateOnStart();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions.Remove("exception");   // never a stack trace, whatever the environment
        });
        services.AddSingleton<ProblemExceptionHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Diagnostics.IExceptionHandler>(provider => provider.GetRequiredService<ProblemExceptionHandler>());
        return services;
    }
}

/// <summary>How long a client should wait before retrying when storage is unreachable.</summary>
public sealed class ProblemOptions
{
    /// <summary>Seconds a client should wait before retrying when storage is unreachable.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 5;
}
