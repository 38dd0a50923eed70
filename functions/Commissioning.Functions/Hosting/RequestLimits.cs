using Commissioning.Functions.Plans;

namespace Commissioning.Functions.Hosting;

public static class RequestLimits
{
    /// <summary>The server refuses bodies above the plan size limit (413 ProblemDetails, never a dropped connection).</summary>
    public static WebApplicationBuilder LimitRequestBodies(this WebApplicationBuilder builder)
    {
        var limit = builder.Configuration.GetValue<int?>($"{PlanOptions.Section}:{nameof(PlanOptions.MaxDocumentBytes)}") ?? new PlanOptions().MaxDocumentBytes;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limit);
        return builder;
    }
}
