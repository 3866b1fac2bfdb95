// Writing the district report from the template (issue 14): the printed sheet looks exactly as its
// grids say, in a number of spreadsheet round trips that does not grow with the organisations, and
// a template of an older release or one damaged by hand still gives the same document.
import { seedDistrict } from '../../../src/dev/district/seed';
import { createEmulator, type ExecutionResult } from '../../../src/dev/emulator';
import type { Organisation } from '../../../src/domain/schemas/organisation';
import { defaultSettings } from '../../../src/domain/schemas/settings';
import { buildDistrictReport } from '../../../src/server/api/districtReport';
import { templateFormat } from '../../../src/server/storage/districtReportSheet';
import { parseTypedInput } from '../../../src/dev/emulator/store/cells/typedInput';
import { sheetGrid } from '../../../src/dev/preview/grid';
import type { StoredReport } from '../../../src/server/storage/reportsSheet';
import type { Workbook } from '../../../src/server/workbook/workbook';
import { bigDistrict } from '../../support/bigDistrict';
import { COORD_A, handEdit, OWNER, SCHOOL, schoolReport, type District } from '../../support/district';
import { dumpSheet, storedReports, summaryOf } from '../../support/summarySupport';

const SHEET = 'Сводный отчёт декабрь 2023';
const TEMPLATE = 'Шаблон сводного отчёта';

/** The grids the server builds for `period` from the workbook's registry and reports. */
function expectedGrid(d: District, period: string) {
  const organisations = d.call<{ organisations: Organisation[] }>(OWNER, 'getRegistry').organisations;
  const wb = {
    registry: organisations.map((organisation) => ({ organisation })),
    settings: defaultSettings(),
    caller: { email: OWNER },
  } as unknown as Workbook;
  const reports = storedReports(d) as unknown as StoredReport[];
  return buildDistrictReport(wb, reports, period, new Date(d.em.now())).grid;
}

interface Look {
  formats: string[][];
  weights: string[][];
  backgrounds: string[][];
  wraps: boolean[][];
  sizes: number[][];
  aligned: string[];
  rows: number;
  columns: number;
}

/**
 * The formats of sheet `name` over its first `rows` rows: number formats, wraps and sizes as Apps
 * Script reads them, weights and colours as the user sees them (the cell's own format under the
 * template's conditional formats, as the preview draws it).
 */
function lookOf(d: District, name: string, rows: number): Look {
  const code = `function look(n, rows) { var s = SpreadsheetApp.getActive().getSheetByName(n);
    var r = s.getRange(1, 1, rows, 13), sizes = [], aligned = {};
    for (var i = 1; i <= rows; i++) { var line = [];
      for (var c = 1; c <= 13; c++) { var cell = s.getRange(i, c); line.push(cell.getFontSize()); aligned[cell.getVerticalAlignment()] = 1; }
      sizes.push(line); }
    return { formats: r.getNumberFormats(), weights: r.getFontWeights(), backgrounds: r.getBackgrounds(),
      wraps: r.getWraps(), sizes: sizes, aligned: Object.keys(aligned), rows: s.getMaxRows(), columns: s.getMaxColumns() }; }`;
  const r = createEmulator({ store: d.em.store, code }).run<Look>('look', [name, rows], {
    user: OWNER,
    documentId: d.doc,
  });
  if (!r.ok) throw new Error(r.error?.message);
  const sheetId = d.em.store.spreadsheets.getSpreadsheet(d.doc)!.sheets.find((s) => s.name === name)!.sheetId;
  const shown = sheetGrid(d.em.store, d.doc, sheetId, rows, 13)!.rows.slice(0, rows);
  return {
    ...r.value!,
    weights: shown.map((line) => line.map((c) => (c.bold ? 'bold' : 'normal'))),
    backgrounds: shown.map((line) => line.map((c) => c.bg ?? '#ffffff')),
  };
}

/** What the sheet must look like: the grids' formats, the wraps and sizes the document has always had. */
function expectedLook(d: District, period: string) {
  const g = expectedGrid(d, period);
  const rows = g.values.length;
  const wraps = g.values.map((line, i) =>
    line.map((_, c) => {
      const row = i + 1;
      const column = c + 1;
      if (row === g.blockHeaderRow) return column >= 5 && column <= 11;
      if (row === g.headerRow) return true;
      // From the total (the table's first line) down, names and remarks wrap.
      return row >= g.totalRow && (column === 3 || column === 13);
    }),
  );
  const formats = g.values.map((line, i) => line.map((_, c) => templateFormat(i + 1, c + 1)));
  const sizes = g.values.map((line, i) => line.map((_, c) => (i + 1 === g.titleRow && c === 0 ? 13 : 9)));
  return { grid: g, rows, formats, weights: g.weights, backgrounds: g.backgrounds, wraps, sizes };
}

