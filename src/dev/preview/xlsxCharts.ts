// Native charts in the «Скачать .xlsx» workbook: ExcelJS writes no charts, so each sheet's embedded
// charts are added to its package afterwards as DrawingML (ECMA-376 part 1, §21.2 charts, §20.5
// spreadsheet drawings): a chart part per chart with its ranges and cached values, a drawing per
// sheet anchoring them, and the relationships and content types that tie them in.
import JSZip from 'jszip';
import type { ChartData } from '../emulator/store/spreadsheetStore';
import type { Store } from '../emulator/store/types';
import { columnLetter } from './grid';
import { chartSeries } from './chartSvg';

/** One worksheet of the package (sheetN.xml, N from 1 in the order written) and its charts. */
export interface SheetCharts {
  number: number;
  name: string;
  charts: ChartData[];
}

const EMU_PER_PX = 9525;
const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
const REL = {
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
};
const TYPE = {
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
};
const COLOURS = ['1A73E8', '9AA0A6', '188038', 'F9AB00', 'A142F4', 'D93025'];

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** 'Лист'!$A$2:$A$7 for a one-column range of the chart. */
function ref(sheet: string, rect: { row: number; column: number; numRows: number }, skipHeader: boolean): string {
  const col = '$' + columnLetter(rect.column) + '$';
  const first = rect.row + (skipHeader ? 1 : 0);
  const last = rect.row + rect.numRows - 1;
  return `'${sheet.replace(/'/g, "''")}'!${col}${first}` + (last > first ? `:${col}${last}` : '');
}

