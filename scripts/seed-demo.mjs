#!/usr/bin/env node
// Gives the demo council a history, so a first run shows the product working: registers the council (with Teams and
// Slack channels when their webhook settings are named), issues a commissioner's and a councillor's key, imports
// variations of the sample plans across the eleven ISO weeks before this one with their original dates (some revised
// to a second version, the scores rising over the weeks), submits every sample plan now (this week's plans: the red
// one is announced in the channels), and sends last week's summary (email and channels).
//
//   node scripts/seed-demo.mjs --base http://localhost:7071 --admin-key KEY [--teams-webhook NAME] [--slack-webhook NAME]
//
// Progress goes to stderr; stdout gets one JSON line: the keys and what was stored. Safe to run twice (what exists is
// left as it is). Used by scripts/run.sh and by the test that checks the first run (DemoSeedTests).
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
};
const base = option('base', 'http://localhost:7071').replace(/\/$/, '');
const adminKey = option('admin-key', process.env.COMMISSIONING_ADMIN_KEY ?? '');
const teamsWebhook = option('teams-webhook', '');
const slackWebhook = option('slack-webhook', '');
const councilFile = option('council-file', path.join(root, 'samples', 'councils', 'E07000243.json'));
if (!adminKey) {
  console.error('seed-demo: --admin-key is required');
  process.exit(2);
}

const log = (line) => process.stderr.write(line + '\n');

async function call(method, route, { key = adminKey, body, ok = [200, 201] } = {}) {
  const response = await fetch(base + route, {
    method,
    headers: { 'X-Api-Key': key, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  const json = text ? (() => { try { return JSON.parse(text); } catch { return null; } })() : null;
  if (!ok.includes(response.status)) {
    throw new Error(`${method} ${route}: ${response.status} ${json?.detail ?? json?.title ?? text.slice(0, 300)}`);
  }
  return { status: response.status, body: json };
}

// ---- dates: weeks are ISO weeks of the day in England ----

function ukToday(now = new Date()) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(now).map((p) => [p.type, p.value]));
  return new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)));
}

