// The sheets' headers come with the settings (hidden «Настройки» rows of sheetMirror.ts), live:
// a header changed by hand is seen at once; a mirror typed over is ignored and the header read as
// before; set-up restores it. And what a submission and a review cost in round trips (issue 14).
import { createEmulator, type ExecutionResult } from '../../../src/dev/emulator';
import { mirrorFormulas } from '../../../src/server/storage/sheetMirror';
import {
  district,
  handEdit,
  kindergartenReport,
  schoolReport,
  COORD_A,
  COORD_B,
  OWNER,
  SCHOOL,
} from '../../support/district';

const SETTINGS = 'Настройки';
const REPORTS = 'Отчёты';
const DATA_SHEETS = ['Реестр организаций', REPORTS, 'Журнал изменений'];

/** «Sheet!A1:…» of every range a call read or wrote, in order. */
const ranges = (r: ExecutionResult): string[] =>
  (r.sequence ?? [])
    .filter((s) => s.call.endsWith('Range.getValues'))
    .map((s) => (s.on as { _where(): string })._where());

/** The reads of row 1 of the data sheets (a header read). */
const headerReads = (r: ExecutionResult): string[] =>
  ranges(r).filter((w) => DATA_SHEETS.some((s) => w.startsWith(`${s}!A1:`) && /^[^!]+!A1:[A-Z]+1$/.test(w)));

/** The formula in column C of a «Настройки» row, as a person opening the cell sees it. */
function formulaAt(d: ReturnType<typeof district>, row: number): string {
  const reader = createEmulator({
    store: d.em.store,
    code: `function f(r) { return SpreadsheetApp.getActive().getSheetByName('${SETTINGS}').getRange(r, 3).getFormula(); }`,
  });
  return reader.run<string>('f', [row], { user: OWNER, documentId: d.doc }).value ?? '';
}

/** What «Проверить изменения вручную» tells the admin. */
function integrity(d: ReturnType<typeof district>): string {
  d.call(OWNER, 'checkIntegrity');
  return d.em.store.ui.listEvents(d.doc, OWNER).pop()!.content;
}

/** The row of «Настройки» holding the mirror. */
const mirrorRow = (d: ReturnType<typeof district>): number =>
  d.sheet(SETTINGS).findIndex((r) => r[0] === 'sheetHeaders') + 1;

test('set-up adds the hidden mirror row; a submission and a form then read no header row', () => {
  const d = district();
  expect(mirrorRow(d)).toBeGreaterThan(1);
  expect(formulaAt(d, mirrorRow(d))).toBe(mirrorFormulas().sheetHeaders);
  const submit = d.run(COORD_A, 'submitReport', schoolReport(), 'mirror-submit-1');
  const form = d.run(COORD_A, 'getReportForm', SCHOOL.id, '2023-11');
  expect([submit.ok, form.ok]).toEqual([true, true]);
  expect(headerReads(submit)).toEqual([]);
  expect(headerReads(form)).toEqual([]);
  // The form shows the version just stored: the header it used is the sheet's.
  expect((form.value as { current: { version: number } }).current.version).toBe(1);
});

test('a header renamed by hand is seen at once: the write is refused in Russian, nothing written', () => {
  const d = district();
  handEdit(d, OWNER, `ss.getSheetByName('${REPORTS}').getRange('B1').setValue('Что-то другое');`);
  const rowsBefore = d.sheet(REPORTS).length;
  const refusal = d.refuse(COORD_A, 'submitReport', schoolReport(), 'mirror-renamed-1');
  expect(refusal).toContain('Таблица округа не настроена');
  expect(d.sheet(REPORTS)).toHaveLength(rowsBefore);
});

