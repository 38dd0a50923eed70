// "Score a published notice" on the plan form page: a notice file (OCDS JSON or the Contracts Finder CSV, gzip or
// not) is sent as it is to POST /api/notices/{council}/score with the council key; each scored process is shown as its
// labelled notice scorecard. Nothing is stored, and nothing here touches the plan being written.
import { el, replaceChildren, callApi, councilKey, describeProblem } from './common.js';
import { noticeScorecard } from './notices.js';

const form = document.getElementById('notice-form');
const councilInput = document.getElementById('notice-council');
const fileInput = document.getElementById('notice-file');
const status = document.getElementById('notice-status');
const slot = document.getElementById('notice-result');

/** How many scorecards are drawn; a portal's page can hold a hundred processes. */
const SHOWN = 20;

function contentType(file) {
  const name = file.name.toLowerCase().replace(/\.gz$/, '');
  return name.endsWith('.csv') ? 'text/csv' : 'application/json';
}

function fail(text, focus) {
  status.textContent = text;
  status.classList.add('error');
  focus?.focus();
}

function refusal(result) {
  const problem = result.problem ?? {};
  const details = problem.reasons
    ? problem.reasons.map((r) => `${r.ocid}: ${r.reason}`)
    : Object.entries(problem.errors ?? {}).map(([where, messages]) => `${where}: ${messages.join('; ')}`);
  return details.length ? el('ul', {}, details.map((line) => el('li', {}, line))) : null;
}

async function score(event) {
  event.preventDefault();
  status.classList.remove('error');
  replaceChildren(slot);
  const code = (councilInput.value.trim() || document.getElementById('f-council-code')?.value.trim() || '').toUpperCase();
  const file = fileInput.files?.[0];
  if (!code) return fail('Enter the council code first.', councilInput);
  if (!file) return fail('Choose a notice file first.', fileInput);
  if (!councilKey()) return fail('Enter your council key first (at the top of the page).', document.getElementById('council-key'));

  status.textContent = `Scoring ${file.name}…`;
  const result = await callApi(`/api/notices/${encodeURIComponent(code)}/score`, { method: 'POST', body: file, contentType: contentType(file) });
  if (!result.ok) {
    fail(`${file.name} was not scored. ${describeProblem(result)}`);
    replaceChildren(slot, refusal(result));
    return;
  }

  const results = result.body.results;
  const scored = results.filter((r) => r.scorecard);
  const others = results.filter((r) => !r.scorecard);
  status.textContent = `${file.name}: ${scored.length} ${scored.length === 1 ? 'notice' : 'notices'} scored` +
    (others.length ? `, ${others.length} not scored (award or contract notices only, or nothing to score).` : '.');
  replaceChildren(slot,
    scored.slice(0, SHOWN).map((r) => noticeScorecard(r)),
    scored.length > SHOWN ? el('p', { class: 'muted' }, `And ${scored.length - SHOWN} more scored; import the file to see them all on the council page.`) : null,
    others.length ? el('details', {}, el('summary', {}, `Not scored (${others.length})`),
      el('ul', {}, others.map((r) => el('li', {}, `${r.ocid}: ${r.reason}`)))) : null);
}

councilInput.value = sessionStorage.getItem('kil.councilCode') ?? '';
form.addEventListener('submit', score);
