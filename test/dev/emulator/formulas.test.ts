// Formula evaluation in the emulator: parsing, built-ins, references, cycles, errors, custom functions
// (a hand-written bundle and dist/Code.js), spills, the preview grid, and the generated district report.
import { createEmulator, type Emulator } from '../../../src/dev/emulator';
import { FormulaNotEmulated, FormulaParseError, parseFormula } from '../../../src/dev/emulator/formulas/parser';
import { customFunctionNames } from '../../../src/dev/emulator/formulas/engine';
import { roundHalfAway } from '../../../src/dev/emulator/formulas/functions';
import { sheetGrid } from '../../../src/dev/preview/grid';
import { bigDistrict } from '../../support/bigDistrict';
import { OWNER } from '../../support/district';
import { domainSummary, dumpSheet } from '../../support/summarySupport';

const NOW = Date.UTC(2024, 1, 15, 9); // 15.02.2024 12:00 MSK
const USER = 'owner@example.org';

// Helpers run as a script, so reads go through Range like the add-on's own reads.
const HELPERS = `
function sheet_(name) { var ss = SpreadsheetApp.getActive(); return name ? (ss.getSheetByName(name) || ss.insertSheet(name)) : ss.getSheets()[0]; }
function put(name, a1, rows) { sheet_(name).getRange(a1).setValues(rows); }
function putFormulas(name, a1, rows) { sheet_(name).getRange(a1).setFormulas(rows); }
function format(name, a1, f) { sheet_(name).getRange(a1).setNumberFormat(f); }
function values(name, a1) { return sheet_(name).getRange(a1).getValues(); }
function displays(name, a1) { return sheet_(name).getRange(a1).getDisplayValues(); }
function formulas(name, a1) { return sheet_(name).getRange(a1).getFormulas(); }
function lastRow(name) { return sheet_(name).getLastRow(); }
`;

const CUSTOM = `
/**
 * Twice each number.
 * @param {number} x a number or a range
 * @customfunction
 */
function DOUBLE(x) {
  if (Array.isArray(x)) return x.map(function (row) { return row.map(function (v) { return v === '' ? '' : v * 2; }); });
  if (x === 'boom') throw new Error('Плохое значение: boom');
  return x * 2;
}

/**
 * What the script sees of its arguments.
 * @customfunction
 */
function DESCRIBE(a, b) {
  var kind = function (v) { return v instanceof Date ? 'Date:' + v.toISOString() : Array.isArray(v) ? 'array' + v.length + 'x' + v[0].length : typeof v + ':' + v; };
  return kind(a) + '|' + kind(b);
}

/** @customfunction */
function WHO() { return Session.getActiveUser().getEmail() === '' ? 'anonymous' : 'user'; }

/** @customfunction */
function GRID(n) { var out = []; for (var i = 0; i < (n || 2); i++) out.push([i + 1, (i + 1) * 10]); return out; }

/** @customfunction */
function LIST() { return [1, 2, 3]; }

/** @customfunction */
function WHEN() { return new Date(Date.UTC(2024, 0, 31, 21, 0, 0)); }

/** @customfunction */
function hidden_() { return 1; }

/** Not marked as a custom function. */
function PLAIN() { return 1; }
`;

interface Sheet {
  em: Emulator;
  doc: string;
  put(a1: string, rows: unknown[][], name?: string): void;
  formulas(a1: string, rows: string[][], name?: string): void;
  format(a1: string, f: string, name?: string): void;
  values(a1: string, name?: string): unknown[][];
  displays(a1: string, name?: string): string[][];
  /** The formula error messages (hover text) of a block, through the store. */
  errors(
    a1: { row: number; column: number; numRows: number; numColumns: number },
    name?: string,
  ): Array<Array<string | undefined>>;
  value(formula: string): unknown;
}

