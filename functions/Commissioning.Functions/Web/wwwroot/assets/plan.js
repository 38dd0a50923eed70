// The plan form: built from SECTIONS, saved as a draft in this browser, checked against POST /api/plans/score as the
// commissioner types, submitted to POST /api/plans. Errors from the API (ProblemDetails keyed by JSON path) are shown
// next to the question they name, with a summary at the top linking to each.
import { el, replaceChildren, callApi, councilKey, describeProblem, setUpKeyForm, scorecardAddress, bandBadge, formatPoints } from './common.js';
import { dimensionBars } from './charts.js';
import { SECTIONS } from './plan-fields.js';

const DRAFT_STORAGE = 'kil.planDraft';
const SCHEMA_VERSION = '1.0';

const form = document.getElementById('plan-form');
const sections = document.getElementById('plan-sections');
const summarySlot = document.getElementById('error-summary-slot');
const checkResult = document.getElementById('check-result');
const submitStatus = document.getElementById('submit-status');
const draftStatus = document.getElementById('draft-status');
const uploadStatus = document.getElementById('upload-status');

let rubricCriteria = new Map();   // criterion id -> { title, rule, weight }

// ---- paths and ids: $.procurement.lots[0].value <-> f-procurement-lots-0-value ----

const segmentsOf = (name) => name.split('.');
const fieldId = (segments) => `f-${segments.join('-')}`;
const jsonPath = (segments) => '$' + segments.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');

function parsePath(path) {
  if (typeof path !== 'string' || !path.startsWith('$')) return null;
  const segments = [];
  const pattern = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]/gy;
  pattern.lastIndex = 1;
  let match;
  while (pattern.lastIndex < path.length && (match = pattern.exec(path)) !== null) {
    segments.push(match[1] ?? Number(match[2]));
  }
  return segments;
}

// ---- building the form ----

function renderSections() {
  for (const section of SECTIONS) {
    const headingId = `section-${section.id}`;
    const fieldset = el('section', { class: 'section', 'aria-labelledby': headingId },
      el('h2', { class: 'section-title', id: headingId }, section.title),
      section.intro ? el('p', { class: 'section-intro' }, section.intro) : null);
    for (const field of section.fields) fieldset.append(renderField(field, segmentsOf(field.name)));
    sections.append(fieldset);
  }
}

function renderField(field, segments) {
  const id = fieldId(segments);
  if (field.type === 'group') {
    return el('fieldset', { class: 'list-group', id, 'data-path': jsonPath(segments), 'aria-describedby': field.hint ? `${id}-hint` : null },
      el('legend', {}, field.label),
      field.hint ? el('span', { class: 'hint', id: `${id}-hint` }, field.hint) : null,
      field.fields.map((child) => renderField(child, [...segments, ...segmentsOf(child.name)])),
      whySlot(field));
  }
  if (field.type === 'list') {
    const items = el('div', { class: 'list-items' });
    const add = el('button', { type: 'button', class: 'secondary', id: `${id}-add` }, `Add ${article(field.itemLabel)} ${field.itemLabel.toLowerCase()}`);
    const group = el('fieldset', { class: 'list-group', id, 'data-path': jsonPath(segments), 'data-list': 'true' },
      el('legend', {}, field.label),
      field.hint ? el('span', { class: 'hint', id: `${id}-hint` }, field.hint) : null,
      items, add, whySlot(field));
    add.addEventListener('click', () => {
      const index = items.children.length;
      items.append(renderListItem(field, segments, index));
      items.lastElementChild.querySelector('input, select, textarea')?.focus();
      changed();
    });
    group.listField = field;
    return group;
  }

  const describedBy = field.hint ? `${id}-hint` : null;
  let control;
  const common = { id, name: id, 'aria-describedby': describedBy, 'data-type': field.type };
  switch (field.type) {
    case 'textarea':
    case 'lines':
      control = el('textarea', { ...common, rows: field.type === 'lines' ? 3 : 4 });
      break;
    case 'select':
      control = el('select', common, el('option', { value: '' }, 'Not answered'),
        field.options.map((option) => el('option', { value: option.value }, option.label)));
      break;
    case 'bool':
      control = el('select', { ...common, class: 'short' }, el('option', { value: '' }, 'Not answered'),
        el('option', { value: 'true' }, 'Yes'), el('option', { value: 'false' }, 'No'));
      break;
    case 'number':
      control = el('input', { ...common, type: 'text', inputmode: 'decimal', class: 'short', autocomplete: 'off' });
      break;
    case 'date':
      control = el('input', { ...common, type: 'date', class: 'short' });
      break;
    case 'email':
      control = el('input', { ...common, type: 'email', autocomplete: 'email', spellcheck: 'false' });
      break;
    default:
      control = el('input', { ...common, type: 'text', class: field.size === 'short' ? 'short' : null, spellcheck: field.size === 'short' ? 'false' : null,
        'aria-required': field.required ? 'true' : null });
  }
  return el('div', { class: 'field', 'data-path': jsonPath(segments) },
    el('label', { for: id }, field.label, field.required ? el('span', { class: 'muted' }, ' (needed)') : null),
    field.hint ? el('span', { class: 'hint', id: `${id}-hint` }, field.hint) : null,
    control,
    whySlot(field));
}