test('a mirror typed over is ignored (headers read from the sheets); set-up writes the formula back', () => {
  const d = district();
  const row = mirrorRow(d);
  handEdit(d, OWNER, `ss.getSheetByName('${SETTINGS}').getRange(${row}, 3).setValue('Код␟Название␞␞␞');`);
  const submit = d.run(COORD_B, 'submitReport', kindergartenReport('2023-11'), 'mirror-typed-1');
  expect(submit.ok).toBe(true);
  expect(headerReads(submit).length).toBeGreaterThan(0);
  // «Проверить изменения вручную» names the row; set-up writes the formula back, and the check is clean.
  expect(integrity(d)).toContain('служебные строки изменены или удалены (Заголовки листов (служебная строка))');
  expect(d.em.run('setupWorkbook', [], { user: OWNER, documentId: d.doc }).ok).toBe(true);
  expect(formulaAt(d, row)).toBe(mirrorFormulas().sheetHeaders);
  expect(integrity(d)).not.toContain('служебные строки');
  const again = d.run(COORD_B, 'submitReport', kindergartenReport('2023-11'), 'mirror-typed-2');
  expect(again.ok).toBe(true);
  expect(headerReads(again)).toEqual([]);
});

test("a coordinator's submission does not ask who owns the file and writes its properties once", () => {
  const d = district();
  const r = d.run(COORD_A, 'submitReport', schoolReport(), 'mirror-owner-1');
  expect(r.ok).toBe(true);
  expect(r.calls['SpreadsheetApp.Spreadsheet.getOwner'] ?? 0).toBe(0);
  expect(r.calls['PropertiesService.Properties.setProperties']).toBe(1);
  expect(r.calls['PropertiesService.Properties.setProperty'] ?? 0).toBe(0);
  // The owner's own call still knows them as the admin.
  expect(d.run(OWNER, 'getDistrictSummary', null).ok).toBe(true);
});

const REGISTRY = 'Реестр организаций';

/** The registry's ranges a call read, as «F2:F1000». */
const registryReads = (r: ExecutionResult): string[] =>
  ranges(r)
    .filter((w) => w.startsWith(`${REGISTRY}!`))
    .map((w) => w.slice(REGISTRY.length + 1));

test("a coordinator's call and an admin's review find their registry row without reading a column", () => {
  const d = district();
  d.call(COORD_A, 'submitReport', schoolReport(), 'mirror-registry-1');
  const form = d.run(COORD_A, 'getReportForm', SCHOOL.id, '2023-11');
  const review = d.run(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'accept', '');
  expect([form.ok, review.ok]).toEqual([true, true]);
  // One row each: the caller's organisation, read whole (A:N); no column of the registry.
  expect(registryReads(form)).toHaveLength(1);
  expect(registryReads(form)[0]).toMatch(/^A(\d+):[A-Z]+\1$/);
  expect(registryReads(review)).toHaveLength(1);
  expect(registryReads(review)[0]).toMatch(/^A(\d+):[A-Z]+\1$/);
});

test('an e-mail changed by hand in the registry counts at once: the new coordinator is let in, the old one refused', () => {
  const d = district();
  const row = d.sheet(REGISTRY).findIndex((r) => r[0] === SCHOOL.id) + 1;
  const column = (d.sheet(REGISTRY)[0] as unknown[]).indexOf('E-mail координатора') + 1;
  expect(column).toBeGreaterThan(0);
  handEdit(d, OWNER, `ss.getSheetByName('${REGISTRY}').getRange(${row}, ${column}).setValue('new.head@example.org');`);
  expect(d.run('new.head@example.org', 'getReportForm', SCHOOL.id, '2023-11').ok).toBe(true);
  expect(d.refuse(COORD_A, 'getReportForm', SCHOOL.id, '2023-11')).toContain(COORD_A);
});

test('the whole registry comes in one read, through the last row naming an organisation, typed by hand or not', () => {
  const d = district();
  const before = d.run(OWNER, 'getRegistry');
  expect(before.ok).toBe(true);
  expect(registryReads(before)).toEqual([`A1:N${d.sheet(REGISTRY).length}`]);
  // A code typed two rows below the last organisation: the read reaches it.
  const row = d.sheet(REGISTRY).length + 3;
  handEdit(d, OWNER, `ss.getSheetByName('${REGISTRY}').getRange(${row}, 1).setValue('HAND-01');`);
  const after = d.run(OWNER, 'getRegistry');
  expect(registryReads(after)).toEqual([`A1:N${row}`]);
  expect(after.calls['SpreadsheetApp.Sheet.getDataRange'] ?? 0).toBe(0);
});
