namespace Commissioning.Domain.Scoring;

/// <summary>
/// The rules of the "proportionate funding" dimension (P1–P8), as <c>docs/rubric.md</c> explains them.
/// </summary>
internal static class ProportionateFundingRules
{
    /// <summary>Every criterion id of the dimension, bound to its rule.</summary>
    public static IReadOnlyDictionary<string, CriterionRule> ById { get; } = new Dictionary<string, CriterionRule>(StringComparer.Ordinal)
    {
        ["P1"] = GrantConsidered,
        ["P2"] = CashFlow,
        ["P3"] = ProportionateConditions,
        ["P4"] = TimeToBid,
        ["P5"] = LengthThatFitsARelationship,
        ["P6"] = RealisticPrice,
        ["P7"] = LightProcess,
        ["P8"] = TransferRisksSharedEarly,
    };

    private static Assessment GrantConsidered(Assessment a, PlanFacts f)
    {
        var b = f.Budget;
        var route = f.Procurement.Route;
        if (b.FundingModel is null && b.GrantConsidered is null && route is null)
        {
            return a.NotEvidenced("$.budget.fundingModel", "$.budget.grantConsidered");
        }
        a.Read("$.budget.fundingModel", b.FundingModel).ReadText("$.budget.grantConsidered", b.GrantConsidered);
        if (f.GrantType || b.FundingModel == FundingModel.Mixed || PlanFacts.Given(b.GrantConsidered))
        {
            return a.Met();
        }
        if (b.FundingModel is null)
        {
            a.Read("$.procurement.route", route).Lacks("$.budget.fundingModel");
        }
        return a.Advise("not-considered", ("fundingModel", b.FundingModel is { } m ? Wording.Word(m) : "contract")).NotMet();
    }

    private static Assessment CashFlow(Assessment a, PlanFacts f)
    {
        var b = f.Budget;
        var parameters = f.Parameters;
        if (b.PaymentTermsDays is null && b.PaymentSchedule is null && b.PaymentByResultsPercent is null)
        {
            return a.NotEvidenced("$.budget.paymentTermsDays", "$.budget.paymentSchedule", "$.budget.paymentByResultsPercent");
        }
        a.Read("$.budget.paymentTermsDays", b.PaymentTermsDays).Read("$.budget.paymentSchedule", b.PaymentSchedule).Read("$.budget.paymentByResultsPercent", b.PaymentByResultsPercent);
        var failed = false;
        var shortOfMet = false;
        if (b.PaymentTermsDays is { } days)
        {
            if (days > parameters.PaymentTermsMaxDays)
            {
                a.Advise("terms-long", ("paymentTermsDays", Wording.Number(days)), ("maxDays", Wording.Number(parameters.PaymentTermsMaxDays)));
                failed = true;
            }
        }
        else
        {
            a.Lacks("$.budget.paymentTermsDays");
            shortOfMet = true;
        }
        switch (b.PaymentSchedule)
        {
            case PaymentSchedule.OnCompletion:
                a.Advise("on-completion");
                failed = true;
                break;
            case { } schedule when !parameters.CashFlowFriendlySchedules.Contains(schedule):
                a.Advise("quarterly");
                shortOfMet = true;
                break;
            case null:
                a.Lacks("$.budget.paymentSchedule");
                shortOfMet = true;
                break;
        }
        if (b.PaymentByResultsPercent is { } pbr)
        {
            if (pbr > parameters.PaymentByResultsMetPercent)
            {
                a.Advise("pbr-high", ("pbr", Wording.Number(pbr)), ("pbrMet", Wording.Number(parameters.PaymentByResultsMetPercent)));
                if (pbr > parameters.PaymentByResultsPartlyPercent)
                {
                    failed = true;
                }
                else
                {
                    shortOfMet = true;
                }
            }
        }
        else
        {
            a.Lacks("$.budget.paymentByResultsPercent");
            shortOfMet = true;
        }
        return failed ? a.NotMet() : shortOfMet ? a.PartlyMet() : a.Met();
    }

