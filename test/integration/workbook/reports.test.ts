// Coordinators submit and resubmit; admins accept and return; refusals, locks and double clicks.
import {
  district,
  handEdit,
  schoolReport,
  OWNER,
  COORD_A,
  COORD_B,
  STRANGER,
  SCHOOL,
  KINDERGARTEN,
} from '../../support/district';

interface Form {
  period: { key: string; status: string; statusLabel: string; deadline: string; daysLeft: number };
  current: { version: number; state: string; returnReason: string; values: Record<string, unknown> } | null;
  versions: unknown[];
  prefill: Record<string, unknown> | null;
  organisation: { hasPupils: boolean; hasMySchool: boolean };
}
interface Submitted {
  version: number;
  statusLabel: string;
  duplicate: boolean;
  message: string;
}

test('a coordinator sees the month due, submits, and sees it submitted on time', () => {
  const d = district();
  const form = d.call<Form>(COORD_A, 'getReportForm', null, null);
  expect(form.period).toMatchObject({
    key: '2023-11',
    status: 'not-submitted',
    statusLabel: 'не сдан',
    deadline: '30.12.2023',
    daysLeft: 15,
  });
  expect(form.current).toBeNull();
  const result = d.call<Submitted>(COORD_A, 'submitReport', schoolReport(), 'submission-0001');
  expect(result).toMatchObject({ version: 1, statusLabel: 'сдан вовремя', duplicate: false });
  expect(result.message).toContain('Отчёт за ноябрь 2023 сдан: версия 1');
  const again = d.call<Form>(COORD_A, 'getReportForm', SCHOOL.id, '2023-11');
  expect(again.period.statusLabel).toBe('сдан вовремя');
  expect(again.current).toMatchObject({ version: 1, state: 'submitted' });
  expect(again.current!.values.teachersConnected).toBe(38);
  const rows = d.sheet('Отчёты');
  expect(rows).toHaveLength(2);
  expect(rows[1]!.slice(0, 6)).toEqual([SCHOOL.id, SCHOOL.name, 'ноябрь 2023', 1, 'сдан', 'в срок']);
  expect(d.sheet('Журнал изменений').map((r) => r[2])).toContain('Сдача отчёта');
});

test('a resubmission is a new version; the old one is kept; the audit shows what changed', () => {
  const d = district();
  d.call(COORD_A, 'submitReport', schoolReport(), 'submission-0001');
  const second = d.call<Submitted>(COORD_A, 'submitReport', schoolReport({ teachersConnected: 40 }), 'submission-0002');
  expect(second.version).toBe(2);
  const form = d.call<Form>(COORD_A, 'getReportForm', SCHOOL.id, '2023-11');
  expect(form.versions).toHaveLength(2);
  expect(form.current!.version).toBe(2);
  expect(d.sheet('Отчёты')).toHaveLength(3);
  const audit = d.sheet('Журнал изменений').pop()!;
  expect(audit[5]).toBe('Подключено педагогов: 38');
  expect(audit[6]).toBe('версия 2; Подключено педагогов: 40');
});

test('a double click (the same submission key twice) stores one version', () => {
  const d = district();
  d.call(COORD_A, 'submitReport', schoolReport(), 'submission-dbl1');
  const second = d.call<Submitted>(COORD_A, 'submitReport', schoolReport(), 'submission-dbl1');
  expect(second).toMatchObject({ version: 1, duplicate: true });
  expect(d.sheet('Отчёты')).toHaveLength(2);
});

test('a coordinator reaching for another organisation is refused and nothing is read or written', () => {
  const d = district();
  expect(d.refuse(COORD_B, 'getReportForm', SCHOOL.id, null)).toBe(
    'Вы можете открывать и сдавать отчёты только своей организации.',
  );
  expect(d.refuse(COORD_B, 'submitReport', schoolReport(), 'submission-evil')).toBe(
    'Вы можете открывать и сдавать отчёты только своей организации.',
  );
  expect(d.sheet('Отчёты')).toHaveLength(1);
});

test('someone not in the registry, and someone whose e-mail Google hides, get an explanation', () => {
  const d = district();
  expect(d.call<{ role: string; message: string }>(STRANGER, 'getMyAccess')).toMatchObject({
    role: 'none',
    message: expect.stringContaining('stranger@example.com не указан в реестре'),
  });
  expect(d.call<{ message: string }>('', 'getMyAccess').message).toContain(
    'Google не сообщил дополнению, под каким адресом вы вошли',
  );
  expect(d.refuse('', 'submitReport', schoolReport(), 'submission-anon')).toContain('Google не сообщил');
  expect(d.refuse(STRANGER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'accept', '')).toContain('только администраторам');
});

