
namespace Commissioning.Domain.Notices;

internal sealed partial class NoticeMapping
{
    private sealed record TextSignal(string? Field, string[] Words, string Text, bool ContractsFinderOnly = false, bool OnlyWhenNotSet = false);

    // Buyer prose never sets a plan field (design: notices.md §1.3, trap 20); these signals are shown beside the scorecard.
    private static readonly TextSignal[] Signals =
    [
        new("$.service.lightTouch", ["light touch regime", "light-touch regime", "light touch approach", "schedule 3", "regulations 74 to 76"],
            "The notice text mentions the light-touch regime; a notice's text never sets the plan field."),
        new("$.procurement.lots", ["procured as four lots", "procured as lots", "split into lots", "bid for one or more lots", "each covering a locality", " lot 1"],
            "The text describes lots, but Contracts Finder has no lots structure, so the plan's lots are unknown.", ContractsFinderOnly: true),
        new("$.procurement.tupe.applies", ["tupe"], "The text mentions TUPE; whether it applies is not a notice field."),
        new("$.procurement.consortiaWelcome", ["consortia", "consortium", "provider group", "partnership of providers"],
            "The text mentions consortia or provider groups; read it: a consortium \"led by a large provider\" is not a welcome to small ones."),
        new("$.procurement.socialValueMeasures", ["community benefit", "social value"], "The text mentions social value or community benefits; the measures themselves are never structured in a notice."),
        new("$.budget.extensionMonths", ["option to extend", "extension", "3+1+1", "+1+1"], "The text mentions extensions; only FTS's latest extension date is read as extension months."),
        new("$.procurement.bidWindowDays", ["12noon", "12 noon", "midday"], "The text gives a time of day for the deadline; the structured deadline is used."),
        new("$.council.name", ["on behalf of", "partnership authorities", "jointly", "joint commissioning", "and partners"],
            "The text suggests the procurement is joint; only buyer parties are read as buyers."),
        new("$.budget.totalValue", ["total value of contract", "total value of the contract", "value of the contract", "contract value", "estimated value"],
            "The text states a value, but only a structured value is read.", OnlyWhenNotSet: true),
        new("$.budget.totalValue", ["framework", "dynamic purchasing system"],
            "The text suggests a framework or dynamic purchasing system, whose value is a ceiling across call-offs; the structured fields do not say so, so the value is read as the contract's."),
        new("$.coDesign", ["lived experience", "co-design", "co-production", "service user"],
            "The text mentions lived experience, co-design or service users; a workforce rule or a list of priority groups is not co-design, and a notice never evidences co-design."),
    ];

    private void ReadHints()
    {
        foreach (var signal in Signals)
        {
            if ((signal.ContractsFinderOnly && !NoticeShapes.IsContractsFinder(shape))
                || (signal.OnlyWhenNotSet && signal.Field is { } field && record.IsSet(field))
                || (signal.Words.Contains("framework") && IsFrameworkOrDynamicMarket()))
            {
                continue;
            }
            foreach (var words in signal.Words)
            {
                var at = buyerText.IndexOf(words, StringComparison.OrdinalIgnoreCase);
                if (at >= 0)
                {
                    record.Hint(signal.Field, signal.Text, BuyerTextPath(at), NoticeText.Excerpt(buyerText, at, words.Length));
                    break;
                }
            }
        }
        foreach (var (path, field, what) in (ReadOnlySpan<(string, string, string)>)
                 [("renewal", "$.budget.extensionMonths", "renewal"), ("options", "$.budget.extensionMonths", "options")])
        {
            var i = 0;
            foreach (var lot in tender.Items("lots"))
            {
                if (lot.Object(path)?.Text("description") is { } text)
                {
                    record.Hint(field, $"A lot's {what} text: portals disagree on whether the duration already includes it, so it is not added to the term.",
                        OcdsJson.Index("$.tender.lots", i) + "." + path + ".description", NoticeText.Cut(text, 200));
                }
                i++;
            }
        }
        var selection = 0;
        foreach (var criterion in (tender.Object("selectionCriteria") ?? default).Items("criteria"))
        {
            if (criterion.Text("description") is { } text)
            {
                foreach (var (words, field) in (ReadOnlySpan<(string, string)>)[("turnover", "$.procurement.minimumAnnualTurnover"), ("insurance", "$.procurement.insurance")])
                {
                    var at = text.IndexOf(words, StringComparison.OrdinalIgnoreCase);
                    if (at >= 0)
                    {
                        record.Hint(field, $"The selection criteria mention {words}; prose is never read as a condition (\"or can commit to obtain\" cover means at award, not to take part).",
                            OcdsJson.Index("$.tender.selectionCriteria.criteria", selection) + ".description", NoticeText.Excerpt(text, at, words.Length));
                    }
                }
            }
            selection++;
        }
        if (shape == NoticeShape.ContractsFinder2014 && tender.Object("tenderPeriod") is { } period
            && OcdsDates.UkDate(period.Text("startDate")) is { } start && OcdsDates.UkDate(period.Text("endDate")) is { } end)
        {
            record.Hint("$.budget.termMonths",
                $"In Contracts Finder's 2014 notices the tender period ({Wording.Date(start)} to {Wording.Date(end)}) holds what look like the contract dates; it is not read as a bid window or a term.",
                "$.tender.tenderPeriod");
        }
    }

    private void ReadContext(NoticeBuyer? buyer)
    {
        if (tender.Flag("aboveThreshold") is { } above)
        {
            record.Context("buyer says above threshold", above ? "yes" : "no", "$.tender.aboveThreshold");
        }
        if (buyer?.Postcode is { } postcode)
        {
            record.Context("buyer's postcode", postcode, buyer.Path + ".address.postalCode");
        }
        if (IsFrameworkOrDynamicMarket())
        {
            record.Context("framework or dynamic market", "the value is a ceiling across call-offs, not one contract's size", "$.tender.techniques");
        }
        var i = 0;
        foreach (var item in tender.Items("items"))
        {
            foreach (var address in item.Items("deliveryAddresses"))
            {
                if (NoticeBuyer.PostcodeOf(address) is { } delivery)
                {
                    record.Context("delivered in (a place, not a neighbourhood)", delivery, OcdsJson.Index("$.tender.items", i) + ".deliveryAddresses");
                }
                else if (address.Text("region") is { } region)
                {
                    record.Context("delivery region (says nothing local)", region, OcdsJson.Index("$.tender.items", i) + ".deliveryAddresses");
                }
            }
            i++;
        }
        if (buyer is { JointBuyers.Count: > 0 })
        {
            record.Context("joint buyers", Wording.List([.. buyer.JointBuyers.Select(b => b.Name ?? "unnamed")]), "$.parties");
        }
    }
}
