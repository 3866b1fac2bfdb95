// Hand edits beyond one row's cells: deleted, replayed, duplicated and truncated rows are named by
// «Проверить изменения вручную» and the summary, by organisation and month.
import {
  COORD_A,
  COORD_B,
  district,
  handEdit,
  KINDERGARTEN,
  OWNER,
  SCHOOL,
  schoolReport,
  type District,
} from '../../support/district';
import { beforeRowRead, failNextWriteTo, sheetIdOf } from '../../../src/dev/emulator/faults';

const REPORTS = 'Отчёты';
const NOV = 'ноябрь 2023';

function integrity(d: District): string {
  d.call(OWNER, 'checkIntegrity');
  return d.em.store.ui.listEvents(d.doc, OWNER).pop()!.content;
}

function kinderReport(): Record<string, unknown> {
  return {
    ...schoolReport({ orgId: KINDERGARTEN.id, pupilsTotal: null, pupilsConnected: null, pupilChats: null }),
    mySchoolTeachers: null,
  };
}

/** Sheet row (1-based) of a report version. */
function rowOf(d: District, orgId: string, version: number): number {
  const [header, ...rows] = d.sheet(REPORTS) as unknown[][];
  const org = header!.indexOf('Код организации');
  const v = header!.indexOf('Версия');
  return rows.findIndex((r) => r[org] === orgId && r[v] === version) + 2;
}

/** Script text copying a whole row (formats and values) of sheet `from` to sheet `to`. */
const copyRow = (from: string, fromRow: number, to: string, toRow: number): string => `
  var a = ss.getSheetByName('${from}'), b = ss.getSheetByName('${to}') || ss.insertSheet('${to}');
  var n = a.getLastColumn(), src = a.getRange(${fromRow}, 1, 1, n);
  if (b.getMaxColumns() < n) b.insertColumnsAfter(b.getMaxColumns(), n - b.getMaxColumns());
  b.getRange(${toRow}, 1, 1, n).setNumberFormats(src.getNumberFormats()).setValues(src.getValues());`;

function twoReports(): District {
  const d = district();
  d.call(COORD_A, 'submitReport', schoolReport(), 'submission-sch-1');
  d.call(COORD_B, 'submitReport', kinderReport(), 'submission-dou-1');
  return d;
}

test('an intact workbook with reviews and resubmissions passes the check', () => {
  const d = twoReports();
  d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'return', 'Уточните число чатов');
  d.call(COORD_A, 'submitReport', schoolReport({ parentChats: 19 }), 'submission-sch-2');
  d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 2, 'accept', '');
  d.call(OWNER, 'saveOrganisation', { ...KINDERGARTEN, coordinatorPhone: '+7 900 000-00-02' }, false);
  expect(integrity(d)).toContain('Изменений в обход дополнения не найдено');
});

test("deleting an organisation's report row is named by organisation and month", () => {
  const d = twoReports();
  handEdit(d, OWNER, `ss.getSheetByName('${REPORTS}').deleteRow(${rowOf(d, SCHOOL.id, 1)});`);
  const text = integrity(d);
  expect(text).toContain(`лист «Отчёты»: удалён отчёт SCH-01 за ${NOV} (версия 1, статус «сдан»`);
  expect(text).toContain('лист «Отчёты»: удалены строки — дополнение записало их 2, сейчас 1');
  expect(text).not.toContain('DOU-02');
});

test('deleting a returned v2 so that the accepted v1 shows again is named: by version in the check, as a deleted row in the summary', () => {
  const d = district();
  d.call(COORD_A, 'submitReport', schoolReport(), 'submission-sch-1');
  d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'accept', '');
  d.call(COORD_A, 'submitReport', schoolReport({ parentChats: 19 }), 'submission-sch-2');
  d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 2, 'return', 'Чатов меньше, чем классов');
  handEdit(d, OWNER, `ss.getSheetByName('${REPORTS}').deleteRow(${rowOf(d, SCHOOL.id, 2)});`);
  const line = `удалён отчёт SCH-01 за ${NOV} (версия 2, статус «возвращён»`;
  expect(integrity(d)).toContain(line);
  // The summary reads one month through the index: it names the loss by the sheet's anchor; the
  // version and state need every row and the whole audit («Проверить изменения вручную»).
  const summary = d.call<{ integrity: string[] }>(OWNER, 'getDistrictSummary', '2023-11');
  expect(summary.integrity.join('\n')).toContain('лист «Отчёты»: удалены строки — дополнение записало их 2, сейчас 1');
});

test('deleting the whole «Отчёты» sheet and running set-up again is named', () => {
  const d = twoReports();
  handEdit(d, OWNER, `ss.deleteSheet(ss.getSheetByName('${REPORTS}'));`);
  d.call(OWNER, 'setupWorkbook');
  const text = integrity(d);
  expect(text).toContain(`удалён отчёт SCH-01 за ${NOV} (версия 1`);
  expect(text).toContain(`удалён отчёт DOU-02 за ${NOV} (версия 1`);
  expect(text).toContain('лист «Отчёты»: удалены строки — дополнение записало их 2, сейчас 0');
});