function sheet(code = CUSTOM): Sheet {
  const em = createEmulator({ code: code + HELPERS, now: NOW });
  const doc = em.createSpreadsheet({ name: 'Формулы', owner: USER });
  const run = <T>(fn: string, ...args: unknown[]): T => {
    const r = em.run<T>(fn, args);
    if (!r.ok) throw new Error(`${fn}: ${r.error?.message}`);
    return r.value as T;
  };
  let scratch = 0;
  const s: Sheet = {
    em,
    doc,
    put: (a1, rows, name = '') => run('put', name, a1, rows),
    formulas: (a1, rows, name = '') => run('putFormulas', name, a1, rows),
    format: (a1, f, name = '') => run('format', name, a1, f),
    values: (a1, name = '') => run('values', name, a1),
    displays: (a1, name = '') => run('displays', name, a1),
    errors(rect, name) {
      const info = em.store.spreadsheets.getSpreadsheet(doc)!;
      const sheetId = name ? info.sheets.find((x) => x.name === name)!.sheetId : info.sheets[0]!.sheetId;
      return em.store.spreadsheets
        .readCells(doc, sheetId, rect, ['formulaError'])!
        .rows.map((r) => r.map((c) => c.formulaError));
    },
    value(formula) {
      const a1 = `Z${++scratch}`;
      s.formulas(a1, [[formula]]);
      return s.values(a1)[0]![0];
    },
  };
  return s;
}

describe('parsing', () => {
  it('reads references in every form the add-on and people write', () => {
    expect(parseFormula('=$A$1')).toEqual({ k: 'ref', sheet: null, a: { row: 1, column: 1 }, b: null });
    expect(parseFormula("='Лист с пробелом'!B2:C3")).toEqual({
      k: 'ref',
      sheet: 'Лист с пробелом',
      a: { row: 2, column: 2 },
      b: { row: 3, column: 3 },
    });
    expect(parseFormula("='It''s'!A1")).toMatchObject({ sheet: "It's" });
    expect(parseFormula('=Данные!A1')).toMatchObject({ k: 'ref', sheet: 'Данные' });
    expect(parseFormula('=A2:A')).toEqual({
      k: 'ref',
      sheet: null,
      a: { row: 2, column: 1 },
      b: { row: null, column: 1 },
    });
    expect(parseFormula('=B:C')).toEqual({
      k: 'ref',
      sheet: null,
      a: { row: null, column: 2 },
      b: { row: null, column: 3 },
    });
    expect(parseFormula('=2:5')).toEqual({
      k: 'ref',
      sheet: null,
      a: { row: 2, column: null },
      b: { row: 5, column: null },
    });
    expect(parseFormula('=LOG10(100)')).toMatchObject({ k: 'call', name: 'LOG10' });
  });

  it('takes function arguments separated by , or ; and keeps omitted ones', () => {
    const comma = parseFormula('=COVERAGE(H5,G5)');
    expect(parseFormula('=COVERAGE(H5;G5)')).toEqual(comma);
    expect(comma).toMatchObject({ k: 'call', name: 'COVERAGE', args: [{ k: 'ref' }, { k: 'ref' }] });
    expect(parseFormula('=IF(A1,,2)')).toMatchObject({ args: [{ k: 'ref' }, null, { k: 'num', v: 2 }] });
    expect(parseFormula('=sumif(D7:D18,"Школа",H7:H18)')).toMatchObject({ name: 'SUMIF' });
  });

  it('applies Sheets precedence', () => {
    expect(parseFormula('=1+2*3')).toMatchObject({ op: '+', r: { op: '*' } });
    expect(parseFormula('=1&2=3')).toMatchObject({ op: '=', l: { op: '&' } });
    expect(parseFormula('=-2^2')).toMatchObject({ op: '^', l: { k: 'neg' } });
  });

  it('refuses text Sheets would not parse, and flags syntax the emulator skips', () => {
    for (const bad of ['=SUM(1,', '=1+', '=+7 (999) 123-45-67', '="open', '=A1 B1', '=Лист!', '=#WHAT', '=)']) {
      expect(() => parseFormula(bad)).toThrow(FormulaParseError);
    }
    expect(() => parseFormula('={1,2;3,4}')).toThrow(FormulaNotEmulated);
  });
});