test('the server validates again: connected > total is refused with the Russian sentence', () => {
  const d = district();
  const message = d.refuse(COORD_A, 'submitReport', schoolReport({ teachersConnected: 45 }), 'submission-bad1');
  expect(message).toContain('Подключено педагогов (45) больше, чем всего педагогов (40)');
  expect(d.sheet('Отчёты')).toHaveLength(1);
});

test('a kindergarten reports without pupils and «Моя школа»', () => {
  const d = district();
  const form = d.call<Form>(COORD_B, 'getReportForm', null, null);
  expect(form.organisation).toMatchObject({ hasPupils: false, hasMySchool: false });
  const r = d.call<Submitted>(
    COORD_B,
    'submitReport',
    schoolReport({
      orgId: KINDERGARTEN.id,
      pupilsTotal: null,
      pupilsConnected: null,
      pupilChats: null,
      mySchoolTeachers: null,
    }),
    'submission-kg01',
  );
  expect(r.version).toBe(1);
});

test('admin accepts; a second acceptance is refused; an accepted report is reopened only with a reason', () => {
  const d = district();
  d.call(COORD_A, 'submitReport', schoolReport(), 'submission-0001');
  const r = d.call<{ state: string; message: string }>(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'accept', '');
  expect(r).toMatchObject({ state: 'accepted' });
  expect(d.call<Form>(COORD_A, 'getReportForm', SCHOOL.id, '2023-11').period.statusLabel).toBe('принят');
  expect(d.refuse(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'accept', '')).toBe(
    'Отчёт уже рассмотрен (статус «принят»).',
  );
  expect(d.sheet('Журнал изменений').map((row) => row[2])).toContain('Отчёт принят');
  // Reopening: a return of the accepted version, refused without a reason, then the coordinator sees it.
  expect(d.refuse(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'return', ' ')).toContain('Укажите причину');
  expect(d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'return', 'Пересчитайте родителей')).toMatchObject({
    state: 'returned',
  });
  expect(d.call<Form>(COORD_A, 'getReportForm', SCHOOL.id, '2023-11').period.statusLabel).toBe('возвращён');
  expect(d.refuse(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'return', 'ещё раз')).toBe(
    'Отчёт уже рассмотрен (статус «возвращён»).',
  );
});

test('admin returns with a reason; the coordinator sees it and resubmits; a reason is required', () => {
  const d = district();
  d.call(COORD_A, 'submitReport', schoolReport(), 'submission-0001');
  expect(d.refuse(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'return', '   ')).toContain(
    'Укажите причину возврата',
  );
  d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'return', 'Не указаны родительские чаты');
  const form = d.call<Form>(COORD_A, 'getReportForm', null, null);
  expect(form.period).toMatchObject({ key: '2023-11', statusLabel: 'возвращён' });
  expect(form.current!.returnReason).toBe('Не указаны родительские чаты');
  d.call(COORD_A, 'submitReport', schoolReport(), 'submission-0002');
  expect(d.call<Form>(COORD_A, 'getReportForm', SCHOOL.id, '2023-11').period.statusLabel).toBe('сдан вовремя');
  expect(d.refuse(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'accept', '')).toContain('только последнюю версию');
});

test('a busy document lock: a Russian «таблица занята» and nothing written', () => {
  const d = district();
  const release = d.em.holdLock('document', d.doc);
  expect(d.refuse(COORD_A, 'submitReport', schoolReport(), 'submission-busy')).toContain('Таблица занята');
  release();
  expect(d.sheet('Отчёты')).toHaveLength(1);
  d.call(COORD_A, 'submitReport', schoolReport(), 'submission-busy');
  expect(d.sheet('Отчёты')).toHaveLength(2);
});

test('text a user types is stored as text, never as a formula', () => {
  const d = district();
  d.call(
    COORD_A,
    'submitReport',
    schoolReport({
      comment: '=IMPORTXML("http://example.com")',
      noForeignMessengers: false,
      foreignMessengersExplanation: '+7 чат родителей',
    }),
    'submission-text',
  );
  const row = d.sheet('Отчёты')[1]!;
  expect(row).toContain('=IMPORTXML("http://example.com")');
  expect(row).toContain('+7 чат родителей');
  expect(d.sheet('Реестр организаций')[1]).toContain('+7 900 000-00-01');
});

