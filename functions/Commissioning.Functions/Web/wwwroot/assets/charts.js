// Charts drawn with DOM and inline SVG from API data: no library, no inline styles, numbers always also in text.
import { el, svg, bandBadge, DIMENSIONS } from './common.js';

function dimensionTitle(dimension) {
  return dimension.title ?? DIMENSIONS.find((d) => d.id === dimension.id)?.title ?? dimension.id;
}

/** The three dimension scores as bars, with the band limits (40 and 70) marked. */
export function dimensionBars(dimensions, headingLevel = 'h3') {
  const list = el('ul', { class: 'dimension-bars' });
  for (const dimension of dimensions) {
    const score = Math.max(0, Math.min(100, Number(dimension.score) || 0));
    const band = ['green', 'amber', 'red'].includes(dimension.band) ? dimension.band : 'red';
    list.append(el('li', { class: 'dimension-bar' },
      el('span', { class: 'dimension-name' }, dimensionTitle(dimension)),
      svg('svg', { class: 'bar', viewBox: '0 0 100 12', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' },
        svg('rect', { class: 'track', x: 0, y: 0, width: 100, height: 12 }),
        svg('rect', { class: `bar-${band}`, x: 0, y: 0, width: score, height: 12 }),
        svg('line', { class: 'limit', x1: 40, x2: 40, y1: 0, y2: 12 }),
        svg('line', { class: 'limit', x1: 70, x2: 70, y1: 0, y2: 12 })),
      el('span', { class: 'dimension-score' }, el('strong', {}, `${score}`), ' out of 100 ', bandBadge(dimension.band))));
  }
  void headingLevel;
  return list;
}

/**
 * A line per dimension across weeks. series: { [dimensionId]: [score|null per week] }. Weeks with no plans are gaps.
 * The same numbers follow in a table for people who cannot see the chart.
 */
export function trendChart(weeks, series, counts) {
  const width = 640, height = 300, left = 44, right = 16, top = 16, bottom = 48;
  const x = (i) => left + (weeks.length === 1 ? 0 : (i * (width - left - right)) / (weeks.length - 1));
  const y = (score) => top + ((100 - score) * (height - top - bottom)) / 100;
  const titleId = 'trend-title', descId = 'trend-desc';
  const plotted = DIMENSIONS.map((d) => `${d.title}: ${(series[d.id] ?? []).filter((v) => v !== null).length} weeks with plans`).join('; ');
  const chart = svg('svg', { class: 'chart trend', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}` },
    svg('title', { id: titleId }, 'Average dimension scores by week'),
    svg('desc', { id: descId }, `From ${weeks[0]} to ${weeks[weeks.length - 1]}. ${plotted}. The table below gives every number.`));

  for (const mark of [0, 40, 70, 100]) {
    chart.append(svg('line', { class: 'axis', x1: left, x2: width - right, y1: y(mark), y2: y(mark) }),
      svg('text', { x: left - 8, y: y(mark) + 5, 'text-anchor': 'end', 'font-size': 14 }, String(mark)));
  }
  weeks.forEach((week, i) => {
    if (i % 2 === weeks.length % 2 || i === weeks.length - 1) {
      chart.append(svg('text', { x: x(i), y: height - bottom + 22, 'text-anchor': 'middle', 'font-size': 14 }, week.slice(5)));
    }
  });
  chart.append(svg('text', { x: (left + width - right) / 2, y: height - 6, 'text-anchor': 'middle', 'font-size': 14 }, `ISO week (${weeks[0].slice(0, 4)}${weeks[weeks.length - 1].slice(0, 4) !== weeks[0].slice(0, 4) ? '–' + weeks[weeks.length - 1].slice(0, 4) : ''})`));

  for (const dimension of DIMENSIONS) {
    const values = series[dimension.id] ?? [];
    let run = [];
    const flush = () => {
      if (run.length > 1) chart.append(svg('polyline', { class: `line line-${dimension.id}`, points: run.map(([px, py]) => `${px},${py}`).join(' ') }));
      run = [];
    };
    values.forEach((value, i) => {
      if (value === null || value === undefined) { flush(); return; }
      run.push([x(i), y(value)]);
      chart.append(svg('circle', { class: `dot-${dimension.id}`, cx: x(i), cy: y(value), r: 5 }));
    });
    flush();
  }

  const legend = el('ul', { class: 'legend', 'aria-hidden': 'true' },
    DIMENSIONS.map((d) => el('li', {}, el('span', { class: `swatch swatch-${d.id}` }), d.title)));

  const table = el('table', { class: 'trend-table' },
    el('caption', {}, 'Average score by week'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Week'), el('th', { scope: 'col', class: 'number' }, 'Plan versions'),
      DIMENSIONS.map((d) => el('th', { scope: 'col', class: 'number' }, d.title)))),
    el('tbody', {}, weeks.map((week, i) => el('tr', {},
      el('th', { scope: 'row' }, week),
      el('td', { class: 'number' }, String(counts[i] ?? 0)),
      DIMENSIONS.map((d) => el('td', { class: 'number' }, series[d.id]?.[i] ?? '–'))))));

  return el('div', { class: 'trend-block' },
    el('div', { class: 'chart-wrap' }, chart),
    legend,
    el('details', { class: 'numbers' }, el('summary', {}, 'Show the numbers'), el('div', { class: 'table-wrap' }, table)));
}
