using System.Text.Json.Serialization;

namespace Commissioning.Domain.Plans;

// Enum members carry the exact kebab-case words of the published plan schema (GET /api/schema/plan); those words are the contract.

public enum ServiceCategory
{
    [JsonStringEnumMemberName("adult-social-care")] AdultSocialCare,
    [JsonStringEnumMemberName("children-and-families")] ChildrenAndFamilies,
    [JsonStringEnumMemberName("health")] Health,
    [JsonStringEnumMemberName("public-health")] PublicHealth,
    [JsonStringEnumMemberName("housing-support")] HousingSupport,
    [JsonStringEnumMemberName("advice")] Advice,
    [JsonStringEnumMemberName("youth")] Youth,
    [JsonStringEnumMemberName("community")] Community,
    [JsonStringEnumMemberName("environment")] Environment,
    [JsonStringEnumMemberName("leisure-and-culture")] LeisureAndCulture,
    [JsonStringEnumMemberName("employment-and-skills")] EmploymentAndSkills,
    [JsonStringEnumMemberName("other")] Other,
}

public enum FundingModel
{
    [JsonStringEnumMemberName("contract")] Contract,
    [JsonStringEnumMemberName("grant")] Grant,
    [JsonStringEnumMemberName("mixed")] Mixed,
    [JsonStringEnumMemberName("participatory-budget")] ParticipatoryBudget,
    [JsonStringEnumMemberName("community-chest")] CommunityChest,
}

public enum PaymentSchedule
{
    [JsonStringEnumMemberName("advance")] Advance,
    [JsonStringEnumMemberName("monthly")] Monthly,
    [JsonStringEnumMemberName("quarterly-in-arrears")] QuarterlyInArrears,
    [JsonStringEnumMemberName("on-completion")] OnCompletion,
}

public enum ProcurementRoute
{
    [JsonStringEnumMemberName("grant-award")] GrantAward,
    [JsonStringEnumMemberName("direct-award")] DirectAward,
    [JsonStringEnumMemberName("below-threshold-invited")] BelowThresholdInvited,
    [JsonStringEnumMemberName("below-threshold-open")] BelowThresholdOpen,
    [JsonStringEnumMemberName("open")] Open,
    [JsonStringEnumMemberName("competitive-flexible")] CompetitiveFlexible,
    [JsonStringEnumMemberName("light-touch-flexible")] LightTouchFlexible,
    [JsonStringEnumMemberName("psr-direct-award")] PsrDirectAward,
    [JsonStringEnumMemberName("psr-most-suitable-provider")] PsrMostSuitableProvider,
    [JsonStringEnumMemberName("psr-competitive")] PsrCompetitive,
}

public enum Reservation
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("local-area")] LocalArea,
    [JsonStringEnumMemberName("sme-vcse")] SmeVcse,
    [JsonStringEnumMemberName("local-area-and-sme-vcse")] LocalAreaAndSmeVcse,
    [JsonStringEnumMemberName("uk")] Uk,
    [JsonStringEnumMemberName("public-service-mutual")] PublicServiceMutual,
    [JsonStringEnumMemberName("supported-employment")] SupportedEmployment,
}

public enum LotBasis
{
    [JsonStringEnumMemberName("geography")] Geography,
    [JsonStringEnumMemberName("client-group")] ClientGroup,
    [JsonStringEnumMemberName("service-type")] ServiceType,
}

public enum InsuranceStage
{
    [JsonStringEnumMemberName("participation")] Participation,
    [JsonStringEnumMemberName("award")] Award,
}

public enum TupeInformationStage
{
    [JsonStringEnumMemberName("engagement")] Engagement,
    [JsonStringEnumMemberName("tender")] Tender,
    [JsonStringEnumMemberName("none")] None,
}

public enum EngagementFormat
{
    [JsonStringEnumMemberName("workshop")] Workshop,
    [JsonStringEnumMemberName("meet-the-buyer")] MeetTheBuyer,
    [JsonStringEnumMemberName("survey")] Survey,
    [JsonStringEnumMemberName("one-to-one")] OneToOne,
    [JsonStringEnumMemberName("pipeline-notice")] PipelineNotice,
}

public enum OrganisationType
{
    [JsonStringEnumMemberName("vcse")] Vcse,
    [JsonStringEnumMemberName("sme")] Sme,
    [JsonStringEnumMemberName("large")] Large,
    [JsonStringEnumMemberName("infrastructure")] Infrastructure,
    [JsonStringEnumMemberName("public")] Public,
}

public enum InvolvementLevel
{
    [JsonStringEnumMemberName("informing")] Informing,
    [JsonStringEnumMemberName("consultation")] Consultation,
    [JsonStringEnumMemberName("engagement")] Engagement,
    [JsonStringEnumMemberName("co-design")] CoDesign,
    [JsonStringEnumMemberName("co-production")] CoProduction,
}

public enum CycleStage
{
    [JsonStringEnumMemberName("needs")] Needs,
    [JsonStringEnumMemberName("specification")] Specification,
    [JsonStringEnumMemberName("evaluation")] Evaluation,
    [JsonStringEnumMemberName("monitoring")] Monitoring,
}

public enum CoDesignMethod
{
    [JsonStringEnumMemberName("workshop")] Workshop,
    [JsonStringEnumMemberName("citizens-panel")] CitizensPanel,
    [JsonStringEnumMemberName("survey")] Survey,
    [JsonStringEnumMemberName("focus-group")] FocusGroup,
    [JsonStringEnumMemberName("lived-experience-group")] LivedExperienceGroup,
    [JsonStringEnumMemberName("pb-vote")] PbVote,
    [JsonStringEnumMemberName("community-assembly")] CommunityAssembly,
}

public enum SocialValueConsultation
{
    [JsonStringEnumMemberName("done")] Done,
    [JsonStringEnumMemberName("considered")] Considered,
    [JsonStringEnumMemberName("not-considered")] NotConsidered,
}
