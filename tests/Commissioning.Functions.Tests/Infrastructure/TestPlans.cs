
namespace Commissioning.Functions.Tests.Infrastructure;

/// <summary>Plan documents for tests: a complete, valid plan (the one in plan-schema.md) that a test may change.</summary>
public static class TestPlans
{
    public static string Document(string council = CommissioningApi.DemoCouncil, string reference = "SBC-2026-014", Action<JsonObject>? change = null)
    {
        var plan = JsonNode.Parse(Complete)!.AsObject();
        plan["council"]!["code"] = council;
        plan["reference"] = reference;
        change?.Invoke(plan);
        return plan.ToJsonString();
    }

    public static StringContent Content(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public static StringContent Content(string council = CommissioningApi.DemoCouncil, string reference = "SBC-2026-014", Action<JsonObject>? change = null) =>
        Content(Document(council, reference, change));

    public const string Complete = """
    {
      "schemaVersion": "1.0",
      "council": { "code": "E07000243", "name": "Stevenage Borough Council" },
      "reference": "SBC-2026-014",
      "title": "Neighbourhood wellbeing hubs",
      "commissioner": { "name": "A. Officer", "team": "Communities", "email": "a.officer@example.gov.uk" },
      "service": {
        "category": "community",
        "description": "Drop-in hubs where residents find support, advice and each other.",
        "lightTouch": true,
        "healthcareService": false,
        "neighbourhoods": ["Bedwell", "Shephall"],
        "linkedServices": ["GP social prescribing", "Housing options"]
      },
      "budget": {
        "totalValue": 480000,
        "termMonths": 36,
        "extensionMonths": 24,
        "breakClause": true,
        "fundingModel": "contract",
        "grantConsidered": "a contract is needed because outcomes are specified",
        "paymentTermsDays": 30,
        "paymentSchedule": "monthly",
        "paymentByResultsPercent": 0,
        "fullCostRecovery": true,
        "communityControlledPercent": 10
      },
      "procurement": {
        "route": "below-threshold-open",
        "plannedTenderDate": "2026-03-02",
        "reservation": "local-area-and-sme-vcse",
        "lots": [ { "name": "North", "value": 240000, "basis": "geography" }, { "name": "South", "value": 240000, "basis": "geography" } ],
        "consortiaWelcome": true,
        "bidWindowDays": 35,
        "selectionQuestionnaire": false,
        "minimumAnnualTurnover": 0,
        "insurance": { "publicLiability": 2000000, "requiredAt": "award" },
        "weighting": { "quality": 60, "price": 30, "socialValue": 10 },
        "socialValueMeasures": [ { "description": "Local people employed", "local": true } ],
        "localSpendTargetPercent": 60,
        "localDefinition": "Stevenage postcode districts SG1 and SG2",
        "scoredQuestions": 5,
        "wordLimitTotal": 4000,
        "tupe": { "applies": false, "informationAt": "engagement" },
        "noticePlanned": true
      },
      "market": {
        "engagement": [
          { "date": "2025-12-01", "format": "workshop",
            "organisations": [ { "name": "Stevenage CVS", "type": "infrastructure", "postcode": "SG1 1HN" },
                               { "name": "Bedwell Community Association", "type": "vcse", "postcode": "SG1 2BB" } ] }
        ]
      },
      "coDesign": {
        "involvementLevel": "co-design",
        "activities": [
          { "stage": "needs", "method": "workshop", "date": "2025-10-14", "participants": 42,
            "groups": ["carers", "young people"], "accessibleFormats": true }
        ],
        "evaluationPanel": { "residentsScore": true, "trained": true, "conflictsDeclared": true },
        "socialValueConsultation": "done",
        "feedback": { "published": true, "withinWeeks": 6 },
        "outcomesCoDesigned": true,
        "communityReviewMonths": 12
      },
      "narrative": "Hubs build on what residents already run."
    }
    """;
}
