using System.Reflection;

namespace Commissioning.Functions.Hosting;

/// <summary>
/// Calls a function the way the worker's generated executor does: a new instance of its class per invocation, made
/// from the invocation's services, then the method with the bound arguments, awaited. Used by the local runner.
/// </summary>
public sealed class FunctionInvoker(string name, MethodInfo method)
{
    private readonly Lazy<ObjectFactory?> _factory = new(() =>
        method.IsStatic ? null : ActivatorUtilities.CreateFactory(method.DeclaringType!, Type.EmptyTypes));

    private readonly Lazy<PropertyInfo?> _result = new(() => ResultOf(method.ReturnType));

    public IReadOnlyList<ParameterInfo> Parameters { get; } = method.GetParameters();

    /// <summary>Invokes the function; the value is what it returned (null for Task or void).</summary>
    public async Task<object?> InvokeAsync(IServiceProvider services, object?[] arguments)
    {
        var instance = _factory.Value?.Invoke(services, []);
        try
        {
            object? returned;
            try
            {
                returned = method.Invoke(instance, arguments);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }

            switch (returned)
            {
                case Task task:
                    await task;
                    return _result.Value?.GetValue(task);
                case ValueTask valueTask:
                    await valueTask;
                    return null;
                default:
                    if (returned is not null && returned.GetType().IsGenericType && returned.GetType().GetGenericTypeDefinition() == typeof(ValueTask<>))
                    {
                        var asTask = (Task)returned.GetType().GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!;
                        await asTask;
                        return asTask.GetType().GetProperty(nameof(Task<int>.Result))!.GetValue(asTask);
                    }

                    return returned;
            }
        }
        finally
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    public override string ToString() => name;

    private static PropertyInfo? ResultOf(Type returnType) =>
        returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>) ? returnType.GetProperty(nameof(Task<int>.Result)) : null;
}