function article(word) {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

function renderListItem(field, segments, index) {
  const itemSegments = [...segments, index];
  const legendId = `${fieldId(itemSegments)}-legend`;
  const remove = el('button', { type: 'button', class: 'link', 'aria-describedby': legendId }, `Remove this ${field.itemLabel.toLowerCase()}`);
  const item = el('fieldset', { class: 'list-item', id: fieldId(itemSegments), 'data-path': jsonPath(itemSegments) },
    el('legend', { id: legendId }, `${field.itemLabel} ${index + 1}`),
    field.fields.map((child) => renderField(child, [...itemSegments, ...segmentsOf(child.name)])),
    remove);
  remove.addEventListener('click', () => {
    const list = document.getElementById(fieldId(segments));
    const values = readList(field, segments);
    values.splice(index, 1);
    fillList(list, field, segments, values);
    document.getElementById(`${fieldId(segments)}-add`).focus();
    changed();
  });
  return item;
}

function whySlot(field) {
  return field.criteria?.length ? el('div', { class: 'why-slot', 'data-criteria': field.criteria.join(' ') }) : null;
}

/** Fills every "why this matters" note from the rubric in force, so the help is the rubric's own words. */
function showWhyItMatters() {
  for (const slot of document.querySelectorAll('.why-slot')) {
    const criteria = slot.dataset.criteria.split(' ').map((id) => [id, rubricCriteria.get(id)]).filter(([, c]) => c);
    if (criteria.length === 0 || slot.childElementCount > 0) continue;
    slot.append(el('details', { class: 'why' },
      el('summary', {}, 'Why this matters'),
      el('ul', {}, criteria.map(([id, c]) => el('li', {},
        el('strong', {}, `${id} ${c.title}`), ` (${c.weight} points in ${c.dimension}): `, c.rule)))));
  }
}

async function loadRubric() {
  const result = await callApi('/api/rubric');
  if (!result.ok || !result.body?.dimensions) return;
  rubricCriteria = new Map(result.body.dimensions.flatMap((dimension) =>
    (dimension.criteria ?? []).map((criterion) => [criterion.id, { ...criterion, dimension: dimension.title }])));
  showWhyItMatters();
}

// ---- reading and filling the form ----

function readValue(field, control) {
  const raw = control.value;
  switch (field.type) {
    case 'bool': return raw === '' ? undefined : raw === 'true';
    case 'number': {
      const text = raw.replace(/[£,\s]/g, '');
      if (text === '') return undefined;
      return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : raw.trim();   // not a number: sent as typed, the API names it
    }
    case 'lines': {
      const lines = raw.split('\n').map((line) => line.trim()).filter(Boolean);
      return lines.length ? lines : undefined;
    }
    case 'select': return raw === '' ? undefined : raw;
    default: return raw.trim() === '' ? undefined : raw.trim();
  }
}

function setAt(target, segments, value) {
  let node = target;
  segments.slice(0, -1).forEach((segment) => { node = node[segment] ??= {}; });
  node[segments[segments.length - 1]] = value;
}

function getAt(source, segments) {
  return segments.reduce((node, segment) => (node && typeof node === 'object' ? node[segment] : undefined), source);
}

function collectFields(fields, prefix) {
  const result = {};
  for (const field of fields) {
    const relative = segmentsOf(field.name);
    const value = collectField(field, [...prefix, ...relative]);
    if (value !== undefined) setAt(result, relative, value);
  }
  return Object.keys(result).length ? result : undefined;
}

function collectField(field, segments) {
  if (field.type === 'group') return collectFields(field.fields, segments);
  if (field.type === 'list') {
    const values = readList(field, segments);
    return values.length ? values : undefined;
  }
  const control = document.getElementById(fieldId(segments));
  return control ? readValue(field, control) : undefined;
}

function readList(field, segments) {
  const list = document.getElementById(fieldId(segments));
  const count = list.querySelector('.list-items').children.length;
  return Array.from({ length: count }, (_, i) => collectFields(field.fields, [...segments, i]) ?? {});
}

/** The plan as JSON, from the form: blank answers are left out, never sent as empty. */
function collectPlan() {
  const plan = { schemaVersion: SCHEMA_VERSION };
  for (const section of SECTIONS) deepMerge(plan, collectFields(section.fields, []) ?? {});
  return plan;
}

function deepMerge(target, source) {
  for (const [key, value] of Object.entries(source)) {
    target[key] = value && typeof value === 'object' && !Array.isArray(value) && target[key] && typeof target[key] === 'object'
      ? deepMerge(target[key], value) : value;
  }
  return target;
}

function fillFields(fields, prefix, data) {
  for (const field of fields) {
    const segments = [...prefix, ...segmentsOf(field.name)];
    const value = getAt(data, segmentsOf(field.name));
    if (field.type === 'group') {
      fillFields(field.fields, segments, value ?? {});
    } else if (field.type === 'list') {
      fillList(document.getElementById(fieldId(segments)), field, segments, Array.isArray(value) ? value : []);
    } else {
      fillControl(field, document.getElementById(fieldId(segments)), value);
    }
  }
}

function fillList(list, field, segments, values) {
  const items = list.querySelector('.list-items');
  items.replaceChildren(...values.map((_, i) => renderListItem(field, segments, i)));
  values.forEach((value, i) => fillFields(field.fields, [...segments, i], value ?? {}));
  showWhyItMatters();
}

function fillControl(field, control, value) {
  if (!control) return;
  if (value === undefined || value === null) { control.value = ''; return; }
  if (field.type === 'lines') { control.value = Array.isArray(value) ? value.join('\n') : String(value); return; }
  const text = String(value);
  if (control.tagName === 'SELECT' && ![...control.options].some((option) => option.value === text)) {
    control.append(el('option', { value: text }, `${text} (not a known answer)`));
  }
  control.value = text;
}

function fillPlan(plan) {
  for (const section of SECTIONS) fillFields(section.fields, [], plan);
}

// ---- errors next to the questions they name ----

function clearErrors() {
  summarySlot.replaceChildren();
  for (const message of form.querySelectorAll('.field-error')) message.remove();
  for (const marked of form.querySelectorAll('.has-error')) marked.classList.remove('has-error');
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  for (const described of form.querySelectorAll('[aria-describedby]')) describe(described, `${described.id}-error`, false);
}

function describe(node, id, add) {
  const ids = (node.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== id);
  if (add) ids.unshift(id);
  if (ids.length) node.setAttribute('aria-describedby', ids.join(' '));
  else node.removeAttribute('aria-describedby');
}

/** The form element an error path names, or its nearest named ancestor (a list, a group). */
function targetFor(path) {
  let segments = parsePath(path);
  while (segments && segments.length) {
    const target = document.getElementById(fieldId(segments));
    if (target) return target;
    segments = segments.slice(0, -1);
  }
  return null;
}

function labelFor(target) {
  if (!target) return 'The plan';
  if (target.tagName === 'FIELDSET') return target.querySelector('legend')?.textContent ?? target.id;
  const label = form.querySelector(`label[for="${CSS.escape(target.id)}"]`);
  return label ? label.firstChild.textContent : target.id;
}

function showErrors(errors, { focus }) {
  const summaryHadFocus = Boolean(document.activeElement?.closest('#error-summary'));
  clearErrors();
  const entries = Object.entries(errors ?? {});
  if (entries.length === 0) return;
  const links = [];
  for (const [path, messages] of entries) {
    const target = targetFor(path);
    const text = messages.join('; ');
    if (target) {
      const errorId = `${target.id}-error`;
      let message = document.getElementById(errorId);
      if (!message) {
        message = el('p', { class: 'field-error', id: errorId }, el('span', { class: 'visually-hidden' }, 'Error:'));
        if (target.tagName === 'FIELDSET') {
          target.querySelector('legend').after(message);
          target.classList.add('has-error');
        } else {
          target.closest('.field').classList.add('has-error');
          target.before(message);
          target.setAttribute('aria-invalid', 'true');
        }
        describe(target, errorId, true);
      }
      // Several paths can land on one question (e.g. two lines of a list): each adds its sentence.
      message.append(` ${target.id === fieldId(parsePath(path) ?? []) ? '' : `(${path}) `}${text}`);
    }
    const link = el('a', { href: target ? `#${target.id}` : '#plan-form' }, `${labelFor(target)}: ${text}`);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const focusable = target && (target.tagName === 'FIELDSET' ? target.querySelector('input, select, textarea, button') : target);
      (focusable ?? form).focus();
      (target ?? form).scrollIntoView({ block: 'center' });
    });
    links.push(el('li', {}, link, el('span', { class: 'visually-hidden' }, ` (${path})`)));
  }
  const summary = el('div', { class: 'error-summary', id: 'error-summary', tabindex: '-1', 'aria-labelledby': 'error-summary-title' },
    el('h2', { id: 'error-summary-title' }, entries.length === 1 ? 'There is a problem with one answer' : `There are problems with ${entries.length} answers`),
    el('ul', {}, links));
  summarySlot.append(summary);
  if (focus || summaryHadFocus) summary.focus();
}

