
namespace Commissioning.Domain.Scoring;

/// <summary>
/// The rule behind each criterion id, exactly as rubric.md words it. Every number compared against comes from
/// <see cref="RuleParameters"/>; every text from the rubric. A criterion whose inputs are all absent is
/// not-evidenced; once any is present the rule decides (an empty list is evidence of none).
/// </summary>
internal static class CriterionRules
{
    public static Assessment Assess(CriterionDefinition criterion, PlanFacts facts)
    {
        var a = new Assessment(criterion, facts.Rubric);
        return criterion.Id switch
        {
            "L1" => ReservationConsidered(a, facts),
            "L2" => Lots(a, facts),
            "L3" => SizeALocalOrganisationCanWin(a, facts),
            "L4" => EarlyLocalMarketEngagement(a, facts),
            "L5" => LocalSocialValue(a, facts),
            "L6" => LocalSpendTarget(a, facts),
            "L7" => NeighbourhoodAndWholeSystemFit(a, facts),
            "L8" => PeopleCentredRoute(a, facts),
            "P1" => GrantConsidered(a, facts),
            "P2" => CashFlow(a, facts),
            "P3" => ProportionateConditions(a, facts),
            "P4" => TimeToBid(a, facts),
            "P5" => LengthThatFitsARelationship(a, facts),
            "P6" => RealisticPrice(a, facts),
            "P7" => LightProcess(a, facts),
            "P8" => TransferRisksSharedEarly(a, facts),
            "C1" => DepthOfInvolvement(a, facts),
            "C2" => InvolvementAcrossTheCycle(a, facts),
            "C3" => ResidentsOnTheEvaluationPanel(a, facts),
            "C4" => SocialValueConsultation(a, facts),
            "C5" => MoneyTheCommunityControls(a, facts),
            "C6" => ReachingThoseMostAffected(a, facts),
            "C7" => FeedbackLoop(a, facts),
            "C8" => CommunityInTheContract(a, facts),
            _ => throw new InvalidOperationException($"Rubric {facts.Rubric.Version} names criterion {criterion.Id}, which this engine has no rule for."),
        };
    }

    private static bool Has(string? text) => !string.IsNullOrWhiteSpace(text);

    private static Assessment ReadThreshold(Assessment a, PlanFacts f) =>
        a.Read("$.budget.totalValue", f.TotalValue).Read("threshold", f.ThresholdText);

    // ---- Local by default ----

    private static Assessment ReservationConsidered(Assessment a, PlanFacts f)
    {
        var p = f.Procurement;
        a.Read("$.procurement.reservation", p.Reservation).ReadText("$.procurement.reservationReason", p.ReservationReason);
        if (p.Reservation is null && p.ReservationReason is null)
        {
            return a.NotEvidenced("$.procurement.reservation");
        }
        string whyAllowed;
        if (f.GrantType)
        {
            a.Read("$.budget.fundingModel", f.Budget.FundingModel);
            whyAllowed = "Grant funding is outside the Procurement Act, so";
        }
        else
        {
            ReadThreshold(a, f);
            switch (f.AtOrAboveThreshold)
            {
                case null:
                    return a.NotEvidenced("$.budget.totalValue");
                case true:
                    var lots = p.Lots?.Count ?? 0;
                    a.Read("$.procurement.lots", lots);
                    return p.Reservation is Reservation.PublicServiceMutual or Reservation.SupportedEmployment || lots >= 2 ? a.Met() : a.NotApplicable();
            }
            whyAllowed = "";
        }
        if (p.Reservation is Reservation.LocalArea or Reservation.SmeVcse or Reservation.LocalAreaAndSmeVcse)
        {
            return a.Met();
        }
        if (!f.GrantType)
        {
            whyAllowed = $"This {f.TotalValueText} contract is below the {f.ThresholdText} threshold, so";
        }
        switch (p.Reservation)
        {
            case Reservation.Uk:
                return a.Advise("uk", ("whyAllowed", whyAllowed)).PartlyMet();
            case Reservation.PublicServiceMutual or Reservation.SupportedEmployment:
                return a.Advise("other", ("reservation", Wording.Word(p.Reservation.Value)), ("whyAllowed", whyAllowed)).PartlyMet();
            default:
                return Has(p.ReservationReason)
                    ? a.Advise("reason", ("reservationReason", p.ReservationReason!.Trim()), ("whyAllowed", whyAllowed)).PartlyMet()
                    : a.Advise("none", ("whyAllowed", whyAllowed)).NotMet();
        }
    }