function isoWeek(date) {
  const day = new Date(date);
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const week = Math.ceil(((day - Date.UTC(day.getUTCFullYear(), 0, 1)) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

const today = ukToday();
const thisMonday = new Date(today.getTime() - ((today.getUTCDay() || 7) - 1) * 86_400_000);
/** A moment on weekday `day` (0 = Monday) of the week `weeksAgo` before this one, at `hour`:`minute` UTC (the same UK day). */
const momentIn = (weeksAgo, day, hour, minute = 0) =>
  new Date(thisMonday.getTime() + (day - 7 * weeksAgo) * 86_400_000 + (hour * 60 + minute) * 60_000);

// ---- the history: which sample each week, as what, when (scores rise as the council learns) ----

const HISTORY = [
  [11, [['large-outsourcing-single-lot', 'Leisure centres management contract', 0, 10], ['required-fields-only', 'Youth outreach (outline only)', 2, 14, 'SBC-H-YOUTH'], ['ward-councillors-community-chest', 'Ward community chest: Bedwell', 3, 11]]],
  [10, [['large-outsourcing-single-lot', 'Street cleansing contract', 1, 9], ['mislabelled-below-threshold-route', 'Befriending service', 3, 15]]],
  [9, [['ward-councillors-community-chest', 'Ward community chest: Shephall', 0, 13], ['required-fields-only', 'Warm spaces (outline only)', 1, 10, 'SBC-H-WARM'], ['sexual-health-service-psr', 'Sexual health service', 4, 9]]],
  [8, [['mislabelled-below-threshold-route', 'Carers support service', 0, 9, 'SBC-H-CARERS'], ['ward-councillors-community-chest', 'Ward community chest: St Nicholas', 2, 12], ['large-outsourcing-single-lot', 'Grounds maintenance contract', 3, 10]]],
  [7, [['community-grants-round', 'Youth outreach grants', 1, 10, 'SBC-H-YOUTH'], ['sexual-health-service-psr', 'Substance misuse service', 2, 14], ['mislabelled-below-threshold-route', 'Home library service', 4, 11]]],
  [6, [['ward-councillors-community-chest', 'Ward community chest: Roebuck', 0, 10], ['neighbourhood-lotted-wellbeing-service', 'Carers support service in neighbourhood lots', 2, 9, 'SBC-H-CARERS'], ['mislabelled-below-threshold-route', 'Digital inclusion support', 3, 15]]],
  [5, [['community-grants-round', 'Community grants: autumn round', 0, 11], ['sexual-health-service-psr', 'Stop smoking service', 2, 10], ['ward-councillors-community-chest', 'Ward community chest: Old Town', 4, 9]]],
  [4, [['neighbourhood-lotted-wellbeing-service', 'Social prescribing link workers', 1, 9], ['mislabelled-below-threshold-route', 'Handyperson service', 2, 13], ['required-fields-only', 'Food support (outline only)', 3, 10, 'SBC-H-FOOD']]],
  [3, [['community-grants-round', 'Arts and heritage grants', 0, 10], ['participatory-budgeting-round', 'Shephall participatory budget', 1, 14], ['neighbourhood-lotted-wellbeing-service', 'Food support in neighbourhood lots', 2, 11, 'SBC-H-FOOD'], ['sexual-health-service-psr', 'Falls prevention service', 4, 9]]],
  [2, [['neighbourhood-lotted-wellbeing-service', 'Neighbourhood wellbeing hubs', 0, 9], ['community-grants-round', 'Sports clubs small grants', 2, 13], ['ward-councillors-community-chest', 'Ward community chest: Pin Green', 3, 10]]],
  [1, [['participatory-budgeting-round', 'Bedwell participatory budget', 0, 10], ['ward-councillors-community-chest', 'Ward community chest: Martins Wood', 0, 15, 'SBC-H-CHEST'], ['neighbourhood-lotted-wellbeing-service', 'Community transport in neighbourhood lots', 1, 11],
    ['sexual-health-service-psr', 'Domestic abuse support service', 2, 9], ['mislabelled-below-threshold-route', 'Welfare advice service', 2, 14], ['large-outsourcing-single-lot', 'Highways maintenance contract', 3, 10],
    ['participatory-budgeting-round', 'Ward community chest: Martins Wood, with a residents\' vote', 3, 16, 'SBC-H-CHEST']]],
];

// Each history title's service category, so a plan reads as what it is (the sample it varies may be another kind of service).
const CATEGORY = {
  'Leisure centres management contract': 'leisure-and-culture', 'Street cleansing contract': 'environment', 'Befriending service': 'community',
  'Sexual health service': 'public-health', 'Carers support service': 'adult-social-care', 'Grounds maintenance contract': 'environment',
  'Youth outreach grants': 'youth', 'Substance misuse service': 'public-health', 'Home library service': 'leisure-and-culture',
  'Carers support service in neighbourhood lots': 'adult-social-care', 'Digital inclusion support': 'employment-and-skills',
  'Stop smoking service': 'public-health', 'Social prescribing link workers': 'health', 'Handyperson service': 'housing-support',
  'Arts and heritage grants': 'leisure-and-culture', 'Food support in neighbourhood lots': 'community', 'Falls prevention service': 'public-health',
  'Sports clubs small grants': 'leisure-and-culture', 'Community transport in neighbourhood lots': 'community',
  'Domestic abuse support service': 'housing-support', 'Welfare advice service': 'advice', 'Highways maintenance contract': 'other',
};

async function samples() {
  const folder = path.join(root, 'samples', 'plans');
  const found = {};
  for (const file of (await readdir(folder)).filter((f) => f.endsWith('.json')).sort()) {
    found[file.replace(/\.json$/, '')] = { file, text: await readFile(path.join(folder, file), 'utf8') };
  }
  return found;
}

async function main() {
  const plans = await samples();
  const council = JSON.parse(await readFile(councilFile, 'utf8'));
  const code = council.code;
  const channels = [];
  if (teamsWebhook) channels.push({ name: 'commissioning', kind: 'teams', webhook: teamsWebhook, events: ['red-or-alerts', 'weekly-summary'] });
  if (slackWebhook) channels.push({ name: 'councillors', kind: 'slack', webhook: slackWebhook, events: ['red-or-alerts', 'weekly-summary'] });
  if (channels.length) council.channels = channels;

  log(`== demo council ${code}${channels.length ? ` with ${channels.map((c) => `${c.kind} channel "${c.name}"`).join(' and ')}` : ''}`);
  await call('PUT', `/api/councils/${code}`, { body: council });
  const commissionerKey = (await call('POST', `/api/councils/${code}/keys`, { body: { role: 'commissioner', note: 'demo: commissioning team' } })).body.key;
  const councillorKey = (await call('POST', `/api/councils/${code}/keys`, { body: { role: 'councillor', note: 'demo: councillors' } })).body.key;

  log(`== history: eleven weeks of plans imported with their original dates (${isoWeek(momentIn(11, 0, 12))} to ${isoWeek(momentIn(1, 0, 12))})`);
  let imported = 0;
  let seq = 0;
  for (const [weeksAgo, entries] of HISTORY) {
    const done = [];
    for (const [sample, title, day, hour, reference] of entries) {
      seq += 1;
      const plan = JSON.parse(plans[sample].text);
      plan.council.code = code;
      plan.reference = reference ?? `SBC-H-${String(seq).padStart(3, '0')}`;
      plan.title = title;
      if (plan.service?.category && CATEGORY[title]) plan.service.category = CATEGORY[title];   // an outline without one stays without
      const at = momentIn(weeksAgo, day, hour, (seq * 7) % 60).toISOString();
      const answer = await call('POST', `/api/plans/import?submittedAt=${encodeURIComponent(at)}`, { body: plan, ok: [200, 201, 409] });
      if (answer.status === 201) imported += 1;
      const card = answer.body?.scorecard;
      done.push(card ? `${plan.reference} v${answer.body.version} ${card.overall.band}` : `${plan.reference} (already there)`);
    }
    log(`   ${isoWeek(momentIn(weeksAgo, 0, 12))}  ${done.join(', ')}`);
  }

  log('== this week: every sample plan, submitted now');
  let submitted = 0;
  for (const { file, text } of Object.values(plans)) {
    const plan = JSON.parse(text);
    const own = plan.council?.code === code;
    const answer = await call('POST', '/api/plans', { key: own ? commissionerKey : adminKey, body: plan, ok: [200, 201, 400] });
    if (answer.status === 201) submitted += 1;
    const card = answer.body?.scorecard;
    log(`   ${file.padEnd(48)} ${answer.status} ${card ? `${card.overall.score} ${card.overall.band}` : answer.body?.title ?? ''}`);
  }

  const lastWeek = isoWeek(momentIn(1, 0, 12));
  log(`== last week's summary (${lastWeek}) to the councillors and the channels`);
  const run = await call('POST', `/api/summaries/${code}/run?week=${lastWeek}`, { ok: [200, 409] });
  const summary = run.status === 200 ? { week: lastWeek, outcome: run.body.outcome, recipients: run.body.recipients } : { week: lastWeek, outcome: 'already-sent', recipients: 0 };
  log(`   ${summary.outcome}${run.status === 200 ? ` to ${summary.recipients} councillors` : ''}`);

  process.stdout.write(JSON.stringify({ council: code, commissionerKey, councillorKey, imported, submitted, summary }) + '\n');
}

main().catch((error) => {
  console.error(`seed-demo: ${error.message}`);
  process.exit(1);
});