// ---- the draft ----

let saveTimer, checkTimer, checkSequence = 0;

function saveDraft() {
  localStorage.setItem(DRAFT_STORAGE, JSON.stringify({ savedAt: new Date().toISOString(), plan: collectPlan() }));
  draftStatus.textContent = `Draft saved in this browser at ${new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}.`;
}

function restoreDraft() {
  const stored = localStorage.getItem(DRAFT_STORAGE);
  if (!stored) return;
  try {
    const { savedAt, plan } = JSON.parse(stored);
    fillPlan(plan ?? {});
    draftStatus.textContent = `We restored your draft from this browser (saved ${new Date(savedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}).`;
  } catch {
    localStorage.removeItem(DRAFT_STORAGE);
  }
}

function changed() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveDraft, 300);
  clearTimeout(checkTimer);
  checkTimer = setTimeout(() => checkPlan({ focus: false, quiet: true }), 1200);
}

// ---- checking and submitting ----

function readyToSend(plan, quiet) {
  const missing = [['$.council.code', plan.council?.code], ['$.reference', plan.reference], ['$.title', plan.title]].filter(([, v]) => !v);
  if (missing.length) {
    if (!quiet) showErrors(Object.fromEntries(missing.map(([path]) => [path, ['is needed before the plan can be checked or submitted']])), { focus: true });
    return false;
  }
  if (!councilKey()) {
    if (!quiet) {
      replaceChildren(checkResult, el('p', { class: 'status error' }, 'Enter your council key first.'));
      document.getElementById('council-key')?.focus();
    }
    return false;
  }
  if (keyAccess && !keyAccess.mayChange) {
    if (!quiet) replaceChildren(checkResult, el('p', { class: 'status error' }, readOnlyMessage()));
    return false;
  }
  return true;
}

