using System.Globalization;
using System.Text.Json;

namespace Commissioning.Domain.Notices;

/// <summary>An amount read from an OCDS Value, with its VAT basis and where it was read.</summary>
internal sealed record AmountReading(decimal Amount, VatBasis Basis, string Path);

internal sealed partial class NoticeMapping
{
    private (Budget? Budget, AmountReading? Value) MapBudget()
    {
        var value = TotalValue();
        var (term, extension) = Term();
        if (tender.Object("minValue") is { } minimum && ReadAmount(minimum, "$.tender.minValue", null) is { } min)
        {
            record.Context("minimum value (shown, not interpreted: buyers have put an annual figure here beside a whole-term value)",
                Wording.Money(min.Amount), min.Path);
        }
        return value is null && term is null && extension is null
            ? (null, null)
            : (new Budget { TotalValue = value?.Amount, TermMonths = term, ExtensionMonths = extension }, value);
    }

    /// <summary>
    /// The whole value, gross first (design: notices.md §5.3): FTS <c>amountGross</c>; else <c>amount</c> (net for FTS,
    /// VAT not stated elsewhere); else, for lots, their values summed when every lot has one. Never grossed up by 20%:
    /// many care services are VAT-exempt and FTS's own pairs are not always × 1.2.
    /// </summary>
    private AmountReading? TotalValue()
    {
        var unknown = new List<string>(2);
        var value = ReadAmount(tender.Object("value"), "$.tender.value", unknown);
        if (value is null && !NoticeShapes.IsContractsFinder(shape))
        {
            value = SumOfLots();
        }
        foreach (var why in unknown)
        {
            record.Note($"The value is not known: {why}.");
        }
        if (value is null)
        {
            return null;
        }
        var note = value.Basis switch
        {
            VatBasis.Included => "gross (VAT included)",
            VatBasis.Excluded => "net: FTS gives no gross amount, and VAT is not added (many services are VAT-exempt)",
            _ => "the notice does not say whether VAT is included",
        };
        record.Set("$.budget.totalValue", Wording.Number(value.Amount), value.Path.Contains(", ", StringComparison.Ordinal) ? MappingMethod.Derived : MappingMethod.Direct,
            value.Path.Split(", "), note);
        return value;
    }

    private AmountReading? SumOfLots()
    {
        decimal total = 0;
        VatBasis? basis = null;
        var paths = new List<string>();
        var i = -1;
        foreach (var lot in tender.Items("lots"))
        {
            i++;
            if (IsWithdrawn(lot))
            {
                continue;
            }
            if (ReadAmount(lot.Object("value"), OcdsJson.Index("$.tender.lots", i) + ".value", null) is not { } lotValue || (basis is { } b && b != lotValue.Basis))
            {
                return null;
            }
            basis = lotValue.Basis;
            total += lotValue.Amount;
            paths.Add(lotValue.Path);
        }
        return basis is { } known && paths.Count > 0 ? new AmountReading(total, known, string.Join(", ", paths)) : null;
    }

    /// <summary>
    /// An amount from an OCDS Value: <c>amountGross</c> (FTS) first, then <c>amount</c>. 0 and 0.01 are "not stated"
    /// (FTS writes 0.01 as a placeholder and 0 on engagement notices), as is a currency other than pounds.
    /// </summary>
    private AmountReading? ReadAmount(JsonElement? value, string path, List<string>? unknown)
    {
        if (value is not { } v)
        {
            return null;
        }
        if (v.Text("currency") is { } currency && !currency.Equals("GBP", StringComparison.OrdinalIgnoreCase))
        {
            unknown?.Add($"{path} is in {currency}, not pounds");
            return null;
        }
        foreach (var (name, basis) in (ReadOnlySpan<(string, VatBasis)>)[("amountGross", VatBasis.Included), ("amount", shape == NoticeShape.FindATender ? VatBasis.Excluded : VatBasis.NotStated)])
        {
            if (v.Number(name) is not { } amount)
            {
                continue;
            }
            if (amount > 0.01m && amount <= PlanShape.MaxMoney)
            {
                return new AmountReading(amount, basis, path + "." + name);
            }
            unknown?.Add(string.Create(CultureInfo.InvariantCulture, $"{path}.{name} is {amount}, which {(amount <= 0.01m && amount > 0 ? "is a placeholder" : "means not stated")}"));
        }
        return null;
    }

