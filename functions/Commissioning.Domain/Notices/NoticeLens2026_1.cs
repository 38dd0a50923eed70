namespace Commissioning.Domain.Notices;

/// <summary>
/// The notice lens for rubric 2026.1 (design: notices.md §6–§10), as data. The ceiling it implies: local by default
/// 65, proportionate funding 20, co-design 0 of 100, so every notice would be red under the rubric's mechanics —
/// which is why bands are withheld below half coverage and the rest becomes questions (decision 0014).
/// </summary>
internal static class NoticeLens2026_1
{
    private const string Scored = " Judged against the rubric as if commissioned today; no Procurement Act alerts are raised.";

    public static NoticeLens Lens { get; } = new()
    {
        Version = "notice-lens/2026.1",
        RubricVersion = "2026.1",
        Description = "What a published OCDS notice can and cannot show for each criterion of rubric 2026.1, the question to ask instead, and when an alert may be raised on a notice.",
        BandCoverageMinimumPercent = 50,
        NeverInNotice =
        [
            "$.council.code", "$.reference", "$.commissioner", "$.service.category", "$.procurement.reservationReason",
            "$.procurement.lots[*].basis", "$.narrative",
        ],
        Criteria =
        [
            Full("L1", "Did the council consider reserving this contract to local organisations, or to SMEs and VCSEs, and record why not if it did not?"),
            Full("L2", "Was the work divided into lots a local organisation could win, or was the reason for one contract recorded?"),
            Full("L3", "What is the largest lot (or the contract) worth each year, and could a local organisation, or a consortium of them, take it on?"),
            Partial("L4", "Which local VCSEs and infrastructure bodies took part in market engagement, and how many weeks before the tender was it?",
                "The notice does not say who took part in market engagement, so local VCSEs cannot be recognised.", "$.market.engagement[*].organisations"),
            Partial("L5", "How is social value weighted in the evaluation, and is at least one social value measure local?",
                "The notice does not list the social value measures, so a local measure cannot be shown.", "$.procurement.socialValueMeasures"),
            None("L6", "Is there a local spend target for this contract, and how does the council define \"local\"?",
                "$.procurement.localSpendTargetPercent", "$.procurement.localDefinition"),
            None("L7", "Is delivery organised around named neighbourhoods, and which other services must it work with?",
                "$.service.neighbourhoods", "$.service.linkedServices"),
            Full("L8", "Is this a light-touch or healthcare service, and was a route chosen that lets the process be designed around the people who use it?"),
            None("P1", "Did the council consider a grant, and record why a contract was needed?", "$.budget.fundingModel", "$.budget.grantConsidered"),
            None("P2", "How quickly and how often will providers be paid, and how much of the payment depends on results?",
                "$.budget.paymentTermsDays", "$.budget.paymentSchedule", "$.budget.paymentByResultsPercent"),
            None("P3", "What turnover, insurance and selection stage are asked of bidders, and are they proportionate to the contract?",
                "$.procurement.insurance", "$.procurement.selectionQuestionnaire", "$.procurement.minimumAnnualTurnover"),
            Full("P4", "How many days did bidders have from publication to the deadline?"),
            Partial("P5", "How long is the contract with its extensions, and can the council end it early (a break clause)?",
                "The notice does not say whether there is a break clause.", "$.budget.breakClause"),
            Partial("P6", "Is price weighted at 40% or less, and may bids include overheads and core costs (full cost recovery)?",
                "The notice does not say whether bids may include overheads and core costs (full cost recovery).", "$.budget.fullCostRecovery"),
            None("P7", "How many scored questions, and how many words in all, does a bid need?", "$.procurement.scoredQuestions", "$.procurement.wordLimitTotal"),
            None("P8", "Does TUPE apply, and when is staff information shared with bidders?", "$.procurement.tupe.applies", "$.procurement.tupe.informationAt"),
            None("C1", "How far were residents involved in shaping this service: informed, consulted, engaged, co-designing or co-producing?", "$.coDesign.involvementLevel"),
            None("C2", "At which stages of the cycle (needs, specification, evaluation, monitoring) were residents involved?", "$.coDesign.activities"),
            None("C3", "Did residents or people with lived experience score the bids, trained and with conflicts of interest declared?", "$.coDesign.evaluationPanel"),
            None("C4", "Were residents asked which social value outcomes matter to them?", "$.coDesign.socialValueConsultation"),
            None("C5", "Do residents decide how any share of the budget is used?", "$.budget.communityControlledPercent"),
            None("C6", "Which of the groups most affected by the service were reached, and in accessible formats?", "$.coDesign.activities[*].groups", "$.coDesign.activities[*].accessibleFormats"),
            None("C7", "Will the people who took part be told what changed because of what they said (\"you said, we did\"), and how soon?", "$.coDesign.feedback"),
            None("C8", "Were the contract's outcomes designed with the community, and will the community review the service at least every year?",
                "$.coDesign.outcomesCoDesigned", "$.coDesign.communityReviewMonths"),
        ],
        Alerts =
        [
            new("A1", true, [AlertNeed.CertainlyAtOrAboveThreshold], "the value's side of the threshold is not certain from the notice"),
            new("A2", true, [AlertNeed.CertainlyAtOrAboveThreshold], "the value's side of the threshold is not certain from the notice"),
            new("A3", true, [AlertNeed.TermKnown], "the term is not known from the notice"),
            new("A4", false, [], "payment terms are never published in a notice"),
            new("A5", false, [], "insurance appears only in prose, and \"or can commit to obtain\" cover means at award, not to take part"),
            new("A6", false, [], "a selection questionnaire appears only in prose"),
            new("A7", true, [AlertNeed.CertainlyAtOrAboveThreshold, AlertNeed.LotsPublished], "one lot cannot be concluded: the portal publishes no lots structure, or the value's side of the threshold is not certain"),
            new("A8", false, [], "the notice is itself the tender notice"),
            new("A9", false, [], "a healthcare service is known from a notice only through a PSR legal basis, which is the PSR itself"),
            new("A10", false, [], "the funding model is never published in a notice"),
        ],
        Texts = new NoticeLensTexts
        {
            Label = "Scored from a published notice ({portal} {noticeId}), not from a commissioning plan submitted by the council. {evidenced} of {criteria} criteria could be read from the notice; the others are questions to ask.",
            CannotShow = "A published notice cannot show this. Ask: {question}",
            NotStated = "This notice does not say enough to judge \"{title}\". Ask: {question}",
            BandWithheld = "Band withheld: {coverage} of 100 points of this dimension could be read from the notice, below the {minimum} needed for a band. {score} points, {coverage} of 100 points assessable.",
            OverallBandWithheld = "Band withheld because the band of {dimensions} is withheld.",
            QuestionBeyondNotices = "a published notice cannot show this",
            QuestionNotStated = "this notice does not say",
            RegimeSuppressed = "not raised: {regime}",
            RegimeBanners =
            [
                new(NoticeRegime.PublicContractsRegulations2015, "Published under the Public Contracts Regulations 2015." + Scored),
                new(NoticeRegime.PublicContractsScotlandRegulations2015, "Published in Scotland, under the Public Contracts (Scotland) Regulations 2015." + Scored),
                new(NoticeRegime.UtilitiesContractsRegulations2016, "Published under the Utilities Contracts Regulations 2016." + Scored),
                new(NoticeRegime.ProviderSelectionRegime2023, "Published under the Provider Selection Regime. Judged against the rubric as if commissioned today; Procurement Act alerts do not apply, and the PSR alert cannot be shown from a notice."),
                new(NoticeRegime.BeforeProcurementAct, "Published before the Procurement Act 2023 came into force on 24 February 2025." + Scored),
                new(NoticeRegime.Unknown, "The law this notice was published under cannot be told from it." + Scored),
            ],
            ThresholdSideUncertain = "The value of {value} ({basis}) is close enough to the {thresholdName} threshold of {threshold} that VAT could put it on either side; nothing that depends on the side is concluded from it.",
            LightTouchUnknown = "the notice does not say whether the light-touch regime applies, and against the light-touch threshold of {lightTouchThreshold} the value could be below it",
            ThresholdsBeforeTheAct = "The rubric holds only Procurement Act thresholds; for a notice of {date} they are not the thresholds then in force.",
            AboveThresholdConflict = "The buyer says the value is {stated} the threshold; {value} is {side} the {threshold} threshold.",
            SizeIsACeiling = "The value is a ceiling across the call-offs of a framework or dynamic market, not one contract's size, so the size a local organisation could win cannot be judged.",
            LotsWithoutValues = "The notice divides the work into {lots} lots but gives none of them a value; sizing by the whole contract would overstate each lot.",
            SomeLotsWithoutValues = "{unknown} of {lots} lots have no value in the notice; the size is judged on the lots that have one.",
        },
    };

    private static CriterionLens Full(string id, string question) => new() { Id = id, Evidence = NoticeEvidence.Full, Question = question };

    private static CriterionLens Partial(string id, string question, string limit, params string[] never) =>
        new() { Id = id, Evidence = NoticeEvidence.Partial, Question = question, Limit = limit, NeverInNotice = never };

    private static CriterionLens None(string id, string question, params string[] never) =>
        new() { Id = id, Evidence = NoticeEvidence.None, Question = question, NeverInNotice = never };
}

/// <summary>Every notice lens this build knows, and the one that reads a rubric version.</summary>
public static class NoticeLenses
{
    public static IReadOnlyList<NoticeLens> All { get; } = [NoticeLens2026_1.Lens];

    /// <exception cref="KeyNotFoundException">No lens reads that rubric version.</exception>
    public static NoticeLens ForRubric(string rubricVersion) =>
        All.FirstOrDefault(l => l.RubricVersion == rubricVersion)
        ?? throw new KeyNotFoundException($"No notice lens reads rubric {rubricVersion}. Known: {string.Join(", ", All.Select(l => l.RubricVersion))}.");
}
