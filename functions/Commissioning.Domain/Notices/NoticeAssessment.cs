using System.Globalization;

namespace Commissioning.Domain.Notices;

/// <summary>
/// Every contracting process in a notice body, one at a time: compile, decide whether it is scored, map, score through
/// the notice lens, check the buyer. Results are yielded as they are made and each process's document is released
/// before the next is read, so memory does not grow with the size of the package.
/// </summary>
public static class NoticeAssessment
{
    /// <param name="councilCode">The council of the request (a GSS code); never read from the notice.</param>
    /// <param name="council">The council's record, for local postcode districts and the buyer check; null when not registered.</param>
    /// <param name="today">The date of scoring: thresholds are those in force on the notice's publication date, else on this date.</param>
    public static IEnumerable<NoticeResult> ScoreEach(NoticeBatch batch, string councilCode, Council? council, Rubric rubric, NoticeLens lens, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentException.ThrowIfNullOrWhiteSpace(councilCode);
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(lens);
        return Each(batch, councilCode, council, rubric, lens, today);
    }

    private static IEnumerable<NoticeResult> Each(NoticeBatch batch, string councilCode, Council? council, Rubric rubric, NoticeLens lens, DateOnly today)
    {
        foreach (var process in batch.Processes)
        {
            using var compiled = NoticeCompiler.Compile(process);
            yield return Assess(compiled, batch.Licence, councilCode, council, rubric, lens, today);
        }
    }

    /// <summary>One compiled process.</summary>
    public static NoticeResult Assess(CompiledNotice compiled, string? licence, string councilCode, Council? council, Rubric rubric, NoticeLens lens, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        var stage = NoticeStage.Of(compiled);
        var result = new NoticeResult
        {
            Ocid = compiled.Ocid,
            Status = stage.Status,
            Reason = stage.Reason,
            ReleaseIds = compiled.ReleaseIds,
            Buyer = NoticeBuyer.From(compiled.Release),
        };
        result = result with { BuyerMatch = council is not null && result.Buyer is { } buyer ? buyer.Matches(council) : null };
        if (stage.Status != NoticeProcessStatus.Scored)
        {
            return result;
        }
        var mapped = new NoticeMapping(compiled, stage).Map(councilCode, licence);
        if (mapped.Facts.TooManyLots)
        {
            return result with
            {
                Status = NoticeProcessStatus.NotScored,
                Reason = string.Create(CultureInfo.InvariantCulture, $"The tender has more than {NoticeLimits.MaxLotsPerTender} lots; the most read for one tender is {NoticeLimits.MaxLotsPerTender}."),
            };
        }
        return result with { Scorecard = NoticeScoring.Score(mapped, rubric, lens, council, today) };
    }
}
