// TEXTJOIN as Google documents it (https://support.google.com/docs/answer/7013992): empty cells kept or
// skipped, ranges row by row, other sheets' rows, and a result past a cell's 50 000 characters refused.
import { createEmulator } from '../../../../src/dev/emulator';

const HELPERS = `
function put(sheet, a1, rows) { SpreadsheetApp.getActive().getSheetByName(sheet).getRange(a1).setValues(rows); }
function formula(sheet, a1, f) { SpreadsheetApp.getActive().getSheetByName(sheet).getRange(a1).setFormula(f); }
function value(sheet, a1) { return SpreadsheetApp.getActive().getSheetByName(sheet).getRange(a1).getValue(); }
function plainText(sheet, a1) { SpreadsheetApp.getActive().getSheetByName(sheet).getRange(a1).setNumberFormat('@'); }
function addSheet(name) { SpreadsheetApp.getActive().insertSheet(name); }
function moveColumn(sheet) { var s = SpreadsheetApp.getActive().getSheetByName(sheet); s.insertColumnBefore(1); }
`;

function workbook() {
  const em = createEmulator({ code: HELPERS, now: Date.UTC(2024, 1, 15, 9) });
  em.createSpreadsheet({ name: 'Склейка', owner: 'owner@example.org' });
  return <T>(fn: string, ...args: unknown[]): T => {
    const r = em.run<T>(fn, args);
    if (!r.ok) throw new Error(`${fn}: ${r.error?.message}`);
    return r.value as T;
  };
}

test("Google's example: blanks skipped with TRUE, kept as empty texts with FALSE", () => {
  const run = workbook();
  run('put', 'Лист1', 'A2:A6', [['Hello'], ['there'], [''], [''], ['Sheets']]);
  run('formula', 'Лист1', 'B1', '=TEXTJOIN(" "; TRUE; A2:A6)');
  run('formula', 'Лист1', 'B2', '=TEXTJOIN(" ", FALSE, A2:A6)');
  expect(run('value', 'Лист1', 'B1')).toBe('Hello there Sheets');
  expect(run('value', 'Лист1', 'B2')).toBe('Hello there   Sheets');
});

test("another sheet's whole first row, numbers as text, follows an edit and a moved column", () => {
  const run = workbook();
  run('addSheet', 'Отчёты');
  run('put', 'Отчёты', 'A1:C1', [['Код', 'Месяц', 2024]]);
  run('formula', 'Лист1', 'A1', '=TEXTJOIN("|";FALSE;\'Отчёты\'!1:1)');
  expect(String(run('value', 'Лист1', 'A1')).replace(/\|+$/, '')).toBe('Код|Месяц|2024');
  run('put', 'Отчёты', 'B1', [['Период']]);
  expect(String(run('value', 'Лист1', 'A1')).replace(/\|+$/, '')).toBe('Код|Период|2024');
  run('moveColumn', 'Отчёты');
  expect(String(run('value', 'Лист1', 'A1')).replace(/\|+$/, '')).toBe('|Код|Период|2024');
});

test('a result longer than a cell holds is #VALUE!, not a cut text', () => {
  const run = workbook();
  const long = 'я'.repeat(30_000);
  run('put', 'Лист1', 'A1:A2', [[long], [long]]);
  run('formula', 'Лист1', 'B1', '=IFERROR(TEXTJOIN("";TRUE;A1:A2);"слишком длинно")');
  run('formula', 'Лист1', 'B2', '=TEXTJOIN("";TRUE;A1)');
  expect(run('value', 'Лист1', 'B1')).toBe('слишком длинно');
  expect(run('value', 'Лист1', 'B2')).toBe(long);
});

test('a formula set in a cell formatted as plain text stays text (strictest reading): set-up formats first', () => {
  const run = workbook();
  run('put', 'Лист1', 'A1', [['x']]);
  run('plainText', 'Лист1', 'B1');
  run('formula', 'Лист1', 'B1', '=TEXTJOIN("";TRUE;A1)');
  expect(run('value', 'Лист1', 'B1')).toBe('=TEXTJOIN("";TRUE;A1)');
});
