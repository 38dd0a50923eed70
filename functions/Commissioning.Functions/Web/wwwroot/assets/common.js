// Shared by every page: building DOM safely, the council key, calling the API, ISO weeks, bands.
// Plan data is only ever written with textContent and DOM APIs, never as HTML.

const KEY_STORAGE = 'kil.councilKey';

/** Builds an element: attributes (null/false skipped), then children (strings become text nodes). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attributes);
  append(node, children);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Builds an SVG element the same way. */
export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttributes(node, attributes);
  append(node, children);
  return node;
}

function setAttributes(node, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Empties a node and fills it with new children. */
export function replaceChildren(node, ...children) {
  node.replaceChildren();
  append(node, children);
}

// ---- the council key: typed in by the person, kept for this browser tab only ----

export function councilKey() {
  return sessionStorage.getItem(KEY_STORAGE) ?? '';
}

/**
 * Wires the key form on a page (#key-form with #council-key). Calls onChange(key) when a key is saved or forgotten.
 */
export function setUpKeyForm(onChange = () => {}) {
  const form = document.getElementById('key-form');
  if (!form) return;
  const input = document.getElementById('council-key');
  const status = document.getElementById('key-status');
  const forget = document.getElementById('forget-key');
  const change = document.getElementById('change-key');
  const show = () => {
    const held = councilKey() !== '';
    status.textContent = held ? 'A council key is held for this browser tab.' : 'No key yet: enter the key your council was issued.';
    forget.hidden = !held;
    change.hidden = !held;
    form.hidden = held;
  };
  change.addEventListener('click', () => {
    form.hidden = false;
    change.hidden = true;
    input.focus();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const key = input.value.trim();
    if (key === '') {
      status.textContent = 'Enter a key first.';
      input.focus();
      return;
    }
    sessionStorage.setItem(KEY_STORAGE, key);
    input.value = '';
    show();
    onChange(key);
  });
  forget.addEventListener('click', () => {
    sessionStorage.removeItem(KEY_STORAGE);
    show();
    onChange('');
  });
  show();
}

// ---- the API ----

/**
 * Calls the API with the council key, sending json (serialised) or body (as it is, with contentType). Resolves to { status, ok, body, problem } where body is parsed JSON (or text) and
 * problem is the ProblemDetails body for an error status. Network failures resolve with status 0.
 */
export async function callApi(path, { method = 'GET', json, body, contentType } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  const key = councilKey();
  if (key) headers['X-Api-Key'] = key;
  const init = { method, headers, credentials: 'same-origin' };
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = typeof json === 'string' ? json : JSON.stringify(json);
  } else if (body !== undefined) {
    headers['Content-Type'] = contentType;   // a file as it is (a notice: JSON or CSV, gzip or not)
    init.body = body;
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    return { status: 0, ok: false, body: null, problem: { title: 'The service could not be reached', detail: 'Check your connection and try again.' } };
  }
  const type = response.headers.get('Content-Type') ?? '';
  const answer = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  return { status: response.status, ok: response.ok, body: answer, problem: response.ok ? null : (answer && typeof answer === 'object' ? answer : { title: `Error ${response.status}` }) };
}

/** A sentence for a failed call, in plain words. */
export function describeProblem(result) {
  if (result.status === 401) return 'No council key, or the key was not accepted (mistyped, or withdrawn by the service\'s administrator): enter a key your council was issued.';
  if (result.status === 403) return result.problem?.detail ?? 'This key cannot do that for this council.';
  const problem = result.problem ?? {};
  return [problem.title, problem.detail].filter(Boolean).join(': ') || `The service answered ${result.status}.`;
}

/**
 * Makes a link to a document that needs the key (guidance, weekly summaries) work: the href stays the real address,
 * and a click fetches it with the key and saves it as a file.
 */
export function keyedDownload(link, fileName, status) {
  link.addEventListener('click', async (event) => {
    event.preventDefault();
    const headers = {};
    if (councilKey()) headers['X-Api-Key'] = councilKey();
    let response;
    try {
      response = await fetch(link.href, { headers });
    } catch {
      status.textContent = 'The service could not be reached.';
      return;
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      status.textContent = describeProblem({ status: response.status, problem });
      return;
    }
    const type = response.headers.get('Content-Type') ?? '';
    const extension = type.includes('html') ? 'html' : type.includes('markdown') ? 'md' : type.includes('json') ? 'json' : 'txt';
    const url = URL.createObjectURL(await response.blob());
    const save = el('a', { href: url, download: `${fileName}.${extension}` });
    document.body.append(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    status.textContent = `Saved ${fileName}.${extension}.`;
  });
}

// ---- words and weeks ----

export const DIMENSIONS = [
  { id: 'local-by-default', title: 'Local by default' },
  { id: 'proportionate-funding', title: 'Proportionate funding' },
  { id: 'co-design', title: 'Co-design' },
];

const STATUS_WORDS = {
  'met': 'Met',
  'partly-met': 'Partly met',
  'not-met': 'Not met',
  'not-evidenced': 'Not evidenced',
  'not-applicable': 'Not applicable',
};

export function statusWords(status) {
  return STATUS_WORDS[status] ?? status;
}

export function bandBadge(band) {
  const known = ['green', 'amber', 'red'].includes(band) ? band : 'red';
  return el('span', { class: `band band-${known}`, text: band });
}

/** The ISO week of a date, written 2026-W05 (the form the API uses). */
export function isoWeek(date) {
  const day = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = new Date(Date.UTC(day.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((day - yearStart) / 86400000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The last n ISO weeks, oldest first, ending with this week. */
export function lastWeeks(n, today = new Date()) {
  const weeks = [];
  for (let i = n - 1; i >= 0; i--) {
    const day = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 7 * i);
    weeks.push(isoWeek(day));
  }
  return weeks;
}

export function formatDate(value) {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatPoints(value) {
  const number = Number(value);
  return Number.isInteger(number) ? String(number) : number.toFixed(1);
}

/** Query-string value, or '' when absent. */
export function query(name) {
  return new URLSearchParams(location.search).get(name) ?? '';
}

export function scorecardAddress(council, reference, version) {
  const params = new URLSearchParams({ council, reference });
  if (version) params.set('version', String(version));
  return `/api/app/scorecard?${params}`;
}