    private static Assessment Lots(Assessment a, PlanFacts f)
    {
        var p = f.Procurement;
        if (f.GrantType)
        {
            return a.Read("$.budget.fundingModel", f.Budget.FundingModel).Read("$.procurement.route", p.Route).NotApplicable();
        }
        ReadThreshold(a, f);
        if (f.TotalValue is not { } value)
        {
            return a.NotEvidenced("$.budget.totalValue");
        }
        if (value <= f.Parameters.LotsExpectedAboveValue && f.AtOrAboveThreshold != true)
        {
            return a.NotApplicable();
        }
        if (p.Lots is null && p.NoLotsReason is null)
        {
            return a.NotEvidenced("$.procurement.lots", "$.procurement.noLotsReason");
        }
        var lots = p.Lots?.Count ?? 0;
        a.Read("$.procurement.lots", lots).ReadText("$.procurement.noLotsReason", p.NoLotsReason);
        if (lots >= 2 || Has(p.NoLotsReason))
        {
            return a.Met();
        }
        return a.Advise("single", ("totalValue", Wording.Money(value)), ("lotCount", lots == 0 ? "no lots" : "one lot")).NotMet();
    }

    private static Assessment SizeALocalOrganisationCanWin(Assessment a, PlanFacts f)
    {
        var p = f.Procurement;
        var parameters = f.Parameters;
        decimal measure;
        string largest;
        if (f.GrantType)
        {
            if (f.Budget.MaximumAward is not { } award)
            {
                return a.NotEvidenced("$.budget.maximumAward");
            }
            a.Read("$.budget.maximumAward", award);
            measure = award;
            largest = $"The largest award is {Wording.Money(award)}";
        }
        else
        {
            decimal? largestLot = null;
            if (p.Lots is { Count: > 0 } lots)
            {
                foreach (var lot in lots)
                {
                    if (lot.Value is { } v && (largestLot is null || v > largestLot))
                    {
                        largestLot = v;
                    }
                }
            }
            var whole = largestLot ?? f.TotalValue;
            if (whole is null)
            {
                return p.Lots is { Count: > 0 } ? a.NotEvidenced("$.procurement.lots[*].value") : a.NotEvidenced("$.budget.totalValue");
            }
            if (f.TotalTermMonths is not > 0)
            {
                return a.Read("$.budget.totalValue", f.TotalValue).NotEvidenced("$.budget.termMonths");
            }
            var years = f.TotalTermMonths.Value / 12m;
            measure = whole.Value / years;
            if (largestLot is not null)
            {
                a.Read("$.procurement.lots (largest value)", largestLot);
                largest = $"The largest lot is worth {Wording.Money(Math.Round(measure, 0, MidpointRounding.AwayFromZero))} a year";
            }
            else
            {
                a.Read("$.budget.totalValue", f.TotalValue);
                largest = $"The contract is worth {Wording.Money(Math.Round(measure, 0, MidpointRounding.AwayFromZero))} a year";
            }
            a.Read("$.budget.termMonths", f.Budget.TermMonths).Read("$.budget.extensionMonths", f.Budget.ExtensionMonths)
             .Read("annual value", Wording.Money(Math.Round(measure, 0, MidpointRounding.AwayFromZero)));
        }
        a.Read("$.procurement.consortiaWelcome", p.ConsortiaWelcome);
        var consortiumSize = parameters.LocalSizeAnnualValue * parameters.ConsortiumSizeMultiple;
        if (measure <= parameters.LocalSizeAnnualValue)
        {
            return a.Met();
        }
        if (measure <= consortiumSize && p.ConsortiaWelcome == true)
        {
            return a.Advise("consortium", ("largest", largest), ("localSize", Wording.Money(parameters.LocalSizeAnnualValue))).PartlyMet();
        }
        return a.Advise("too-large",
            ("largest", largest),
            ("localSize", Wording.Money(parameters.LocalSizeAnnualValue)),
            ("consortiumSize", Wording.Money(consortiumSize)),
            ("consortiaAdvice", p.ConsortiaWelcome == true ? "" : ", and welcome consortia")).NotMet();
    }