    private static Assessment ProportionateConditions(Assessment a, PlanFacts f)
    {
        var p = f.Procurement;
        var parameters = f.Parameters;
        if (p.Insurance is null && p.SelectionQuestionnaire is null && p.MinimumAnnualTurnover is null)
        {
            return a.NotEvidenced("$.procurement.insurance", "$.procurement.selectionQuestionnaire", "$.procurement.minimumAnnualTurnover");
        }
        a.Read("$.procurement.insurance.requiredAt", p.Insurance?.RequiredAt).Read("$.procurement.insurance.publicLiability", p.Insurance?.PublicLiability)
         .Read("$.procurement.selectionQuestionnaire", p.SelectionQuestionnaire).Read("$.procurement.minimumAnnualTurnover", p.MinimumAnnualTurnover);
        var failed = false;
        var partly = false;
        if (p.Insurance?.RequiredAt == InsuranceStage.Participation)
        {
            a.Advise("insurance-participation");
            failed = true;
        }
        if (p.SelectionQuestionnaire == true && !f.GrantType && f.AtOrAboveThreshold == false)
        {
            a.ReadThreshold(f);
            a.Advise("questionnaire", ("totalValue", f.TotalValueText));
            failed = true;
        }
        if (p.MinimumAnnualTurnover is { } turnover && f.AnnualValue is { } annual && turnover > parameters.TurnoverMultipleOfAnnualValue * annual)
        {
            a.Read("annual value", Wording.Money(Math.Round(annual, 0, MidpointRounding.AwayFromZero)));
            a.Advise("turnover",
                ("turnover", Wording.Money(turnover)),
                ("multiple", Wording.Number(parameters.TurnoverMultipleOfAnnualValue)),
                ("annualValue", Wording.Money(Math.Round(annual, 0, MidpointRounding.AwayFromZero))));
            partly = true;
        }
        if (p.Insurance?.PublicLiability is { } cover && cover > parameters.PublicLiabilityMax)
        {
            a.Advise("public-liability", ("publicLiability", Wording.Money(cover)), ("plMax", Wording.Money(parameters.PublicLiabilityMax)));
            partly = true;
        }
        return failed ? a.NotMet() : partly ? a.PartlyMet() : a.Met();
    }

    private static Assessment TimeToBid(Assessment a, PlanFacts f)
    {
        if (f.Procurement.BidWindowDays is not { } days)
        {
            return a.NotEvidenced("$.procurement.bidWindowDays");
        }
        a.Read("$.procurement.bidWindowDays", days);
        var parameters = f.Parameters;
        if (days >= parameters.BidWindowMetDays)
        {
            return a.Met();
        }
        a.Advise("short", ("bidWindowDays", Wording.Number(days)), ("metDays", Wording.Number(parameters.BidWindowMetDays)));
        return days >= parameters.BidWindowPartlyDays ? a.PartlyMet() : a.NotMet();
    }

    private static Assessment LengthThatFitsARelationship(Assessment a, PlanFacts f)
    {
        var b = f.Budget;
        if (b.FundingModel is FundingModel.ParticipatoryBudget or FundingModel.CommunityChest)
        {
            return a.Read("$.budget.fundingModel", b.FundingModel).NotApplicable();
        }
        if (f.TotalTermMonths is not { } months)
        {
            return a.NotEvidenced("$.budget.termMonths");
        }
        a.Read("$.budget.termMonths", b.TermMonths).Read("$.budget.extensionMonths", b.ExtensionMonths).Read("$.budget.breakClause", b.BreakClause);
        var parameters = f.Parameters;
        (string, string)[] values =
        [
            ("totalTermMonths", Wording.Number(months)),
            ("metFrom", Wording.Number(parameters.TermMetFromMonths)),
            ("metTo", Wording.Number(parameters.TermMetToMonths)),
        ];
        if (months < parameters.TermPartlyFromMonths)
        {
            return a.Advise("short", values).NotMet();
        }
        if (months < parameters.TermMetFromMonths)
        {
            return a.Advise("short", values).PartlyMet();
        }
        if (months > parameters.TermMetToMonths)
        {
            return a.Advise("long", values).PartlyMet();
        }
        if (b.BreakClause != true)
        {
            if (b.BreakClause is null)
            {
                a.Lacks("$.budget.breakClause");
            }
            return a.Advise("no-break", values).PartlyMet();
        }
        return a.Met();
    }

