// Published notices as the pages show them: always labelled as read from a notice, never as a submitted plan; per
// dimension the score, how much the notice could show, and the band or "withheld". Notice text is written with
// textContent and DOM APIs only, never as HTML.
import { el, bandBadge, DIMENSIONS } from './common.js';

/** The words every notice rendering on the pages opens with. */
export const NOTICE_LABEL = 'Scored from a published notice — not a submitted plan';

/** The band, or a "Withheld" badge when the notice shows too little of the dimension for one. */
export function noticeBand(band) {
  return band ? bandBadge(band) : el('span', { class: 'band band-withheld' }, 'Withheld');
}

/** "25 · 25% read" with the band or withheld, for one dimension of a notice. */
export function dimensionCell(dimension) {
  if (!dimension) return '–';
  return el('span', { class: 'notice-dimension' }, el('strong', {}, String(dimension.score)), `${dimension.coveragePercent}% read`, noticeBand(dimension.band));
}

export function dimensionOf(dimensions, id) {
  return (dimensions ?? []).find((d) => d.id === id);
}

/** The whole labelled scorecard of one notice: label, score, coverage per dimension, questions for councillors. */
export function noticeScorecard(result, headingLevel = 'h3') {
  const card = result.scorecard;
  const title = card.plan?.title ?? result.ocid;
  const sub = headingLevel === 'h3' ? 'h4' : 'h3';
  return el('article', { class: 'notice-card', 'aria-label': `${NOTICE_LABEL}: ${title}` },
    el(headingLevel, {}, title),
    el('p', { class: 'notice-label' }, NOTICE_LABEL),
    el('p', {}, card.label),
    card.banner ? el('p', { class: 'muted' }, card.banner) : null,
    el('p', { class: 'muted' }, `${card.source.portalName} ${card.source.noticeId} · ${result.ocid}${card.buyer?.name ? ` · buyer ${card.buyer.name}` : ''}`),
    result.buyerMatch === 'other-buyer' ? el('p', { class: 'status' }, 'Another buyer\'s notice: scored here, and it would not be stored under this council.') : null,
    el('p', { class: 'overall' }, el('span', { class: 'score' }, String(card.overall.score)), 'overall', noticeBand(card.overall.band)),
    card.overall.bandWithheld ? el('p', { class: 'muted' }, card.overall.bandWithheld) : null,
    el('div', { class: 'table-wrap' }, el('table', { class: 'responsive-table' },
      el('caption', {}, 'How much of each dimension the notice could show'),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, 'Dimension'), el('th', { scope: 'col', class: 'number' }, 'Score'),
        el('th', { scope: 'col', class: 'number' }, 'Read from the notice'), el('th', { scope: 'col' }, 'Band'))),
      el('tbody', {}, card.dimensions.map((d) => el('tr', {},
        el('th', { scope: 'row', 'data-label': 'Dimension' }, d.title),
        el('td', { class: 'number', 'data-label': 'Score' }, `${d.score} / 100`),
        el('td', { class: 'number', 'data-label': 'Read from the notice' }, `${d.coveragePercent}% (${d.evidencedWeight} of ${d.applicableWeight} points)`),
        el('td', { 'data-label': 'Band' }, noticeBand(d.band), d.bandWithheld ? el('span', { class: 'muted' }, ` ${d.bandWithheld}`) : null)))))),
    el(sub, {}, `Questions for councillors (${card.questions.length})`),
    card.questions.length
      ? el('ul', { class: 'questions' }, card.questions.map((q) => el('li', {}, el('strong', {}, `${q.criterionId} ${q.title}: `), q.question, el('span', { class: 'muted' }, ` (${q.reason})`))))
      : el('p', {}, 'None: the notice shows every criterion.'),
    el('p', { class: 'muted' }, card.source.attribution));
}

/** The council page's table of imported notices. */
export function noticesTable(code, notices, onGuidance) {
  return el('div', { class: 'table-wrap' }, el('table', { class: 'responsive-table', id: 'notices-table' },
    el('caption', { class: 'visually-hidden' }, `Published notices imported for ${code}`),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, 'Notice'), el('th', { scope: 'col' }, 'Portal'), el('th', { scope: 'col' }, 'Published'),
      DIMENSIONS.map((d) => el('th', { scope: 'col' }, d.title)),
      el('th', { scope: 'col' }, 'Overall'))),
    el('tbody', {}, notices.map((notice) => {
      const guidance = el('a', { href: notice.links.guidanceHtml }, notice.title);
      onGuidance(guidance, notice);
      return el('tr', {},
        el('td', { 'data-label': 'Notice' }, guidance, el('br'), el('span', { class: 'muted notice-id' }, `${notice.noticeId} · v${notice.version}`)),
        el('td', { 'data-label': 'Portal' }, notice.portalName),
        el('td', { 'data-label': 'Published' }, notice.publicationDate
          ? new Date(`${notice.publicationDate}T12:00:00Z`).toLocaleDateString('en-GB', { dateStyle: 'medium' }) : 'Not stated'),
        DIMENSIONS.map((d) => el('td', { 'data-label': d.title }, dimensionCell(dimensionOf(notice.dimensions, d.id)))),
        el('td', { 'data-label': 'Overall' }, `${notice.score} `, noticeBand(notice.band)));
    }))));
}
