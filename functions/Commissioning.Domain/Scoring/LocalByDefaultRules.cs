namespace Commissioning.Domain.Scoring;

/// <summary>
/// The rules of the "local by default" dimension (L1–L8), as <c>docs/rubric.md</c> explains them.
/// </summary>
internal static class LocalByDefaultRules
{
    /// <summary>Every criterion id of the dimension, bound to its rule.</summary>
    public static IReadOnlyDictionary<string, CriterionRule> ById { get; } = new Dictionary<string, CriterionRule>(StringComparer.Ordinal)
    {
        ["L1"] = ReservationConsidered,
        ["L2"] = Lots,
        ["L3"] = SizeALocalOrganisationCanWin,
        ["L4"] = EarlyLocalMarketEngagement,
        ["L5"] = LocalSocialValue,
        ["L6"] = LocalSpendTarget,
        ["L7"] = NeighbourhoodAndWholeSystemFit,
        ["L8"] = PeopleCentredRoute,
    };

    private static Assessment ReservationConsidered(Assessment a, PlanFacts f)
    {
        var p = f.Procurement;
        a.Read("$.procurement.reservation", p.Reservation).ReadText("$.procurement.reservationReason", p.ReservationReason);
        if (p.Reservation is null && p.ReservationReason is null)
        {
            return a.NotEvidenced("$.procurement.reservation");
        }
        if (f.GrantType)
        {
            a.Read("$.budget.fundingModel", f.Budget.FundingModel);
        }
        else
        {
            a.ReadThreshold(f);
            switch (f.AtOrAboveThreshold)
            {
                case null:
                    return a.NotEvidenced("$.budget.totalValue");
                case true:
                    var lots = p.Lots?.Count ?? 0;
                    a.Read("$.procurement.lots", lots);
                    return p.Reservation is Reservation.PublicServiceMutual or Reservation.SupportedEmployment || lots >= 2 ? a.Met() : a.NotApplicable();
            }
        }
        if (p.Reservation is Reservation.LocalArea or Reservation.SmeVcse or Reservation.LocalAreaAndSmeVcse)
        {
            return a.Met();
        }
        var whyAllowed = f.GrantType
            ? "Grant funding is outside the Procurement Act, so"
            : $"This {f.TotalValueText} contract is below the {f.ThresholdText} threshold, so";
        switch (p.Reservation)
        {
            case Reservation.Uk:
                return a.Advise("uk", ("whyAllowed", whyAllowed)).PartlyMet();
            case Reservation.PublicServiceMutual or Reservation.SupportedEmployment:
                return a.Advise("other", ("reservation", Wording.Word(p.Reservation.Value)), ("whyAllowed", whyAllowed)).PartlyMet();
            default:
                return PlanFacts.Given(p.ReservationReason)
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
        a.ReadThreshold(f);
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
        if (lots >= 2 || PlanFacts.Given(p.NoLotsReason))
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
            var largestLot = p.Lots?.Max(lot => lot.Value);
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
                a.Read("$.procurement.lots (largest value)", Wording.Money(largestLot.Value));
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
        var localDates = new List<DateOnly?>(events.Count);
        foreach (var engagement in events)
        {
            var local = (engagement.Organisations ?? []).FirstOrDefault(organisation =>
                organisation.Type is { } type && f.Parameters.LocalSectorTypes.Contains(type) && Postcodes.IsIn(organisation.Postcode, districts));
            if (local is null)
            {
                continue;
            }
            localDates.Add(engagement.Date);
            a.Read("local organisation engaged", $"{local.Name ?? "(unnamed)"} ({Postcodes.Normalise(local.Postcode)}){(engagement.Date is { } d ? " on " + Wording.Date(d) : "")}");
        }
        // The earliest dated event with a local organisation; null when none of them is dated.
        var earliestLocal = localDates.Min();
        if (localDates.Count == 0)
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
        var hasDefinition = PlanFacts.Given(p.LocalDefinition);
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
        var neighbourhoods = s.Neighbourhoods?.Count(PlanFacts.Given) ?? 0;
        var linked = s.LinkedServices?.Count(PlanFacts.Given) ?? 0;
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
}
