// How a Teams card and a Slack message look to councillors, and whether each keeps to its platform's rules.
// Teams: Microsoft's Adaptive Cards renderer (window.AdaptiveCards, npm adaptivecards 3.0.6) with markdown-it as its
// Markdown processor (window.markdownit), as Microsoft's documentation sets it up: TextBlock text is Markdown, as in
// Teams. The card is parsed for Adaptive Cards 1.4 (what Teams Workflows cards use), so any later feature is reported.
// Slack: the Block Kit limits, checked here, and a preview drawn by slack-preview.js.
import { renderSlackBlocks } from './slack-preview.js';

const AC = window.AdaptiveCards;
export const TEAMS_CARD = 'application/vnd.microsoft.card.adaptive';
export const TEAMS_MAX_BYTES = 28 * 1024;

// Close to Teams' light theme: Segoe UI, its text colours, its button row.
const HOST_CONFIG = {
  fontFamily: "'Segoe UI', system-ui, -apple-system, sans-serif",
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#5B5FC7', subtle: '#7F85F5' },
        attention: { default: '#C4314B', subtle: '#D3596E' },
        good: { default: '#237B4B', subtle: '#3B9B65' },
        warning: { default: '#8A5300', subtle: '#A86A12' },
        dark: { default: '#242424', subtle: '#424242' },
        light: { default: '#FFFFFF', subtle: '#F5F5F5' },
      },
    },
  },
  actions: { maxActions: 6, buttonSpacing: 8, showCard: { actionMode: 'inline' }, actionsOrientation: 'horizontal', actionAlignment: 'left' },
  factSet: { title: { weight: 'bolder', wrap: true, maxWidth: 150 }, value: { wrap: true }, spacing: 8 },
};

function versionOf(text) {
  const match = /^(\d+)\.(\d+)$/.exec(String(text ?? ''));
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : null;
}