// ---- what the key may do ----

let keyAccess = null;

function readOnlyMessage() {
  return `This is a councillor's key${keyAccess?.council ? ` for ${keyAccess.council}` : ''}: it can read the council's plans, ` +
    'notices, guidance and summaries, but it cannot check or submit a plan. Ask for a commissioner\'s key to do that.';
}

/** Asks the API what the key held is, and says plainly on the page when it can read but not submit. */
async function learnKeyAccess() {
  keyAccess = null;
  const notice = document.getElementById('key-role');
  const buttons = ['submit-plan', 'check-plan'].map((id) => document.getElementById(id));
  notice.hidden = true;
  buttons.forEach((button) => button.removeAttribute('aria-disabled'));
  if (!councilKey()) return;
  const result = await callApi('/api/access');
  if (!result.ok) return;
  keyAccess = result.body;
  if (!keyAccess.mayChange) {
    replaceChildren(notice, readOnlyMessage());
    notice.hidden = false;
    buttons.forEach((button) => button.setAttribute('aria-disabled', 'true'));
  }
}

async function checkPlan({ focus, quiet }) {
  clearTimeout(checkTimer);
  const plan = collectPlan();
  if (!readyToSend(plan, quiet)) return;
  const sequence = ++checkSequence;
  replaceChildren(checkResult, el('p', { class: 'muted' }, 'Checking…'));
  const result = await callApi('/api/plans/score', { method: 'POST', json: plan });
  if (sequence !== checkSequence) return;   // a newer check is on its way
  if (result.ok) {
    clearErrors();
    showCheck(result.body);
  } else if (result.status === 400 && result.problem?.errors) {
    showErrors(result.problem.errors, { focus });
    replaceChildren(checkResult, el('p', { class: 'status error' }, 'Some answers need fixing before the plan can be scored: see the list at the top.'));
  } else {
    replaceChildren(checkResult, el('p', { class: 'status error' }, describeProblem(result)));
  }
}

