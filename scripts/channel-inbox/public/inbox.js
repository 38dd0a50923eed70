// The inbox page: fetches what the channels received (newest first), draws each message and says whether it keeps
// to its platform's rules; the raw JSON is a click away. Polls every two seconds for new posts.
import { renderTeams, renderSlack, checkSlack } from './render.js';

const list = document.getElementById('messages');
const status = document.getElementById('inbox-status');
let shown = '';

function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function draw(message) {
  const teams = message.kind === 'teams';
  const rendered = message.body === null
    ? { element: el('p', 'unreadable', 'The body is not JSON.'), problems: ['the body is not JSON'] }
    : (teams ? renderTeams(message.body) : renderSlack(message.body));
  const problems = rendered.problems;
  const verdict = problems.length === 0
    ? el('span', 'verdict ok', teams ? 'Valid Adaptive Card 1.4' : 'Within Block Kit limits')
    : el('span', 'verdict problem', `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`);
  const raw = el('pre', 'raw', message.body === null ? message.raw ?? '' : JSON.stringify(message.body, null, 2));
  const article = el('article', `message message-${message.kind}`,
    el('header', 'message-header',
      el('span', `badge badge-${message.kind}`, teams ? 'Teams' : 'Slack'),
      el('span', 'channel', (teams ? '' : '#') + message.channel),
      el('time', null, new Date(message.receivedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' })),
      el('span', 'answered', `answered ${message.status}`),
      verdict),
    problems.length ? el('ul', 'problems', ...problems.map((p) => el('li', null, p))) : null,
    el('div', `preview preview-${message.kind}`, rendered.element),
    el('details', 'raw-json', el('summary', null, 'Raw JSON'), raw));
  article.dataset.id = String(message.id);
  article.dataset.kind = message.kind;
  article.dataset.problems = JSON.stringify(problems);
  return article;
}

async function refresh() {
  try {
    const response = await fetch('/api/messages', { cache: 'no-store' });
    const messages = await response.json();
    const ids = messages.map((m) => m.id).join(',');
    if (ids !== shown) {
      const open = new Set([...list.querySelectorAll('details[open]')].map((d) => d.closest('article')?.dataset.id));
      list.replaceChildren(...(messages.length ? messages.map(draw) : [el('p', 'empty', 'Nothing yet. Posts to /teams/{name} and /slack/{name} appear here.')]));
      for (const article of list.querySelectorAll('article')) if (open.has(article.dataset.id)) article.querySelector('details').open = true;
      shown = ids;
    }
    const teams = messages.filter((m) => m.kind === 'teams').length;
    status.textContent = `${messages.length} ${messages.length === 1 ? 'message' : 'messages'}: ${teams} Teams, ${messages.length - teams} Slack.`;
    document.body.dataset.messages = String(messages.length);
  } catch {
    status.textContent = 'The inbox server is not answering.';
  }
}

document.getElementById('inbox-clear').addEventListener('click', async () => {
  await fetch('/api/messages', { method: 'DELETE' });
  await refresh();
});

// For tests and the curious: draw or check any payload with the same code the page uses.
window.channelInbox = { renderTeams, renderSlack, checkSlack, refresh };
await refresh();
setInterval(refresh, 2000);