test('a report row edited by hand, and an edited audit row, are detected and shown to admins', () => {
  const d = district();
  d.call(COORD_A, 'submitReport', schoolReport(), 'submission-0001');
  const col = (d.sheet('Отчёты')[0] as string[]).indexOf('Подключено педагогов') + 1;
  handEdit(d, OWNER, `ss.getSheetByName('Отчёты').getRange(2, ${col}).setValue(40);`);
  d.call(OWNER, 'checkIntegrity');
  let alert = d.em.store.ui.listEvents(d.doc, OWNER).pop()!;
  expect(alert.content).toContain('лист «Отчёты», строка 2: отчёт SCH-01 за ноябрь 2023 (версия 1) изменён вручную');
  expect(alert.content).not.toContain('Журнал изменений');
  handEdit(d, OWNER, `ss.getSheetByName('Журнал изменений').getRange(3, 2).setValue('someone@example.com');`);
  d.call(OWNER, 'checkIntegrity');
  alert = d.em.store.ui.listEvents(d.doc, OWNER).pop()!;
  expect(alert.content).toContain('цепочка записей нарушена начиная со строки 3');
});

test('an intact workbook passes the check', () => {
  const d = district();
  d.call(COORD_A, 'submitReport', schoolReport(), 'submission-0001');
  d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'accept', '');
  d.call(OWNER, 'checkIntegrity');
  expect(d.em.store.ui.listEvents(d.doc, OWNER).pop()!.content).toContain('Изменений в обход дополнения не найдено');
});

test('a date-time that comes back from Sheets a millisecond off is not taken for a hand edit', () => {
  const d = district();
  d.call(COORD_A, 'submitReport', schoolReport(), 'submission-0001');
  const col = (d.sheet('Отчёты')[0] as string[]).indexOf('Сдан') + 1;
  handEdit(
    d,
    OWNER,
    `var r = ss.getSheetByName('Отчёты').getRange(2, ${col}); r.setValue(new Date(r.getValue().getTime() - 1));`,
  );
  handEdit(
    d,
    OWNER,
    `var r = ss.getSheetByName('Журнал изменений').getRange(2, 1); r.setValue(new Date(r.getValue().getTime() + 1));`,
  );
  d.call(OWNER, 'checkIntegrity');
  expect(d.em.store.ui.listEvents(d.doc, OWNER).pop()!.content).toContain('Изменений в обход дополнения не найдено');
  handEdit(
    d,
    OWNER,
    `var r = ss.getSheetByName('Отчёты').getRange(2, ${col}); r.setValue(new Date(r.getValue().getTime() - 60000));`,
  );
  d.call(OWNER, 'checkIntegrity');
  expect(d.em.store.ui.listEvents(d.doc, OWNER).pop()!.content).toContain('изменён вручную');
});

test('a report changed by hand cannot be accepted; returning it keeps the hand-edit mark', () => {
  const d = district();
  d.call(COORD_A, 'submitReport', schoolReport(), 'submission-0001');
  const col = (d.sheet('Отчёты')[0] as string[]).indexOf('Подключено педагогов') + 1;
  handEdit(d, OWNER, `ss.getSheetByName('Отчёты').getRange(2, ${col}).setValue(40);`);
  expect(d.refuse(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'accept', '')).toContain('изменён в таблице вручную');
  d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'return', 'Проверьте число подключённых педагогов');
  d.call(OWNER, 'checkIntegrity');
  expect(d.em.store.ui.listEvents(d.doc, OWNER).pop()!.content).toContain(
    'строка 2: отчёт SCH-01 за ноябрь 2023 (версия 1) изменён вручную',
  );
});

test('a month before the first reported month, or not yet ended, is refused with the right reason', () => {
  const d = district();
  expect(d.refuse(COORD_A, 'submitReport', schoolReport({ period: '2023-10' }), 'submission-early')).toBe(
    'Организация отчитывается начиная с месяца «ноябрь 2023» (реестр организаций и лист «Настройки»): ' +
      'за более ранние месяцы отчёт не нужен.',
  );
  expect(d.refuse(COORD_A, 'submitReport', schoolReport({ period: '2023-12' }), 'submission-open')).toContain(
    'месяц не закончился',
  );
  const early = district(Date.UTC(2023, 10, 20, 9));
  expect(early.refuse(COORD_A, 'getReportForm', null, null)).toBe(
    'Сдавать пока нечего: первый отчётный месяц — ноябрь 2023, отчёт за него можно сдать, когда месяц закончится.',
  );
});
