using System.Reflection;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Commissioning.Functions.Hosting.Local;

/// <summary>
/// Hosts the app's own function classes without the Functions host, for machines where Core Tools cannot be installed
/// and for tests: HTTP triggers on Kestrel at the routes their attributes give (under host.json's route prefix),
/// timers fired from their schedules (<see cref="TimerScheduler"/>), queue triggers polled from the storage account's
/// queue service with the host's semantics (<see cref="QueueListener"/>). Each function has one implementation;
/// only the way it is reached differs. What it does not emulate: decision 0020.
/// </summary>
public static class LocalRunner
{
    public const string DefaultUrl = "http://localhost:7071";

    public static WebApplicationBuilder AddLocalRunner(this WebApplicationBuilder builder)
    {
        var catalog = FunctionCatalog.App;
        builder.UseLocalSettings();
        builder.Services.AddOptions<LocalRunnerOptions>().BindConfiguration(LocalRunnerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton<TimerScheduleStore>();
        builder.Services.AddHostedService<TimerScheduler>();
        builder.Services.AddHostedService<QueueListener>();

        // Kestrel's own ceiling is the largest body any function takes; each request gets its function's limit.
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = catalog.Http.Max(f => f.MaxBodyBytes));
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]) && string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }

    /// <summary>Maps every HTTP function at <c>/{routePrefix}/{route}</c>; any other address is a 404 ProblemDetails, another method a 405.</summary>
    public static WebApplication MapFunctions(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(context => ApiProblem.Status(context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext));

        var host = app.Services.GetRequiredService<HostSettings>();
        foreach (var function in app.Services.GetRequiredService<FunctionCatalog>().Http.Where(f => !IsDisabled(app.Configuration, f)))
        {
            var template = string.IsNullOrEmpty(host.RoutePrefix) ? function.Route : $"{host.RoutePrefix}/{function.Route}";
            var endpoint = function.Methods.Count == 0
                ? app.Map("/" + template, Handler(function))
                : app.MapMethods("/" + template, function.Methods, Handler(function));
            endpoint.WithName(function.Name);
        }

        return app;
    }

    /// <summary>
    /// The host's per-function switch, the app setting <c>AzureWebJobs.{Name}.Disabled</c> (<c>AzureWebJobs__{Name}__Disabled</c>
    /// where dots cannot be used): a disabled function is not reached at all.
    /// </summary>
    public static bool IsDisabled(IConfiguration configuration, FunctionDescriptor function) =>
        bool.TryParse(configuration[$"AzureWebJobs.{function.Name}.Disabled"] ?? configuration[$"AzureWebJobs:{function.Name}:Disabled"], out var disabled) && disabled;

    private static RequestDelegate Handler(HttpFunction function)
    {
        var binders = Binders(function);
        return async context =>
        {
            var frontDoor = context.RequestServices.GetRequiredService<FrontDoor>();
            var result = await frontDoor.RunAsync(context, function, name => context.Request.RouteValues[name]?.ToString(), async () =>
            {
                var arguments = binders.Select(bind => bind(context)).ToArray();
                return (IResult?)await function.Invoker.InvokeAsync(context.RequestServices, arguments);
            });
            await result.ExecuteAsync(context);
        };
    }

    /// <summary>
    /// How each parameter is filled, as the worker fills it: the trigger's <see cref="HttpRequest"/>, a route value by
    /// name, the invocation's cancellation. Anything else would bind differently under the host, so start-up stops.
    /// </summary>
    private static Func<HttpContext, object?>[] Binders(HttpFunction function)
    {
        if (!typeof(Task).IsAssignableFrom(function.Method.ReturnType) || function.Method.ReturnType.GetGenericArguments() is not [{ } result] || !typeof(IResult).IsAssignableFrom(result))
        {
            throw new InvalidOperationException($"HTTP function {function.Name} must return Task<an IResult>.");
        }

        var routeValues = RoutePatternFactory.Parse(function.Route).Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. function.Invoker.Parameters.Select(parameter => Binder(function, parameter, routeValues))];
    }

    private static Func<HttpContext, object?> Binder(HttpFunction function, ParameterInfo parameter, HashSet<string> routeValues)
    {
        if (parameter.ParameterType == typeof(HttpRequest) && parameter.GetCustomAttribute<HttpTriggerAttribute>() is not null)
        {
            return context => context.Request;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context => context.RequestAborted;
        }

        if (parameter.ParameterType == typeof(string) && routeValues.Contains(parameter.Name!))
        {
            var name = parameter.Name!;
            return context => context.Request.RouteValues[name]?.ToString();
        }

        throw new InvalidOperationException(
            $"HTTP function {function.Name}: parameter {parameter.Name} ({parameter.ParameterType.Name}) is neither the trigger's HttpRequest, " +
            "a route value of its route, nor a CancellationToken. Read query strings and headers from the request.");
    }
}
