// Inline SVG line chart of the district's coverage per month, drawn at the container's own width
// so its text stays readable in a 300-px sidebar as in the wide dialog.
import { summaryUi } from '../../domain/messages';
import type { TrendView } from '../../contract/summary';
import { el, fill } from './dom';

const SVG = 'http://www.w3.org/2000/svg';
type SeriesId = 'teachers' | 'pupils' | 'parents' | 'teacherMinimum' | 'mySchool';
const SERIES: { id: SeriesId; color: string }[] = [
  { id: 'teachers', color: '#1a73e8' },
  { id: 'pupils', color: '#188038' },
  { id: 'parents', color: '#f9ab00' },
  { id: 'teacherMinimum', color: '#a142f4' },
  { id: 'mySchool', color: '#d93025' },
];

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

const pct = (v: number): string => Math.round(v * 100) + ' %';

/** Draws the chart into `figure` (title, SVG, legend). */
export function drawTrend(
  figure: HTMLElement,
  trend: readonly TrendView[],
  heading: string = summaryUi.trendTitle,
): void {
  const title = el('h2', {}, heading);
  if (!trend.some((t) => SERIES.some((s) => t[s.id] !== null))) {
    fill(figure, title, el('p', { class: 'muted' }, summaryUi.trendEmpty));
    return;
  }
  const width = Math.max(260, Math.floor(figure.clientWidth || 300));
  const height = 170;
  const pad = { left: 40, right: 10, top: 8, bottom: 24 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const x = (i: number): number => pad.left + (trend.length === 1 ? plotW / 2 : (plotW * i) / (trend.length - 1));
  const y = (v: number): number => pad.top + plotH * (1 - v);
  const chart = svg('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': summaryUi.trendAria,
    class: 'trend-svg',
  });
  for (const v of [0, 0.5, 1]) {
    chart.append(svg('line', { x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v), stroke: '#dadce0' }));
    chart.append(
      svg('text', { x: pad.left - 4, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#5f6368' }, pct(v)),
    );
  }
  // Month labels: first, last and as many between as fit (one per ~95 px).
  const step = Math.max(1, Math.ceil(trend.length / Math.max(1, Math.floor(plotW / 95))));
  trend.forEach((t, i) => {
    if (i % step !== 0 && i !== trend.length - 1) return;
    const anchor = trend.length === 1 ? 'middle' : i === 0 ? 'start' : i === trend.length - 1 ? 'end' : 'middle';
    chart.append(
      svg('text', { x: x(i), y: height - 6, 'text-anchor': anchor, 'font-size': 11, fill: '#5f6368' }, t.label),
    );
  });
  for (const s of SERIES) {
    let d = '';
    let pen = false;
    trend.forEach((t, i) => {
      const v = t[s.id];
      if (v === null) {
        pen = false;
        return;
      }
      d += (pen ? 'L' : 'M') + x(i).toFixed(1) + ' ' + y(v).toFixed(1) + ' ';
      pen = true;
    });
    if (d) chart.append(svg('path', { d, fill: 'none', stroke: s.color, 'stroke-width': 2 }));
    trend.forEach((t, i) => {
      const v = t[s.id];
      if (v === null) return;
      const dot = svg('circle', { cx: x(i), cy: y(v), r: 3, fill: s.color });
      dot.append(svg('title', {}, `${summaryUi.coverage[s.id]}, ${t.label}: ${pct(v)}`));
      chart.append(dot);
    });
  }
  const legend = el(
    'div',
    { class: 'legend' },
    ...SERIES.map((s) => {
      const swatch = el('i');
      swatch.style.background = s.color;
      return el('span', {}, swatch, summaryUi.coverage[s.id]);
    }),
  );
  fill(figure, title, chart, legend);
}
