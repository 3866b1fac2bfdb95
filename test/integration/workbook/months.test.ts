// Months in words («ноябрь 2023») in every sheet a person reads, «в срок» / «с опозданием» beside each
// version's state, and older workbooks whose month cells hold keys (2023-11) still reading and verifying.
import { createHmac } from 'node:crypto';
import { REGISTRY_LAYOUT } from '../../../src/server/storage/registrySheet';
import { canonicalRow } from '../../../src/server/storage/rowSeal';
import {
  COORD_A,
  COORD_B,
  district,
  handEdit,
  KINDERGARTEN,
  OWNER,
  SCHOOL,
  type District,
} from '../../support/district';
import { summaryOf } from '../../support/summarySupport';
import { msk, setSetting, submit } from '../reminders/reminderSupport';

const REPORTS = 'Отчёты';
const AUDIT = 'Журнал изменений';
const LEDGER = 'Журнал напоминаний';

/** The cells of one column of a sheet (data rows), by its header. */
function column(d: District, sheet: string, header: string): unknown[] {
  const [head, ...rows] = d.sheet(sheet);
  const at = (head as string[]).indexOf(header);
  if (at < 0) throw new Error(`no column «${header}» in «${sheet}»`);
  return rows.map((r) => r[at]);
}

/** The value of a setting as the «Настройки» sheet shows it, by its label. */
function setting(d: District, label: string): unknown {
  return d.sheet('Настройки').find((r) => r[1] === label)?.[2];
}

function integrity(d: District): string {
  d.call(OWNER, 'checkIntegrity');
  return d.em.store.ui.listEvents(d.doc, OWNER).pop()!.content;
}

function setUp(d: District): string {
  d.call(OWNER, 'setupWorkbook');
  return d.em.store.ui.listEvents(d.doc, OWNER).pop()!.content;
}

/** Script text: every month cell of a sheet's column `header` rewritten as `text(value)`, quoted as text. */
const rewriteColumn = (sheet: string, header: string, text: string): string => `
  var s = ss.getSheetByName('${sheet}'), head = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
  var c = head.indexOf('${header}') + 1, r = s.getRange(2, c, s.getLastRow() - 1, 1), v = r.getValues();
  r.setValues(v.map(function (row) { var x = row[0]; return [x === '' ? '' : "'" + (${text})]; }));`;

/** Months as an older version wrote them: «ноябрь 2023» → 2023-11, and so on. */
const AS_KEYS =
  "String(x).replace(/ноябрь 2023/g, '2023-11').replace(/декабрь 2023/g, '2023-12').replace(/январь 2024/g, '2024-01')";

/**
 * November reported by the school on time (15.12.2023) and by the kindergarten late (10.01.2024),
 * December and January owed by the kindergarten, reminded by hand on 05.02.2024 (one e-mail for the three).
 */
function reportedDistrict(): District {
  const d = district();
  submit(d, COORD_A, SCHOOL.id, '2023-11');
  d.em.setNow(msk('10.01.2024', 12));
  submit(d, COORD_B, KINDERGARTEN.id, '2023-11');
  d.em.setNow(msk('05.02.2024', 12));
  submit(d, COORD_A, SCHOOL.id, '2023-12');
  d.call(OWNER, 'reviewReport', KINDERGARTEN.id, '2023-11', 1, 'return', 'Уточните число чатов');
  d.call(OWNER, 'remindSelected', [KINDERGARTEN.id]);
  return d;
}

