using Microsoft.Azure.Functions.Worker.Middleware;

namespace Commissioning.Functions.Hosting;

/// <summary>
/// The front door under the Functions host. The worker's ASP.NET Core pipeline is fixed (ASP.NET Core middleware that
/// answers without calling the function stalls the invocation), so the checks run as Functions middleware: a request
/// that is refused never reaches the function, and its answer is set as the invocation's result.
/// </summary>
public sealed class FrontDoorMiddleware(FrontDoor frontDoor) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http || FunctionCatalog.App.Find(context.FunctionDefinition.Name) is not HttpFunction function)
        {
            await next(context);
            return;
        }

        var bindingData = context.BindingContext.BindingData;
        var result = await frontDoor.RunAsync(http, function, name => bindingData.TryGetValue(name, out var value) ? value?.ToString() : null, async () =>
        {
            await next(context);
            return context.GetInvocationResult().Value as IResult;
        });
        context.GetInvocationResult().Value = result;
    }
}