    private static Assessment RealisticPrice(Assessment a, PlanFacts f)
    {
        if (f.GrantType)
        {
            return a.Read("$.budget.fundingModel", f.Budget.FundingModel).Read("$.procurement.route", f.Procurement.Route).NotApplicable();
        }
        var price = f.Procurement.Weighting?.Price;
        var fullCostRecovery = f.Budget.FullCostRecovery;
        if (price is null && fullCostRecovery is null)
        {
            return a.NotEvidenced("$.procurement.weighting.price", "$.budget.fullCostRecovery");
        }
        a.Read("$.procurement.weighting.price", price).Read("$.budget.fullCostRecovery", fullCostRecovery);
        var maxPrice = f.Parameters.PriceWeightMaxPercent;
        var priceOk = price <= maxPrice;
        var recoveryOk = fullCostRecovery == true;
        if (price is null)
        {
            a.Lacks("$.procurement.weighting.price");
        }
        else if (!priceOk)
        {
            a.Advise("price-high", ("price", Wording.Number(price.Value)), ("priceMax", Wording.Number(maxPrice)));
        }
        if (!recoveryOk)
        {
            a.Advise("no-full-cost-recovery");
        }
        return (priceOk, recoveryOk) switch
        {
            (true, true) => a.Met(),
            (false, false) => a.NotMet(),
            _ => a.PartlyMet(),
        };
    }

    private static Assessment LightProcess(Assessment a, PlanFacts f)
    {
        var p = f.Procurement;
        if (p.ScoredQuestions is null && p.WordLimitTotal is null)
        {
            return a.NotEvidenced("$.procurement.scoredQuestions", "$.procurement.wordLimitTotal");
        }
        a.Read("$.procurement.scoredQuestions", p.ScoredQuestions).Read("$.procurement.wordLimitTotal", p.WordLimitTotal);
        var multiple = 1;
        if (!f.GrantType)
        {
            a.ReadThreshold(f);
            switch (f.AtOrAboveThreshold)
            {
                case null:
                    return a.NotEvidenced("$.budget.totalValue");
                case true:
                    multiple = f.Parameters.AboveThresholdProcessMultiple;
                    break;
            }
        }
        var parameters = f.Parameters;
        int metQuestions = parameters.ScoredQuestionsMet * multiple, metWords = parameters.WordLimitMet * multiple;
        int partlyQuestions = parameters.ScoredQuestionsPartly * multiple, partlyWords = parameters.WordLimitPartly * multiple;
        // Met needs both limits shown to be kept; not met needs one shown to be broken past the partly limit.
        var met = p.ScoredQuestions <= metQuestions && p.WordLimitTotal <= metWords;
        if (met)
        {
            return a.Met();
        }
        var broken = p.ScoredQuestions > partlyQuestions || p.WordLimitTotal > partlyWords;
        if (p.ScoredQuestions is null)
        {
            a.Lacks("$.procurement.scoredQuestions");
        }
        if (p.WordLimitTotal is null)
        {
            a.Lacks("$.procurement.wordLimitTotal");
        }
        a.Advise("heavy",
            ("questions", p.ScoredQuestions is { } q ? Wording.Number(q) : "an unstated number of"),
            ("words", p.WordLimitTotal is { } w ? w.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture) : "an unstated number of"),
            ("metQuestions", Wording.Number(metQuestions)),
            ("metWords", metWords.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)));
        return broken ? a.NotMet() : a.PartlyMet();
    }

    private static Assessment TransferRisksSharedEarly(Assessment a, PlanFacts f)
    {
        if (f.GrantType)
        {
            return a.Read("$.budget.fundingModel", f.Budget.FundingModel).Read("$.procurement.route", f.Procurement.Route).NotApplicable();
        }
        var tupe = f.Procurement.Tupe;
        if (tupe?.Applies is not { } applies)
        {
            return a.NotEvidenced("$.procurement.tupe.applies");
        }
        a.Read("$.procurement.tupe.applies", applies).Read("$.procurement.tupe.informationAt", tupe.InformationAt);
        if (!applies)
        {
            return a.NotApplicable();
        }
        return tupe.InformationAt switch
        {
            TupeInformationStage.Engagement => a.Met(),
            TupeInformationStage.Tender => a.Advise("tender").PartlyMet(),
            _ => a.Advise("none").NotMet(),
        };
    }
}
