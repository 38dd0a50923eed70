using Commissioning.Domain.Plans;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Commissioning.Functions.Guidance;

/// <summary>
/// The words a commissioner reads for bands, statuses, points and money. The handler runs with invariant
/// globalization, so British formats (£, thousands separators, "2 March 2026") are written out here rather than
/// taken from a culture.
/// </summary>
public static class GuidanceWording
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Plan fields (the last part of an evidence path) that hold money in pounds.</summary>
    private static readonly HashSet<string> MoneyFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "totalValue", "value", "maximumAward", "minimumAnnualTurnover", "publicLiability",
    };

    public static string Band(Band band) => band switch
    {
        Domain.Scoring.Band.Green => "Green — strong",
        Domain.Scoring.Band.Amber => "Amber — room to improve",
        Domain.Scoring.Band.Red => "Red — needs work",
        _ => band.ToString(),
    };

    /// <summary>The band's word as used in CSS classes and JSON ("green", "amber", "red").</summary>
    public static string BandKey(Band band) => band.ToString().ToLowerInvariant();

    public static string Status(CriterionStatus status) => status switch
    {
        CriterionStatus.Met => "Met",
        CriterionStatus.PartlyMet => "Partly met",
        CriterionStatus.NotMet => "Not met",
        CriterionStatus.NotEvidenced => "Not evidenced (fields missing)",
        CriterionStatus.NotApplicable => "Not applicable",
        _ => status.ToString(),
    };

    /// <summary>The status's word for CSS classes ("met", "partly-met", ...).</summary>
    public static string StatusKey(CriterionStatus status) => status switch
    {
        CriterionStatus.Met => "met",
        CriterionStatus.PartlyMet => "partly-met",
        CriterionStatus.NotMet => "not-met",
        CriterionStatus.NotEvidenced => "not-evidenced",
        _ => "not-applicable",
    };

    public static string Basis(BasisKind kind) => kind switch
    {
        BasisKind.Law => "Law",
        BasisKind.Guidance => "Guidance",
        BasisKind.Rubric => "The rubric's own judgement",
        _ => kind.ToString(),
    };

    /// <summary>"+8.3 points", "+5 points", "+1 point".</summary>
    public static string Gain(decimal gain) => "+" + Points(gain);

    /// <summary>"7.5 points", "1 point".</summary>
    public static string Points(decimal points)
    {
        var rounded = Math.Round(points, 1, MidpointRounding.AwayFromZero);
        return rounded.ToString("0.#", Invariant) + (rounded == 1 ? " point" : " points");
    }

    /// <summary>A number of points without the unit: "7.5", "15".</summary>
    public static string Number(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.#", Invariant);

    /// <summary>"£480,000", "£1,234.50".</summary>
    public static string Money(decimal amount)
    {
        var format = decimal.Truncate(amount) == amount ? "#,0" : "#,0.00";
        var sign = amount < 0 ? "-" : string.Empty;
        return sign + "£" + Math.Abs(amount).ToString(format, Invariant);
    }

    /// <summary>"2 March 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Invariant);

    public static string Months(int months) => months == 1 ? "1 month" : months.ToString(Invariant) + " months";

    /// <summary>
    /// An evidence value as the commissioner reads it: money fields in pounds, everything else as the scorer wrote it.
    /// </summary>
    public static string EvidenceValue(string field, string value)
    {
        var name = field;
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0 && name.EndsWith(']'))
        {
            name = name[..bracket];
        }

        name = name[(name.LastIndexOf('.') + 1)..].Trim('"');
        var number = value.Trim().Trim('"');
        return MoneyFields.Contains(name) && decimal.TryParse(number, NumberStyles.Number, Invariant, out var amount)
            ? Money(amount)
            : value;
    }

    public static string FundingModel(FundingModel model) => model switch
    {
        Domain.Plans.FundingModel.Contract => "Contract",
        Domain.Plans.FundingModel.Grant => "Grant",
        Domain.Plans.FundingModel.Mixed => "Mixed (grant and contract)",
        Domain.Plans.FundingModel.ParticipatoryBudget => "Participatory budget",
        Domain.Plans.FundingModel.CommunityChest => "Community chest",
        _ => Words(model),
    };

    public static string Route(ProcurementRoute route) => route switch
    {
        ProcurementRoute.GrantAward => "Grant award",
        ProcurementRoute.DirectAward => "Direct award",
        ProcurementRoute.BelowThresholdInvited => "Below threshold, invited bidders",
        ProcurementRoute.BelowThresholdOpen => "Below threshold, open to all",
        ProcurementRoute.Open => "Open procedure",
        ProcurementRoute.CompetitiveFlexible => "Competitive flexible procedure",
        ProcurementRoute.LightTouchFlexible => "Light-touch flexible procedure",
        ProcurementRoute.PsrDirectAward => "Provider Selection Regime: direct award",
        ProcurementRoute.PsrMostSuitableProvider => "Provider Selection Regime: most suitable provider",
        ProcurementRoute.PsrCompetitive => "Provider Selection Regime: competitive process",
        _ => Words(route),
    };

    /// <summary>An enum's schema word as a sentence: <c>adult-social-care</c> → "Adult social care".</summary>
    public static string Words<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        var word = typeof(TEnum).GetField(name)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? name;
        var spaced = word.Replace('-', ' ');
        return spaced.Length == 0 ? spaced : char.ToUpperInvariant(spaced[0]) + spaced[1..];
    }
}
