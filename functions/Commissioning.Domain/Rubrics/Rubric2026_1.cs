
namespace Commissioning.Domain.Rubrics;

/// <summary>
/// Keep it Local rubric 2026.1 (explained in docs/rubric.md), as data. Numbers the rules compare against are in
/// <see cref="RuleParameters"/>; texts take the plan's own values through {placeholders}.
/// </summary>
internal static class Rubric2026_1
{
    private const string CheckWithTeam = "Check with your procurement/legal team.";

    private static Basis Law(string text) => new(BasisKind.Law, text);
    private static Basis Guidance(string text) => new(BasisKind.Guidance, text);
    private static Basis OwnJudgement(string text) => new(BasisKind.Rubric, text);

    public static Rubric Rubric { get; } = new()
    {
        Version = "2026.1",
        Description = "Keep it Local rubric 2026.1: local by default, proportionate funding, co-design through the whole cycle. Thresholds from 1 January 2026.",
        Bands = new BandLimits(GreenFrom: 70, AmberFrom: 40),
        Shares = new StatusShares(Met: 1.0m, PartlyMet: 0.5m),
        Principles =
        [
            new(1, "Think whole system, not service silos"),
            new(2, "Co-ordinate services at neighbourhood level"),
            new(3, "Increase local spend"),
            new(4, "Focus on prevention now to save costs later"),
            new(5, "Commit to the community and support local organisations"),
            new(6, "Commission simply and collaboratively so services are local by default"),
        ],
        Thresholds =
        [
            new(ThresholdKind.GoodsAndServices, "goods and services (councils)", 207_720m, new DateOnly(2026, 1, 1), null, "Procurement Act 2023 thresholds (SI 2025/1200)"),
            new(ThresholdKind.GoodsAndServices, "goods and services (councils)", 214_904m, null, new DateOnly(2025, 12, 31), "Procurement Act 2023, Schedule 1"),
            new(ThresholdKind.LightTouch, "light-touch services", 663_540m, new DateOnly(2026, 1, 1), null, "Procurement Act 2023 thresholds (SI 2025/1200)"),
            new(ThresholdKind.LightTouch, "light-touch services", 663_540m, null, new DateOnly(2025, 12, 31), "Procurement Act 2023, Schedule 1"),
            new(ThresholdKind.Works, "works", 5_193_000m, new DateOnly(2026, 1, 1), null, "Procurement Act 2023 thresholds (SI 2025/1200)"),
            new(ThresholdKind.Works, "works", 5_372_609m, null, new DateOnly(2025, 12, 31), "Procurement Act 2023, Schedule 1"),
            new(ThresholdKind.BelowThresholdNotice, "below-threshold tender notice when advertised", 30_000m, new DateOnly(2026, 1, 1), null, "Procurement Act 2023 s.87"),
            new(ThresholdKind.BelowThresholdNotice, "below-threshold tender notice when advertised", 30_000m, null, new DateOnly(2025, 12, 31), "Procurement Act 2023 s.87"),
        ],
        Parameters = new RuleParameters
        {
            LotsExpectedAboveValue = 100_000m,
            LocalSizeAnnualValue = 207_720m,
            ConsortiumSizeMultiple = 2m,
            EarlyEngagementWeeks = 8,
            LocalSectorTypes = [OrganisationType.Vcse, OrganisationType.Infrastructure],
            SocialValueMetPercent = 10m,
            SocialValuePartlyPercent = 5m,
            CouncilLocalSpendBenchmarkPercent = 46m,
            CouncilLocalSpendBenchmarkYear = 2022,
            PeopleCentredRoutes = [ProcurementRoute.LightTouchFlexible, ProcurementRoute.PsrDirectAward, ProcurementRoute.PsrMostSuitableProvider, ProcurementRoute.GrantAward],
            PaymentTermsMaxDays = 30,
            PaymentByResultsMetPercent = 10m,
            PaymentByResultsPartlyPercent = 25m,
            CashFlowFriendlySchedules = [PaymentSchedule.Advance, PaymentSchedule.Monthly],
            TurnoverMultipleOfAnnualValue = 2m,
            PublicLiabilityMax = 5_000_000m,
            BidWindowMetDays = 30,
            BidWindowPartlyDays = 15,
            TermMetFromMonths = 36,
            TermMetToMonths = 60,
            TermPartlyFromMonths = 24,
            PriceWeightMaxPercent = 40m,
            ScoredQuestionsMet = 5,
            WordLimitMet = 5_000,
            ScoredQuestionsPartly = 10,
            WordLimitPartly = 10_000,
            AboveThresholdProcessMultiple = 2,
            InvolvementLadder =
            [
                new(InvolvementLevel.Informing, 0m),
                new(InvolvementLevel.Consultation, 0.25m),
                new(InvolvementLevel.Engagement, 0.5m),
                new(InvolvementLevel.CoDesign, 0.75m),
                new(InvolvementLevel.CoProduction, 1.0m),
            ],
            CycleStagesMet = 3,
            CycleStagesPartly = 2,
            CommunityControlledMetPercent = 5m,
            DistinctGroupsMet = 2,
            FeedbackWithinWeeks = 8,
            CommunityReviewMaxMonths = 12,
            MutualReservationMaxMonths = 60,
            BelowThresholdOnlyReservations = [Reservation.LocalArea, Reservation.SmeVcse, Reservation.LocalAreaAndSmeVcse, Reservation.Uk],
            BelowThresholdRoutes = [ProcurementRoute.BelowThresholdInvited, ProcurementRoute.BelowThresholdOpen],
            AdvertisedBelowThresholdRoutes = [ProcurementRoute.BelowThresholdOpen],
            ProviderSelectionRegimeRoutes = [ProcurementRoute.PsrDirectAward, ProcurementRoute.PsrMostSuitableProvider, ProcurementRoute.PsrCompetitive],
        },
        Texts = new RubricTexts
        {
            NotEvidenced = "The plan does not say enough to score \"{title}\". Add {fields}.",
            CouncilNotRegisteredRecommendation = "Council {councilCode} has no record of its local postcode districts, so local organisations cannot be recognised. Register the council (PUT /api/councils/{councilCode}) and score the plan again.",
            CouncilNotRegisteredNote = "Council {councilCode} is not registered (or has no local postcode districts), so criteria that need to know which postcodes are local (L4) are not evidenced. Register it with PUT /api/councils/{councilCode} (name and localPostcodeDistricts, e.g. [\"SG1\",\"SG2\"]) and score the plan again.",
            ThresholdNote = "Threshold used: {thresholdName}, {threshold} including VAT ({inForce}), the one in force on {date}, {dateSource}.",
            PartialEvidence = "Also add {fields} so this can be judged in full.",
            SettledShortfall = "Whichever the answer to {questions}, this is {status}; add {fields} and score the plan again to see what would meet it.",
            DimensionWithoutApplicableCriteriaNote = "No criterion in \"{dimension}\" applies to this plan; it is shown as 100 and left out of the overall score.",
        },
        Dimensions =
        [
            new DimensionDefinition
            {
                Id = "local-by-default",
                Title = "Local by default",
                Criteria =
                [
                    new CriterionDefinition
                    {
                        Id = "L1", Title = "Reservation considered", Weight = 15, Principles = [3, 5, 6],
                        Rule = "Below the threshold (and for grant funding, which the Procurement Act does not cover): met if reserved to the local area and/or SMEs and VCSEs; partly met if UK-only, another reservation, or a recorded reason for none; not met otherwise. Above the threshold: met for a public-service-mutual or supported-employment reservation or at least two lots; otherwise not applicable.",
                        Basis = Law("Procurement Act 2023 ss.32–33 and below-threshold reservations (SI 2026/94)"),
                        Recommendations =
                        [
                            new("none", "{whyAllowed} it can be limited to organisations in the local area and/or to SMEs and VCSEs. Reserve it that way, or record in reservationReason why not."),
                            new("uk", "Only a UK-wide reservation is recorded. {whyAllowed} it can be limited to the local area and/or to SMEs and VCSEs, which keeps more of the money local."),
                            new("reason", "You recorded why there is no reservation (\"{reservationReason}\"). {whyAllowed} it can be limited to the local area and/or to SMEs and VCSEs; check that the reason still holds."),
                            new("other", "A {reservation} reservation is recorded. {whyAllowed} it can also be limited to the local area and/or to SMEs and VCSEs."),
                        ],
                    },
                    new CriterionDefinition
                    {
                        Id = "L2", Title = "Lots", Weight = 15, Principles = [2, 3, 6],
                        Rule = "When the total value is at or above the threshold or above £100,000: met with at least two lots, or a recorded reason for a single contract (noLotsReason); not met otherwise. Not applicable below £100,000 and for grant funding, participatory budgets and community chests.",
                        Basis = Law("Procurement Act 2023 s.18 (duty to consider lots); the £100,000 floor is the rubric's judgement"),
                        Recommendations =
                        [
                            new("single", "At {totalValue} this is large enough to divide, but the plan has {lotCount}. Split it into lots by neighbourhood, client group or service type so local organisations can bid, or record in noLotsReason why one contract is needed."),
                        ],
                    },
                    new CriterionDefinition
                    {
                        Id = "L3", Title = "Size a local organisation can win", Weight = 10, Principles = [3, 5],
                        Rule = "The largest lot's (or the contract's) annual value is at most £207,720: met; up to twice that with consortia welcome: partly met; otherwise not met. A lot's value covers the whole term, so its annual value is its value divided by the years. For grant programmes, participatory budgets and community chests the measure is the largest single award (maximumAward).",
                        Basis = OwnJudgement("Keep it Local: contracts sized so local organisations can win them; the yardstick is the 2026 goods and services threshold"),
                        Recommendations =
                        [
                            new("consortium", "{largest}: within reach of a consortium, but above the {localSize} a year a single local organisation can usually take on. Consider smaller lots so local organisations can bid on their own."),
                            new("too-large", "{largest}: above what a local organisation can take on (about {localSize} a year, or {consortiumSize} with consortia welcome). Split it into smaller lots or awards{consortiaAdvice}."),
                        ],
                    },
                    new CriterionDefinition
                    {
                        Id = "L4", Title = "Early, two-way market engagement with local organisations", Weight = 15, Principles = [5, 6],
                        Rule = "Met if an engagement event at least 8 weeks before the planned tender date included a local VCSE or infrastructure body (postcode in the council's districts); partly met if engagement happened but late, without dates to compare, or with no local VCSE; not met if the plan lists no engagement.",
                        Basis = Guidance("Procurement Act 2023 s.16 (preliminary market engagement); Keep it Local principle 6"),
                        Recommendations =
                        [
                            new("empty", "The plan records no market engagement. Hold an engagement event at least {weeks} weeks before the tender date with local VCSEs and the local infrastructure body (for example the CVS)."),
                            new("no-local", "No engagement event ({eventCount} recorded) included a VCSE or infrastructure body with a postcode in {districts}. Invite local VCSEs and the local infrastructure body, and record their postcodes."),
                            new("late", "Local organisations were engaged, but the earliest such event was {weeksBefore} weeks before the planned tender date of {tenderDate}. Engage at least {weeks} weeks before, so they can shape the service and form partnerships."),
                            new("undated", "Local organisations were engaged, but without {undated} the timing cannot be checked. Engage at least {weeks} weeks before the tender and record the dates."),
                        ],
                    },
                    new CriterionDefinition
                    {
                        Id = "L5", Title = "Social value with a local element", Weight = 15, Principles = [3, 4],
                        Rule = "Met if social value is weighted at least 10% and at least one measure is local; partly met if at least 10% with no local measure, or 5–9%; not met below 5%. Not applicable for grant funding.",
                        Basis = Law("Procurement Act 2023 s.12 and the National Procurement Policy Statement (2025); the percentages are the rubric's judgement"),
                        Recommendations =
                        [
                            new("no-local-measure", "Social value is weighted at {socialValue}% but no measure is local. Add at least one local measure, for example local people employed or spend with local VCSEs."),
                            new("low-weight", "Social value is weighted at {socialValue}%. Raise it to at least {metPercent}% and include at least one local measure."),
                        ],
                    },
                    new CriterionDefinition
                    {
                        Id = "L6", Title = "Local spend target and definition", Weight = 10, Principles = [3],
                        Rule = "Met if a local spend target and a definition of \"local\" are both set; partly met if only one. For comparison, English councils sent about 46% of their spend to local suppliers in 2022.",
                        Basis = OwnJudgement("Keep it Local principle 3 (increase local spend); benchmark from councils' 2022 spend data"),
                        Recommendations =
                        [
                            new("no-definition", "A local spend target of {target}% is set, but \"local\" is not defined. Define it (for example by postcode district) so local spend can be counted. English councils sent about {benchmark}% of spend to local suppliers in {benchmarkYear}."),
                            new("no-target", "\"Local\" is defined ({definition}) but there is no local spend target. Set one; English councils sent about {benchmark}% of spend to local suppliers in {benchmarkYear}."),
                            new("none", "Set a local spend target and define what \"local\" means (for example by postcode district). English councils sent about {benchmark}% of spend to local suppliers in {benchmarkYear}."),
                        ],
                    },
                    new CriterionDefinition
                    {
                        Id = "L7", Title = "Neighbourhood and whole-system fit", Weight = 10, Principles = [1, 2],
                        Rule = "Met if delivery is organised by named neighbourhoods and at least one linked service is named; partly met if one of the two.",
                        Basis = OwnJudgement("Keep it Local principles 1 and 2"),
                        Recommendations =
                        [
                            new("no-linked", "Delivery is organised by {neighbourhoodCount} named neighbourhood(s) but no linked services are named. Name the services this must work with, for example GP social prescribing or housing options."),
                            new("no-neighbourhoods", "{linkedCount} linked service(s) are named, but delivery is not organised by neighbourhood. Name the neighbourhoods or wards it serves."),
                            new("none", "Name the neighbourhoods or wards the service is organised around, and the services it must work with."),
                        ],
                    },
                    new CriterionDefinition
                    {
                        Id = "L8", Title = "A route that suits people-centred services", Weight = 10, Principles = [1, 6],
                        Rule = "For light-touch or healthcare services: met for a light-touch flexible route, a public-service-mutual reservation, a Provider Selection Regime most-suitable-provider or direct award, or a grant; partly met for an open procedure or any other route. Otherwise not applicable.",
                        Basis = Law("Procurement Act 2023 (light-touch contracts, s.33) and the Health Care Services (Provider Selection Regime) Regulations 2023"),
                        Recommendations =
                        [
                            new("other-route", "This {serviceKind} service is planned under the {route} route. A light-touch flexible process, a public-service-mutual reservation or, for healthcare, a Provider Selection Regime route lets you design the process around the people who use it; consider one."),
                        ],
                    },
                ],
            },
            new DimensionDefinition
            {
                Id = "proportionate-funding",
                Title = "Proportionate funding",
                Criteria =
                [
                    new CriterionDefinition
                    {
                        Id = "P1", Title = "Grant considered", Weight = 15, Principles = [5, 6],
                        Rule = "Met if funding is a grant, community chest, participatory budget or mixed, or the plan records why a contract is needed (grantConsidered); not met otherwise.",
                        Basis = Guidance("Keep it Local: grant where it fits; Managing Public Money on proportionate funding"),
                        Recommendations =
                        [
                            new("not-considered", "The plan funds this as a {fundingModel} without recording whether a grant would do. Consider a grant, or record in grantConsidered why a contract is needed."),
                        ],
                    },
                    new CriterionDefinition
                    {
                        Id = "P2", Title = "Cash flow", Weight = 20, Principles = [5],
                        Rule = "Met if payment terms are at most 30 days, payment is in advance or monthly, and payment by results is at most 10%; partly met if terms are at most 30 days but payment is quarterly in arrears or payment by results is 11–25%; not met if terms are over 30 days, payment by results is over 25%, or payment is on completion.",
                        Basis = Law("Procurement Act 2023 ss.68 and 88 (30-day payment terms); payment by results limits are the rubric's judgement"),
                        Recommendations =
                        [
                            new("terms-long", "Payment terms are {paymentTermsDays} days; pay within {maxDays} days."),
                            new("on-completion", "Payment on completion leaves providers carrying the whole cost; pay monthly or in advance."),
                            new("quarterly", "Payment quarterly in arrears strains small organisations' cash flow; pay monthly or in advance."),
                            new("pbr-high", "Payment by results is {pbr}% of the price; keep it to {pbrMet}% or less so small organisations do not carry the risk."),
                        ],
                    },
                    new CriterionDefinition
                    {
                        Id = "P3", Title = "Proportionate conditions to take part", Weight = 20, Principles = [5, 6],
                        Rule = "Not met if insurance is required at the participation stage, or a selection questionnaire is used on a below-threshold contract; partly met if the turnover test is above twice the annual value, or public liability cover above £5m is asked for; met otherwise.",
                        Basis = Law("Procurement Act 2023 s.22 (proportionate conditions of participation) and s.85 (no selection questionnaire below threshold)"),
                        Recommendations =
                        [
                            new("insurance-participation", "Insurance is required at the participation stage; ask only the winner for it, at award."),
                            new("questionnaire", "A selection questionnaire is planned for a below-threshold contract ({totalValue}); drop it and check suitability proportionately."),
                            new("turnover", "The minimum annual turnover of {turnover} is more than {multiple} times the annual value of {annualValue}; lower it or drop it."),
                            new("public-liability", "Public liability cover of {publicLiability} is asked for; more than {plMax} is rarely needed for a service like this."),
                        ],
                    },
                    new CriterionDefinition
                    {
                        Id = "P4", Title = "Time to bid", Weight = 10, Principles = [6],
                        Rule = "A bid window of at least 30 days is met; 15–29 days partly met; under 15 days not met.",
                        Basis = OwnJudgement("Keep it Local: time for small organisations and consortia to prepare"),
                        Recommendations =
                        [
                            new("short", "The bid window is {bidWindowDays} days; give at least {metDays} days so small organisations and consortia can prepare."),
                        ],
                    },
                    new CriterionDefinition
                    {
                        Id = "P5", Title = "Length that fits a relationship", Weight = 10, Principles = [4, 5],
                        Rule = "A term with extensions of 36–60 months with a break clause is met; 24–35 months, over 60 months, or 36–60 months without a break clause is partly met; under 24 months is not met. Not applicable for participatory budgets and community chests (annual rounds).",
                        Basis = OwnJudgement("Keep it Local principle 4: time to build relationships and prevention"),
                        Recommendations =
                        [
                            new("short", "The term with extensions is {totalTermMonths} months; {metFrom}–{metTo} months with a break clause gives time to build relationships and prevention."),
                            new("long", "The term with extensions is {totalTermMonths} months; keep it to {metTo} months or less, with a break clause, so the market stays open."),
                            new("no-break", "The term of {totalTermMonths} months has no break clause; add one."),
                        ],
                    },
                    new CriterionDefinition
                    {
                        Id = "P6", Title = "Realistic price", Weight = 10, Principles = [5],
                        Rule = "Met if price is weighted at most 40% and full cost recovery is allowed; partly met if one of the two; not met if neither. Not applicable for grant funding.",
                        Basis = OwnJudgement("Keep it Local: price realistically, including overheads"),
                        Recommendations =
                        [
                            new("price-high", "Price is weighted at {price}%; keep it to {priceMax}% or less."),
                            new("no-full-cost-recovery", "Allow full cost recovery so bids can include overheads and core costs."),
                        ],
                    },
                    new CriterionDefinition
                    {
                        Id = "P7", Title = "Light process", Weight = 10, Principles = [6],
                        Rule = "Below the threshold (and for grant funding): met with at most 5 scored questions and 5,000 words in total; partly met up to 10 questions and 10,000 words; not met above. At or above the threshold: twice those limits.",
                        Basis = OwnJudgement("Keep it Local principle 6: commission simply"),
                        Recommendations =
                        [
                            new("heavy", "The process asks for {questions} scored question(s) and up to {words} words in total; keep it to {metQuestions} questions and {metWords} words."),
                        ],
                    },
                    new CriterionDefinition
                    {
                        Id = "P8", Title = "Transfer risks shared early", Weight = 5, Principles = [5],
                        Rule = "If TUPE applies: met when staff information is shared at market engagement, partly met at tender, not met otherwise. Not applicable when TUPE does not apply, or for grant funding.",
                        Basis = Law("Transfer of Undertakings (Protection of Employment) Regulations 2006; sharing early is the rubric's judgement"),
                        Recommendations =
                        [
                            new("tender", "TUPE applies and staff information is shared only at tender; share it during market engagement so bidders can price the risk."),
                            new("none", "TUPE applies but no sharing of staff information is planned; share it during market engagement so bidders can price the risk."),
                        ],
                    },
                ],
            },
            new DimensionDefinition
            {
                Id = "co-design",
                Title = "Co-design through the whole cycle",
                Criteria =
                [
                    new CriterionDefinition
                    {
                        Id = "C1", Title = "Depth of involvement", Weight = 20, Principles = [5, 6],
                        Rule = "Co-production earns the full weight, co-design 0.75, engagement 0.5, consultation 0.25, informing nothing (the ladder of co-production).",
                        Basis = Guidance("The ladder of co-production (Think Local Act Personal; New Economics Foundation)"),
                        Recommendations =
                        [
                            new("climb", "Involvement is at the level of {level}; move up the ladder towards co-production, with residents sharing decisions and delivery."),
                        ],
                    },
                    new CriterionDefinition
                    {
                        Id = "C2", Title = "Involvement across the cycle", Weight = 20, Principles = [1, 6],
                        Rule = "Activities at 3 or more of the 4 stages (needs, specification, evaluation, monitoring) are met; 2 partly met; 1 or none not met.",
                        Basis = OwnJudgement("Keep it Local co-design cycle: engage early and throughout"),
                        Recommendations =
                        [
                            new("stages", "Involvement covers {stageCount} of the 4 stages{coveredStages}; involve residents at {missingStages} too."),
                        ],
                    },
                    new CriterionDefinition
                    {
                        Id = "C3", Title = "Residents on the evaluation panel", Weight = 15, Principles = [5, 6],
                        Rule = "Met if residents or people with lived experience score, trained and with conflicts declared; partly met if they only advise or are untrained (or conflicts are not declared); not met if they neither score nor are trained.",
                        Basis = OwnJudgement("Keep it Local co-design cycle: community accountability"),
                        Recommendations =
                        [
                            new("untrained", "Residents score bids but are not trained; train them before evaluation."),
                            new("conflicts", "Residents score bids but conflicts of interest are not declared; ask every panel member to declare them."),
                            new("advise", "Residents advise the evaluation panel but do not score; give them a scoring role, trained and with conflicts declared."),
                            new("none", "Residents have no role in evaluation; put trained residents or people with lived experience on the panel, scoring, with conflicts declared."),
                        ],
                    },
                    new CriterionDefinition
                    {
                        Id = "C4", Title = "Social value consultation", Weight = 10, Principles = [3, 4],
                        Rule = "Consultation on social value done: met; considered: partly met; not considered: not met.",
                        Basis = Law("Public Services (Social Value) Act 2012 s.1(7): the authority must consider whether to consult"),
                        Recommendations =
                        [
                            new("considered", "Social value consultation has been considered but not done; ask residents which social value outcomes matter to them before setting the measures."),
                            new("not-considered", "Ask residents which social value outcomes matter to them before setting the measures."),
                        ],
                    },
                    new CriterionDefinition
                    {
                        Id = "C5", Title = "Money the community controls", Weight = 10, Principles = [2, 5],
                        Rule = "Met if at least 5% of the budget is decided by residents, or the funding is a participatory budget; partly met above 0% and below 5%; not met at 0%. A councillors' community chest is decided by councillors, not residents.",
                        Basis = OwnJudgement("Keep it Local co-design cycle: community ownership"),
                        Recommendations =
                        [
                            new("some", "Residents decide {percent}% of the budget; hand at least {metPercent}% to them, for example through a participatory budgeting round or a resident grants panel."),
                            new("none", "Residents decide none of the budget; hand at least {metPercent}% to them, for example through a participatory budgeting round or a resident grants panel."),
                        ],
                    },
                    new CriterionDefinition
                    {
                        Id = "C6", Title = "Reaching those most affected", Weight = 10, Principles = [2, 4],
                        Rule = "Across all activities: met if at least 2 distinct named groups are reached and at least one activity is in accessible formats; partly met if groups are named without accessible formats, or only one group; not met if no activity names a group.",
                        Basis = OwnJudgement("Keep it Local co-design cycle: remove barriers to access"),
                        Recommendations =
                        [
                            new("no-accessible", "Activities reached {groupCount} group(s) ({groups}) but none was in accessible formats; offer easy read, interpreters or other accessible formats."),
                            new("one-group", "Activities reached one group ({groups}); reach at least {metGroups} of the groups most affected, in accessible formats."),
                            new("no-groups", "No activity names the groups it reached; name and reach at least {metGroups} of the groups most affected, in accessible formats."),
                        ],
                    },
                    new CriterionDefinition
                    {
                        Id = "C7", Title = "Feedback loop", Weight = 10, Principles = [5],
                        Rule = "Met if \"you said, we did\" feedback is published within 8 weeks; partly met if published later, or planned (not yet published, with a time frame); not met otherwise.",
                        Basis = Guidance("Gunning principles of fair consultation; Keep it Local co-design cycle"),
                        Recommendations =
                        [
                            new("late", "Feedback is published {when}; publish \"you said, we did\" within {metWeeks} weeks."),
                            new("planned", "Feedback is planned within {withinWeeks} weeks but not yet published; publish \"you said, we did\" within {metWeeks} weeks."),
                            new("none", "Publish \"you said, we did\" feedback within {metWeeks} weeks of each activity."),
                        ],
                    },
                    new CriterionDefinition
                    {
                        Id = "C8", Title = "Community in the contract", Weight = 5, Principles = [1, 4],
                        Rule = "Met if outcomes are co-designed and a community review happens at least every 12 months; partly met if one of the two.",
                        Basis = OwnJudgement("Keep it Local co-design cycle: community accountability"),
                        Recommendations =
                        [
                            new("no-outcomes", "Co-design the outcomes in the contract with the community."),
                            new("no-review", "Hold a community review at least every {reviewMonths} months{currentReview}."),
                        ],
                    },
                ],
            },
        ],
        Alerts =
        [
            new AlertDefinition
            {
                Id = "A1", Title = "Below-threshold route above the threshold",
                When = "the route is a below-threshold route but the total value is at or above its threshold",
                Message = "The route is {route} but the total value of {totalValue} is at or above the {thresholdName} threshold of {threshold}. The contract may need an above-threshold procedure. " + CheckWithTeam,
                Basis = "Procurement Act 2023 thresholds (SI 2025/1200)",
            },
            new AlertDefinition
            {
                Id = "A2", Title = "Reservation above the threshold",
                When = "a local-area, SME/VCSE or UK reservation on a contract at or above the threshold",
                Message = "A {reservation} reservation is planned on a contract of {totalValue}, at or above the {thresholdName} threshold of {threshold}; these reservations are allowed below the threshold only. " + CheckWithTeam,
                Basis = "Procurement Act 2023 below-threshold reservations (SI 2026/94)",
            },
            new AlertDefinition
            {
                Id = "A3", Title = "Public-service-mutual reservation outside its limits",
                When = "a public-service-mutual reservation with a term above 5 years, or outside light-touch services",
                Message = "A public-service-mutual reservation is planned {problem}. Such a reservation is limited to light-touch services and a term of {maxMonths} months. " + CheckWithTeam,
                Basis = "Procurement Act 2023 s.33",
            },
            new AlertDefinition
            {
                Id = "A4", Title = "Payment terms over 30 days",
                When = "payment terms above 30 days",
                Message = "Payment terms are {paymentTermsDays} days; public contracts must pay valid invoices within {maxDays} days. " + CheckWithTeam,
                Basis = "Procurement Act 2023 s.68 (above threshold), s.88 (below threshold)",
            },
            new AlertDefinition
            {
                Id = "A5", Title = "Insurance required to take part",
                When = "insurance required at the participation stage",
                Message = "Insurance is required at the participation stage; requiring it before award may be a disproportionate condition of participation. " + CheckWithTeam,
                Basis = "Procurement Act 2023 s.22(3)(b)",
            },
            new AlertDefinition
            {
                Id = "A6", Title = "Selection questionnaire below the threshold",
                When = "a selection questionnaire on a below-threshold services contract",
                Message = "A selection questionnaire is planned on a contract of {totalValue}, below the {thresholdName} threshold of {threshold}; a separate suitability stage is not allowed below the threshold. " + CheckWithTeam,
                Basis = "Procurement Act 2023 s.85",
            },
            new AlertDefinition
            {
                Id = "A7", Title = "One lot above the threshold without a reason",
                When = "at or above the threshold, one lot, and no reason recorded",
                Message = "The contract of {totalValue} is at or above the {thresholdName} threshold of {threshold}, is not divided into lots, and no reason is recorded. The authority must consider lots and record why it did not use them. " + CheckWithTeam,
                Basis = "Procurement Act 2023 s.18",
            },
            new AlertDefinition
            {
                Id = "A8", Title = "No below-threshold tender notice",
                When = "advertised, value at or above £30,000, no notice planned",
                Message = "The competition is advertised ({route}) and worth {totalValue}, at or above {noticeThreshold}, but no below-threshold tender notice is planned. " + CheckWithTeam,
                Basis = "Procurement Act 2023 s.87",
            },
            new AlertDefinition
            {
                Id = "A9", Title = "Healthcare service outside the Provider Selection Regime",
                When = "a healthcare service planned under a Procurement Act route rather than the PSR",
                Message = "This is a healthcare service in scope of the Provider Selection Regime, but it is planned under the {route} route. Healthcare services are arranged under the PSR. " + CheckWithTeam,
                Basis = "Health Care Services (Provider Selection Regime) Regulations 2023",
            },
            new AlertDefinition
            {
                Id = "A10", Title = "Grant that looks like a contract",
                When = "grant-type funding with a price weighting above 0, payment by results above 0, or a procurement route other than grant-award",
                Message = "The plan funds this as a {fundingModel} but {signs}: signs of a contract for services, which the Procurement Act covers. Take advice on grant or contract, and on subsidy control. " + CheckWithTeam,
                Basis = "Procurement Act 2023 (covers contracts for services); Subsidy Control Act 2022",
            },
        ],
    };
}