function expectSameDocument(d: District, name: string, period: string): void {
  const want = expectedLook(d, period);
  const look = lookOf(d, name, want.rows);
  expect(look.formats).toEqual(want.formats);
  // Bold on a blank cell shows nothing: weights are compared where there is text.
  const written = (i: number, c: number) => want.grid.values[i]![c] !== '';
  expect(look.weights.map((line, i) => line.filter((_, c) => written(i, c)))).toEqual(
    want.weights.map((line, i) => line.filter((_, c) => written(i, c))),
  );
  expect(look.backgrounds).toEqual(want.backgrounds);
  expect(look.wraps).toEqual(want.wraps);
  expect(look.sizes).toEqual(want.sizes);
  expect(look.aligned).toEqual(['top']);
  expect(look.columns).toBe(13);
  // Every row of the document holds what the grid says (the footer is the last).
  const values = dumpSheet(d, name).values;
  expect(values).toHaveLength(want.rows);
  expect(values[want.rows - 1]![0]).toBe(want.grid.values[want.rows - 1]![0]);
}

/** Calls that only make a handle or build a chart in the script (docs/performance.md, «Cost model»). */
const HANDLE = /\.(getSheetByName|getRange|getRangeList|newChart)$|\.EmbeddedChartBuilder\./;

/** Round trips to the spreadsheet from the first the writer makes (where its copy goes). */
function writeRoundTrips(r: ExecutionResult): string[] {
  const sequence = (r.sequence ?? []).map((s) => s.call);
  const start = sequence.findIndex((c) => c.endsWith('.deleteSheet') || c.endsWith('.insertSheet'));
  return sequence.slice(start).filter((c) => c.startsWith('SpreadsheetApp.') && !HANDLE.test(c));
}

test('the report shows exactly the formats its grids hold: numbers, bold rows, shading, wraps, title size', () => {
  const d = bigDistrict();
  // A school with foreign messengers and another's report returned: every alert the document has.
  const foreign = { period: '2023-12', noForeignMessengers: false, foreignMessengersExplanation: 'Чат в WhatsApp' };
  d.call(COORD_A, 'submitReport', schoolReport(foreign), 'look-foreign');
  const sent = summaryOf(d, '2023-12').rows.find((r) => r.state === 'submitted' && r.orgId !== SCHOOL.id)!;
  d.call(OWNER, 'reviewReport', sent.orgId, '2023-12', sent.version, 'return', 'Уточните число родителей');
  d.call(OWNER, 'generateDistrictReport', '2023-12');
  expectSameDocument(d, SHEET, '2023-12');
  // The admin sees the report at once: the copy is the active sheet.
  const active = createEmulator({
    store: d.em.store,
    code: 'function a() { return SpreadsheetApp.getActive().getActiveSheet().getName(); }',
  });
  expect(active.run('a', [], { user: OWNER, documentId: d.doc }).value).toBe(SHEET);
  // What the deputy head sees: overdue organisations and missed targets in red, the lists' and the
  // legend's titles in bold, the district total bold on grey — and a report that writes no formats.
  const g = expectedGrid(d, '2023-12');
  const look = lookOf(d, SHEET, g.values.length);
  const at = (text: string | RegExp) => {
    const i = g.values.findIndex((line) =>
      line.some((v) => (typeof text === 'string' ? v === text : text.test(String(v)))),
    );
    const c = g.values[i]!.findIndex((v) => (typeof text === 'string' ? v === text : text.test(String(v))));
    return { weight: look.weights[i]![c], background: look.backgrounds[i]![c] };
  };
  expect(at('просрочен')).toEqual({ weight: 'normal', background: '#fce8e6' });
  expect(at('ниже цели').background).toBe('#fce8e6');
  expect(at('сдан вовремя').background).toBe('#ffffff');
  expect(at('возвращён').background).toBe('#fce8e6');
  expect(at('да').background).toBe('#fce8e6');
  expect(at(/^Не сдали отчёт \(\d+\)$/).weight).toBe('bold');
  expect(at(/^Сдали с опозданием \(\d+\)$/).weight).toBe('bold');
  expect(at('Обозначения').weight).toBe('bold');
  expect(at(/^Итого по округу/)).toEqual({ weight: 'bold', background: '#f1f3f4' });
  expect(at(/^ОО — общеобразовательная/).weight).toBe('normal');
  const written = d.run(OWNER, 'generateDistrictReport', '2023-12').sequence!.map((c) => c.call);
  expect(written.filter((c) => /RangeList\.|setFontWeight|setBackground|setNumberFormat|setWrap/.test(c))).toEqual([]);
});

