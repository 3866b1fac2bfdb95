// Draws a sheet's embedded charts as SVG for the local preview and its print view: the chart's
// ranges read from the store (first range the labels, each further one a series, first row the
// headers), as Sheets draws a bar, column or line chart with its title, legend and percent axis.
import type { ChartData } from '../emulator/store/spreadsheetStore';
import type { Store } from '../emulator/store/types';

/** A chart where the sheet anchors it, ready to draw. */
export interface ChartView {
  row: number;
  column: number;
  offsetX: number;
  offsetY: number;
  width: number;
  height: number;
  title: string;
  svg: string;
}

interface Series {
  name: string;
  values: (number | null)[];
}

const PALETTE = ['#1a73e8', '#9aa0a6', '#188038', '#f9ab00', '#a142f4', '#d93025'];

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The options' colours (a JSON array or a comma list), else the palette. */
function colours(chart: ChartData): string[] {
  const raw = chart.options.colors;
  if (typeof raw !== 'string') return PALETTE;
  try {
    const list = JSON.parse(raw) as unknown;
    if (Array.isArray(list) && list.every((c) => typeof c === 'string')) return [...list, ...PALETTE];
  } catch {
    // not JSON: fall through to the palette
  }
  return PALETTE;
}

function readColumn(store: Store, doc: string, chart: ChartData, index: number): unknown[] {
  const ref = chart.ranges[index];
  if (!ref) return [];
  const block = store.spreadsheets.readCells(doc, ref.sheetId, ref.rect, ['value']);
  return (block?.rows ?? []).map((r) => r[0]?.value);
}

const number = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Labels and series of a chart: headers from the first row. */
export function chartSeries(store: Store, doc: string, chart: ChartData): { labels: string[]; series: Series[] } {
  const labelColumn = readColumn(store, doc, chart, 0);
  const labels = labelColumn.slice(1).map((v) => (v === undefined || v === null ? '' : String(v)));
  const series: Series[] = [];
  for (let i = 1; i < chart.ranges.length; i++) {
    const column = readColumn(store, doc, chart, i);
    series.push({ name: String(column[0] ?? ''), values: column.slice(1).map(number) });
  }
  return { labels, series };
}

const percentAxis = (chart: ChartData): boolean =>
  chart.options['hAxis.format'] === 'percent' || chart.options['vAxis.format'] === 'percent';

function tickText(v: number, percent: boolean): string {
  return percent ? `${Math.round(v * 100)} %` : String(Math.round(v * 100) / 100);
}

/** Horizontal bars (BAR) or vertical ones (COLUMN); LINE and others drawn as columns. */
export function drawChart(
  chart: ChartData,
  data: { labels: string[]; series: Series[] },
  width: number,
  height: number,
): string {
  const percent = percentAxis(chart);
  const all = data.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const min = Number(chart.options['hAxis.viewWindow.min'] ?? chart.options['vAxis.viewWindow.min'] ?? 0);
  const maxOption = chart.options['hAxis.viewWindow.max'] ?? chart.options['vAxis.viewWindow.max'];
  const max = maxOption === undefined || maxOption === null ? Math.max(1e-9, ...all) : Number(maxOption);
  const title = String(chart.options.title ?? '');
  const colour = colours(chart);
  const horizontal = chart.type === 'BAR';
  const top = 26 + (title ? 18 : 0);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="#fff" stroke="#dadce0"/>`,
  ];
  if (title)
    out.push(
      `<text x="${width / 2}" y="18" text-anchor="middle" font-size="13" font-weight="bold">${esc(title)}</text>`,
    );
  // Legend on top.
  let lx = 12;
  data.series.forEach((s, i) => {
    out.push(`<rect x="${lx}" y="${top - 16}" width="10" height="10" fill="${colour[i]}"/>`);
    out.push(`<text x="${lx + 14}" y="${top - 7}">${esc(s.name)}</text>`);
    lx += 24 + s.name.length * 6;
  });
  const n = Math.max(1, data.labels.length);
  const k = Math.max(1, data.series.length);
  const scale = (v: number): number => (Math.min(Math.max(v, min), max) - min) / (max - min || 1);
  if (horizontal) {
    const labelWidth = Math.min(width / 2, Math.max(60, ...data.labels.map((l) => l.length * 6.8)));
    const left = 8 + labelWidth;
    const plotW = width - left - 16;
    const plotH = height - top - 22;
    const band = plotH / n;
    for (const t of [0, 0.25, 0.5, 0.75, 1]) {
      const x = left + plotW * t;
      out.push(`<line x1="${x}" x2="${x}" y1="${top}" y2="${top + plotH}" stroke="#e8eaed"/>`);
      out.push(
        `<text x="${x}" y="${height - 8}" text-anchor="middle" fill="#5f6368">${tickText(min + (max - min) * t, percent)}</text>`,
      );
    }
    data.labels.forEach((label, i) => {
      const y = top + band * i;
      out.push(`<text x="${left - 6}" y="${y + band / 2 + 4}" text-anchor="end">${esc(label)}</text>`);
      data.series.forEach((s, j) => {
        const v = s.values[i];
        if (v === null || v === undefined) return;
        const h = (band * 0.7) / k;
        out.push(
          `<rect x="${left}" y="${(y + band * 0.15 + h * j).toFixed(1)}" width="${(plotW * scale(v)).toFixed(1)}" height="${h.toFixed(1)}" fill="${colour[j]}"><title>${esc(`${label}, ${s.name}: ${tickText(v, percent)}`)}</title></rect>`,
        );
      });
    });
  } else {
    const left = 44;
    const plotW = width - left - 12;
    const plotH = height - top - 40;
    const band = plotW / n;
    for (const t of [0, 0.5, 1]) {
      const y = top + plotH * (1 - t);
      out.push(`<line x1="${left}" x2="${left + plotW}" y1="${y}" y2="${y}" stroke="#e8eaed"/>`);
      out.push(
        `<text x="${left - 4}" y="${y + 4}" text-anchor="end" fill="#5f6368">${tickText(min + (max - min) * t, percent)}</text>`,
      );
    }
    data.labels.forEach((label, i) => {
      const x = left + band * i;
      out.push(`<text x="${x + band / 2}" y="${height - 24}" text-anchor="middle">${esc(label.slice(0, 16))}</text>`);
      data.series.forEach((s, j) => {
        const v = s.values[i];
        if (v === null || v === undefined) return;
        const w = (band * 0.7) / k;
        const h = plotH * scale(v);
        out.push(
          `<rect x="${(x + band * 0.15 + w * j).toFixed(1)}" y="${(top + plotH - h).toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="${colour[j]}"/>`,
        );
      });
    });
  }
  out.push('</svg>');
  return out.join('');
}

/** Every chart of a sheet as drawn (size from the chart's width/height options, Sheets' 600×371 default). */
export function sheetCharts(store: Store, doc: string, sheetId: number): ChartView[] {
  return store.spreadsheets.listCharts(doc, sheetId).map((chart) => {
    const width = Number(chart.options.width ?? 600);
    const height = Number(chart.options.height ?? 371);
    return {
      ...chart.position,
      width,
      height,
      title: String(chart.options.title ?? ''),
      svg: drawChart(chart, chartSeries(store, doc, chart), width, height),
    };
  });
}
