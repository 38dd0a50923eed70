using Commissioning.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;
using Moq;

namespace Commissioning.Functions.Tests.Contract;

/// <summary>
/// The front door's Functions middleware at the one seam nothing real can stand in for here, the worker's
/// <see cref="FunctionContext"/>: invocations that are not HTTP requests (timers, queues), and HTTP invocations of a
/// function the app does not know, go straight to the function, untouched. (Refusals through the middleware are
/// tested against the real worker process in WorkerPathTests.)
/// </summary>
public sealed class FrontDoorMiddlewareTests
{
    private static FrontDoorMiddleware Middleware() =>
        new(new FrontDoor(null!, null!));

    private static Mock<FunctionContext> Invocation(string function, IDictionary<object, object> items)
    {
        var definition = new Mock<FunctionDefinition>();
        definition.SetupGet(d => d.Name).Returns(function);
        var context = new Mock<FunctionContext>(MockBehavior.Strict);
        context.SetupGet(c => c.FunctionDefinition).Returns(definition.Object);
        context.SetupGet(c => c.Items).Returns(items);
        return context;
    }

    [Theory]
    [InlineData("DeliverNotification")]
    [InlineData("WeeklySummary")]
    [InlineData("WriteNarrative")]
    [InlineData("WriteNoticeNarrative")]
    public async Task AnInvocationThatIsNotAnHttpRequestGoesStraightToItsFunction(string function)
    {
        var context = Invocation(function, new Dictionary<object, object>());
        var ran = 0;

        await Middleware().Invoke(context.Object, _ => { ran++; return Task.CompletedTask; });

        Assert.Equal(1, ran);
        context.VerifyGet(c => c.BindingContext, Times.Never);   // nothing read or set on the invocation
    }

    [Fact]
    public async Task AnHttpInvocationOfAFunctionTheAppDoesNotDeclareGoesStraightToIt()
    {
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        var context = Invocation("SomethingElse", new Dictionary<object, object> { ["HttpRequestContext"] = http });
        var ran = 0;

        await Middleware().Invoke(context.Object, _ => { ran++; return Task.CompletedTask; });

        Assert.Equal(1, ran);
        Assert.Equal(200, http.Response.StatusCode);
    }

    [Fact]
    public void EveryHttpFunctionTheMiddlewareGuardsIsKnownByItsNameInTheCatalog()
    {
        foreach (var function in FunctionCatalog.App.Http)
        {
            Assert.Same(function, FunctionCatalog.App.Find(function.Name));
            Assert.Same(function, FunctionCatalog.App.Find(function.Name.ToLowerInvariant()));   // the host's names are case-insensitive
        }

        Assert.IsType<HttpFunction>(FunctionCatalog.App.Find("SubmitPlan"));
        Assert.IsType<QueueFunction>(FunctionCatalog.App.Find("DeliverNotification"));
        Assert.Null(FunctionCatalog.App.Find("NoSuchFunction"));
    }
}
