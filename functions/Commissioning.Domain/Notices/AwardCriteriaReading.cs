using System.Globalization;
using System.Text.Json;

namespace Commissioning.Domain.Notices;

/// <summary>
/// Award criteria → the plan's weighting (design: notices.md §5.4). A weight is a <c>numbers[]</c> entry whose
/// <c>weight</c> is <c>percentageExact</c> (or <c>percentageRangeMiddle</c>), or, for Scotland and Wales, a number
/// written in the criterion's description. A criterion is classified by its name first — FTS has typed "Social Value"
/// as <c>cost</c> — then by its type.
/// </summary>
internal static class AwardCriteriaReading
{
    public sealed record Reading(Weighting? Weighting, string Signature, string? Note, IReadOnlyList<string> Paths);

    private enum Kind { Price, Quality, SocialValue, Unclassified }

    /// <summary>The weighting one list of criteria states; null when it states no percentage at all.</summary>
    public static Reading? Read(JsonElement awardCriteria, string path)
    {
        decimal price = 0, quality = 0, social = 0, total = 0;
        bool anyPrice = false, anySocial = false, anyUnclassified = false;
        var parts = new List<string>(4);
        var paths = new List<string>(4);
        var i = 0;
        foreach (var criterion in awardCriteria.Items("criteria"))
        {
            var criterionPath = OcdsJson.Index(path + ".criteria", i++);
            var (weight, weightPath) = WeightOf(criterion, criterionPath);
            if (weight is not { } w)
            {
                continue;
            }
            paths.Add(weightPath);
            total += w;
            var name = criterion.Text("name");
            var kind = KindOf(name, criterion.Text("type"));
            parts.Add($"{name ?? criterion.Text("type") ?? "unnamed"} {Number(w)}");
            switch (kind)
            {
                case Kind.Price: price += w; anyPrice = true; break;
                case Kind.Quality: quality += w; break;
                case Kind.SocialValue: social += w; anySocial = true; break;
                default: anyUnclassified = true; break;
            }
        }
        if (paths.Count == 0)
        {
            return null;
        }
        var signature = string.Join(", ", parts);
        if (total > 100)
        {
            return new Reading(null, signature, $"The weights add up to {Number(total)}, more than 100, so they are not read as percentages ({signature}).", paths);
        }
        if (total == 100 && !anyUnclassified)
        {
            // A complete list: a kind it does not name is weighted 0 — except social value, which is often scored
            // inside quality and so is only read when a criterion is named for it.
            return new Reading(new Weighting { Price = price, Quality = quality, SocialValue = anySocial ? social : null }, signature, null, paths);
        }
        var why = anyUnclassified ? "a criterion of no known kind" : $"the weights add up to {Number(total)}, not 100";
        var partial = new Weighting { Price = anyPrice ? price : null, SocialValue = anySocial ? social : null };
        return new Reading(partial.Price is null && partial.SocialValue is null ? null : partial, signature,
            $"Only part of the weighting can be read ({why}: {signature}); quality is left unknown rather than inferred.", paths);
    }

    private static (decimal? Weight, string Path) WeightOf(JsonElement criterion, string path)
    {
        var n = 0;
        foreach (var number in criterion.Items("numbers"))
        {
            if (number.Text("weight") is "percentageExact" or "percentageRangeMiddle" && number.Number("number") is { } value)
            {
                return (value, OcdsJson.Index(path + ".numbers", n) + ".number");
            }
            n++;
        }
        return (criterion.NumberInText("description"), path + ".description");
    }

    private static Kind KindOf(string? name, string? type)
    {
        var words = name ?? "";
        if (words.Contains("social value", StringComparison.OrdinalIgnoreCase))
        {
            return Kind.SocialValue;
        }
        switch (type)
        {
            case "price" or "cost":
                return Kind.Price;
            case "quality":
                return Kind.Quality;
        }
        if (words.Contains("price", StringComparison.OrdinalIgnoreCase) || words.Contains("cost", StringComparison.OrdinalIgnoreCase))
        {
            return Kind.Price;
        }
        return words.Contains("quality", StringComparison.OrdinalIgnoreCase) || words.Contains("technical", StringComparison.OrdinalIgnoreCase)
            ? Kind.Quality
            : Kind.Unclassified;
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
