
namespace Commissioning.Functions.Shared;

/// <summary>The registered councils: what scoring reads of "local", and who receives the weekly summary.</summary>
public interface ICouncilDirectory
{
    Task<IReadOnlyList<Council>> ListAsync(CancellationToken cancellationToken);
    Task<Council?> GetAsync(string code, CancellationToken cancellationToken);
}
