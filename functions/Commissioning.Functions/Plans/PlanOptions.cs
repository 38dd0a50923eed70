using System.ComponentModel.DataAnnotations;

namespace Commissioning.Functions.Plans;

public sealed class PlanOptions
{
    public const string Section = "Commissioning:Plans";

    /// <summary>The largest plan document accepted (413 above it). Also the server's request body limit.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxDocumentBytes { get; set; } = 1024 * 1024;
}
