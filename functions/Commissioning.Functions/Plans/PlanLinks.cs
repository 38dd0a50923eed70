using Commissioning.Functions.Guidance;

namespace Commissioning.Functions.Plans;

/// <summary>Root-relative addresses of one plan version's scorecard and guidance.</summary>
public sealed record PlanLinks(string Scorecard, string Latest, string GuidanceHtml, string GuidanceMarkdown)
{
    public static PlanLinks For(string council, string reference, int version)
    {
        var plan = $"/api/plans/{Uri.EscapeDataString(council)}/{Uri.EscapeDataString(reference)}";
        return new PlanLinks(
            $"{plan}?version={version}",
            plan,
            $"{plan}/guidance?format=html&version={version}",
            $"{plan}/guidance?format=md&version={version}");
    }

    public GuidanceLinks ForGuidance() => new(Scorecard, GuidanceHtml, GuidanceMarkdown);
}
