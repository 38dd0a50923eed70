
namespace Commissioning.Functions.Summaries;

public sealed record ComposedSummary(WeeklySummary Summary, SummaryDocuments Documents);

/// <summary>
/// Reads the five weeks a summary needs (the week and the four before, each from its digest with point reads, side by
/// side), builds the summary and renders it. Nothing is stored or sent here.
/// </summary>
public sealed class WeeklySummaryComposer(IWeeklyPlanIndex index, SummaryRenderer renderer)
{
    public async Task<ComposedSummary> ComposeAsync(Council council, IsoWeek week, CancellationToken cancellationToken)
    {
        var thisWeek = index.ReadWeekAsync(council.Code, week, cancellationToken);
        var previous = week.Preceding(WeeklySummaryBuilder.ComparisonWeeks).Select(w => index.ReadWeekAsync(council.Code, w, cancellationToken)).ToList();
        await Task.WhenAll([thisWeek, .. previous]);

        var summary = WeeklySummaryBuilder.Build(council.Code, council.Name, week, thisWeek.Result, [.. previous.SelectMany(p => p.Result)]);
        return new ComposedSummary(summary, renderer.Render(summary));
    }

    public string SummaryLink(string council, IsoWeek week) => renderer.SummaryLink(council, week);

    public string SummaryPage(string council) => renderer.SummaryPage(council);
}
