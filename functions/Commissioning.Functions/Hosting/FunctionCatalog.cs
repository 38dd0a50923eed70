using System.Reflection;

namespace Commissioning.Functions.Hosting;

/// <summary>
/// Every function of the app, read once from the same <c>[Function]</c> and trigger attributes the Functions SDK reads
/// to write <c>functions.metadata</c>: one source of truth for the host, the local runner, the front door's access
/// rules and the API document.
/// </summary>
public sealed class FunctionCatalog
{
    private readonly Dictionary<string, FunctionDescriptor> _byName;

    private FunctionCatalog(IReadOnlyList<FunctionDescriptor> functions)
    {
        Functions = functions;
        _byName = functions.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The functions of this app.</summary>
    public static FunctionCatalog App { get; } = Read(typeof(FunctionCatalog).Assembly);

    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    public IEnumerable<HttpFunction> Http => Functions.OfType<HttpFunction>();

    public IEnumerable<TimerFunction> Timers => Functions.OfType<TimerFunction>();

    public IEnumerable<QueueFunction> Queues => Functions.OfType<QueueFunction>();

    public FunctionDescriptor? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Reads and checks every function in <paramref name="assembly"/>; a function the runner could not host stops start-up.</summary>
    public static FunctionCatalog Read(Assembly assembly)
    {
        var functions = new List<FunctionDescriptor>();
        foreach (var method in assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is { } function)
            {
                functions.Add(Describe(function.Name, method));
            }
        }

        var duplicate = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two functions are named {duplicate.Key}.");
        }

        return new FunctionCatalog([.. functions.OrderBy(f => f.Name, StringComparer.Ordinal)]);
    }

    private static FunctionDescriptor Describe(string name, MethodInfo method)
    {
        var triggers = method.GetParameters()
            .Select(p => (Parameter: p, Trigger: p.GetCustomAttributes().FirstOrDefault(a => a is HttpTriggerAttribute or TimerTriggerAttribute or QueueTriggerAttribute)))
            .Where(p => p.Trigger is not null)
            .ToList();
        if (triggers.Count != 1)
        {
            throw new InvalidOperationException($"Function {name} ({method.DeclaringType?.Name}.{method.Name}) must have exactly one trigger parameter.");
        }

        var (parameter, trigger) = triggers[0];
        var invoker = new FunctionInvoker(name, method);
        return trigger switch
        {
            HttpTriggerAttribute http => new HttpFunction(name, method, invoker, http.Route ?? name, [.. (http.Methods ?? []).Select(m => m.ToUpperInvariant())],
                method.GetCustomAttribute<AccessAttribute>()
                    ?? throw new InvalidOperationException($"HTTP function {name} must say who may call it with [Access(...)]."),
                method.GetCustomAttribute<RequestBodyAttribute>()),
            TimerTriggerAttribute timer => new TimerFunction(name, method, invoker, timer.Schedule, timer.RunOnStartup, timer.UseMonitor),
            QueueTriggerAttribute queue => new QueueFunction(name, method, invoker, queue.QueueName, queue.Connection),
            _ => throw new InvalidOperationException($"Function {name}: trigger {parameter.Name} is not one the app uses."),
        };
    }
}

/// <summary>One function: its name (as in functions.metadata), the method that implements it and how to call it.</summary>
public abstract record FunctionDescriptor(string Name, MethodInfo Method, FunctionInvoker Invoker);

/// <summary>
/// An HTTP function: its route template below the host's route prefix and its methods (none means any), who may call
/// it, and the largest body it takes.
/// </summary>
public sealed record HttpFunction(
    string Name, MethodInfo Method, FunctionInvoker Invoker, string Route, IReadOnlyList<string> Methods, AccessAttribute Access, RequestBodyAttribute? Body)
    : FunctionDescriptor(Name, Method, Invoker)
{
    public long MaxBodyBytes => Body?.MaxBytes ?? RequestBodyAttribute.DefaultMaxBytes;
}

/// <summary>A timer function: its NCRONTAB schedule, possibly a <c>%Setting%</c> to resolve from configuration.</summary>
public sealed record TimerFunction(string Name, MethodInfo Method, FunctionInvoker Invoker, string Schedule, bool RunOnStartup, bool UseMonitor)
    : FunctionDescriptor(Name, Method, Invoker);

/// <summary>A queue-triggered function: its queue (poison messages go to <c>{queue}-poison</c>) and connection setting.</summary>
public sealed record QueueFunction(string Name, MethodInfo Method, FunctionInvoker Invoker, string QueueName, string? Connection)
    : FunctionDescriptor(Name, Method, Invoker)
{
    public string PoisonQueueName => QueueName + "-poison";
}

/// <summary>
/// The largest request body an HTTP function accepts (413 ProblemDetails above it, never a dropped connection). A
/// function without one accepts <see cref="DefaultMaxBytes"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequestBodyAttribute(long maxBytes) : Attribute
{
    public const long DefaultMaxBytes = 1024 * 1024;

    public long MaxBytes { get; } = maxBytes;

    /// <summary>What to send instead, added to the 413's detail (e.g. "send the release package instead").</summary>
    public string? Advice { get; init; }
}
