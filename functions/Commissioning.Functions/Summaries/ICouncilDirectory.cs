using Commissioning.Domain.Councils;

namespace Commissioning.Functions.Summaries;

/// <summary>The registered councils and their councillors (who receive the weekly summary).</summary>
public interface ICouncilDirectory
{
    Task<IReadOnlyList<Council>> ListAsync(CancellationToken cancellationToken);
    Task<Council?> GetAsync(string code, CancellationToken cancellationToken);
}