test('an old sealed row pasted back over a returned report is named as a replay', () => {
  const d = twoReports();
  const row = rowOf(d, SCHOOL.id, 1);
  handEdit(d, OWNER, copyRow(REPORTS, row, 'копия', 1));
  d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'return', 'Уточните число чатов');
  handEdit(d, OWNER, copyRow('копия', 1, REPORTS, row));
  expect(integrity(d)).toContain(
    `строка ${row}: отчёт SCH-01 за ${NOV} (версия 1) заменён своей старой копией — по журналу изменений его статус «возвращён»`,
  );
});

test('a sealed row duplicated below is named', () => {
  const d = twoReports();
  handEdit(d, OWNER, copyRow(REPORTS, 2, REPORTS, 4));
  expect(integrity(d)).toContain(`лист «Отчёты», строки 2, 4: отчёт SCH-01 за ${NOV} (версия 1) повторён вручную`);
});

test("truncating the audit's tail, or every row under its header, is named", () => {
  const d = twoReports();
  const audit = d.sheet('Журнал изменений').length;
  handEdit(d, OWNER, `ss.getSheetByName('Журнал изменений').deleteRows(${audit - 1}, 2);`);
  expect(integrity(d)).toContain(
    `лист «Журнал изменений»: удалены последние записи — их было не меньше ${audit - 1}, сейчас ${audit - 3}`,
  );
  handEdit(d, OWNER, `ss.getSheetByName('Журнал изменений').deleteRows(2, ${audit - 3});`);
  const text = integrity(d);
  expect(text).toContain(`их было не меньше ${audit - 1}, сейчас 0`);
  expect(text).toContain(`отчёта SCH-01 за ${NOV} (версия 1) нет в журнале изменений`);
});

test('a registry row deleted, or replaced by its old copy, is named', () => {
  const d = twoReports();
  handEdit(d, OWNER, copyRow('Реестр организаций', 2, 'копия', 1));
  d.call(OWNER, 'saveOrganisation', { ...SCHOOL, coordinatorPhone: '+7 900 000-00-09' }, false);
  handEdit(d, OWNER, copyRow('копия', 1, 'Реестр организаций', 2));
  let text = integrity(d);
  expect(text).toContain('лист «Реестр организаций», строка 2: данные организации SCH-01 заменены их старой копией');
  handEdit(d, OWNER, `ss.getSheetByName('Реестр организаций').deleteRow(3);`);
  text = integrity(d);
  expect(text).toContain('лист «Реестр организаций»: удалена организация DOU-02');
});

test('a row inserted above while a review writes: the review lands on its own row, not its neighbour', () => {
  const d = twoReports();
  const width = (d.sheet(REPORTS)[0] as unknown[]).length;
  const undo = beforeRowRead(d.em.store, sheetIdOf(d.em.store, d.doc, REPORTS), width, () =>
    handEdit(d, OWNER, `ss.getSheetByName('${REPORTS}').insertRowBefore(2);`),
  );
  d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'return', 'Уточните число чатов');
  undo();
  const rows = d.sheet(REPORTS) as string[][];
  const state = rows[0]!.indexOf('Статус');
  expect(rows.map((r) => [r[0], r[state]])).toEqual([
    ['Код организации', 'Статус'],
    ['', ''],
    ['SCH-01', 'возвращён'],
    ['DOU-02', 'сдан'],
  ]);
  expect(integrity(d)).toContain('Изменений в обход дополнения не найдено');
});

test('the row deleted while a review writes: refused in Russian, nothing written', () => {
  const d = twoReports();
  const width = (d.sheet(REPORTS)[0] as unknown[]).length;
  const audit = d.sheet('Журнал изменений').length;
  const undo = beforeRowRead(d.em.store, sheetIdOf(d.em.store, d.doc, REPORTS), width, () =>
    handEdit(d, OWNER, `ss.getSheetByName('${REPORTS}').deleteRow(2);`),
  );
  const message = d.refuse(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'accept', '');
  undo();
  // Refused whichever read sees the deletion first: the version's load, or the re-read before writing.
  expect(message).toMatch(/только что переместили или удалили вручную|Эта версия отчёта не найдена/);
  expect((d.sheet(REPORTS) as string[][]).map((r) => r[0])).toEqual(['Код организации', 'DOU-02']);
  expect(d.sheet('Журнал изменений')).toHaveLength(audit);
});

test('a review cut short after rewriting its row does not leave its record number to be issued again', () => {
  const d = twoReports();
  // The school's row is rewritten as accepted; the audit append fails, so the review is not committed.
  const restore = failNextWriteTo(d.em.store, sheetIdOf(d.em.store, d.doc, 'Журнал изменений'));
  expect(d.run(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'accept', '').ok).toBe(false);
  restore();
  d.call(COORD_B, 'submitReport', kinderReport(), 'submission-dou-2');
  const [header, ...rows] = d.sheet(REPORTS) as unknown[][];
  const seqs = rows.map((r) => r[header!.indexOf('Номер записи')]);
  expect(new Set(seqs).size).toBe(seqs.length);
  // The retry completes the review; the check then finds the workbook whole.
  d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'accept', '');
  expect(integrity(d)).toContain('Изменений в обход дополнения не найдено');
});