test('a new workbook shows every month in words, and on time / late beside each version', () => {
  const d = reportedDistrict();
  expect(setting(d, 'Первый отчётный месяц')).toBe('ноябрь 2023');
  const [head, ...rows] = d.sheet(REPORTS) as unknown[][];
  expect((head as string[]).slice(0, 6)).toEqual([
    'Код организации',
    'Название организации',
    'Отчётный месяц',
    'Версия',
    'Статус',
    'Срок сдачи',
  ]);
  expect(rows.map((r) => [r[0], r[2], r[3], r[4], r[5]])).toEqual([
    [SCHOOL.id, 'ноябрь 2023', 1, 'сдан', 'в срок'],
    [KINDERGARTEN.id, 'ноябрь 2023', 1, 'возвращён', 'с опозданием'],
    [SCHOOL.id, 'декабрь 2023', 1, 'сдан', 'с опозданием'],
  ]);
  // The change log names the month of every report entry in words, and so do its texts.
  const audit = d.sheet(AUDIT).slice(1);
  const reportEntries = audit.filter((r) => r[3] !== '' && r[4] !== '');
  expect(reportEntries.map((r) => r[4])).toEqual(['ноябрь 2023', 'ноябрь 2023', 'декабрь 2023', 'ноябрь 2023']);
  expect(audit.map((r) => [r[5], r[6]]).join(' ')).not.toMatch(/\d{4}-\d{2}(?!-)/);
  expect(String(audit.find((r) => r[2] === 'Организация добавлена в реестр')![6])).toContain(
    'Отчитывается с: ноябрь 2023',
  );
  // The reminder by hand lists every month the kindergarten owes.
  expect(column(d, LEDGER, 'Отчётный месяц')).toEqual(['ноябрь 2023, декабрь 2023, январь 2024']);
  expect(integrity(d)).toContain('Изменений в обход дополнения не найдено');
  // The summary judges by the same rule and the same deadline.
  const late = summaryOf(d, '2023-11').rows.map((r) => [r.orgId, r.late]);
  expect(late).toEqual([
    [SCHOOL.id, false],
    [KINDERGARTEN.id, true],
  ]);
});

test('an older workbook with months as keys still reads, verifies and is written; set-up turns them into words', () => {
  const d = reportedDistrict();
  // As an older version left it: months as keys in every sheet, no «Срок сдачи» column.
  handEdit(
    d,
    OWNER,
    rewriteColumn(REPORTS, 'Отчётный месяц', AS_KEYS) +
      rewriteColumn(AUDIT, 'Отчётный месяц', AS_KEYS) +
      rewriteColumn(LEDGER, 'Отчётный месяц', AS_KEYS) +
      `var t = ss.getSheetByName('${REPORTS}'); t.deleteColumn(t.getRange(1, 1, 1, t.getLastColumn()).getValues()[0].indexOf('Срок сдачи') + 1);`,
  );
  setSetting(d, 'firstPeriod', "'2023-11");
  handEdit(
    d,
    OWNER,
    `var s = ss.getSheetByName('Настройки'), v = s.getDataRange().getValues();
     for (var i = 0; i < v.length; i++) if (v[i][0] === 'firstPeriod') s.getRange(i + 1, 4).setValue('В формате ГГГГ-ММ, например 2023-11.');`,
  );
  expect(column(d, REPORTS, 'Отчётный месяц')).toEqual(['2023-11', '2023-11', '2023-12']);
  expect(column(d, LEDGER, 'Отчётный месяц')).toEqual(['2023-11, 2023-12, 2024-01']);
  const seals = column(d, REPORTS, 'Контрольная сумма');
  const hashes = column(d, AUDIT, 'Хеш записи');
  // Rows sealed with the key verify, the chain holds, and every call reads them.
  expect(integrity(d)).toContain('Изменений в обход дополнения не найдено');
  const form = d.call<{ current: { version: number; state: string } }>(
    COORD_B,
    'getReportForm',
    KINDERGARTEN.id,
    '2023-11',
  );
  expect(form.current).toMatchObject({ version: 1, state: 'returned' });
  // A review finds its row by the key cells and writes it in words, with the column back.
  d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'accept', '');
  expect(column(d, REPORTS, 'Отчётный месяц')).toEqual(['ноябрь 2023', '2023-11', '2023-12']);
  expect(column(d, REPORTS, 'Срок сдачи')).toEqual(['в срок', '', '']);
  expect(integrity(d)).toContain('Изменений в обход дополнения не найдено');
  // Set-up writes the remaining months in words and fills the column, keeping every seal and hash.
  const before = column(d, REPORTS, 'Контрольная сумма');
  const done = setUp(d);
  expect(done).toContain('лист «Отчёты»: месяцы записаны словами («ноябрь 2023» вместо «2023-11»), ячеек: 2');
  expect(done).toContain('лист «Журнал напоминаний»: месяцы записаны словами');
  expect(done).toContain('лист «Настройки»: месяцы записаны словами');
  expect(done).toContain('лист «Отчёты»: столбец «Срок сдачи» заполнен заново, строк: 2');
  expect(column(d, REPORTS, 'Отчётный месяц')).toEqual(['ноябрь 2023', 'ноябрь 2023', 'декабрь 2023']);
  expect(column(d, REPORTS, 'Срок сдачи')).toEqual(['в срок', 'с опозданием', 'с опозданием']);
  expect(column(d, LEDGER, 'Отчётный месяц')).toEqual(['ноябрь 2023, декабрь 2023, январь 2024']);
  expect(setting(d, 'Первый отчётный месяц')).toBe('ноябрь 2023');
  expect(d.sheet('Настройки').find((r) => r[1] === 'Первый отчётный месяц')![3]).toBe(
    'Месяц и год, например «ноябрь 2023» (можно 11.2023).',
  );
  expect(column(d, AUDIT, 'Отчётный месяц').filter((p) => p !== '')).not.toContain('2023-11');
  expect(column(d, REPORTS, 'Контрольная сумма')).toEqual(before);
  expect(column(d, REPORTS, 'Контрольная сумма').slice(1)).toEqual(seals.slice(1));
  expect(column(d, AUDIT, 'Хеш записи').slice(0, hashes.length)).toEqual(hashes);
  expect(integrity(d)).toContain('Изменений в обход дополнения не найдено');
  expect(summaryOf(d, '2023-11').integrity).toEqual([]);
  expect(setUp(d)).toBe('Таблица уже настроена: изменений не потребовалось.');
});

