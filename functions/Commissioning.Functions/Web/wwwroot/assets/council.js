// A council's plans for councillors: filtered by week, band and category; the dimension trends over the last 12 weeks
// (averaged from ListPlans, week by week); links to the weekly summaries.
import { el, replaceChildren, callApi, describeProblem, setUpKeyForm, keyedDownload, bandBadge, lastWeeks, query, scorecardAddress, DIMENSIONS } from './common.js';
import { trendChart } from './charts.js';
import { CATEGORIES } from './plan-fields.js';
import { noticesTable } from './notices.js';

const CODE_STORAGE = 'kil.councilCode';
const form = document.getElementById('council-form');
const codeInput = document.getElementById('council-code');
const weekInput = document.getElementById('filter-week');
const bandInput = document.getElementById('filter-band');
const categoryInput = document.getElementById('filter-category');
const status = document.getElementById('council-status');
const plansSlot = document.getElementById('plans');
const trendsSlot = document.getElementById('trends');
const summariesSlot = document.getElementById('summaries');
const summariesStatus = document.getElementById('summaries-status');
const noticesSlot = document.getElementById('notices');
const noticesStatus = document.getElementById('notices-status');

const MAX_PAGES = 20;

for (const category of CATEGORIES) categoryInput.append(el('option', { value: category.value }, category.label));
const categoryLabel = (value) => CATEGORIES.find((c) => c.value === value)?.label ?? value ?? 'Not given';

/** Every page of a ListPlans query (bounded), or the failed call. */
async function listPlans(code, params) {
  const plans = [];
  let next = `/api/plans/${encodeURIComponent(code)}?${new URLSearchParams({ ...params, pageSize: '200' })}`;
  for (let page = 0; next && page < MAX_PAGES; page++) {
    const result = await callApi(next);
    if (!result.ok) return { result };
    plans.push(...result.body.plans);
    next = result.body.next;
  }
  return { plans };
}

async function show() {
  const code = codeInput.value.trim().toUpperCase();
  if (!code) {
    status.textContent = 'Enter your council code.';
    codeInput.focus();
    return;
  }
  sessionStorage.setItem(CODE_STORAGE, code);
  const filters = { code, week: weekInput.value, band: bandInput.value, category: categoryInput.value };
  history.replaceState(null, '', `?${new URLSearchParams(Object.entries(filters).filter(([, v]) => v))}`);
  status.classList.remove('error');
  status.textContent = 'Loading plans…';

  const params = {};
  if (filters.week) params.week = filters.week;
  if (filters.band) params.band = filters.band;
  const listed = await listPlans(code, params);
  if (listed.result) {
    status.textContent = describeProblem(listed.result);
    status.classList.add('error');
    replaceChildren(plansSlot);
    return;
  }
  const plans = listed.plans.filter((plan) => !filters.category || plan.category === filters.category);
  status.textContent = `${plans.length} ${plans.length === 1 ? 'plan' : 'plans'} for ${code}.`;
  replaceChildren(plansSlot, plansTable(code, plans));
  showSummaries(code);
  await Promise.all([showNotices(code), showTrends(code)]);
}