describe('built-in functions', () => {
  let s: Sheet;
  beforeAll(() => {
    s = sheet();
    s.put('A1:C5', [
      [1, 'Школа', 10],
      [2, 'Сад', 20],
      [3, 'школа', 30],
      ['x', 'Школа', 40],
      [true, '', 50],
    ]);
  });

  it.each<[string, unknown]>([
    ['=SUM(A1:A5)', 6],
    ['=SUM(1,"2",TRUE)', 4],
    ['=SUM(A1:A5;10)', 16],
    ['=SUM(A2:A)', 5],
    ['=SUMIF(B1:B5,"Школа",C1:C5)', 80],
    ['=SUMIF(B1:B5,"ш*",C1:C5)', 80],
    ['=SUMIF(A1:A3,">1")', 5],
    ['=SUMIF(C1:C5,"<>20")', 130],
    ['=COUNT(A1:A5)', 3],
    ['=COUNTA(A1:A5)', 5],
    ['=COUNTA(B1:B5)', 4],
    ['=COUNTIF(C1:C5,">=30")', 3],
    ['=COUNTIF(B1:B5,"<>Школа")', 2],
    ['=COUNTIF(B1:B10,"")', 6],
    ['=AVERAGE(A1:A5)', 2],
    ['=MIN(C1:C5)', 10],
    ['=MAX(C1:C5)', 50],
    ['=MAX(B1:B2)', 0],
    ['=IF(A1>0,"да","нет")', 'да'],
    ['=IF(A1>5,1)', false],
    ['=IFERROR(1/0,"ошибка")', 'ошибка'],
    ['=IFERROR(A1)', 1],
    ['=AND(TRUE,A1,C1>5)', true],
    ['=OR(FALSE,0)', false],
    ['=NOT(A1)', false],
    ['=ROUND(2.345,2)', 2.35],
    ['=ROUND(-2.5)', -3],
    ['=ROUND(1234.5,-2)', 1200],
    ['=ABS(-3)', 3],
    ['=1+2*3', 7],
    ['=2^3^2', 64],
    ['=-2^2', 4],
    ['=50%', 0.5],
    ['="a"&1.5', 'a1,5'],
    ['="A"="a"', true],
    ['=1<"a"', true],
    ['="1,5"+1', 2.5],
    ['=A1<>A2', true],
    ['=C1/C2', 0.5],
  ])('%s → %p', (formula, expected) => {
    expect(s.value(formula)).toEqual(expected);
  });

  it('TODAY and DATE give dates in the spreadsheet time zone, shown as dates', () => {
    s.formulas('E1:E4', [['=TODAY()'], ['=DATE(2024,2,30)'], ['=DATE(2024,13,1)'], ['=DATE(2024,1,1)+1']]);
    const v = s.values('E1:E4').map((r) => (r[0] as Date).toISOString());
    expect(v).toEqual([
      '2024-02-14T21:00:00.000Z',
      '2024-02-29T21:00:00.000Z',
      '2024-12-31T21:00:00.000Z',
      '2024-01-01T21:00:00.000Z',
    ]);
    expect(s.displays('E1:E2')).toEqual([['15.02.2024'], ['01.03.2024']]);
  });

  it('reports a wrong number of arguments as #N/A, like Sheets', () => {
    expect(s.value('=ROUND()')).toBe('#N/A');
    expect(s.value('=IF(1)')).toBe('#N/A');
  });

  it('shows results under the cell number format', () => {
    s.format('F1', '0.0%');
    s.formulas('F1', [['=C1/C4']]);
    expect(s.values('F1')).toEqual([[0.25]]);
    expect(s.displays('F1')).toEqual([['25,0%']]);
  });
});

describe('references', () => {
  it('reads other sheets, quoted names, open ranges and named ranges', () => {
    const s = sheet();
    s.put('A1:A3', [[5], [6], [7]], 'Лист с пробелом');
    s.put('A1', [[100]], 'Данные');
    s.formulas('A1:E1', [
      ["='Лист с пробелом'!A1*2", '=Данные!A1+1', "=SUM('Лист с пробелом'!A2:A)", '=данные!A1', '=Нет!A1'],
    ]);
    expect(s.values('A1:E1')).toEqual([[10, 101, 13, 100, '#REF!']]);
    expect(s.errors({ row: 1, column: 5, numRows: 1, numColumns: 1 })).toEqual([["Unresolved sheet name 'Нет'."]]);
    const info = s.em.store.spreadsheets.getSpreadsheet(s.doc)!;
    const other = info.sheets.find((x) => x.name === 'Лист с пробелом')!;
    s.em.store.spreadsheets.setNamedRange(s.doc, {
      name: 'Итоги',
      sheetId: other.sheetId,
      rect: { row: 1, column: 1, numRows: 3, numColumns: 1 },
    });
    s.formulas('A2:B2', [['=SUM(Итоги)', '=SUM(Прочее)']]);
    expect(s.values('A2:B2')).toEqual([[18, '#NAME?']]);
  });

  it('follows chains of formula cells and recomputes after writes', () => {
    const s = sheet();
    s.put('A1', [[1]]);
    s.formulas('B1:D1', [['=A1+1', '=B1*10', '=SUM(A1:C1)']]);
    expect(s.values('A1:D1')).toEqual([[1, 2, 20, 23]]);
    s.put('A1', [[2]]);
    expect(s.values('A1:D1')).toEqual([[2, 3, 30, 35]]);
    expect(s.em.run('formulas', ['', 'B1:D1']).value).toEqual([['=A1+1', '=B1*10', '=SUM(A1:C1)']]);
  });

  it('turns cycles into #REF! with Sheets message', () => {
    const s = sheet();
    s.formulas('A1:C1', [['=B1+1', '=A1', '=C1+1']]);
    expect(s.values('A1:C1')).toEqual([['#REF!', '#REF!', '#REF!']]);
    expect(s.errors({ row: 1, column: 1, numRows: 1, numColumns: 1 })[0]![0]).toContain('Circular dependency');
  });
});