test('edits by hand to the months in words are still detected; a month Sheets turned into a date still reads', () => {
  const d = reportedDistrict();
  const cell = (sheet: string, header: string, row: number, value: string, format = '@') =>
    `var s = ss.getSheetByName('${sheet}'); var c = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].indexOf('${header}') + 1;
     s.getRange(${row}, c).setNumberFormat('${format}').setValue(${value});`;
  // Sheets' own date for a typed month (the strictest reading) is the same month: nothing changed.
  handEdit(d, OWNER, cell(REPORTS, 'Отчётный месяц', 2, 'new Date(Date.UTC(2023, 10, 1, -3))', 'dd.MM.yyyy'));
  expect(d.sheet(REPORTS)[1]![2]).toBeInstanceOf(Date);
  expect(integrity(d)).toContain('Изменений в обход дополнения не найдено');
  // Another month typed into a report, the change log and the ledger is named.
  handEdit(d, OWNER, cell(REPORTS, 'Отчётный месяц', 2, `"'декабрь 2023"`));
  handEdit(d, OWNER, cell(LEDGER, 'Отчётный месяц', 2, `"'январь 2024"`));
  const text = integrity(d);
  expect(text).toContain('лист «Отчёты», строка 2: отчёт SCH-01 за декабрь 2023 (версия 1) изменён вручную');
  expect(text).toContain(
    'лист «Журнал напоминаний», строка 2 (DOU-02, январь 2024): запись изменена или добавлена вручную',
  );
  handEdit(d, OWNER, cell(AUDIT, 'Отчётный месяц', 4, `"'январь 2024"`));
  expect(integrity(d)).toContain('лист «Журнал изменений»: цепочка записей нарушена начиная со строки 4');
});

test('«Срок сдачи» typed over by hand is named, never trusted, and written again by the add-on', () => {
  const d = reportedDistrict();
  const edit = `var s = ss.getSheetByName('${REPORTS}'); s.getRange(3, 6).setValue("'в срок");`;
  handEdit(d, OWNER, edit);
  const text = integrity(d);
  expect(text).toContain(
    'лист «Отчёты», строка 3: у отчёта DOU-02 за ноябрь 2023 (версия 1) в столбце «Срок сдачи» записано «в срок», ' +
      'а по времени сдачи и сроку из «Настроек» — «с опозданием»',
  );
  // Outside the seal: the version is not taken for hand-edited, and the summary still calls it late.
  expect(text).not.toContain('изменён вручную');
  const summary = d.call<{ integrity: string[] }>(OWNER, 'getDistrictSummary', '2023-11');
  expect(summary.integrity.join('\n')).toContain('в столбце «Срок сдачи» записано «в срок»');
  // The coordinator's new version and set-up write what the add-on computes.
  submit(d, COORD_B, KINDERGARTEN.id, '2023-11');
  expect(column(d, REPORTS, 'Срок сдачи')).toEqual(['в срок', 'в срок', 'с опозданием', 'с опозданием']);
  expect(setUp(d)).toContain('столбец «Срок сдачи» заполнен заново, строк: 1');
  expect(column(d, REPORTS, 'Срок сдачи')).toEqual(['в срок', 'с опозданием', 'с опозданием', 'с опозданием']);
  expect(integrity(d)).toContain('Изменений в обход дополнения не найдено');
});