    private static Assessment EarlyLocalMarketEngagement(Assessment a, PlanFacts f)
    {
        var events = f.Plan.Market?.Engagement;
        var weeks = f.Parameters.EarlyEngagementWeeks;
        if (events is null)
        {
            return a.NotEvidenced("$.market.engagement");
        }
        a.Read("$.market.engagement", events.Count == 1 ? "1 event" : $"{events.Count} events");
        if (events.Count == 0)
        {
            return a.Advise("empty", ("weeks", Wording.Number(weeks))).NotMet();
        }
        if (f.LocalDistricts is not { } districts)
        {
            var code = f.Plan.Council.Code;
            a.AdviseText(Wording.Fill(f.Rubric.Texts.CouncilNotRegisteredRecommendation, [("councilCode", code)]));
            return a.NotEvidenced();
        }
        var tender = f.Procurement.PlannedTenderDate;
        if (tender is { } tenderDate)
        {
            a.Read("$.procurement.plannedTenderDate", Wording.Date(tenderDate));
        }
        a.Read("local postcode districts", string.Join(", ", districts));
        DateOnly? earliestLocal = null;
        var anyLocal = false;
        foreach (var engagement in events)
        {
            EngagedOrganisation? local = null;
            foreach (var organisation in engagement.Organisations ?? [])
            {
                if (organisation.Type is { } type && f.Parameters.LocalSectorTypes.Contains(type) && Postcodes.IsIn(organisation.Postcode, districts))
                {
                    local = organisation;
                    break;
                }
            }
            if (local is null)
            {
                continue;
            }
            anyLocal = true;
            a.Read("local organisation engaged", $"{local.Name ?? "(unnamed)"} ({Postcodes.Normalise(local.Postcode)}){(engagement.Date is { } d ? " on " + Wording.Date(d) : "")}");
            if (engagement.Date is { } date && (earliestLocal is null || date < earliestLocal))
            {
                earliestLocal = date;
            }
        }
        if (!anyLocal)
        {
            return a.Advise("no-local", ("eventCount", Wording.Number(events.Count)), ("districts", Wording.List(districts))).PartlyMet();
        }
        if (tender is null || earliestLocal is null)
        {
            var undated = tender is null ? "a planned tender date" : "the dates of the events";
            return a.Advise("undated", ("undated", undated), ("weeks", Wording.Number(weeks))).PartlyMet();
        }
        var daysBefore = tender.Value.DayNumber - earliestLocal.Value.DayNumber;
        if (daysBefore >= weeks * 7)
        {
            return a.Met();
        }
        return a.Advise("late",
            ("weeksBefore", Wording.Number(Math.Max(daysBefore, 0) / 7)),
            ("tenderDate", Wording.Date(tender.Value)),
            ("weeks", Wording.Number(weeks))).PartlyMet();
    }

    private static Assessment LocalSocialValue(Assessment a, PlanFacts f)
    {
        if (f.GrantType)
        {
            return a.Read("$.budget.fundingModel", f.Budget.FundingModel).Read("$.procurement.route", f.Procurement.Route).NotApplicable();
        }
        var p = f.Procurement;
        var weight = p.Weighting?.SocialValue;
        var measures = p.SocialValueMeasures;
        if (weight is null && measures is null)
        {
            return a.NotEvidenced("$.procurement.weighting.socialValue", "$.procurement.socialValueMeasures");
        }
        var localMeasures = measures?.Count(m => m.Local == true) ?? 0;
        a.Read("$.procurement.weighting.socialValue", weight);
        if (measures is not null)
        {
            a.Read("$.procurement.socialValueMeasures", $"{measures.Count} measure(s), {localMeasures} local");
        }
        else
        {
            a.Lacks("$.procurement.socialValueMeasures");
        }
        if (weight is null)
        {
            a.Lacks("$.procurement.weighting.socialValue");
        }
        var sv = weight ?? 0m;
        var parameters = f.Parameters;
        if (sv >= parameters.SocialValueMetPercent)
        {
            return localMeasures > 0 ? a.Met() : a.Advise("no-local-measure", ("socialValue", Wording.Number(sv))).PartlyMet();
        }
        a.Advise("low-weight", ("socialValue", Wording.Number(sv)), ("metPercent", Wording.Number(parameters.SocialValueMetPercent)));
        return sv >= parameters.SocialValuePartlyPercent ? a.PartlyMet() : a.NotMet();
    }

