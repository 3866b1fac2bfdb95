// «Печать»: a sheet as Sheets prints it with File → Print, A4 landscape, «По ширине» (fit to width):
// the columns scaled to the printable width, rows wrapping onto further pages only downwards,
// charts where they are anchored, page numbers. For looking at (and screenshots of) the document.
import { sheetGrid, type GridView } from './grid';
import type { Store } from '../emulator/store/types';

/** A4 landscape at 96 px per inch, and Sheets' «Обычные» margins (0,75 inch left and right, 0,75 top). */
export const A4_LANDSCAPE = { widthPx: 1123, heightPx: 794, marginPx: 72 } as const;
/** The width the columns are fitted to. */
export const PRINTABLE_WIDTH = A4_LANDSCAPE.widthPx - 2 * A4_LANDSCAPE.marginPx;

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function tableHtml(g: GridView): string {
  const cols = g.columns.map((c) => `<col style="width:${c.width}px">`).join('');
  const rows = g.rows
    .map((row, r) => {
      const cells = row
        .map((c) => {
          const style = [
            c.bold ? 'font-weight:bold' : '',
            c.italic ? 'font-style:italic' : '',
            c.bg ? `background:${c.bg}` : '',
            c.color ? `color:${c.color}` : '',
            c.size ? `font-size:${c.size}pt` : '',
            c.align ? `text-align:${c.align.toLowerCase()}` : c.num ? 'text-align:right' : '',
          ]
            .filter((x) => x)
            .join(';');
          return `<td${c.wrap ? ' class="wrap"' : ''}${style ? ` style="${style}"` : ''}>${esc(c.t)}</td>`;
        })
        .join('');
      return `<tr data-row="${r + 1}">${cells}</tr>`;
    })
    .join('');
  const width = g.columns.reduce((a, c) => a + c.width, 0);
  return `<table id="source" style="width:${width}px"><colgroup>${cols}</colgroup><tbody>${rows}</tbody></table>`;
}

/** The print view of one sheet, or null when there is no such sheet. */
export function printHtml(store: Store, doc: string, sheetId: number): string | null {
  const g = sheetGrid(store, doc, sheetId, 5000, 1);
  if (!g) return null;
  // Trailing empty rows are not printed.
  while (g.rows.length > 0 && g.rows[g.rows.length - 1]!.every((c) => c.t === '')) g.rows.pop();
  const width = g.columns.reduce((a, c) => a + c.width, 0);
  const scale = Math.min(1, PRINTABLE_WIDTH / Math.max(1, width));
  const left = new Map<number, number>();
  let x = 0;
  for (const c of g.columns) {
    left.set(c.n, x);
    x += c.width;
  }
  const charts = g.charts.map((c) => ({
    row: c.row,
    left: (left.get(c.column) ?? 0) + c.offsetX,
    top: c.offsetY,
    width: c.width,
    height: c.height,
    title: c.title,
    src: 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(c.svg),
  }));
  const page = A4_LANDSCAPE;
  return `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>${esc(g.name)} — печать</title><style>
@page { size: A4 landscape; margin: 0; }
body { margin: 0; background: #e8eaed; font: 10pt Arial, "Noto Sans", sans-serif; }
.page { position: relative; width: ${page.widthPx}px; height: ${page.heightPx}px; margin: 12px auto; background: #fff;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); overflow: hidden; page-break-after: always; }
.content { position: absolute; left: ${page.marginPx}px; top: ${page.marginPx}px; zoom: ${scale}; }
.number { position: absolute; bottom: 24px; right: ${page.marginPx}px; font-size: 9pt; color: #5f6368; }
table { border-collapse: collapse; table-layout: fixed; }
td { padding: 1px 3px; height: 21px; box-sizing: border-box; white-space: nowrap; overflow: visible; vertical-align: top; line-height: 1.3; }
td.wrap { white-space: normal; overflow-wrap: break-word; overflow: hidden; }
img.chart { position: absolute; }
@media print { body { background: #fff; } .page { margin: 0; box-shadow: none; } }
</style></head><body data-scale="${scale}"><div id="measure" style="position:absolute;visibility:hidden">${tableHtml(g)}</div>
<script>
(function () {
  var scale = ${scale};
  var usable = (${page.heightPx - 2 * page.marginPx - 24}) / scale;
  var charts = ${JSON.stringify(charts).replace(/</g, '\\u003c')};
  var source = document.getElementById('source');
  var rows = Array.prototype.slice.call(source.rows);
  var heights = rows.map(function (r) { return r.getBoundingClientRect().height; });
  var pages = [];
  var current = null, used = 0;
  rows.forEach(function (tr, i) {
    if (!current || used + heights[i] > usable) {
      current = { rows: [], tops: {} };
      pages.push(current);
      used = 0;
    }
    current.tops[tr.getAttribute('data-row')] = used;
    current.rows.push(tr);
    used += heights[i];
  });
  var colgroup = source.querySelector('colgroup');
  pages.forEach(function (p, n) {
    var div = document.createElement('div');
    div.className = 'page';
    div.setAttribute('data-page', String(n + 1));
    var content = document.createElement('div');
    content.className = 'content';
    var table = document.createElement('table');
    table.style.width = source.style.width;
    table.appendChild(colgroup.cloneNode(true));
    var body = document.createElement('tbody');
    p.rows.forEach(function (r) { body.appendChild(r); });
    table.appendChild(body);
    content.appendChild(table);
    charts.forEach(function (c) {
      if (!(String(c.row) in p.tops)) return;
      var img = document.createElement('img');
      img.className = 'chart';
      img.alt = c.title;
      img.src = c.src;
      img.width = c.width;
      img.height = c.height;
      img.style.left = c.left + 'px';
      img.style.top = (p.tops[String(c.row)] + c.top) + 'px';
      content.appendChild(img);
    });
    div.appendChild(content);
    var number = document.createElement('div');
    number.className = 'number';
    number.textContent = 'Страница ' + (n + 1) + ' из ' + pages.length;
    div.appendChild(number);
    document.body.appendChild(div);
  });
  document.getElementById('measure').remove();
  document.body.setAttribute('data-pages', String(pages.length));
})();
</script></body></html>`;
}