test('every number and date lands in a cell the template formats for it, and no text reads as a number there', () => {
  const d = bigDistrict();
  // Returned, late, foreign messengers and the month before: every list and every kind of line.
  const g = expectedGrid(d, '2023-12');
  let numbers = 0;
  g.values.forEach((line, i) => {
    line.forEach((value, c) => {
      const format = templateFormat(i + 1, c + 1);
      if (typeof value === 'number' || value instanceof Date) {
        numbers++;
        expect([i + 1, c + 1, format]).toEqual([i + 1, c + 1, g.formats[i]![c]]);
      } else if (format !== '@' && value !== '') {
        // Sheets reads text typed into a number-formatted cell as a number or date when it looks like one.
        expect([String(value), parseTypedInput(String(value), 'ru_RU', d.em.now(), 'Europe/Moscow')]).toEqual([
          String(value),
          { value: String(value) },
        ]);
      }
    });
  });
  expect(numbers).toBeGreaterThan(12 * 4);
});

test('the write makes the same few round trips for 5 and for 50 organisations, and reads no sheet size', () => {
  const write = (organisations: number) => {
    const em = createEmulator();
    const { documentId } = seedDistrict(em, { organisations, months: 1 }, OWNER);
    const months = em.runFromClient<{ periods: { key: string }[] }>('getDistrictSummary', [null], {
      user: OWNER,
      documentId,
      authMode: 'FULL',
    }).value!.periods;
    const run = () =>
      em.runFromClient('generateDistrictReport', [months.at(-1)!.key], { user: OWNER, documentId, authMode: 'FULL' });
    return { first: run(), again: run() };
  };
  const small = write(5);
  const large = write(50);
  for (const r of [small.first, small.again, large.first, large.again]) expect(r.ok).toBe(true);
  expect(writeRoundTrips(large.first)).toEqual(writeRoundTrips(small.first));
  expect(writeRoundTrips(large.again)).toEqual(writeRoundTrips(small.again));
  // Copied (and so made the active sheet) and shown, the values (the template holds the number
  // formats, the wraps, the total's line and the conditional formats), the chart, and the
  // execution's closing flush.
  expect(writeRoundTrips(large.first).length).toBeLessThanOrEqual(5);
  // Made again: the old sheet deleted first, nothing asked of it.
  expect(writeRoundTrips(large.again).length).toBeLessThanOrEqual(6);
  for (const r of [large.first, large.again]) {
    const methods = (r.sequence ?? []).map((c) => c.call.split('.').pop());
    expect(methods).not.toContain('isSheetHidden');
    expect(methods).not.toContain('getMaxRows');
  }
});

test('a template made by an older release is made again, and the report is the same document', () => {
  const d = bigDistrict();
  // The first release's template: widths, font and alignment only, and no record of it.
  handEdit(
    d,
    OWNER,
    `var t = ss.getSheetByName('${TEMPLATE}'); t.getRange(1, 1, t.getMaxRows(), 13).clearFormat().setFontSize(9).setVerticalAlignment('top');`,
  );
  d.em.store.properties.remove(`document:${d.doc}`, ['districtReportTemplate']);
  d.call(OWNER, 'generateDistrictReport', '2023-12');
  expectSameDocument(d, SHEET, '2023-12');
  const sheets = dumpSheet(d, SHEET).sheetNames;
  expect(sheets.filter((n) => n === TEMPLATE)).toHaveLength(1);
  expect(lookOf(d, TEMPLATE, 2).weights[0]![0]).toBe('bold');
  // Made once: the next report uses it as it is.
  const again = d.run(OWNER, 'generateDistrictReport', '2023-11');
  expect(again.sequence?.filter((c) => c.call.endsWith('.deleteSheet'))).toEqual([]);
});

test('a template that lost rows by hand is made again: the report is whole', () => {
  const d = bigDistrict();
  handEdit(d, OWNER, `ss.getSheetByName('${TEMPLATE}').deleteRows(20, 970);`);
  d.call(OWNER, 'generateDistrictReport', '2023-12');
  expectSameDocument(d, SHEET, '2023-12');
  expect(lookOf(d, TEMPLATE, 1).rows).toBe(1000);
  const names = dumpSheet(d, SHEET).sheetNames;
  expect([SHEET, TEMPLATE].map((name) => names.filter((n) => n === name).length)).toEqual([1, 1]);
});