describe('errors', () => {
  let s: Sheet;
  beforeAll(() => {
    s = sheet();
    s.put('A1:A2', [[1], ['abc']]);
  });

  it.each<[string, string, string | RegExp]>([
    ['=1/0', '#DIV/0!', 'Function DIVIDE parameter 2 cannot be zero.'],
    ['=AVERAGE(B1:B3)', '#DIV/0!', /divide by zero/],
    ['=A2*2', '#VALUE!', /expects number values. But 'abc' is a text/],
    ['=FOO(1)', '#NAME?', "Unknown function: 'FOO'."],
    ['=PLAIN()', '#NAME?', "Unknown function: 'PLAIN'."],
    ['=hidden_()', '#NAME?', /Unknown function/],
    ['=SUM(1,', '#ERROR!', 'Formula parse error.'],
    ['=A1+#N/A', '#N/A', /not available/],
    ['=VLOOKUP(1,A1:B2,2,FALSE)', '#ERROR!', 'not emulated: the Sheets function VLOOKUP'],
    ['={1,2}', '#ERROR!', /not emulated: array literals/],
    ['=A1:A2*2', '#ERROR!', /not emulated: a multi-cell range where one value is expected/],
    ['=Z99999', '#REF!', /outside the sheet/],
  ])('%s → %s', (formula, code, message) => {
    s.formulas('C1', [[formula]]);
    expect(s.values('C1')).toEqual([[code]]);
    expect(s.displays('C1')).toEqual([[code]]);
    const got = s.errors({ row: 1, column: 3, numRows: 1, numColumns: 1 })[0]![0];
    if (typeof message === 'string') expect(got).toBe(message);
    else expect(got).toMatch(message);
  });

  it('propagates an error through references and functions', () => {
    s.formulas('D1:F1', [['=1/0', '=D1+1', '=SUM(D1:E1)']]);
    expect(s.values('D1:F1')).toEqual([['#DIV/0!', '#DIV/0!', '#DIV/0!']]);
    s.formulas('G1', [['=IFERROR(F1,0)']]);
    expect(s.values('G1')).toEqual([[0]]);
  });

  it('keeps the old typed "+text" behaviour: a broken formula', () => {
    s.put('H1', [['+7 (999) 123-45-67']]);
    expect(s.values('H1')).toEqual([['#ERROR!']]);
  });
});