    /// <summary>
    /// The term (design: notices.md §5.2): the tender's contract period, else each lot's (FTS has no tender-level one;
    /// the longest lot's is used), else the contract start and end milestones (Contracts Finder 2014 and CSV).
    /// Extensions come only from FTS <c>maxExtentDate</c>; renewal text is a hint, because portals disagree on whether
    /// a duration already includes renewals.
    /// </summary>
    private (int? Term, int? Extension) Term()
    {
        var periods = new List<PeriodReading>(2);
        if (tender.Object("contractPeriod") is { } period && ReadPeriod(period, "$.tender.contractPeriod") is { } whole)
        {
            periods.Add(whole);
        }
        else
        {
            var i = -1;
            foreach (var lot in tender.Items("lots"))
            {
                i++;
                if (!IsWithdrawn(lot) && lot.Object("contractPeriod") is { } lotPeriod && ReadPeriod(lotPeriod, OcdsJson.Index("$.tender.lots", i) + ".contractPeriod") is { } reading)
                {
                    periods.Add(reading);
                }
            }
        }
        if (periods.Count == 0 && Milestones() is { } milestones)
        {
            periods.Add(milestones);
        }
        if (periods.Count == 0)
        {
            return (null, null);
        }
        var longest = periods.MaxBy(p => p.Months + (p.Extension ?? 0))!;
        var differ = periods.Exists(p => p.Months != longest.Months || p.Extension != longest.Extension);
        var lotNote = differ ? $"lots differ ({string.Join(", ", periods.Select(p => p.Months.ToString(CultureInfo.InvariantCulture)).Distinct())} months); the longest lot's term is used" : null;
        record.Set("$.budget.termMonths", Wording.Number(longest.Months), longest.Method, longest.Paths, Join(longest.Note, lotNote));
        if (longest.Extension is { } extension)
        {
            record.Set("$.budget.extensionMonths", Wording.Number(extension), MappingMethod.Derived, longest.ExtensionPaths, "from the end date to the latest extension date (maxExtentDate)");
        }
        return (longest.Months, longest.Extension);
    }

    private sealed record PeriodReading(int Months, MappingMethod Method, IReadOnlyList<string> Paths, string? Note, int? Extension, IReadOnlyList<string> ExtensionPaths);

    private static PeriodReading? ReadPeriod(JsonElement period, string path)
    {
        var start = OcdsDates.UkDate(period.Text("startDate"));
        var end = OcdsDates.UkDate(period.Text("endDate"));
        int? extension = null;
        IReadOnlyList<string> extensionPaths = [];
        if (end is { } endDate && OcdsDates.UkDate(period.Text("maxExtentDate")) is { } maxExtent)
        {
            extension = maxExtent <= endDate ? 0 : OcdsDates.WholeMonths(endDate.AddDays(1), maxExtent);
            extensionPaths = [path + ".endDate", path + ".maxExtentDate"];
        }
        PeriodReading? reading = null;
        if (period.Number("durationInMonths") is { } months && months >= 1 && months <= PlanShape.MaxMonths && months == decimal.Truncate(months))
        {
            reading = new((int)months, MappingMethod.Direct, [path + ".durationInMonths"], null, extension, extensionPaths);
        }
        else if (start is { } s && end is { } e && OcdsDates.WholeMonths(s, e) is { } fromDates and >= 1 and <= PlanShape.MaxMonths)
        {
            reading = new(fromDates, MappingMethod.Converted, [path + ".startDate", path + ".endDate"], "whole months from the start date to the day after the end date, UK dates", extension, extensionPaths);
        }
        else if (period.Number("durationInDays") is { } days && days >= 15 && OcdsDates.MonthsFromDays(days) is var fromDays and >= 1 and <= PlanShape.MaxMonths)
        {
            reading = new(fromDays, MappingMethod.Converted, [path + ".durationInDays"],
                $"{days.ToString(CultureInfo.InvariantCulture)} days read as months of 30 days; whether it includes renewals is not stated", extension, extensionPaths);
        }
        return reading;
    }

    /// <summary>Contracts Finder 2014 and the CSV: the contract start and end as milestones.</summary>
    private PeriodReading? Milestones()
    {
        string? start = null, end = null, startPath = null, endPath = null;
        var i = 0;
        foreach (var milestone in tender.Items("milestones"))
        {
            var title = (milestone.Text("title") ?? "") + " " + (milestone.Text("description") ?? "");
            var path = OcdsJson.Index("$.tender.milestones", i++) + ".dueDate";
            if (title.Contains("contract start", StringComparison.OrdinalIgnoreCase))
            {
                (start, startPath) = (milestone.Text("dueDate"), path);
            }
            else if (title.Contains("contract end", StringComparison.OrdinalIgnoreCase))
            {
                (end, endPath) = (milestone.Text("dueDate"), path);
            }
        }
        if (OcdsDates.UkDate(start) is { } s && OcdsDates.UkDate(end) is { } e && OcdsDates.WholeMonths(s, e) is { } months and >= 1 and <= PlanShape.MaxMonths)
        {
            return new PeriodReading(months, MappingMethod.Converted, [startPath!, endPath!], "from the contract start and end milestones", null, []);
        }
        return null;
    }

    /// <summary>A lot that is cancelled, unsuccessful or withdrawn is no longer part of the procurement.</summary>
    internal static bool IsWithdrawn(JsonElement lot) => lot.Text("status") is "cancelled" or "unsuccessful" or "withdrawn";

    private static string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : first + "; " + second;
}