function plansTable(code, plans) {
  if (plans.length === 0) return el('p', {}, 'No plans match these filters.');
  return el('div', { class: 'table-wrap' }, el('table', { class: 'responsive-table', id: 'plans-table' },
    el('caption', { class: 'visually-hidden' }, `Plans for ${code}`),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, 'Plan'), el('th', { scope: 'col' }, 'Category'), el('th', { scope: 'col', class: 'number' }, 'Version'),
      el('th', { scope: 'col', class: 'number' }, 'Score'), el('th', { scope: 'col' }, 'Band'),
      DIMENSIONS.map((d) => el('th', { scope: 'col', class: 'number' }, d.title)),
      el('th', { scope: 'col', class: 'number' }, 'Alerts'), el('th', { scope: 'col' }, 'Submitted'))),
    el('tbody', {}, plans.map((plan) => el('tr', {},
      el('td', { 'data-label': 'Plan' }, el('a', { href: scorecardAddress(code, plan.reference, plan.version) }, plan.title), el('br'), el('span', { class: 'muted' }, plan.reference)),
      el('td', { 'data-label': 'Category' }, categoryLabel(plan.category)),
      el('td', { 'data-label': 'Version', class: 'number' }, String(plan.version)),
      el('td', { 'data-label': 'Score', class: 'number' }, String(plan.score)),
      el('td', { 'data-label': 'Band' }, bandBadge(plan.band)),
      DIMENSIONS.map((d) => el('td', { 'data-label': d.title, class: 'number' }, String(plan.dimensions.find((x) => x.id === d.id)?.score ?? '–'))),
      el('td', { 'data-label': 'Alerts', class: 'number' }, String(plan.alertsCount)),
      el('td', { 'data-label': 'Submitted' }, `${new Date(plan.submittedAt).toLocaleDateString('en-GB', { dateStyle: 'medium' })} (${plan.isoWeek})`))))));
}

async function showTrends(code) {
  const weeks = lastWeeks(12);
  replaceChildren(trendsSlot, el('p', { class: 'muted' }, 'Loading trends…'));
  const perWeek = await Promise.all(weeks.map((week) => listPlans(code, { week })));
  const failed = perWeek.find((w) => w.result);
  if (failed) {
    replaceChildren(trendsSlot, el('p', { class: 'status error' }, describeProblem(failed.result)));
    return;
  }
  const category = categoryInput.value;
  const series = {};
  const counts = perWeek.map((w) => w.plans.filter((p) => !category || p.category === category).length);
  for (const dimension of DIMENSIONS) {
    series[dimension.id] = perWeek.map(({ plans }) => {
      const scores = plans.filter((p) => !category || p.category === category)
        .map((p) => p.dimensions.find((d) => d.id === dimension.id)?.score).filter((s) => typeof s === 'number');
      return scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : null;
    });
  }
  replaceChildren(trendsSlot, counts.some((n) => n > 0)
    ? trendChart(weeks, series, counts)
    : el('p', {}, 'No plans were submitted in the last 12 weeks.'));
}

/** The council's imported notices, every page (bounded): their own table, never among the plans. */
async function showNotices(code) {
  replaceChildren(noticesSlot, el('p', { class: 'muted' }, 'Loading notices…'));
  const notices = [];
  let next = `/api/notices/${encodeURIComponent(code)}?pageSize=200`;
  for (let page = 0; next && page < MAX_PAGES; page++) {
    const result = await callApi(next);
    if (!result.ok) {
      replaceChildren(noticesSlot, el('p', { class: 'status error' }, describeProblem(result)));
      return;
    }
    notices.push(...result.body.notices);
    next = result.body.next;
  }
  replaceChildren(noticesSlot, notices.length
    ? noticesTable(code, notices, (link, notice) => keyedDownload(link, `notice-${notice.noticeId}-v${notice.version}-guidance`, noticesStatus))
    : el('p', {}, 'No published notices have been imported for this council.'));
}

function showSummaries(code) {
  // A week's summary exists once the week has ended: the 12 weeks before this one, newest first.
  const weeks = lastWeeks(13).slice(0, 12).reverse();
  replaceChildren(summariesSlot, el('ul', { class: 'links-inline' }, weeks.map((week) => {
    const link = el('a', { href: `/api/summaries/${encodeURIComponent(code)}/${week}` }, `Week ${week}`);
    keyedDownload(link, `summary-${code}-${week}`, summariesStatus);
    return el('li', {}, link);
  })));
}

form.addEventListener('submit', (event) => { event.preventDefault(); show(); });
codeInput.value = query('code') || sessionStorage.getItem(CODE_STORAGE) || '';
weekInput.value = query('week');
bandInput.value = query('band');
categoryInput.value = query('category');
setUpKeyForm((key) => { if (key && codeInput.value) show(); });
if (codeInput.value) show();
