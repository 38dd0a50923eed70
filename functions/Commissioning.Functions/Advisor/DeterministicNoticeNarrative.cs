using Commissioning.Domain.Notices;
using System.Globalization;
using System.Text;
using Commissioning.Functions.Guidance;

namespace Commissioning.Functions.Advisor;

/// <summary>
/// The narrative of a notice written from its notice scorecard alone: used whenever the model's answer cannot be used.
/// It opens with the notice label, restates only what the notice scorecard says (a withheld band is never given), and
/// speaks of the notice, never of a plan the council submitted, so it always passes <see cref="NarrativeCheck"/>.
/// </summary>
public static class DeterministicNoticeNarrative
{
    public static GuidanceNarrative From(NoticeScorecard notice, AdvisorFallbackReason reason) =>
        new(NarrativeSources.Deterministic, Summary(notice), AdviceByCriterion(notice), reason.ForReader);

    public static string Summary(NoticeScorecard notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var text = new StringBuilder(notice.Label);
        text.Append(CultureInfo.InvariantCulture, $" Overall this notice scores {notice.Overall.Score} out of 100, ")
            .Append(notice.Overall.Band is { } band ? $"which is {DeterministicNarrative.Word(band)}." : "with its band withheld: too little of it could be read to band it.");

        if (notice.Dimensions.Count > 0)
        {
            var parts = notice.Dimensions
                .Select(d => string.Create(CultureInfo.InvariantCulture,
                    $"{d.Title} scores {d.Score} out of 100 with {d.CoveragePercent}% read from the notice ({(d.Band is { } b ? DeterministicNarrative.Word(b) : "band withheld")})"))
                .ToList();
            text.Append(' ').Append(DeterministicNarrative.JoinAsList(parts)).Append('.');
        }

        text.Append(' ').Append(notice.Scorecard.Alerts.Count switch
        {
            0 => "No compliance alert stands on what the notice shows.",
            1 => "There is 1 compliance alert on what the notice shows: check it with your procurement/legal team.",
            var n => $"There are {n} compliance alerts on what the notice shows: check them with your procurement/legal team.",
        });

        text.Append(' ').Append(notice.Questions.Count switch
        {
            0 => "Every criterion could be read from the notice.",
            1 => "There is 1 question for councillors to ask, for the criterion the notice does not show.",
            var n => $"There are {n} questions for councillors to ask, for the criteria the notice does not show.",
        });

        return text.ToString();
    }

    /// <summary>Each criterion not fully met: its question for councillors when the notice does not show it, else its own recommendation.</summary>
    public static IReadOnlyDictionary<string, string> AdviceByCriterion(NoticeScorecard notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var advice = new Dictionary<string, string>(DeterministicNarrative.AdviceByCriterion(notice.Scorecard), StringComparer.Ordinal);
        foreach (var question in notice.Questions.Where(q => advice.ContainsKey(q.CriterionId)))
        {
            advice[question.CriterionId] = "Ask: " + question.Question;
        }

        return advice;
    }
}
