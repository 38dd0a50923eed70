using System.Collections.Concurrent;
using Commissioning.Functions.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Functions.Tests.Infrastructure;

/// <summary>Counts the plan-submitted events the handler raises (the notifications seam).</summary>
public sealed class RecordingListener : IPlanSubmittedHandler
{
    public ConcurrentQueue<PlanSubmitted> Events { get; } = new();

    public Task HandleAsync(PlanSubmitted submitted, CancellationToken cancellationToken)
    {
        Events.Enqueue(submitted);
        return Task.CompletedTask;
    }

    public int For(string reference) => Events.Count(e => e.Summary.Reference == reference);
}

/// <summary>An API whose plan-submitted events are recorded.</summary>
public sealed class PlanFixture : ApiFixture
{
    public RecordingListener Listener { get; } = new();

    protected override CommissioningApi CreateApi() => new(Azurite, services => services.AddSingleton<IPlanSubmittedHandler>(Listener));
}
