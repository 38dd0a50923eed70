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
    public static IReadOnlyList<string> Problems(AdvisorAnswer answer, Scorecard scorecard, AdvisorOptions limits)
    {
        var problems = new List<string>();
        var subjects = Subject.From(scorecard);

        CheckText("summary", answer.Summary, limits.SummaryMaxLength, subjects, problems);

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

            CheckText($"advice for {id}", advice.Advice, limits.AdviceMaxLength, subjects, problems);
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
                if (!candidates.Any(s => s.Score == score))
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

    /// <summary>Something a sentence can make a claim about: the plan overall, or one dimension.</summary>
    private sealed record Subject(string Name, int Score, Band Band, IReadOnlyList<string> Names)
    {
        public bool IsNamedIn(string normalisedSentence) =>
            Names.Any(n => normalisedSentence.Contains(n, StringComparison.Ordinal));

        public static IReadOnlyList<Subject> From(Scorecard scorecard)
        {
            var subjects = new List<Subject>
            {
                new("the plan overall", scorecard.Overall.Score, scorecard.Overall.Band,
                    [" overall ", " the plan ", " this plan ", " your plan "]),
            };
            foreach (var dimension in scorecard.Dimensions)
            {
                var names = new[] { dimension.Id, dimension.Title }
                    .Where(n => !string.IsNullOrWhiteSpace(n))
                    .Select(Normalise)
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                subjects.Add(new Subject(dimension.Title, dimension.Score, dimension.Band, names));
            }

            return subjects;
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

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NotWord();
}
