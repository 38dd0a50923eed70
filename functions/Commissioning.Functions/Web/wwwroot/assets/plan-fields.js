// The plan form, section by section, in the commissioner's words. Each question names the JSON field it fills
// (design: plan-schema.md) and the rubric criteria it feeds; the "why this matters" text comes from GET /api/rubric.

const yesNo = { type: 'bool' };
const options = (...words) => words.map(([value, label]) => ({ value, label }));

export const CATEGORIES = options(
  ['adult-social-care', 'Adult social care'], ['children-and-families', 'Children and families'], ['health', 'Health'],
  ['public-health', 'Public health'], ['housing-support', 'Housing support'], ['advice', 'Advice'], ['youth', 'Youth'],
  ['community', 'Community'], ['environment', 'Environment'], ['leisure-and-culture', 'Leisure and culture'],
  ['employment-and-skills', 'Employment and skills'], ['other', 'Other'],
);

export const SECTIONS = [
  {
    id: 'about', title: 'About the plan', intro: 'Who is commissioning what. These three answers are needed to check or submit a plan.',
    fields: [
      { name: 'council.code', label: 'Council code', hint: 'The ONS GSS code of your council, e.g. E07000243 for Stevenage.', type: 'text', size: 'short', required: true, criteria: ['L4', 'L6'] },
      { name: 'council.name', label: 'Council name', type: 'text' },
      { name: 'reference', label: 'Your reference for this plan', hint: 'Letters, digits, dots, dashes or underscores, e.g. SBC-2026-014. Submitting the same reference again makes a new version.', type: 'text', size: 'short', required: true },
      { name: 'title', label: 'Title', hint: 'A short name for the service, e.g. Neighbourhood wellbeing hubs.', type: 'text', required: true },
      { name: 'commissioner.name', label: 'Commissioner\'s name', type: 'text' },
      { name: 'commissioner.team', label: 'Team', type: 'text' },
      { name: 'commissioner.email', label: 'Work email', type: 'email' },
    ],
  },
  {
    id: 'service', title: 'The service', intro: 'What you are buying or funding, and where it is delivered.',
    fields: [
      { name: 'service.category', label: 'Kind of service', type: 'select', options: CATEGORIES },
      { name: 'service.description', label: 'What the service does and for whom', type: 'textarea' },
      { name: 'service.lightTouch', label: 'Is it a person-facing service under the light-touch regime?', ...yesNo, criteria: ['L8'] },
      { name: 'service.healthcareService', label: 'Is it a healthcare service in scope of the Provider Selection Regime?', hint: 'For example substance use or sexual health services.', ...yesNo, criteria: ['L8'] },
      { name: 'service.neighbourhoods', label: 'Neighbourhoods or wards it is delivered in', hint: 'One per line.', type: 'lines', criteria: ['L7'] },
      { name: 'service.linkedServices', label: 'Services it links with across the whole system', hint: 'One per line, e.g. GP social prescribing.', type: 'lines', criteria: ['L7'] },
    ],
  },
  {
    id: 'budget', title: 'Money', intro: 'Amounts are in pounds including VAT, for the whole term including extensions.',
    fields: [
      { name: 'budget.totalValue', label: 'Total value (£)', hint: 'The whole term including extensions, including VAT.', type: 'number', size: 'short', criteria: ['L2', 'L3'] },
      { name: 'budget.termMonths', label: 'Initial term (months)', type: 'number', size: 'short', criteria: ['P5'] },
      { name: 'budget.extensionMonths', label: 'Possible extensions (months in total)', type: 'number', size: 'short', criteria: ['P5'] },
      { name: 'budget.breakClause', label: 'Can the council end it early without cause (a break clause)?', ...yesNo, criteria: ['P5'] },
      { name: 'budget.fundingModel', label: 'How the money is given out', type: 'select', criteria: ['P1', 'C5'], options: options(
        ['contract', 'A contract'], ['grant', 'A grant'], ['mixed', 'A mix of contract and grants'], ['participatory-budget', 'Participatory budgeting'], ['community-chest', 'A community chest']) },
      { name: 'budget.maximumAward', label: 'Largest single award (£)', hint: 'For grant programmes, participatory budgets and community chests.', type: 'number', size: 'short', criteria: ['L3'] },
      { name: 'budget.grantConsidered', label: 'If you are not using a grant: why a contract is needed', type: 'textarea', criteria: ['P1'] },
      { name: 'budget.paymentTermsDays', label: 'Days from invoice to payment', type: 'number', size: 'short', criteria: ['P2'] },
      { name: 'budget.paymentSchedule', label: 'When providers are paid', type: 'select', criteria: ['P2'], options: options(
        ['advance', 'In advance'], ['monthly', 'Monthly'], ['quarterly-in-arrears', 'Quarterly in arrears'], ['on-completion', 'On completion']) },
      { name: 'budget.paymentByResultsPercent', label: 'Share of payment that depends on results (%)', type: 'number', size: 'short', criteria: ['P2'] },
      { name: 'budget.fullCostRecovery', label: 'May providers price in overheads and core costs (full cost recovery)?', ...yesNo, criteria: ['P6'] },
      { name: 'budget.communityControlledPercent', label: 'Share of the budget residents decide how to use (%)', hint: 'For example through a participatory budgeting round or a residents\' grants panel.', type: 'number', size: 'short', criteria: ['C5'] },
    ],
  },
  {
    id: 'procurement', title: 'Choosing a provider', intro: 'How providers will bid or apply, and what you will ask of them.',
    fields: [
      { name: 'procurement.route', label: 'Procurement route', type: 'select', criteria: ['L8'], options: options(
        ['grant-award', 'Grant award'], ['direct-award', 'Direct award'], ['below-threshold-invited', 'Below threshold: invited quotes'],
        ['below-threshold-open', 'Below threshold: open competition'], ['open', 'Open procedure'], ['competitive-flexible', 'Competitive flexible procedure'],
        ['light-touch-flexible', 'Light-touch flexible procedure'], ['psr-direct-award', 'Provider Selection Regime: direct award'],
        ['psr-most-suitable-provider', 'Provider Selection Regime: most suitable provider'], ['psr-competitive', 'Provider Selection Regime: competitive']) },
      { name: 'procurement.plannedTenderDate', label: 'Date it goes to market', type: 'date', criteria: ['L4'] },
      { name: 'procurement.reservation', label: 'Who the competition is reserved to', type: 'select', criteria: ['L1'], options: options(
        ['none', 'No reservation'], ['local-area', 'The local area'], ['sme-vcse', 'Small businesses and voluntary organisations'],
        ['local-area-and-sme-vcse', 'Local small businesses and voluntary organisations'], ['uk', 'UK suppliers'],
        ['public-service-mutual', 'Public service mutuals'], ['supported-employment', 'Supported employment providers']) },
      { name: 'procurement.reservationReason', label: 'If there is no reservation: why not', type: 'textarea', criteria: ['L1'] },
      { name: 'procurement.lots', label: 'Lots', hint: 'Parts of the work that can be awarded separately.', type: 'list', itemLabel: 'Lot', criteria: ['L2', 'L3'], fields: [
        { name: 'name', label: 'Lot name', type: 'text' },
        { name: 'value', label: 'Lot value for the whole term (£)', type: 'number', size: 'short' },
        { name: 'basis', label: 'Divided by', type: 'select', options: options(['geography', 'Geography'], ['client-group', 'Client group'], ['service-type', 'Type of service']) },
      ] },
      { name: 'procurement.noLotsReason', label: 'If there are no lots: why not', type: 'textarea', criteria: ['L2'] },
      { name: 'procurement.consortiaWelcome', label: 'Are consortia and partnership bids welcome?', ...yesNo, criteria: ['L3'] },
      { name: 'procurement.bidWindowDays', label: 'Days bidders have to respond', type: 'number', size: 'short', criteria: ['P4'] },
      { name: 'procurement.selectionQuestionnaire', label: 'Is there a pre-qualification or suitability stage?', ...yesNo, criteria: ['P3'] },
      { name: 'procurement.minimumAnnualTurnover', label: 'Minimum annual turnover asked of bidders (£)', type: 'number', size: 'short', criteria: ['P3'] },
      { name: 'procurement.insurance.publicLiability', label: 'Public liability cover required (£)', type: 'number', size: 'short', criteria: ['P3'] },
      { name: 'procurement.insurance.requiredAt', label: 'When the insurance must be in place', type: 'select', criteria: ['P3'], options: options(['participation', 'To take part'], ['award', 'Only on award']) },
      { name: 'procurement.weighting', label: 'How bids are scored (%)', hint: 'Quality, price and social value add up to 100.', type: 'group', criteria: ['L5', 'P6'], fields: [
        { name: 'quality', label: 'Quality (%)', type: 'number', size: 'short' },
        { name: 'price', label: 'Price (%)', type: 'number', size: 'short' },
        { name: 'socialValue', label: 'Social value (%)', type: 'number', size: 'short' },
      ] },
      { name: 'procurement.socialValueMeasures', label: 'Social value measures', type: 'list', itemLabel: 'Measure', criteria: ['L5'], fields: [
        { name: 'description', label: 'What will be measured', type: 'text' },
        { name: 'local', label: 'Does it benefit the local area?', ...yesNo },
      ] },
      { name: 'procurement.localSpendTargetPercent', label: 'Target share of spend kept local (%)', type: 'number', size: 'short', criteria: ['L6'] },
      { name: 'procurement.localDefinition', label: 'What counts as local', hint: 'For example: Stevenage postcode districts SG1 and SG2.', type: 'text', criteria: ['L6'] },
      { name: 'procurement.scoredQuestions', label: 'Number of scored questions', type: 'number', size: 'short', criteria: ['P7'] },
      { name: 'procurement.wordLimitTotal', label: 'Total word limit across all answers', type: 'number', size: 'short', criteria: ['P7'] },
      { name: 'procurement.tupe.applies', label: 'Is staff transfer (TUPE) likely to apply?', ...yesNo, criteria: ['P8'] },
      { name: 'procurement.tupe.informationAt', label: 'When staff transfer information is shared', type: 'select', criteria: ['P8'], options: options(['engagement', 'At market engagement'], ['tender', 'With the tender'], ['none', 'Not shared']) },
      { name: 'procurement.noticePlanned', label: 'Will you publish a below-threshold tender notice?', ...yesNo },
    ],
  },
  {
    id: 'market', title: 'Talking to local providers', intro: 'Market engagement before you go to market.',
    fields: [
      { name: 'market.engagement', label: 'Engagement events', type: 'list', itemLabel: 'Event', criteria: ['L4'], fields: [
        { name: 'date', label: 'Date', type: 'date' },
        { name: 'format', label: 'Kind of event', type: 'select', options: options(['workshop', 'Workshop'], ['meet-the-buyer', 'Meet the buyer'], ['survey', 'Survey'], ['one-to-one', 'One-to-one meetings'], ['pipeline-notice', 'Pipeline notice']) },
        { name: 'organisations', label: 'Organisations that took part', type: 'list', itemLabel: 'Organisation', fields: [
          { name: 'name', label: 'Name', type: 'text' },
          { name: 'type', label: 'Kind of organisation', type: 'select', options: options(['vcse', 'Voluntary or community organisation'], ['sme', 'Small business'], ['large', 'Large business'], ['infrastructure', 'Infrastructure body (e.g. a CVS)'], ['public', 'Public body']) },
          { name: 'postcode', label: 'Postcode', hint: 'A postcode or district, e.g. SG1 1HN or SG1.', type: 'text', size: 'short' },
        ] },
      ] },
    ],
  },
  {
    id: 'codesign', title: 'Designing it with residents', intro: 'How residents and people with lived experience shape the service, from needs to monitoring.',
    fields: [
      { name: 'coDesign.involvementLevel', label: 'Highest level of involvement', type: 'select', criteria: ['C1'], options: options(
        ['informing', 'Informing'], ['consultation', 'Consultation'], ['engagement', 'Engagement'], ['co-design', 'Co-design'], ['co-production', 'Co-production']) },
      { name: 'coDesign.activities', label: 'Co-design activities', type: 'list', itemLabel: 'Activity', criteria: ['C2', 'C6'], fields: [
        { name: 'stage', label: 'Stage of the cycle', type: 'select', options: options(['needs', 'Understanding needs'], ['specification', 'Writing the specification'], ['evaluation', 'Evaluating bids'], ['monitoring', 'Monitoring the service']) },
        { name: 'method', label: 'Method', type: 'select', options: options(['workshop', 'Workshop'], ['citizens-panel', 'Citizens\' panel'], ['survey', 'Survey'], ['focus-group', 'Focus group'], ['lived-experience-group', 'Lived experience group'], ['pb-vote', 'Participatory budgeting vote'], ['community-assembly', 'Community assembly']) },
        { name: 'date', label: 'Date', type: 'date' },
        { name: 'participants', label: 'People who took part', type: 'number', size: 'short' },
        { name: 'groups', label: 'Groups of residents who took part', hint: 'One per line, e.g. carers.', type: 'lines' },
        { name: 'accessibleFormats', label: 'Were accessible formats offered?', ...yesNo },
      ] },
      { name: 'coDesign.evaluationPanel.residentsScore', label: 'Do residents score the bids?', ...yesNo, criteria: ['C3'] },
      { name: 'coDesign.evaluationPanel.trained', label: 'Are resident evaluators trained?', ...yesNo, criteria: ['C3'] },
      { name: 'coDesign.evaluationPanel.conflictsDeclared', label: 'Are conflicts of interest declared?', ...yesNo, criteria: ['C3'] },
      { name: 'coDesign.socialValueConsultation', label: 'Were residents asked what social value should mean here?', type: 'select', criteria: ['C4'], options: options(['done', 'Yes, done'], ['considered', 'Considered'], ['not-considered', 'Not considered']) },
      { name: 'coDesign.feedback.published', label: 'Is "you said, we did" feedback published?', ...yesNo, criteria: ['C7'] },
      { name: 'coDesign.feedback.withinWeeks', label: 'Weeks after the activity it is published', type: 'number', size: 'short', criteria: ['C7'] },
      { name: 'coDesign.outcomesCoDesigned', label: 'Were the outcomes designed with residents?', ...yesNo, criteria: ['C8'] },
      { name: 'coDesign.communityReviewMonths', label: 'How often the community reviews the service (months)', type: 'number', size: 'short', criteria: ['C8'] },
    ],
  },
  {
    id: 'notes', title: 'Anything else', intro: '',
    fields: [
      { name: 'narrative', label: 'Notes for the reader of the guidance', type: 'textarea' },
    ],
  },
];

/** The question on the form that fills a JSON path such as $.procurement.bidWindowDays (null when none does). */
export function questionFor(path) {
  const name = String(path).replace(/^\$\./, '').replace(/\[\d+\]/g, '');
  const search = (fields, prefix) => {
    for (const field of fields) {
      const full = prefix ? `${prefix}.${field.name}` : field.name;
      if (full === name) return field.label;
      if (field.fields && name.startsWith(`${full}.`)) {
        const found = search(field.fields, full);
        if (found) return found;
      }
    }
    return null;
  };
  for (const section of SECTIONS) {
    const found = search(section.fields, '');
    if (found) return found;
  }
  return null;
}
