// «Скачать .xlsx» carries the district report's chart as a native chart, wired into the package;
// the menu's «Сводка по округу» opens the sidebar, whose button opens the dialog sized for 1280×720.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { bigDistrict } from '../../support/bigDistrict';
import { OWNER } from '../../support/district';
import { exportXlsx } from '../../../src/dev/preview/xlsx';

let d: ReturnType<typeof bigDistrict>;
beforeAll(() => {
  d = bigDistrict();
  d.call(OWNER, 'generateDistrictReport', '2023-12');
});

test('the exported workbook holds the report sheet’s bar chart with its ranges and values', async () => {
  const bytes = await exportXlsx(d.em.store, d.doc);
  const zip = await JSZip.loadAsync(bytes);
  const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
  expect(charts).toHaveLength(1);
  const chart = await zip.file(charts[0]!)!.async('string');
  expect(chart).toContain('<c:barDir val="bar"/>');
  expect(chart).toContain('<a:t>Показатели округа и цели приказа</a:t>');
  expect(chart).toMatch(/<c:f>'Сводный отчёт декабрь 2023'!\$A\$\d+:\$A\$\d+<\/c:f>/);
  expect(chart).toContain('<c:v>Педагоги в Сферуме (п. 3.2)</c:v>');
  expect((chart.match(/<c:ser>/g) ?? []).length).toBe(2);
  // Tied in: the sheet names its drawing, the drawing its chart, the content types both.
  const info = d.em.store.spreadsheets.getSpreadsheet(d.doc)!;
  const number =
    [...info.sheets].sort((a, b) => a.index - b.index).findIndex((s) => s.name === 'Сводный отчёт декабрь 2023') + 1;
  const sheet = await zip.file(`xl/worksheets/sheet${number}.xml`)!.async('string');
  expect(sheet).toContain('<drawing r:id="rIdNativeCharts"/>');
  const rels = await zip.file(`xl/worksheets/_rels/sheet${number}.xml.rels`)!.async('string');
  expect(rels).toContain(`Target="../drawings/drawingChart${number}.xml"`);
  const drawingRels = await zip.file(`xl/drawings/_rels/drawingChart${number}.xml.rels`)!.async('string');
  expect(drawingRels).toContain('Target="../charts/chart1.xml"');
  const types = await zip.file('[Content_Types].xml')!.async('string');
  expect(types).toContain('PartName="/xl/charts/chart1.xml"');
  expect(types).toContain(`PartName="/xl/drawings/drawingChart${number}.xml"`);
  // Still a workbook ExcelJS reads, with the report's values.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(wb.getWorksheet('Сводный отчёт декабрь 2023')!.getCell('A2').value).toBe(
    'Сводный отчёт об использовании ИКОП «Сферум» и ФГИС «Моя школа»',
  );
});

test('«Сводка по округу» opens the 300-px sidebar; its button opens the dialog that fits 1280×720', () => {
  d.call(OWNER, 'showDistrictSummary');
  const sidebar = d.em.store.ui.listEvents(d.doc, OWNER).pop()!;
  expect(sidebar).toMatchObject({ kind: 'sidebar', title: 'Сводка' });
  expect(sidebar.content).toContain('id="openDialog"');
  d.call(OWNER, 'showSummaryDialog');
  const dialog = d.em.store.ui.listEvents(d.doc, OWNER).pop()!;
  expect(dialog).toMatchObject({ kind: 'modal', title: 'Сводка по округу' });
  expect(dialog.width).toBeLessThanOrEqual(1280 - 80);
  expect(dialog.height).toBeLessThanOrEqual(720 - 110);
});
