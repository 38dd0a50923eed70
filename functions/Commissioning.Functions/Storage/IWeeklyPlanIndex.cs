
namespace Commissioning.Functions.Storage;

/// <summary>The plans submitted to a council in one ISO week, as the weekly summary needs them.</summary>
public interface IWeeklyPlanIndex
{
    Task<IReadOnlyList<WeeklyPlanEntry>> ReadWeekAsync(string council, IsoWeek week, CancellationToken cancellationToken);
}