    private static Assessment LocalSpendTarget(Assessment a, PlanFacts f)
    {
        var p = f.Procurement;
        if (p.LocalSpendTargetPercent is null && p.LocalDefinition is null)
        {
            return a.NotEvidenced("$.procurement.localSpendTargetPercent", "$.procurement.localDefinition");
        }
        a.Read("$.procurement.localSpendTargetPercent", p.LocalSpendTargetPercent).ReadText("$.procurement.localDefinition", p.LocalDefinition);
        var hasTarget = p.LocalSpendTargetPercent > 0;
        var hasDefinition = Has(p.LocalDefinition);
        var benchmark = Wording.Number(f.Parameters.CouncilLocalSpendBenchmarkPercent);
        var year = Wording.Number(f.Parameters.CouncilLocalSpendBenchmarkYear);
        return (hasTarget, hasDefinition) switch
        {
            (true, true) => a.Met(),
            (true, false) => a.Advise("no-definition", ("target", Wording.Number(p.LocalSpendTargetPercent!.Value)), ("benchmark", benchmark), ("benchmarkYear", year)).PartlyMet(),
            (false, true) => a.Advise("no-target", ("definition", p.LocalDefinition!.Trim()), ("benchmark", benchmark), ("benchmarkYear", year)).PartlyMet(),
            _ => a.Advise("none", ("benchmark", benchmark), ("benchmarkYear", year)).NotMet(),
        };
    }

    private static Assessment NeighbourhoodAndWholeSystemFit(Assessment a, PlanFacts f)
    {
        var s = f.Service;
        if (s.Neighbourhoods is null && s.LinkedServices is null)
        {
            return a.NotEvidenced("$.service.neighbourhoods", "$.service.linkedServices");
        }
        var neighbourhoods = s.Neighbourhoods?.Count(Has) ?? 0;
        var linked = s.LinkedServices?.Count(Has) ?? 0;
        if (s.Neighbourhoods is not null)
        {
            a.Read("$.service.neighbourhoods", s.Neighbourhoods.Count == 0 ? "none" : string.Join(", ", s.Neighbourhoods));
        }
        if (s.LinkedServices is not null)
        {
            a.Read("$.service.linkedServices", s.LinkedServices.Count == 0 ? "none" : string.Join(", ", s.LinkedServices));
        }
        return (neighbourhoods > 0, linked > 0) switch
        {
            (true, true) => a.Met(),
            (true, false) => a.Advise("no-linked", ("neighbourhoodCount", Wording.Number(neighbourhoods))).PartlyMet(),
            (false, true) => a.Advise("no-neighbourhoods", ("linkedCount", Wording.Number(linked))).PartlyMet(),
            _ => a.Advise("none").NotMet(),
        };
    }

    private static Assessment PeopleCentredRoute(Assessment a, PlanFacts f)
    {
        var s = f.Service;
        var p = f.Procurement;
        if (s.LightTouch is null && s.HealthcareService is null)
        {
            return a.NotEvidenced("$.service.lightTouch", "$.service.healthcareService");
        }
        a.Read("$.service.lightTouch", s.LightTouch).Read("$.service.healthcareService", s.HealthcareService);
        if (s.LightTouch != true && s.HealthcareService != true)
        {
            return a.NotApplicable();
        }
        a.Read("$.budget.fundingModel", f.Budget.FundingModel).Read("$.procurement.route", p.Route).Read("$.procurement.reservation", p.Reservation);
        if (f.GrantType || p.Reservation == Reservation.PublicServiceMutual || (p.Route is { } r && f.Parameters.PeopleCentredRoutes.Contains(r)))
        {
            return a.Met();
        }
        if (p.Route is not { } route)
        {
            return a.NotEvidenced("$.procurement.route");
        }
        var kind = s.HealthcareService == true ? "healthcare" : "light-touch";
        return a.Advise("other-route", ("serviceKind", kind), ("route", Wording.Word(route))).PartlyMet();
    }

    // ---- Proportionate funding ----

