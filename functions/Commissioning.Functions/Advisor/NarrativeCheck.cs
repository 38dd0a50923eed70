using Commissioning.Domain.Notices;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Commissioning.Functions.Advisor;

/// <summary>
/// Checks a model's answer against the scorecard before anyone reads it. An answer passes only if it breaks none
/// of these rules:
/// <list type="number">
/// <item>Length: the summary has 1 to <c>SummaryMaxLength</c> characters, each advice 1 to <c>AdviceMaxLength</c>.</item>
/// <item>Criteria: each advice names, once, a criterion of the scorecard that is partly met, not met or not evidenced.</item>
/// <item>Scores: a score claim is "N/100", "N out of 100", or a form of "score" followed by a number
/// ("scores 62", "scored 62", "a score of 62").</item>
/// <item>Bands: a band claim is green, amber or red (not "red tape", "red flag", "red line") in a sentence that
/// names a subject or speaks of a band or rating.</item>
/// <item>Claims are read sentence by sentence. A sentence's subjects are "overall" (the words overall, the plan,
/// this plan, your plan) and each dimension it names by title or id. A claim must equal the score or band of one of
/// its sentence's subjects; in a sentence with no subject it must equal some score or band on the scorecard.</item>
/// <item>Words: never "unlawful" or "illegal" — alerts say "check with your procurement/legal team".</item>
/// </list>
/// </summary>
public static partial class NarrativeCheck
{
    public static IReadOnlyList<string> Problems(AdvisorAnswer answer, Scorecard scorecard, AdvisorOptions limits) =>
        Problems(answer, scorecard, Subject.From(scorecard), isNotice: false, limits);

    /// <summary>
    /// The same rules for a notice's narrative, against the notice scorecard: its subjects are the notice overall (the
    /// words overall, the notice, this notice) and each dimension, whose score may also be the score of what the notice
    /// shows; a withheld band is no band, so any band claimed for it is a problem. And a sentence that speaks of this or
    /// your plan, or of a plan the council submitted, without a "not" or "never", is a problem: it is a notice.
    /// </summary>
    public static IReadOnlyList<string> Problems(AdvisorAnswer answer, NoticeScorecard notice, AdvisorOptions limits) =>
        Problems(answer, notice.Scorecard, Subject.From(notice), isNotice: true, limits);

    private static List<string> Problems(AdvisorAnswer answer, Scorecard scorecard, IReadOnlyList<Subject> subjects, bool isNotice, AdvisorOptions limits)
    {
        var problems = new List<string>();
        void Check(string where, string? text, int maxLength)
        {
            CheckText(where, text, maxLength, subjects, problems);
            if (isNotice)
            {
                CheckNoPlanClaim(where, text, problems);
            }
        }

        Check("summary", answer.Summary, limits.SummaryMaxLength);

        var criteria = scorecard.Dimensions.SelectMany(d => d.Criteria).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var advised = new HashSet<string>(StringComparer.Ordinal);
        foreach (var advice in answer.Advice)
        {
            var id = advice.CriterionId;
            if (!criteria.TryGetValue(id, out var criterion))
            {
                problems.Add($"advice for criterion '{Shorten(id)}', which is not on the scorecard");
                continue;
            }

            if (!IsNotFullyMet(criterion.Status))
            {
                problems.Add($"advice for criterion {id}, which is {Words(criterion.Status)} and needs none");
            }

            if (!advised.Add(id))
            {
                problems.Add($"more than one advice for criterion {id}");
            }

            Check($"advice for {id}", advice.Advice, limits.AdviceMaxLength);
        }

        return problems;
    }

    public static bool IsNotFullyMet(CriterionStatus status) =>
        status is CriterionStatus.PartlyMet or CriterionStatus.NotMet or CriterionStatus.NotEvidenced;