/** A Teams Workflows post rendered as Teams shows it: { element, problems } (problems empty when the card is valid 1.4). */
export function renderTeams(payload) {
  const problems = [];
  const element = document.createElement('div');
  element.className = 'teams-cards';
  if (!payload || typeof payload !== 'object') {
    return { element, problems: ['the body is not a JSON object'] };
  }
  if (payload.type !== 'message') problems.push('the body\'s "type" is not "message"');
  const bytes = new TextEncoder().encode(JSON.stringify(payload)).length;
  if (bytes > TEAMS_MAX_BYTES) problems.push(`the post is ${bytes} bytes; Teams refuses cards over about 28 KB`);
  const cards = (Array.isArray(payload.attachments) ? payload.attachments : []).filter((a) => a?.contentType === TEAMS_CARD);
  if (cards.length === 0) problems.push(`no attachment of type ${TEAMS_CARD}`);

  for (const attachment of cards) {
    const content = attachment.content;
    if (!content || content.type !== 'AdaptiveCard') {
      problems.push('an attachment\'s content is not an AdaptiveCard');
      continue;
    }
    const version = versionOf(content.version);
    if (!version) problems.push(`the card has no valid "version" (${JSON.stringify(content.version)})`);
    else if (version.major > 1 || (version.major === 1 && version.minor > 4)) problems.push(`the card is version ${content.version}; Teams Workflows cards use 1.4`);

    const card = new AC.AdaptiveCard();
    card.hostConfig = new AC.HostConfig(HOST_CONFIG);
    const context = new AC.SerializationContext(AC.Versions.v1_4);
    card.parse(content, context);
    for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
    for (const event of card.validateProperties().validationEvents) problems.push(`validation: ${event.message}`);
    card.onExecuteAction = (action) => {
      if (action instanceof AC.OpenUrlAction && /^https?:\/\//i.test(action.url ?? '')) window.open(action.url, '_blank', 'noopener,noreferrer');
    };
    const rendered = card.render();
    if (!rendered) {
      problems.push('the renderer drew nothing');
      continue;
    }
    element.append(rendered);
  }
  return { element, problems };
}

export const SLACK_LIMITS = { blocks: 50, sectionText: 3000, headerText: 150, fields: 10, fieldText: 2000, contextElements: 10, actionsElements: 25, buttonText: 75, url: 3000 };

const textLength = (text) => (typeof text?.text === 'string' ? [...text.text].length : 0);

/** Every way a Slack incoming-webhook post breaks Block Kit's limits; empty when it keeps to them. */
export function checkSlack(payload) {
  const problems = [];
  if (!payload || typeof payload !== 'object') return ['the body is not a JSON object'];
  if (typeof payload.text !== 'string' || payload.text.trim() === '') problems.push('no "text": the fallback Slack shows in notifications is missing');
  const blocks = payload.blocks;
  if (blocks === undefined) return problems;
  if (!Array.isArray(blocks)) return [...problems, '"blocks" is not an array'];
  if (blocks.length > SLACK_LIMITS.blocks) problems.push(`${blocks.length} blocks; Slack takes at most ${SLACK_LIMITS.blocks}`);
  blocks.forEach((block, i) => {
    const at = `block ${i + 1} (${block?.type})`;
    switch (block?.type) {
      case 'header':
        if (block.text?.type !== 'plain_text') problems.push(`${at}: a header's text must be plain_text`);
        if (textLength(block.text) < 1 || textLength(block.text) > SLACK_LIMITS.headerText) problems.push(`${at}: header text of ${textLength(block.text)} characters (1–${SLACK_LIMITS.headerText})`);
        break;
      case 'section': {
        const fields = Array.isArray(block.fields) ? block.fields : [];
        if (!block.text && fields.length === 0) problems.push(`${at}: a section needs text or fields`);
        if (block.text && !['plain_text', 'mrkdwn'].includes(block.text.type)) problems.push(`${at}: text of type ${block.text.type}`);
        if (block.text && (textLength(block.text) < 1 || textLength(block.text) > SLACK_LIMITS.sectionText)) problems.push(`${at}: section text of ${textLength(block.text)} characters (1–${SLACK_LIMITS.sectionText})`);
        if (fields.length > SLACK_LIMITS.fields) problems.push(`${at}: ${fields.length} fields (at most ${SLACK_LIMITS.fields})`);
        fields.forEach((f, j) => { if (textLength(f) < 1 || textLength(f) > SLACK_LIMITS.fieldText) problems.push(`${at}: field ${j + 1} of ${textLength(f)} characters`); });
        break;
      }
      case 'context': {
        const elements = Array.isArray(block.elements) ? block.elements : [];
        if (elements.length < 1 || elements.length > SLACK_LIMITS.contextElements) problems.push(`${at}: ${elements.length} elements (1–${SLACK_LIMITS.contextElements})`);
        elements.forEach((e, j) => { if (['plain_text', 'mrkdwn'].includes(e?.type) && (textLength(e) < 1 || textLength(e) > SLACK_LIMITS.sectionText)) problems.push(`${at}: element ${j + 1} of ${textLength(e)} characters`); });
        break;
      }
      case 'actions': {
        const elements = Array.isArray(block.elements) ? block.elements : [];
        if (elements.length < 1 || elements.length > SLACK_LIMITS.actionsElements) problems.push(`${at}: ${elements.length} elements (1–${SLACK_LIMITS.actionsElements})`);
        elements.forEach((e, j) => {
          if (e?.type !== 'button') return;
          if (textLength(e.text) < 1 || textLength(e.text) > SLACK_LIMITS.buttonText) problems.push(`${at}: button ${j + 1} text of ${textLength(e.text)} characters (1–${SLACK_LIMITS.buttonText})`);
          if (e.url !== undefined && (typeof e.url !== 'string' || e.url.length > SLACK_LIMITS.url)) problems.push(`${at}: button ${j + 1} url too long`);
        });
        break;
      }
      case 'divider':
        break;
      default:
        problems.push(`${at}: not a block type this preview knows (header, section, context, actions, divider)`);
    }
  });
  return problems;
}

/** A Slack post as the Slack client shows it: { element, problems }. */
export function renderSlack(payload) {
  const problems = checkSlack(payload);
  return { element: renderSlackBlocks(payload ?? {}), problems };
}
