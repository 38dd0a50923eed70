namespace Commissioning.Domain.Scoring;

/// <summary>
/// Compliance alerts A1–A10: where a plan may break a legal rule. Not scored. An alert fires only on what the plan
/// says, never on a missing field. A1–A8 concern procured plans only: the Procurement Act does not cover genuine grants.
/// </summary>
internal static class AlertRules
{
    public static List<ComplianceAlert> Raise(PlanFacts f)
    {
        var alerts = new List<ComplianceAlert>(2);
        foreach (var definition in f.Rubric.Alerts)
        {
            var message = Check(definition, f);
            if (message is not null)
            {
                alerts.Add(new ComplianceAlert(definition.Id, definition.Title, message, definition.Basis));
            }
        }
        return alerts;
    }

    private static string? Check(AlertDefinition alert, PlanFacts f)
    {
        var p = f.Procurement;
        var b = f.Budget;
        var parameters = f.Parameters;
        var procured = !f.GrantType;
        var above = f.AtOrAboveThreshold;
        var totalValue = f.TotalValueText;
        var threshold = f.ThresholdAmountText;
        switch (alert.Id)
        {
            case "A1" when procured && above == true && p.Route is { } route && parameters.BelowThresholdRoutes.Contains(route):
                return Fill(alert, ("route", Wording.Word(route)), ("totalValue", totalValue), ("thresholdName", f.Threshold.Name), ("threshold", threshold));
            case "A2" when procured && above == true && p.Reservation is { } reservation && parameters.BelowThresholdOnlyReservations.Contains(reservation):
                return Fill(alert, ("reservation", Wording.Word(reservation)), ("totalValue", totalValue), ("thresholdName", f.Threshold.Name), ("threshold", threshold));
            case "A3" when procured && p.Reservation == Reservation.PublicServiceMutual:
                var problems = new List<string>(2);
                if (f.TotalTermMonths > parameters.MutualReservationMaxMonths)
                {
                    problems.Add($"for {Wording.Number(f.TotalTermMonths.Value)} months with extensions");
                }
                if (f.Service.LightTouch == false)
                {
                    problems.Add("for a service that is not a light-touch service");
                }
                return problems.Count == 0 ? null : Fill(alert, ("problem", Wording.List(problems)), ("maxMonths", Wording.Number(parameters.MutualReservationMaxMonths)));
            case "A4" when procured && b.PaymentTermsDays is { } days && days > parameters.PaymentTermsMaxDays:
                return Fill(alert, ("paymentTermsDays", Wording.Number(days)), ("maxDays", Wording.Number(parameters.PaymentTermsMaxDays)));
            case "A5" when procured && p.Insurance?.RequiredAt == InsuranceStage.Participation:
                return Fill(alert);
            case "A6" when procured && above == false && p.SelectionQuestionnaire == true:
                return Fill(alert, ("totalValue", totalValue), ("thresholdName", f.Threshold.Name), ("threshold", threshold));
            case "A7" when procured && above == true && (p.Lots?.Count ?? 0) <= 1 && string.IsNullOrWhiteSpace(p.NoLotsReason):
                return Fill(alert, ("totalValue", totalValue), ("thresholdName", f.Threshold.Name), ("threshold", threshold));
            case "A8" when procured && above == false && f.TotalValue >= f.NoticeThreshold.Amount && p.NoticePlanned == false
                           && p.Route is { } advertised && parameters.AdvertisedBelowThresholdRoutes.Contains(advertised):
                return Fill(alert, ("route", Wording.Word(advertised)), ("totalValue", totalValue), ("noticeThreshold", Wording.Money(f.NoticeThreshold.Amount)));
            case "A9" when f.Service.HealthcareService == true && p.Route is { } healthRoute
                           && healthRoute != ProcurementRoute.GrantAward && !parameters.ProviderSelectionRegimeRoutes.Contains(healthRoute):
                return Fill(alert, ("route", Wording.Word(healthRoute)));
            case "A10" when f.GrantType:
                var signs = new List<string>(3);
                if (p.Weighting?.Price is > 0 and var price)
                {
                    signs.Add($"weights price at {Wording.Number(price)}%");
                }
                if (b.PaymentByResultsPercent is > 0 and var pbr)
                {
                    signs.Add($"pays {Wording.Number(pbr)}% by results");
                }
                if (p.Route is { } grantRoute && grantRoute != ProcurementRoute.GrantAward)
                {
                    signs.Add($"uses the {Wording.Word(grantRoute)} route");
                }
                var model = b.FundingModel is { } m && m != FundingModel.Contract ? Wording.Word(m) : "grant";
                return signs.Count == 0 ? null : Fill(alert, ("fundingModel", model), ("signs", Wording.List(signs)));
            default:
                return null;
        }
    }

    private static string Fill(AlertDefinition alert, params ReadOnlySpan<(string Name, string Value)> values) => Wording.Fill(alert.Message, values);
}