test('a new deadline day in «Настройки» recomputes «Срок сдачи» at the next write, as the summary judges', () => {
  const d = district();
  submit(d, COORD_A, SCHOOL.id, '2023-11');
  expect(column(d, REPORTS, 'Срок сдачи')).toEqual(['в срок']);
  // Due on 5 December: the school's report of 15 December is late.
  setSetting(d, 'deadlineDay', '5');
  d.call(OWNER, 'saveOrganisation', { ...SCHOOL, coordinatorPhone: '+7 900 000-00-09' }, false);
  expect(column(d, REPORTS, 'Срок сдачи')).toEqual(['с опозданием']);
  expect(summaryOf(d, '2023-11').rows.find((r) => r.orgId === SCHOOL.id)?.late).toBe(true);
  expect(integrity(d)).toContain('Изменений в обход дополнения не найдено');
});

test('a registry row sealed with «Отчитывается с» spelt in words (before months were sealed as keys) still verifies', () => {
  const d = district();
  const key = d.em.store.properties.get('document:' + d.doc, 'integrityKey')!;
  const width = REGISTRY_LAYOUT.columns.length;
  const cells = d.sheet('Реестр организаций')[1]!.slice(0, width - 1);
  expect(cells[REGISTRY_LAYOUT.columns.findIndex((c) => c.key === 'reportsFrom')]).toBe('ноябрь 2023');
  // The checksum the previous release wrote: over the cells as they are, the month in words.
  const seal =
    'h' +
    createHmac('sha256', key)
      .update(canonicalRow(REGISTRY_LAYOUT, cells, true))
      .digest('hex')
      .slice(0, 32);
  expect(seal).not.toBe(d.sheet('Реестр организаций')[1]![width - 1]);
  handEdit(d, OWNER, `ss.getSheetByName('Реестр организаций').getRange(2, ${width}).setValue('${seal}');`);
  expect(integrity(d)).toContain('Изменений в обход дополнения не найдено');
  // Set-up re-seals it the present way (one digest per check from then on).
  expect(setUp(d)).toContain('контрольные суммы строк пересчитаны по новому способу: 1');
  expect(d.sheet('Реестр организаций')[1]![width - 1]).not.toBe(seal);
  expect(integrity(d)).toContain('Изменений в обход дополнения не найдено');
  expect(setUp(d)).toBe('Таблица уже настроена: изменений не потребовалось.');
  // Another month typed over it is still a hand edit.
  handEdit(d, OWNER, `ss.getSheetByName('Реестр организаций').getRange(2, 11).setValue("'декабрь 2023");`);
  expect(integrity(d)).toContain('лист «Реестр организаций», строка 2 (SCH-01) изменена вручную');
});

test('the custom functions read the months in words of «Отчёты» (and a date Sheets made of one) from the grid', () => {
  const d = reportedDistrict();
  handEdit(
    d,
    OWNER,
    `var s = ss.insertSheet('Проверка');
     s.getRange('A1:B1').setFormulas([["=REPORT_DEADLINE('Отчёты'!C2:C4)", "=REPORT_STATUS('Отчёты'!C2:C4; 'Отчёты'!G2:G4)"]]);
     s.getRange('C1').setNumberFormat('dd.MM.yyyy').setValue(new Date(Date.UTC(2023, 10, 1, -3)));
     s.getRange('D1').setFormula('=REPORT_DEADLINE(C1)');`,
  );
  const [row1, row2, row3] = d.sheet('Проверка').map((r) => r.map((c) => (c instanceof Date ? c.toISOString() : c)));
  // 30.12.2023 and 30.01.2024, 00:00 MSK; the school's and the kindergarten's November on time and late.
  expect([row1!.slice(0, 2), row2!.slice(0, 2), row3!.slice(0, 2)]).toEqual([
    ['2023-12-29T21:00:00.000Z', 'сдан вовремя'],
    ['2023-12-29T21:00:00.000Z', 'сдан с опозданием'],
    ['2024-01-29T21:00:00.000Z', 'сдан с опозданием'],
  ]);
  expect(row1![3]).toBe('2023-12-29T21:00:00.000Z');
});
