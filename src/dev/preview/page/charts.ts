// The sheet's embedded charts over the preview grid, each at its anchor cell and offset as Sheets
// places it (the SVG drawn by the server, src/dev/preview/chartSvg.ts, shown as an image).
import type { GridView } from '../grid';

/** Places `g.charts` over `table` inside the scrolling `host` (drawn after the grid's own layout). */
export function placeCharts(host: HTMLElement, table: HTMLTableElement, g: GridView): void {
  if (g.charts.length === 0) return;
  host.style.position = 'relative';
  const base = host.getBoundingClientRect();
  const rows = table.tBodies[0]?.rows;
  for (const chart of g.charts) {
    const tr = rows?.[chart.row - 1];
    const column = g.columns.find((c) => c.n >= chart.column);
    const th = column ? table.querySelector<HTMLElement>(`thead th[data-col="${column.letter}"]`) : null;
    if (!tr || !th) continue;
    const img = document.createElement('img');
    img.className = 'chart';
    img.alt = chart.title;
    img.width = chart.width;
    img.height = chart.height;
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(chart.svg);
    img.style.position = 'absolute';
    img.style.left = `${th.getBoundingClientRect().left - base.left + host.scrollLeft + chart.offsetX}px`;
    img.style.top = `${tr.getBoundingClientRect().top - base.top + host.scrollTop + chart.offsetY}px`;
    host.append(img);
  }
}

/** «Печать листа» opens the print view of the sheet shown. */
export function linkPrintView(g: GridView | null): void {
  const link = document.getElementById('print-link');
  if (link && g) link.setAttribute('href', `/print/${g.sheetId}`);
}
