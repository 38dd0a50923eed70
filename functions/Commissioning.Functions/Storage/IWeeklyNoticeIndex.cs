
namespace Commissioning.Functions.Storage;

/// <summary>
/// The published notices imported for a council in one ISO week, as the weekly summary lists them. Notices write it
/// and summaries read it; neither knows the other.
/// </summary>
public interface IWeeklyNoticeIndex
{
    Task<IReadOnlyList<WeeklyNoticeEntry>> ReadWeekAsync(string council, IsoWeek week, CancellationToken cancellationToken);
}
