// What an attacker or a careless hand notices: a refused call writes nothing, refusals do not echo
// a huge input, server limits are the form's, text stays text whatever a column's format, a
// submission key counts only for its month, and one undeliverable notice blocks no other.
import { createEmulator } from '../../../src/dev/emulator';
import {
  district,
  handEdit,
  schoolReport,
  COORD_A,
  COORD_B,
  KINDERGARTEN,
  OWNER,
  SCHOOL,
  STRANGER,
  type District,
} from '../../support/district';

/** Runs a script against the district's spreadsheet as the owner; returns its value. */
function script<T>(d: District, body: string): T {
  const em = createEmulator({
    store: d.em.store,
    code: `function f() { var ss = SpreadsheetApp.getActive(); ${body} }`,
  });
  const r = em.run<T>('f', [], { user: OWNER, documentId: d.doc });
  if (!r.ok) throw new Error(r.error?.message);
  return r.value as T;
}
const documentProperties = (d: District): Record<string, string> =>
  script(d, 'return PropertiesService.getDocumentProperties().getProperties();');
const everything = (d: District): string => JSON.stringify([d.em.store.spreadsheets.snapshot(), documentProperties(d)]);
const auditActions = (d: District): unknown[] => d.sheet('Журнал изменений').map((r) => r[2]);

describe('a refused call writes nothing', () => {
  test('not the settings audit, not the integrity key — and an allowed call then writes both', () => {
    const d = district();
    // An admin edits a setting in the sheet (audited at the next write), and the key is gone.
    handEdit(d, OWNER, `ss.getSheetByName('Настройки').getRange(2, 3).setValue('Другой округ');`);
    script(d, `PropertiesService.getDocumentProperties().deleteProperty('integrityKey');`);
    const before = everything(d);
    const refusals = [
      d.refuse(STRANGER, 'submitReport', schoolReport(), 'submission-0001'),
      d.refuse(COORD_B, 'submitReport', schoolReport(), 'submission-0002'),
      d.refuse(COORD_A, 'reviewReport', SCHOOL.id, '2023-11', 1, 'accept', ''),
      d.refuse(COORD_A, 'saveOrganisation', { ...SCHOOL, name: 'Захваченная школа' }, false),
      d.refuse(STRANGER, 'sendReturnNotices'),
      d.refuse(COORD_A, 'generateDistrictReport', '2023-11'),
    ];
    const adminsOnly =
      'Это действие доступно только администраторам округа (владелец таблицы и адреса в листе «Настройки»).';
    expect(refusals).toEqual([
      `Адрес ${STRANGER} не указан в реестре организаций ни как координатор, ни как администратор. Попросите администратора округа добавить вас в реестр.`,
      'Вы можете открывать и сдавать отчёты только своей организации.',
      adminsOnly,
      adminsOnly,
      adminsOnly,
      adminsOnly,
    ]);
    expect(everything(d)).toBe(before);
    expect(documentProperties(d).integrityKey).toBeUndefined();
    d.call(COORD_A, 'submitReport', schoolReport(), 'submission-0003');
    expect(documentProperties(d).integrityKey).toMatch(/\S{8,}/);
    expect(auditActions(d)).toContain('Изменение настроек');
  });
});

test('a refusal quotes at most about 100 characters of a huge input', () => {
  const d = district();
  const huge = 'Щ'.repeat(1_000_000);
  const unknown = d.refuse(OWNER, 'getAdminReport', huge, '2023-11');
  expect(unknown.length).toBeLessThan(300);
  expect(unknown).toContain('Щ'.repeat(100) + '…');
  const notCount = d.refuse(COORD_A, 'submitReport', schoolReport({ teachersTotal: huge }), 'submission-0004');
  expect(notCount.length).toBeLessThan(400);
  expect(notCount).toContain('«Всего педагогов»: нужно целое число');
  const badEmail = d.call<{ ok: boolean; errors: { message: string }[] }>(
    OWNER,
    'saveOrganisation',
    { ...KINDERGARTEN, coordinatorEmails: huge },
    false,
  );
  expect(badEmail.ok).toBe(false);
  expect(badEmail.errors.map((e) => e.message).join(' ').length).toBeLessThan(300);
});

describe("server limits are the form's", () => {
  test('counts up to 9 999 999: one more is refused with a Russian reason, nothing stored', () => {
    const d = district();
    const before = d.sheet('Отчёты').length;
    const refused = d.refuse(
      COORD_A,
      'submitReport',
      schoolReport({ parentsTotal: 10_000_000, parentsConnected: 0 }),
      'submission-0005',
    );
    expect(refused).toContain('«Всего родителей (законных представителей)»: не больше 9 999 999.');
    expect(refused).not.toContain('10000000');
    expect(d.sheet('Отчёты')).toHaveLength(before);
    d.call(COORD_A, 'submitReport', schoolReport({ parentsTotal: 9_999_999 }), 'submission-0006');
    expect(d.sheet('Отчёты')).toHaveLength(before + 1);
  });

  test('at most 10 coordinator e-mails', () => {
    const d = district();
    const emails = (n: number) => Array.from({ length: n }, (_, i) => `coord${i}@example.org`).join(', ');
    const eleven = d.call<{ ok: boolean; errors: { field: string; message: string }[] }>(
      OWNER,
      'saveOrganisation',
      { ...KINDERGARTEN, coordinatorEmails: emails(11) },
      false,
    );
    expect(eleven).toEqual({
      ok: false,
      errors: [{ field: 'coordinatorEmails', message: '«E-mail координатора»: не больше 10 адресов (указано 11).' }],
    });
    expect(
      d.call<{ ok: boolean }>(OWNER, 'saveOrganisation', { ...KINDERGARTEN, coordinatorEmails: emails(10) }, false).ok,
    ).toBe(true);
  });
});