    private static void CheckText(string where, string? text, int maxLength, IReadOnlyList<Subject> subjects, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"{where} is empty");
            return;
        }

        if (text.Length > maxLength)
        {
            problems.Add($"{where} has {text.Length} characters; the limit is {maxLength}");
        }

        if (ForbiddenWord().Match(text) is { Success: true } forbidden)
        {
            problems.Add($"{where} says '{forbidden.Value.ToLowerInvariant()}'; alerts ask the reader to check with their procurement/legal team");
        }

        foreach (var sentence in SentenceBreak().Split(text))
        {
            var normalised = Normalise(sentence);
            var named = subjects.Where(s => s.IsNamedIn(normalised)).ToList();
            var candidates = named.Count > 0 ? named : subjects;

            foreach (var score in ScoreClaims(sentence))
            {
                if (!candidates.Any(s => s.Scores.Contains(score)))
                {
                    problems.Add($"{where} states a score of {score.ToString(CultureInfo.InvariantCulture)}, which the scorecard does not give {Describe(named)}");
                }
            }

            var speaksOfBands = named.Count > 0 || RatingWord().IsMatch(sentence);
            if (!speaksOfBands)
            {
                continue;
            }

            foreach (Match match in BandWord().Matches(sentence))
            {
                var band = Enum.Parse<Band>(match.Value, ignoreCase: true);
                if (!candidates.Any(s => s.Band == band))
                {
                    problems.Add($"{where} calls {(named.Count > 0 ? string.Join(" or ", named.Select(s => s.Name)) : "something")} {band.ToString().ToLowerInvariant()}, which the scorecard does not");
                }
            }
        }
    }

    private static IEnumerable<decimal> ScoreClaims(string sentence)
    {
        foreach (var regex in new[] { OutOfHundred(), ScoreFollowedByNumber() })
        {
            foreach (Match match in regex.Matches(sentence))
            {
                yield return decimal.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            }
        }
    }

    private static string Describe(IReadOnlyList<Subject> named) =>
        named.Count == 0 ? "anywhere" : "for " + string.Join(" or ", named.Select(s => s.Name));

    private static string Words(CriterionStatus status) => status switch
    {
        CriterionStatus.Met => "met",
        CriterionStatus.NotApplicable => "not applicable",
        _ => status.ToString(),
    };

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";

    /// <summary>Lower-case words between single spaces, punctuation gone: "Co-design," and "co design" read alike.</summary>
    internal static string Normalise(string text) =>
        " " + NotWord().Replace(text.ToLowerInvariant(), " ").Trim() + " ";

    /// <summary>
    /// Something a sentence can make a claim about: the plan (or notice) overall, or one dimension, with the scores it
    /// may be given and its band (none when a notice's band is withheld).
    /// </summary>
    private sealed record Subject(string Name, IReadOnlyList<decimal> Scores, Band? Band, IReadOnlyList<string> Names)
    {
        public bool IsNamedIn(string normalisedSentence) =>
            Names.Any(n => normalisedSentence.Contains(n, StringComparison.Ordinal));

        public static IReadOnlyList<Subject> From(Scorecard scorecard) =>
        [
            new("the plan overall", [scorecard.Overall.Score], scorecard.Overall.Band, [" overall ", " the plan ", " this plan ", " your plan "]),
            .. scorecard.Dimensions.Select(d => new Subject(d.Title, [d.Score], d.Band, DimensionNames(d.Id, d.Title))),
        ];

        public static IReadOnlyList<Subject> From(NoticeScorecard notice) =>
        [
            new("the notice overall", [notice.Overall.Score], notice.Overall.Band, [" overall ", " the notice ", " this notice "]),
            .. notice.Dimensions.Select(d => new Subject(d.Title,
                d.EvidencedOnlyScore is { } shown ? [d.Score, shown] : [d.Score], d.Band, DimensionNames(d.Id, d.Title))),
        ];

        private static List<string> DimensionNames(string id, string title) =>
            [.. new[] { id, title }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(Normalise).Distinct(StringComparer.Ordinal)];
    }

    private static void CheckNoPlanClaim(string where, string? text, List<string> problems)
    {
        foreach (var sentence in SentenceBreak().Split(text ?? string.Empty))
        {
            if (PlanClaim().Match(sentence) is { Success: true } claim && !Negation().IsMatch(sentence))
            {
                problems.Add($"{where} speaks of '{claim.Value.ToLowerInvariant()}'; this is a published notice, not a plan the council submitted");
            }
        }
    }

    [GeneratedRegex(@"(?<=[.!?;])\s+|\r?\n+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"(?<![\d.])(?<n>\d{1,3}(?:\.\d+)?)\s*(?:/|out\s+of)\s*100\b", RegexOptions.IgnoreCase)]
    private static partial Regex OutOfHundred();

    [GeneratedRegex(@"\bscor(?:e|es|ed|ing)\s+(?:(?:of|is|was|at|just|only|about|around|a|an|now)\s+)*(?<n>\d{1,3}(?:\.\d+)?)\b(?!\s*(?:%|per\s*cent|percent|questions?|words|days|points|/|out\s+of))", RegexOptions.IgnoreCase)]
    private static partial Regex ScoreFollowedByNumber();

    [GeneratedRegex(@"\b(?:green|amber|red)\b(?!\s+(?:tape|flags?|lines?|herrings?))", RegexOptions.IgnoreCase)]
    private static partial Regex BandWord();

    [GeneratedRegex(@"\b(?:band|banded|bands|rated|rating|rag)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RatingWord();

    [GeneratedRegex(@"\b(?:unlawful|illegal)", RegexOptions.IgnoreCase)]
    private static partial Regex ForbiddenWord();

    [GeneratedRegex(@"\b(?:(?:this|your|the\s+council'?s)\s+(?:commissioning\s+)?plan|submitted\s+(?:a|the|its|this)\s+(?:commissioning\s+)?plan|(?:commissioning\s+)?plan\s+(?:that\s+)?the\s+council\s+submitted|plan\s+submitted\s+by)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PlanClaim();

    [GeneratedRegex(@"\b(?:not|never|no|isn't|wasn't)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NotWord();
}
