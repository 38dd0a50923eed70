// One plan version's scorecard: overall band, the three dimensions as bars, alerts first, recommendations by points
// gained, the evidence behind every criterion, the guidance documents and the plan's versions.
import { el, replaceChildren, callApi, describeProblem, setUpKeyForm, keyedDownload, bandBadge, statusWords, formatDate, formatPoints, query, scorecardAddress } from './common.js';
import { dimensionBars } from './charts.js';
import { questionFor } from './plan-fields.js';

const council = query('council');
const reference = query('reference');
const version = query('version');
const container = document.getElementById('scorecard');
const status = document.getElementById('scorecard-status');
const heading = document.getElementById('scorecard-title');

async function load() {
  if (!council || !reference) {
    status.textContent = 'This page needs a council and a plan reference in its address, e.g. /api/app/scorecard?council=E07000243&reference=SBC-2026-014.';
    return;
  }
  status.textContent = 'Loading the scorecard…';
  const path = `/api/plans/${encodeURIComponent(council)}/${encodeURIComponent(reference)}${version ? `?version=${encodeURIComponent(version)}` : ''}`;
  const result = await callApi(path);
  if (!result.ok) {
    status.textContent = describeProblem(result);
    status.classList.add('error');
    container.replaceChildren();
    return;
  }
  status.classList.remove('error');
  status.textContent = '';
  render(result.body);
  // A link from an email or a chat message may name a section (#guidance-heading): it exists only now.
  if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
}

function render(plan) {
  const card = plan.scorecard;
  heading.textContent = plan.title;
  document.title = `${plan.title} – scorecard – Keep it Local commissioning advisor`;
  const latest = plan.version === plan.latestVersion;

  replaceChildren(container,
    el('p', { class: 'muted' }, `${plan.council} · ${plan.reference} · version ${plan.version}${latest ? ' (latest)' : ` of ${plan.latestVersion}`} · ${submitted(plan)} · rubric ${card.rubricVersion}`),

    el('section', { 'aria-labelledby': 'overall-heading' },
      el('h2', { id: 'overall-heading' }, 'Overall'),
      el('p', { class: 'overall' }, el('span', { class: 'score' }, String(card.overall.score)), 'out of 100', bandBadge(card.overall.band)),
      dimensionBars(card.dimensions)),

    el('section', { 'aria-labelledby': 'alerts-heading' },
      el('h2', { id: 'alerts-heading' }, `Compliance alerts (${card.alerts.length})`),
      card.alerts.length === 0
        ? el('p', {}, 'No compliance alerts for this plan.')
        : [el('p', {}, 'These are not scored. Each one is a prompt to check with your procurement or legal team.'),
          card.alerts.map((alert) => el('div', { class: 'alert' },
            el('h3', {}, `${alert.id} ${alert.title}`),
            el('p', {}, alert.message),
            el('p', { class: 'basis' }, `Basis: ${alert.basis}`)))]),

    el('section', { 'aria-labelledby': 'recommendations-heading' },
      el('h2', { id: 'recommendations-heading' }, 'What would raise the score most'),
      recommendations(card)),

    el('section', { 'aria-labelledby': 'evidence-heading' },
      el('h2', { id: 'evidence-heading' }, 'Every criterion and its evidence'),
      card.dimensions.map((dimension) => criteriaTable(dimension))),

    card.missingFields?.length
      ? el('section', { 'aria-labelledby': 'missing-heading' },
        el('h2', { id: 'missing-heading' }, 'Add these to be scored fully'),
        el('p', {}, 'Answering these questions on the plan form lets the criteria that need them be scored.'),
        el('ul', {}, card.missingFields.map((field) => el('li', {}, questionFor(field) ?? '', questionFor(field) ? ' ' : '', el('code', {}, field)))))
      : null,

    card.notes?.length
      ? el('section', { 'aria-labelledby': 'notes-heading' }, el('h2', { id: 'notes-heading' }, 'Notes'), el('ul', {}, card.notes.map((note) => el('li', {}, note))))
      : null,

    guidance(plan),
    versions(plan));
}

function recommendations(card) {
  const list = [...(card.recommendations ?? [])].sort((a, b) => Number(b.gain) - Number(a.gain));
  if (list.length === 0) return el('p', {}, 'Every criterion that applies is fully met.');
  return el('ol', { class: 'recommendations' }, list.map((r) => el('li', {},
    el('span', { class: 'gain' }, `+${formatPoints(r.gain)} points`), ' ',
    el('strong', {}, `${r.criterionId} ${r.title}`), ` (${statusWords(r.status).toLowerCase()}). `, r.text)));
}