function chartXml(sheet: string, chart: ChartData, data: ReturnType<typeof chartSeries>): string {
  const labels = chart.ranges[0]!;
  const percent = chart.options['hAxis.format'] === 'percent' || chart.options['vAxis.format'] === 'percent';
  const cat =
    `<c:cat><c:strRef><c:f>${esc(ref(sheet, labels.rect, true))}</c:f><c:strCache><c:ptCount val="${data.labels.length}"/>` +
    data.labels.map((l, i) => `<c:pt idx="${i}"><c:v>${esc(l)}</c:v></c:pt>`).join('') +
    '</c:strCache></c:strRef></c:cat>';
  const series = data.series
    .map((s, i) => {
      const range = chart.ranges[i + 1]!;
      const points = s.values.map((v, k) => (v === null ? '' : `<c:pt idx="${k}"><c:v>${v}</c:v></c:pt>`)).join('');
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${esc(ref(sheet, { ...range.rect, numRows: 1 }, false))}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${esc(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${COLOURS[i % COLOURS.length]}"/></a:solidFill></c:spPr>` +
        `<c:invertIfNegative val="0"/>${cat}` +
        `<c:val><c:numRef><c:f>${esc(ref(sheet, range.rect, true))}</c:f><c:numCache><c:formatCode>${percent ? '0%' : 'General'}</c:formatCode><c:ptCount val="${s.values.length}"/>${points}</c:numCache></c:numRef></c:val>` +
        '</c:ser>'
      );
    })
    .join('');
  const min = chart.options['hAxis.viewWindow.min'] ?? chart.options['vAxis.viewWindow.min'];
  const max = chart.options['hAxis.viewWindow.max'] ?? chart.options['vAxis.viewWindow.max'];
  const bar = chart.type === 'BAR';
  const title = String(chart.options.title ?? '');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:chart>` +
    (title
      ? `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${esc(title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`
      : '<c:autoTitleDeleted val="1"/>') +
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="${bar ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    '<c:gapWidth val="80"/><c:axId val="500001"/><c:axId val="500002"/></c:barChart>' +
    `<c:catAx><c:axId val="500001"/><c:scaling><c:orientation val="${bar ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${bar ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="500002"/><c:scaling><c:orientation val="minMax"/>${max === undefined || max === null ? '' : `<c:max val="${Number(max)}"/>`}${min === undefined || min === null ? '' : `<c:min val="${Number(min)}"/>`}</c:scaling><c:delete val="0"/><c:axPos val="${bar ? 'b' : 'l'}"/><c:majorGridlines/><c:numFmt formatCode="${percent ? '0%' : 'General'}" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500001"/><c:crosses val="${bar ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>` +
    '</c:plotArea><c:legend><c:legendPos val="t"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/></c:chart></c:chartSpace>'
  );
}

function anchorXml(chart: ChartData, rid: string, id: number): string {
  const p = chart.position;
  const cx = Math.round(Number(chart.options.width ?? 600) * EMU_PER_PX);
  const cy = Math.round(Number(chart.options.height ?? 371) * EMU_PER_PX);
  return (
    `<xdr:oneCellAnchor><xdr:from><xdr:col>${p.column - 1}</xdr:col><xdr:colOff>${p.offsetX * EMU_PER_PX}</xdr:colOff>` +
    `<xdr:row>${p.row - 1}</xdr:row><xdr:rowOff>${p.offsetY * EMU_PER_PX}</xdr:rowOff></xdr:from><xdr:ext cx="${cx}" cy="${cy}"/>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="Chart ${id}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${rid}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>'
  );
}

/** Elements a worksheet's <drawing> must precede (CT_Worksheet's sequence). */
const AFTER_DRAWING = [
  '<legacyDrawing',
  '<legacyDrawingHF',
  '<picture',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];

/** Adds the charts of `sheets` to the .xlsx `bytes` as native charts. */
export async function addNativeCharts(
  bytes: Buffer,
  store: Store,
  doc: string,
  sheets: readonly SheetCharts[],
): Promise<Buffer> {
  const withCharts = sheets.filter((s) => s.charts.length > 0);
  if (withCharts.length === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  let types = await zip.file('[Content_Types].xml')!.async('string');
  let chartNumber = 0;
  for (const sheet of withCharts) {
    const drawing = `drawingChart${sheet.number}.xml`;
    const drawingRels: string[] = [];
    const anchors: string[] = [];
    for (const chart of sheet.charts) {
      const n = ++chartNumber;
      zip.file(`xl/charts/chart${n}.xml`, chartXml(sheet.name, chart, chartSeries(store, doc, chart)));
      types = types.replace(
        '</Types>',
        `<Override PartName="/xl/charts/chart${n}.xml" ContentType="${TYPE.chart}"/></Types>`,
      );
      const rid = `rId${drawingRels.length + 1}`;
      drawingRels.push(`<Relationship Id="${rid}" Type="${REL.chart}" Target="../charts/chart${n}.xml"/>`);
      anchors.push(anchorXml(chart, rid, anchors.length + 2));
    }
    zip.file(
      `xl/drawings/${drawing}`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors.join('')}</xdr:wsDr>`,
    );
    zip.file(
      `xl/drawings/_rels/${drawing}.rels`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}">${drawingRels.join('')}</Relationships>`,
    );
    types = types.replace(
      '</Types>',
      `<Override PartName="/xl/drawings/${drawing}" ContentType="${TYPE.drawing}"/></Types>`,
    );
    const relsPath = `xl/worksheets/_rels/sheet${sheet.number}.xml.rels`;
    const rel = `<Relationship Id="rIdNativeCharts" Type="${REL.drawing}" Target="../drawings/${drawing}"/>`;
    const existing = await zip.file(relsPath)?.async('string');
    zip.file(
      relsPath,
      existing
        ? existing.replace('</Relationships>', `${rel}</Relationships>`)
        : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}">${rel}</Relationships>`,
    );
    const sheetPath = `xl/worksheets/sheet${sheet.number}.xml`;
    let xml = await zip.file(sheetPath)!.async('string');
    if (!/xmlns:r=/.test(xml)) xml = xml.replace('<worksheet ', `<worksheet xmlns:r="${NS.r}" `);
    const at = Math.min(...AFTER_DRAWING.map((tag) => xml.indexOf(tag)).filter((i) => i >= 0));
    xml = xml.slice(0, at) + '<drawing r:id="rIdNativeCharts"/>' + xml.slice(at);
    zip.file(sheetPath, xml);
  }
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