describe('custom functions from a hand-written bundle', () => {
  it('runs a @customfunction with cell values, ranges as 2-D arrays and dates as the realm Dates', () => {
    const s = sheet();
    s.put('A1:B2', [
      [3, new Date(Date.UTC(2024, 0, 9, 21))],
      [4, ''],
    ]);
    s.formulas('C1:F1', [['=DOUBLE(A1)', '=double(A1)+1', '=DESCRIBE(A1,B1)', '=DESCRIBE(A1:B2,"x")']]);
    expect(s.values('C1:F1')).toEqual([[6, 7, 'number:3|Date:2024-01-09T21:00:00.000Z', 'array2x2|string:x']]);
    s.formulas('C2', [['=WHO()']]);
    expect(s.values('C2')).toEqual([['anonymous']]);
  });

  it('turns a thrown Error into #ERROR! and keeps its message for the hover', () => {
    const s = sheet();
    s.formulas('A1', [['=DOUBLE("boom")']]);
    expect(s.values('A1')).toEqual([['#ERROR!']]);
    expect(s.errors({ row: 1, column: 1, numRows: 1, numColumns: 1 })).toEqual([['Плохое значение: boom']]);
    // The preview shows the message where it shows notes.
    const grid = sheetGrid(s.em.store, s.doc, 0)!;
    expect(grid.rows[0]![0]).toMatchObject({
      t: '#ERROR!',
      f: '=DOUBLE("boom")',
      err: 'Плохое значение: boom',
      note: 'Плохое значение: boom',
    });
  });

  it('does not call the function when an argument is an error', () => {
    const s = sheet();
    s.formulas('A1:B1', [['=1/0', '=DOUBLE(A1)']]);
    expect(s.values('A1:B1')).toEqual([['#DIV/0!', '#DIV/0!']]);
  });

  it('spills a 2-D result over blank cells, and refuses to overwrite data with #REF!', () => {
    const s = sheet();
    s.formulas('A1', [['=GRID(3)']]);
    expect(s.values('A1:B3')).toEqual([
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
    expect(s.em.run('formulas', ['', 'A1:B3']).value).toEqual([
      ['=GRID(3)', ''],
      ['', ''],
      ['', ''],
    ]);
    expect(s.em.run('lastRow', ['']).value).toBe(3);
    s.formulas('D1', [['=SUM(A1:B3)']]);
    expect(s.values('D1')).toEqual([[66]]);
    s.put('B2', [['занято']]);
    expect(s.values('A1:B3')).toEqual([
      ['#REF!', ''],
      ['', 'занято'],
      ['', ''],
    ]);
    expect(s.errors({ row: 1, column: 1, numRows: 1, numColumns: 1 })[0]![0]).toBe(
      'Array result was not expanded because it would overwrite data in B2.',
    );
  });

  it('shows a returned Date as a date and refuses one-dimensional arrays loudly', () => {
    const s = sheet();
    s.formulas('A1:B1', [['=WHEN()', '=LIST()']]);
    const [when, list] = s.values('A1:B1')[0]!;
    expect((when as Date).toISOString()).toBe('2024-01-31T21:00:00.000Z');
    expect(s.displays('A1')).toEqual([['01.02.2024']]);
    expect(list).toBe('#ERROR!');
    expect(s.errors({ row: 1, column: 2, numRows: 1, numColumns: 1 })[0]![0]).toMatch(
      /not emulated: a one-dimensional array/,
    );
  });

  it('does not count formula evaluation as calls of the reading script', () => {
    const s = sheet();
    s.formulas('A1', [['=GRID(2)']]);
    s.formulas('D1', [['=DOUBLE(5)']]);
    s.put('A5:B5', [[1, 2]]);
    const withFormulas = s.em.run('values', ['', 'A1:D2']);
    const plain = s.em.run('values', ['', 'A5:D6']);
    expect(withFormulas.value).toEqual([
      [1, 10, '', 10],
      [2, 20, '', ''],
    ]);
    expect(withFormulas.calls).toEqual(plain.calls);
  });

  it('finds only top-level @customfunction functions', () => {
    expect(customFunctionNames(CUSTOM)).toEqual(['DOUBLE', 'DESCRIBE', 'WHO', 'GRID', 'LIST', 'WHEN']);
    expect(customFunctionNames('var X = (() => {\n  /** @customfunction */\n  function INNER() {}\n})();')).toEqual([]);
  });
});

describe('custom functions of dist/Code.js', () => {
  let s: Sheet;
  beforeAll(() => {
    // The add-on's bundle plus a helper script over the same store: Sheets keeps the add-on's functions.
    const em = createEmulator({ now: NOW });
    const doc = em.createSpreadsheet({ name: 'Отчёты', owner: USER });
    const helper = createEmulator({ store: em.store, code: HELPERS });
    const run = <T>(fn: string, ...args: unknown[]): T => {
      const r = helper.run<T>(fn, args, { user: USER, documentId: doc });
      if (!r.ok) throw new Error(r.error?.message);
      return r.value as T;
    };
    s = {
      em,
      doc,
      put: (a1, rows, name = '') => run('put', name, a1, rows),
      formulas: (a1, rows, name = '') => run('putFormulas', name, a1, rows),
      format: (a1, f, name = '') => run('format', name, a1, f),
      values: (a1, name = '') => run('values', name, a1),
      displays: (a1, name = '') => run('displays', name, a1),
      errors: (rect) =>
        em.store.spreadsheets.readCells(doc, 0, rect, ['formulaError'])!.rows.map((r) => r.map((c) => c.formulaError)),
      value: () => undefined,
    };
  });

  it('COVERAGE computes the share, as in the report sheet (and refuses part > total)', () => {
    s.put('A1:B3', [
      [40, 38],
      [40, 50],
      [0, 0],
    ]);
    s.format('C1:C3', '0.0%');
    s.formulas('C1:C3', [['=COVERAGE(B1,A1)'], ['=COVERAGE(B2;A2)'], ['=COVERAGE(B3,A3)']]);
    expect(s.values('C1:C3')).toEqual([[0.95], ['#ERROR!'], ['']]);
    expect(s.displays('C1:C3')).toEqual([['95,0%'], ['#ERROR!'], ['']]);
    expect(s.errors({ row: 2, column: 3, numRows: 1, numColumns: 1 })).toEqual([
      ['Подключено (50) больше, чем всего (40)'],
    ]);
  });

  it('REPORT_STATUS reads dates from date cells', () => {
    s.put('E1:G2', [
      ['2023-12', new Date(Date.UTC(2024, 0, 20, 9)), new Date(NOW)],
      ['2023-12', '', new Date(NOW)],
    ]);
    s.format('E1:E2', '@');
    s.put('E1:E2', [['2023-12'], ['2023-12']]);
    s.formulas('H1:H2', [['=REPORT_STATUS(E1,F1,G1)'], ['=REPORT_STATUS($E$2,F2,$G$2)']]);
    expect(s.values('H1:H2')).toEqual([['сдан вовремя'], ['просрочен']]);
  });
});

describe('the generated district report', () => {
  it('holds the domain summary’s shares as values (no formulas), displayed as Sheets and the preview grid show them', () => {
    const d = bigDistrict();
    d.call(OWNER, 'generateDistrictReport', '2023-12');
    const sheet = dumpSheet(d, 'Сводный отчёт декабрь 2023');
    const s = domainSummary(d, '2023-12');
    const v = sheet.values;
    const header = v.findIndex((r) => r[0] === '№');
    const col = (name: string): number => v[header]!.indexOf(name);
    const close = (a: unknown, b: number | null): void => {
      if (b === null) expect(a).toBe('');
      else expect(a as number).toBeCloseTo(b, 12);
    };
    // The district total is the table's first line, the organisations follow.
    const totalIndex = header + 1;
    expect(v[totalIndex]![2]).toMatch(/^Итого по округу/);
    for (const [i, row] of s.rows.entries()) {
      const cells = v[header + 2 + i]!;
      expect(cells[1]).toBe(row.orgId);
      const rep = row.report;
      if (!rep) {
        expect(cells[col('Пед., %')]).toBe('');
        continue;
      }
      close(cells[col('Пед., %')], rep.teachersConnected / rep.teachersTotal);
      close(cells[col('Род., %')], rep.parentsTotal === 0 ? null : rep.parentsConnected / rep.parentsTotal);
    }
    const total = v[totalIndex]!;
    close(total[col('Пед., %')], s.coverage.teachers);
    close(total[col('Обуч., %')], s.coverage.pupils);
    close(total[col('Род., %')], s.coverage.parents);
    close(total[col('МШ, %')], s.coverage.mySchool);
    expect(sheet.formulas.flat().filter((f) => f !== '')).toEqual([]);
    expect(sheet.display[totalIndex]![col('Пед., %')]).toMatch(/^\d+,\d%$/);
    // The preview grid shows the same text.
    const info = d.em.store.spreadsheets.getSpreadsheet(d.doc)!;
    const grid = sheetGrid(
      d.em.store,
      d.doc,
      info.sheets.find((x) => x.name === 'Сводный отчёт декабрь 2023')!.sheetId,
    )!;
    expect(grid.rows[totalIndex]![col('Пед., %')]!.t).toBe(sheet.display[totalIndex]![col('Пед., %')]);
  });
});

test('ROUND rounds half away from zero without binary surprises', () => {
  expect(roundHalfAway(1.005, 2)).toBe(1.01);
  expect(roundHalfAway(-1.005, 2)).toBe(-1.01);
  expect(roundHalfAway(0.5, 0)).toBe(1);
});

test('MIN and MAX over a column of 200 000 numbers answer instead of overflowing the stack', () => {
  const s = sheet(CUSTOM + "function grow(n) { sheet_('Длинный').insertRowsAfter(1, n); }");
  s.put('A1', [[0]], 'Длинный');
  expect(s.em.run('grow', [200_000]).ok).toBe(true);
  const numbers = Array.from({ length: 200_000 }, (_, i) => ((i * 7919) % 200_003) - 1000);
  s.put(
    'A1:A200000',
    numbers.map((n) => [n]),
    'Длинный',
  );
  expect(s.value("=MAX('Длинный'!A1:A200000)")).toBe(numbers.reduce((m, n) => Math.max(m, n)));
  expect(s.value("=MIN('Длинный'!A1:A200000)")).toBe(-1000);
});