function criteriaTable(dimension) {
  const captionId = `criteria-${dimension.id}`;
  return el('div', { class: 'table-wrap' }, el('table', { class: 'responsive-table criteria', 'aria-labelledby': captionId },
    el('caption', { id: captionId }, `${dimension.title}: ${dimension.score} out of 100 (${dimension.band})`),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, 'Criterion'), el('th', { scope: 'col' }, 'Result'), el('th', { scope: 'col', class: 'number' }, 'Points'),
      el('th', { scope: 'col' }, 'Evidence from the plan'))),
    el('tbody', {}, dimension.criteria.map((criterion) => el('tr', {},
      el('td', { 'data-label': 'Criterion' }, el('strong', {}, criterion.id), ` ${criterion.title}`,
        el('details', { class: 'why' }, el('summary', {}, 'How it is judged'),
          el('p', {}, criterion.rule),
          el('p', { class: 'muted' }, `Basis (${criterion.basis.kind}): ${criterion.basis.text}`),
          criterion.principles?.length ? el('p', { class: 'muted' }, `Keep it Local principles: ${criterion.principles.join(', ')}`) : null)),
      el('td', { 'data-label': 'Result' }, statusWords(criterion.status)),
      el('td', { 'data-label': 'Points', class: 'number' }, criterion.status === 'not-applicable' ? '–' : `${formatPoints(criterion.points)} of ${criterion.weight}`),
      el('td', { 'data-label': 'Evidence' }, criterion.evidence.length
        ? el('ul', { class: 'evidence' }, criterion.evidence.map((e) => el('li', {}, el('code', {}, e.field), `: ${e.value}`)))
        : (criterion.missingFields?.length ? `Not in the plan: ${criterion.missingFields.join(', ')}` : 'None needed')))))));
}

function guidance(plan) {
  const saved = el('p', { class: 'status', role: 'status' });
  const fileName = `${plan.reference}-v${plan.version}-guidance`;
  const html = el('a', { href: plan.links.guidanceHtml }, 'Guidance document (HTML)');
  const markdown = el('a', { href: plan.links.guidanceMarkdown }, 'Guidance document (Markdown)');
  keyedDownload(html, fileName, saved);
  keyedDownload(markdown, fileName, saved);
  return el('section', { 'aria-labelledby': 'guidance-heading' },
    el('h2', { id: 'guidance-heading' }, 'Guidance for this version'),
    el('p', {}, 'The full guidance, written for the commissioner with this plan\'s numbers. Choosing a format saves it as a file.'),
    el('ul', { class: 'links-inline' }, el('li', {}, html), el('li', {}, markdown)),
    saved);
}

/** When a version was submitted; an imported one says so and keeps its original date. */
function submitted(version) {
  return version.importedAt
    ? `imported ${formatDate(version.importedAt)}, originally submitted on ${formatDate(version.submittedAt)}`
    : `submitted ${formatDate(version.submittedAt)}`;
}

function versions(plan) {
  const rows = [...(plan.versions ?? [])].sort((a, b) => b.version - a.version);
  return el('section', { 'aria-labelledby': 'versions-heading' },
    el('h2', { id: 'versions-heading' }, 'Versions'),
    el('div', { class: 'table-wrap' }, el('table', { class: 'responsive-table' },
      el('caption', { class: 'visually-hidden' }, 'Every version of this plan'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Version'), el('th', { scope: 'col' }, 'Submitted'),
        el('th', { scope: 'col', class: 'number' }, 'Score'), el('th', { scope: 'col' }, 'Band'), el('th', { scope: 'col', class: 'number' }, 'Alerts'))),
      el('tbody', {}, rows.map((row) => el('tr', {},
        el('td', { 'data-label': 'Version' }, row.version === plan.version
          ? el('span', { 'aria-current': 'page' }, `Version ${row.version} (shown)`)
          : el('a', { href: scorecardAddress(plan.council, plan.reference, row.version) }, `Version ${row.version}`)),
        el('td', { 'data-label': 'Submitted' }, row.importedAt ? submitted(row) : formatDate(row.submittedAt)),
        el('td', { 'data-label': 'Score', class: 'number' }, String(row.score)),
        el('td', { 'data-label': 'Band' }, bandBadge(row.band)),
        el('td', { 'data-label': 'Alerts', class: 'number' }, String(row.alertsCount))))))));
}

setUpKeyForm(() => load());
load();
