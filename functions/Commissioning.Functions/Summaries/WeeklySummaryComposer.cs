
namespace Commissioning.Functions.Summaries;

public sealed record ComposedSummary(WeeklySummary Summary, SummaryDocuments Documents);

/// <summary>
/// Reads the five weeks a summary needs (the week and the four before, each from its digest with point reads, side by
/// side) and the published notices imported in the week (from their own index: they are never plans), builds the
/// summary and renders it. Nothing is stored or sent here.
/// </summary>
public sealed class WeeklySummaryComposer(IWeeklyPlanIndex index, IWeeklyNoticeIndex notices, SummaryRenderer renderer)
{
    public async Task<ComposedSummary> ComposeAsync(Council council, IsoWeek week, CancellationToken cancellationToken)
    {
        var thisWeek = index.ReadWeekAsync(council.Code, week, cancellationToken);
        var previous = week.Preceding(WeeklySummaryBuilder.ComparisonWeeks).Select(w => index.ReadWeekAsync(council.Code, w, cancellationToken)).ToList();
        var imported = notices.ReadWeekAsync(council.Code, week, cancellationToken);
        await Task.WhenAll([thisWeek, imported, .. previous]);

        var summary = WeeklySummaryBuilder.Build(council.Code, council.Name, week, thisWeek.Result, [.. previous.SelectMany(p => p.Result)], imported.Result);
        return new ComposedSummary(summary, renderer.Render(summary));
    }

    public string SummaryLink(string council, IsoWeek week) => renderer.SummaryLink(council, week);

    public string SummaryPage(string council) => renderer.SummaryPage(council);
}