    private static Assessment GrantConsidered(Assessment a, PlanFacts f)
    {
        var b = f.Budget;
        var route = f.Procurement.Route;
        if (b.FundingModel is null && b.GrantConsidered is null && route is null)
        {
            return a.NotEvidenced("$.budget.fundingModel", "$.budget.grantConsidered");
        }
        a.Read("$.budget.fundingModel", b.FundingModel).ReadText("$.budget.grantConsidered", b.GrantConsidered);
        if (f.GrantType || b.FundingModel == FundingModel.Mixed || Has(b.GrantConsidered))
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
            ReadThreshold(a, f);
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
            ReadThreshold(a, f);
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

    // ---- Co-design ----

    private static Assessment DepthOfInvolvement(Assessment a, PlanFacts f)
    {
        if (f.CoDesign.InvolvementLevel is not { } level)
        {
            return a.NotEvidenced("$.coDesign.involvementLevel");
        }
        a.Read("$.coDesign.involvementLevel", Wording.Word(level));
        var share = 0m;
        foreach (var step in f.Parameters.InvolvementLadder)
        {
            if (step.Level == level)
            {
                share = step.Share;
            }
        }
        if (share < 1m)
        {
            a.Advise("climb", ("level", Wording.Word(level)));
        }
        return a.Earn(share);
    }

    private static readonly CycleStage[] Stages = Enum.GetValues<CycleStage>();

    private static Assessment InvolvementAcrossTheCycle(Assessment a, PlanFacts f)
    {
        var activities = f.CoDesign.Activities;
        if (activities is null)
        {
            return a.NotEvidenced("$.coDesign.activities");
        }
        var covered = new List<string>(4);
        var missing = new List<string>(4);
        foreach (var stage in Stages)
        {
            var found = false;
            foreach (var activity in activities)
            {
                if (activity.Stage == stage)
                {
                    found = true;
                    break;
                }
            }
            (found ? covered : missing).Add(Wording.Word(stage));
        }
        a.Read("$.coDesign.activities", $"{activities.Count} activit{(activities.Count == 1 ? "y" : "ies")}; stages: {(covered.Count == 0 ? "none" : string.Join(", ", covered))}");
        var parameters = f.Parameters;
        if (covered.Count >= parameters.CycleStagesMet)
        {
            return a.Met();
        }
        a.Advise("stages",
            ("stageCount", Wording.Number(covered.Count)),
            ("coveredStages", covered.Count == 0 ? "" : $" ({Wording.List(covered)})"),
            ("missingStages", Wording.List(missing)));
        return covered.Count >= parameters.CycleStagesPartly ? a.PartlyMet() : a.NotMet();
    }

    private static Assessment ResidentsOnTheEvaluationPanel(Assessment a, PlanFacts f)
    {
        if (f.CoDesign.EvaluationPanel is not { } panel)
        {
            return a.NotEvidenced("$.coDesign.evaluationPanel");
        }
        a.Read("$.coDesign.evaluationPanel.residentsScore", panel.ResidentsScore).Read("$.coDesign.evaluationPanel.trained", panel.Trained)
         .Read("$.coDesign.evaluationPanel.conflictsDeclared", panel.ConflictsDeclared);
        if (panel.ResidentsScore == true)
        {
            if (panel.Trained != true)
            {
                a.Advise("untrained");
            }
            if (panel.ConflictsDeclared != true)
            {
                a.Advise("conflicts");
            }
            return a.HasAdvice ? a.PartlyMet() : a.Met();
        }
        return panel.Trained == true ? a.Advise("advise").PartlyMet() : a.Advise("none").NotMet();
    }

    private static Assessment SocialValueConsultation(Assessment a, PlanFacts f)
    {
        if (f.CoDesign.SocialValueConsultation is not { } consultation)
        {
            return a.NotEvidenced("$.coDesign.socialValueConsultation");
        }
        a.Read("$.coDesign.socialValueConsultation", Wording.Word(consultation));
        return consultation switch
        {
            Plans.SocialValueConsultation.Done => a.Met(),
            Plans.SocialValueConsultation.Considered => a.Advise("considered").PartlyMet(),
            _ => a.Advise("not-considered").NotMet(),
        };
    }

    private static Assessment MoneyTheCommunityControls(Assessment a, PlanFacts f)
    {
        var b = f.Budget;
        if (b.FundingModel == FundingModel.ParticipatoryBudget)
        {
            return a.Read("$.budget.fundingModel", b.FundingModel).Met();
        }
        if (b.CommunityControlledPercent is not { } percent)
        {
            return a.NotEvidenced("$.budget.communityControlledPercent");
        }
        a.Read("$.budget.communityControlledPercent", percent);
        var metPercent = f.Parameters.CommunityControlledMetPercent;
        if (percent >= metPercent)
        {
            return a.Met();
        }
        return percent > 0
            ? a.Advise("some", ("percent", Wording.Number(percent)), ("metPercent", Wording.Number(metPercent))).PartlyMet()
            : a.Advise("none", ("metPercent", Wording.Number(metPercent))).NotMet();
    }

    private static Assessment ReachingThoseMostAffected(Assessment a, PlanFacts f)
    {
        var activities = f.CoDesign.Activities;
        if (activities is null)
        {
            return a.NotEvidenced("$.coDesign.activities");
        }
        var groups = new List<string>(4);
        var accessible = false;
        foreach (var activity in activities)
        {
            accessible |= activity.AccessibleFormats == true;
            foreach (var group in activity.Groups ?? [])
            {
                if (Has(group) && !ContainsIgnoringCase(groups, group.Trim()))
                {
                    groups.Add(group.Trim());
                }
            }
        }
        a.Read("groups named across $.coDesign.activities", groups.Count == 0 ? "none" : string.Join(", ", groups))
         .Read("accessible formats in any activity", accessible);
        var metGroups = f.Parameters.DistinctGroupsMet;
        if (groups.Count >= metGroups && accessible)
        {
            return a.Met();
        }
        if (groups.Count == 0)
        {
            return a.Advise("no-groups", ("metGroups", Wording.Number(metGroups))).NotMet();
        }
        return groups.Count >= metGroups
            ? a.Advise("no-accessible", ("groupCount", Wording.Number(groups.Count)), ("groups", Wording.List(groups))).PartlyMet()
            : a.Advise("one-group", ("groups", Wording.List(groups)), ("metGroups", Wording.Number(metGroups))).PartlyMet();
    }

    private static bool ContainsIgnoringCase(List<string> items, string item)
    {
        foreach (var existing in items)
        {
            if (string.Equals(existing, item, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static Assessment FeedbackLoop(Assessment a, PlanFacts f)
    {
        if (f.CoDesign.Feedback is not { } feedback)
        {
            return a.NotEvidenced("$.coDesign.feedback");
        }
        a.Read("$.coDesign.feedback.published", feedback.Published).Read("$.coDesign.feedback.withinWeeks", feedback.WithinWeeks);
        var metWeeks = f.Parameters.FeedbackWithinWeeks;
        if (feedback.Published == true)
        {
            if (feedback.WithinWeeks <= metWeeks)
            {
                return a.Met();
            }
            var when = feedback.WithinWeeks is { } weeks ? $"after {Wording.Number(weeks)} weeks" : "without a time frame";
            return a.Advise("late", ("when", when), ("metWeeks", Wording.Number(metWeeks))).PartlyMet();
        }
        if (feedback.WithinWeeks is { } planned)
        {
            return a.Advise("planned", ("withinWeeks", Wording.Number(planned)), ("metWeeks", Wording.Number(metWeeks))).PartlyMet();
        }
        return a.Advise("none", ("metWeeks", Wording.Number(metWeeks))).NotMet();
    }

    private static Assessment CommunityInTheContract(Assessment a, PlanFacts f)
    {
        var c = f.CoDesign;
        if (c.OutcomesCoDesigned is null && c.CommunityReviewMonths is null)
        {
            return a.NotEvidenced("$.coDesign.outcomesCoDesigned", "$.coDesign.communityReviewMonths");
        }
        a.Read("$.coDesign.outcomesCoDesigned", c.OutcomesCoDesigned).Read("$.coDesign.communityReviewMonths", c.CommunityReviewMonths);
        var maxMonths = f.Parameters.CommunityReviewMaxMonths;
        var outcomes = c.OutcomesCoDesigned == true;
        var review = c.CommunityReviewMonths is > 0 and var months && months <= maxMonths;
        if (!outcomes)
        {
            a.Advise("no-outcomes");
        }
        if (!review)
        {
            a.Advise("no-review",
                ("reviewMonths", Wording.Number(maxMonths)),
                ("currentReview", c.CommunityReviewMonths is > 0 and var current ? $" (the plan says every {Wording.Number(current)} months)" : ""));
        }
        return (outcomes, review) switch
        {
            (true, true) => a.Met(),
            (false, false) => a.NotMet(),
            _ => a.PartlyMet(),
        };
    }
}
