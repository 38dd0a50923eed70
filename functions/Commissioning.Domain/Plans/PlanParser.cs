namespace Commissioning.Domain.Plans;

/// <summary>One problem with a submitted document, named by JSON path (e.g. <c>$.budget.totalValue</c>).</summary>
public sealed record ValidationProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>The outcome of reading a plan: the plan when it is valid, and every problem found in one pass.</summary>
public sealed record PlanParseResult(Plan? Plan, IReadOnlyList<ValidationProblem> Problems)
{
    public bool IsValid => Plan is not null && Problems.Count == 0;
}

/// <summary>Reads a plan document, collecting every problem by JSON path. (Implementation: validation work item.)</summary>
public static partial class PlanParser
{
    public static PlanParseResult Parse(ReadOnlySpan<byte> utf8Json) => throw new NotImplementedException();

    public static PlanParseResult Parse(string json) => Parse(System.Text.Encoding.UTF8.GetBytes(json));
}