test('a submission key repeats a submission only for its own month', () => {
  const d = district();
  d.call(COORD_A, 'submitReport', schoolReport(), 'submission-same-key');
  const again = d.call<{ duplicate: boolean; version: number }>(
    COORD_A,
    'submitReport',
    schoolReport(),
    'submission-same-key',
  );
  expect(again).toMatchObject({ duplicate: true, version: 1 });
  d.em.advance(31 * 86_400_000); // 15.01.2024: December is open
  const december = d.call<{ duplicate: boolean; version: number; message: string }>(
    COORD_A,
    'submitReport',
    schoolReport({ period: '2023-12' }),
    'submission-same-key',
  );
  expect(december).toMatchObject({ duplicate: false, version: 1 });
  expect(december.message).toContain('декабрь 2023');
  expect(d.sheet('Отчёты')).toHaveLength(3);
});

test('text typed by people stays text after a person gives the columns a number format', () => {
  const d = district();
  // Someone formats the text columns as numbers (whole columns, the rows to come included).
  const asNumbers = (sheet: string, headers: string[]) =>
    handEdit(
      d,
      OWNER,
      `var s = ss.getSheetByName('${sheet}'); var h = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
       ${JSON.stringify(headers)}.forEach(function (name) {
         s.getRange(1, h.indexOf(name) + 1, s.getMaxRows(), 1).setNumberFormat('0');
       });`,
    );
  asNumbers('Отчёты', ['Комментарий', 'Пояснение об иностранных мессенджерах']);
  asNumbers('Реестр организаций', ['Название организации', 'Телефон координатора']);
  asNumbers('Журнал изменений', ['Стало']);
  const comment = '=HYPERLINK("https://example.com";"нажмите")';
  const explanation = '-только Сферум; +7 чатов; @завуч';
  d.call(
    COORD_A,
    'submitReport',
    schoolReport({ comment, noForeignMessengers: false, foreignMessengersExplanation: explanation }),
    'submission-0008',
  );
  expect(
    d.call<{ ok: boolean }>(
      OWNER,
      'saveOrganisation',
      { ...KINDERGARTEN, name: '@Детский сад', coordinatorPhone: '+7 900 000-00-02' },
      false,
    ).ok,
  ).toBe(true);
  const formulas = script<string[][]>(
    d,
    `return ['Отчёты', 'Реестр организаций', 'Журнал изменений'].map(function (n) { return ss.getSheetByName(n).getDataRange().getFormulas().join('').replace(/,/g, ''); });`,
  );
  expect(formulas).toEqual(['', '', '']);
  const reports = d.sheet('Отчёты').flat();
  expect(reports).toContain(comment);
  expect(reports).toContain(explanation);
  const registry = d.sheet('Реестр организаций').flat();
  expect(registry).toContain('@Детский сад');
  expect(registry).toContain('+7 900 000-00-02');
  const form = d.call<{ current: { values: Record<string, unknown> } }>(COORD_A, 'getReportForm', SCHOOL.id, '2023-11');
  expect(form.current.values.comment).toBe(comment);
  d.call(OWNER, 'checkIntegrity');
  expect(d.em.store.ui.listEvents(d.doc, OWNER).pop()!.content).toContain('Изменений в обход дополнения не найдено');
});

test('a queued return notice no e-mail can carry is reported and dropped; the next one still goes', () => {
  const d = district();
  const sixty = Array.from({ length: 60 }, (_, i) => `teacher${i}@example.org`);
  // Kept by an earlier version of the add-on, when coordinator e-mails were not limited.
  const notice = (to: string[], orgName: string) =>
    JSON.stringify({ to, orgName, period: '2023-11', reason: 'Исправьте охват.', reviewer: OWNER });
  script(
    d,
    `var p = PropertiesService.getDocumentProperties();
     p.setProperty('returnNotice:2023-12-10T09:00:00.000Z|SCH-01|2023-11|1', ${JSON.stringify(notice(sixty, SCHOOL.name))});
     p.setProperty('returnNotice:2023-12-11T09:00:00.000Z|DOU-02|2023-11|1', ${JSON.stringify(notice([COORD_B], KINDERGARTEN.name))});`,
  );
  const result = d.call<{ sent: number; left: number; message: string }>(OWNER, 'sendReturnNotices');
  expect(result).toMatchObject({ sent: 1, left: 0 });
  expect(result.message).toContain(
    `Уведомление о возврате отчёта «${SCHOOL.name}» за ноябрь 2023 не отправлено и снято с очереди: адресатов 60`,
  );
  const sent = d.em.store.mail.sent();
  expect(sent.map((m) => m.to)).toEqual([[COORD_B]]);
  expect(auditActions(d)).toContain('Уведомление о возврате не отправлено');
  expect(Object.keys(documentProperties(d)).filter((k) => k.startsWith('returnNotice:'))).toEqual([]);
});