function showCheck(scorecard) {
  const recommendations = [...(scorecard.recommendations ?? [])].sort((a, b) => Number(b.gain) - Number(a.gain)).slice(0, 3);
  replaceChildren(checkResult,
    el('p', { class: 'overall' }, el('span', { class: 'score' }, String(scorecard.overall.score)), 'overall', bandBadge(scorecard.overall.band)),
    dimensionBars(scorecard.dimensions ?? []),
    (scorecard.alerts ?? []).length
      ? el('p', { class: 'status error' }, `${scorecard.alerts.length} compliance ${scorecard.alerts.length === 1 ? 'alert' : 'alerts'}: check with your procurement or legal team.`)
      : el('p', {}, 'No compliance alerts.'),
    recommendations.length ? el('h3', {}, 'Biggest gains') : null,
    recommendations.length ? el('ol', {}, recommendations.map((r) => el('li', {}, el('span', { class: 'gain' }, `+${formatPoints(r.gain)}`), ` ${r.title}: ${r.text}`))) : null);
}

async function submitPlan() {
  clearTimeout(checkTimer);
  checkSequence++;   // an automatic check still on its way must not redraw the errors
  const plan = collectPlan();
  saveDraft();
  if (!readyToSend(plan, false)) return;
  submitStatus.textContent = 'Submitting…';
  const result = await callApi('/api/plans', { method: 'POST', json: plan });
  if (result.ok) {
    submitStatus.textContent = result.body.created ? `Stored as version ${result.body.version}. Opening the scorecard…` : `Unchanged since version ${result.body.version}. Opening the scorecard…`;
    location.assign(scorecardAddress(result.body.council, result.body.reference, result.body.version));
    return;
  }
  if (result.status === 400 && result.problem?.errors) {
    submitStatus.textContent = 'The plan was not submitted: some answers need fixing.';
    showErrors(result.problem.errors, { focus: true });
    return;
  }
  submitStatus.textContent = `The plan was not submitted. ${describeProblem(result)}`;
  submitStatus.classList.add('error');
  if (result.status === 401 || result.status === 403) document.getElementById('council-key')?.focus();
}

// ---- files ----

async function upload(event) {
  const file = event.target.files?.[0];
  if (!file) return;
  let plan;
  try {
    plan = JSON.parse(await file.text());
  } catch {
    uploadStatus.textContent = `${file.name} is not a JSON document.`;
    uploadStatus.classList.add('error');
    return;
  }
  if (!plan || typeof plan !== 'object' || Array.isArray(plan)) {
    uploadStatus.textContent = `${file.name} does not hold a plan (a JSON object).`;
    uploadStatus.classList.add('error');
    return;
  }
  uploadStatus.classList.remove('error');
  clearErrors();
  fillPlan(plan);
  uploadStatus.textContent = `Filled the form from ${file.name}. Check the answers, then check or submit the plan.`;
  changed();
}

function download() {
  const plan = collectPlan();
  const url = URL.createObjectURL(new Blob([JSON.stringify(plan, null, 2)], { type: 'application/json' }));
  const link = el('a', { href: url, download: `${(plan.reference ?? 'plan').replace(/[^\w.-]/g, '_')}.json` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function startAgain() {
  localStorage.removeItem(DRAFT_STORAGE);
  fillPlan({});
  clearErrors();
  replaceChildren(checkResult);
  draftStatus.textContent = 'Started a new plan: the saved draft was removed.';
  document.getElementById('f-council-code').focus();
}

// ---- start ----

renderSections();
restoreDraft();
loadRubric();
form.addEventListener('input', changed);
form.addEventListener('change', changed);
form.addEventListener('submit', (event) => { event.preventDefault(); submitPlan(); });
document.getElementById('check-plan').addEventListener('click', () => checkPlan({ focus: true, quiet: false }));
document.getElementById('download-plan').addEventListener('click', download);
document.getElementById('clear-draft').addEventListener('click', startAgain);
document.getElementById('upload').addEventListener('change', upload);
setUpKeyForm(async (key) => {
  await learnKeyAccess();
  if (key) checkPlan({ focus: false, quiet: true });
});
learnKeyAccess().then(() => checkPlan({ focus: false, quiet: true }));
