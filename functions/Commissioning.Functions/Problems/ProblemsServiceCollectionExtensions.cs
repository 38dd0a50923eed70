namespace Commissioning.Functions.Problems;

public static class ProblemsServiceCollectionExtensions
{
    /// <summary>ProblemDetails for every error: endpoint results, exceptions, empty 4xx/5xx responses.</summary>
    public static IServiceCollection AddProblems(this IServiceCollection services)
    {
        services.AddOptions<ProblemOptions>().BindConfiguration("Commissioning:Problems").ValidateDataAnnotations().ValidateOnStart();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions.Remove("exception");   // never a stack trace, whatever the environment
        });
        services.AddSingleton<ProblemWriter>();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }

    public static WebApplication UseProblems(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(async context =>
        {
            var writer = context.HttpContext.RequestServices.GetRequiredService<ProblemWriter>();
            await writer.WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode);
        });
        return app;
    }
}
