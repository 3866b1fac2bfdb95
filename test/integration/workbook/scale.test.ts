// Oblast scale: a coordinator's call reads only its organisation's rows (counted cells), a stale
// index falls back to every row, and rows sealed the first release's way still verify until set-up
// re-seals them as HMACs.
import { createHash } from 'node:crypto';
import { canonicalRow } from '../../../src/server/storage/rowSeal';
import { REPORTS_LAYOUT } from '../../../src/server/storage/reportsSheet';
import {
  district,
  handEdit,
  kindergartenReport,
  schoolReport,
  COORD_A,
  COORD_B,
  KINDERGARTEN,
  OWNER,
  SCHOOL,
} from '../../support/district';
import { failNextWriteTo, sheetIdOf } from '../../../src/dev/emulator/faults';

interface Form {
  current: { version: number } | null;
  period: { statusLabel: string };
}
interface Summary {
  integrity: string[];
}

test("the coordinator's form reads its own versions only, however many rows others stored", () => {
  const d = district();
  d.call(COORD_A, 'submitReport', schoolReport(), 'scale-school-1');
  for (let i = 0; i < 6; i++) d.call(COORD_B, 'submitReport', kindergartenReport('2023-11'), `scale-kg-${i}`);
  const r = d.run<Form>(COORD_A, 'getReportForm', SCHOOL.id, '2023-11');
  expect(r.ok).toBe(true);
  expect(r.value!.current!.version).toBe(1);
  const width = REPORTS_LAYOUT.columns.length;
  // The school's one row (no other organisation's; the header comes with the settings) — of 8 rows.
  expect(r.cells!.Отчёты!.read).toBe(width);
  expect(d.sheet('Отчёты')).toHaveLength(8);
});

test('a row inserted by hand makes the index stale: calls read every row, the next write rebuilds it', () => {
  const d = district();
  d.call(COORD_A, 'submitReport', schoolReport(), 'scale-school-1');
  handEdit(d, OWNER, "ss.getSheetByName('Отчёты').insertRowBefore(2);");
  const form = d.call<Form>(COORD_A, 'getReportForm', SCHOOL.id, '2023-11');
  expect(form.current!.version).toBe(1);
  d.call(COORD_A, 'submitReport', schoolReport({ teachersConnected: 39 }), 'scale-school-2');
  const after = d.run<Form>(COORD_A, 'getReportForm', SCHOOL.id, '2023-11');
  expect(after.value!.current!.version).toBe(2);
  // The month's two versions, through the rebuilt index (the header comes with the settings).
  expect(after.cells!.Отчёты!.read).toBe(2 * REPORTS_LAYOUT.columns.length);
});

/** Replaces a report row's checksum by the first release's (SHA-256 of key and row), as older workbooks hold. */
function sealTheOldWay(d: ReturnType<typeof district>, row: number): string {
  const key = d.em.store.properties.get('document:' + d.doc, 'integrityKey')!;
  const cells = d.sheet('Отчёты')[row - 1]!;
  const legacy = createHash('sha256')
    .update(key + '\u001e' + canonicalRow(REPORTS_LAYOUT, cells.slice(0, REPORTS_LAYOUT.columns.length - 1)))
    .digest('hex')
    .slice(0, 32);
  handEdit(
    d,
    OWNER,
    `ss.getSheetByName('Отчёты').getRange(${row}, ${REPORTS_LAYOUT.columns.length}).setValue('${legacy}');`,
  );
  return legacy;
}

test('rows sealed the first release way still verify, and set-up re-seals them as HMACs', () => {
  const d = district();
  d.call(COORD_A, 'submitReport', schoolReport(), 'scale-school-1');
  const legacy = sealTheOldWay(d, 2);
  expect(d.call<Summary>(OWNER, 'getDistrictSummary', '2023-11').integrity).toEqual([]);
  d.call(OWNER, 'setupWorkbook');
  const resealed = String(d.sheet('Отчёты')[1]![REPORTS_LAYOUT.columns.length - 1]);
  expect(resealed).not.toBe(legacy);
  expect(resealed.startsWith('h')).toBe(true);
  expect(d.call<Summary>(OWNER, 'getDistrictSummary', '2023-11').integrity).toEqual([]);
});

test('a row changed by hand under a first-release checksum stays flagged after set-up', () => {
  const d = district();
  d.call(COORD_A, 'submitReport', schoolReport(), 'scale-school-1');
  const legacy = sealTheOldWay(d, 2);
  handEdit(d, OWNER, "ss.getSheetByName('Отчёты').getRange(2, 9).setValue(1);");
  d.call(OWNER, 'setupWorkbook');
  expect(String(d.sheet('Отчёты')[1]![REPORTS_LAYOUT.columns.length - 1])).toBe(legacy);
  expect(d.call<Summary>(OWNER, 'getDistrictSummary', '2023-11').integrity.join(' ')).toContain('2');
});

test("a retry of a submission cut short before its audit entry reads the log's recent end, not all of it", () => {
  const d = district();
  // A long history: 240 earlier entries, an hour before the submission that will be cut short.
  for (let i = 0; i < 120; i++) {
    d.call(COORD_B, 'submitReport', kindergartenReport('2023-11'), `history-${i}`);
    d.call(OWNER, 'reviewReport', KINDERGARTEN.id, '2023-11', i + 1, 'return', 'Уточните');
  }
  const auditBefore = d.sheet('Журнал изменений').length;
  d.em.advance(60 * 60_000);
  // The submission's data row is written, its audit entry is not (the audit append fails).
  const restore = failNextWriteTo(d.em.store, sheetIdOf(d.em.store, d.doc, 'Журнал изменений'));
  expect(d.run(COORD_A, 'submitReport', schoolReport(), 'cut-short').ok).toBe(false);
  restore();
  expect(d.sheet('Журнал изменений')).toHaveLength(auditBefore);
  const retry = d.run(COORD_A, 'submitReport', schoolReport(), 'cut-short');
  expect(retry.ok).toBe(true);
  const submits = d.sheet('Журнал изменений').filter((r) => r[3] === SCHOOL.id && r[2] === 'Сдача отчёта');
  expect(submits).toHaveLength(1);
  // One step of 200 rows of the log (with its header row and the append's last hash), not its 240+ rows.
  const width = d.sheet('Журнал изменений')[0]!.length;
  expect(auditBefore).toBeGreaterThan(240);
  expect(retry.cells!['Журнал изменений']!.read).toBeLessThan(210 * width);
});
