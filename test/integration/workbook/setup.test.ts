// «Настроить таблицу округа» on an empty and on an older workbook, run twice, with protections.
import { createEmulator } from '../../../src/dev/emulator';
import { emptyDistrict, handEdit, district, OWNER, ADMIN2, COORD_A, SCHOOL } from '../../support/district';

const SHEETS = ['Настройки', 'Реестр организаций', 'Отчёты', 'Журнал изменений', 'Журнал напоминаний'];

test('set-up on an empty spreadsheet creates every sheet with Russian headers and the order defaults', () => {
  const d = emptyDistrict();
  d.call(OWNER, 'setupWorkbook');
  for (const name of SHEETS) expect(d.sheet(name)?.[0]?.length).toBeGreaterThan(0);
  expect(d.sheet('Отчёты')[0]).toEqual(
    expect.arrayContaining(['Код организации', 'Отчётный месяц', 'Версия', 'Статус', 'Всего педагогов']),
  );
  const settings = Object.fromEntries(
    d
      .sheet('Настройки')
      .slice(1)
      .map((r) => [r[1], r[2]]),
  );
  expect(settings['День сдачи отчёта']).toBe(30);
  expect(settings['Минимум сообщений педагога в неделю']).toBe(10);
  expect(settings['Минимум звонков педагога в неделю']).toBe(1);
  expect(settings['Первый отчётный месяц']).toBe('ноябрь 2023');
  expect(settings['Название округа']).toBe('Кесовогорский муниципальный округ');
  const alert = d.em.store.ui
    .listEvents(d.doc, OWNER)
    .filter((e) => e.kind === 'alert')
    .pop();
  expect(alert?.content).toMatch(/^Готово: создан лист «Настройки»/);
  const audit = d.sheet('Журнал изменений');
  expect(audit).toHaveLength(2);
  expect(audit[1]![2]).toBe('Настройка таблицы');
});

test('running set-up twice changes nothing and says so', () => {
  const d = emptyDistrict();
  d.call(OWNER, 'setupWorkbook');
  const before = JSON.stringify(d.em.store.spreadsheets.snapshot());
  d.call(OWNER, 'setupWorkbook');
  expect(JSON.stringify(d.em.store.spreadsheets.snapshot())).toBe(before);
  const alert = d.em.store.ui
    .listEvents(d.doc, OWNER)
    .filter((e) => e.kind === 'alert')
    .pop();
  expect(alert?.content).toBe('Таблица уже настроена: изменений не потребовалось.');
});

test('only the owner can set up a bare spreadsheet; others get a Russian explanation and nothing is created', () => {
  const d = emptyDistrict();
  d.call(COORD_A, 'setupWorkbook');
  expect(d.sheet('Настройки')).toBeNull();
  const alert = d.em.store.ui
    .listEvents(d.doc, COORD_A)
    .filter((e) => e.kind === 'alert')
    .pop();
  expect(alert?.content).toContain('только её владелец');
});

test('an older layout is migrated: columns reordered and added, data kept', () => {
  const d = district();
  d.call(
    COORD_A,
    'submitReport',
    {
      orgId: SCHOOL.id,
      period: '2023-11',
      teachersTotal: 10,
      teachersConnected: 10,
      pupilsTotal: 100,
      pupilsConnected: 90,
      parentsTotal: 150,
      parentsConnected: 100,
      groupsTotal: 5,
      groupsInSferum: 5,
      staffChat: true,
      pupilChats: 5,
      parentChats: 5,
      teachersMeetingMinimum: 8,
      mySchoolTeachers: 9,
      noForeignMessengers: true,
      comment: 'Всё по плану',
    },
    'key-older-layout-1',
  );
  // An "older version" registry: drop the phone column and swap two columns.
  handEdit(
    d,
    OWNER,
    `var s = ss.getSheetByName('Реестр организаций'); s.deleteColumn(7);
    var a = s.getRange(1, 1, s.getLastRow(), 1).getValues(); var b = s.getRange(1, 2, s.getLastRow(), 1).getValues();
    s.getRange(1, 1, a.length, 1).setValues(b); s.getRange(1, 2, a.length, 1).setValues(a);`,
  );
  expect(d.sheet('Реестр организаций')[0]![0]).toBe('Название организации');
  d.call(OWNER, 'setupWorkbook');
  const registry = d.sheet('Реестр организаций');
  expect(registry[0]!.slice(0, 7)).toEqual([
    'Код организации',
    'Название организации',
    'Тип организации',
    'ФИО координатора',
    'Должность координатора',
    'E-mail координатора',
    'Телефон координатора',
  ]);
  expect(registry[1]!.slice(0, 3)).toEqual([SCHOOL.id, SCHOOL.name, 'общеобразовательная']);
  const access = d.call<{ role: string }>(COORD_A, 'getMyAccess');
  expect(access.role).toBe('coordinator');
  expect(d.sheet('Отчёты')[1]).toContain('Всё по плану');
});

test('settings and registry are protected for admins; reports and audit are warning-only', () => {
  const d = district();
  const protections = d.em.store.spreadsheets.listProtections(d.doc);
  const bySheet = (name: string) =>
    protections.filter(
      (p) =>
        p.description &&
        p.sheetId === d.em.store.spreadsheets.getSpreadsheet(d.doc)!.sheets.find((s) => s.name === name)!.sheetId,
    );
  for (const name of ['Настройки', 'Реестр организаций']) {
    const [p] = bySheet(name);
    expect(p?.warningOnly).toBe(false);
  }
  for (const name of ['Отчёты', 'Журнал изменений', 'Журнал напоминаний'])
    expect(bySheet(name)[0]?.warningOnly).toBe(true);
  // A coordinator typing into the registry by hand is stopped by Sheets itself.
  const editor = createEmulator({
    store: d.em.store,
    code: "function edit() { SpreadsheetApp.getActive().getSheetByName('Реестр организаций').getRange(2, 2).setValue('x'); }",
  });
  const r = editor.run('edit', [], { user: COORD_A, documentId: d.doc });
  expect(r.ok).toBe(false);
  expect(r.error?.message).toMatch(/protected/);
});

test('drop-downs where Sheets offers them: organisation types, yes/no answers', () => {
  const d = district();
  const reader = createEmulator({
    store: d.em.store,
    code: `function read() { var ss = SpreadsheetApp.getActive();
    var types = ss.getSheetByName('Реестр организаций').getRange(5, 3).getDataValidation();
    var reports = ss.getSheetByName('Отчёты'); var header = reports.getRange(1, 1, 1, reports.getLastColumn()).getValues()[0];
    var yesNo = reports.getRange(7, header.indexOf('Чат педагогов создан') + 1).getDataValidation();
    return [types.getCriteriaValues()[0], yesNo.getCriteriaValues()[0], yesNo.getAllowInvalid()]; }`,
  });
  const r = reader.run<unknown[]>('read', [], { user: OWNER, documentId: d.doc });
  expect(r.value).toEqual([['общеобразовательная', 'дошкольная', 'дополнительного образования'], ['да', 'нет'], false]);
});

test('settings edited in the sheet are audited at the next write, once', () => {
  const d = district();
  handEdit(
    d,
    OWNER,
    `var s = ss.getSheetByName('Настройки'); var rows = s.getDataRange().getValues();
    for (var i = 0; i < rows.length; i++) if (rows[i][0] === 'deadlineDay') s.getRange(i + 1, 3).setValue(25);`,
  );
  d.call(
    COORD_A,
    'submitReport',
    {
      orgId: SCHOOL.id,
      period: '2023-11',
      teachersTotal: 10,
      teachersConnected: 10,
      pupilsTotal: 100,
      pupilsConnected: 90,
      parentsTotal: 150,
      parentsConnected: 100,
      groupsTotal: 5,
      groupsInSferum: 5,
      staffChat: true,
      pupilChats: 5,
      parentChats: 5,
      teachersMeetingMinimum: 8,
      mySchoolTeachers: 9,
      noForeignMessengers: true,
    },
    'key-settings-audit',
  );
  const audit = d.sheet('Журнал изменений');
  const changes = audit.filter((r) => r[2] === 'Изменение настроек');
  expect(changes).toHaveLength(1);
  expect(changes[0]!.slice(5, 7)).toEqual(['День сдачи отчёта: 30', 'День сдачи отчёта: 25']);
  expect(audit.map((r) => r[2]).slice(-2)).toEqual(['Изменение настроек', 'Сдача отчёта']);
  d.call(OWNER, 'checkIntegrity');
  expect(d.em.store.ui.listEvents(d.doc, OWNER).pop()!.content).toContain('Изменений в обход дополнения не найдено');
});

test('an admin added in Settings is told to re-run set-up until the protections include them', () => {
  const d = district();
  handEdit(
    d,
    OWNER,
    `var s = ss.getSheetByName('Настройки'); var rows = s.getDataRange().getValues();
    for (var i = 0; i < rows.length; i++) if (rows[i][0] === 'adminEmails') s.getRange(i + 1, 3).setValue('${ADMIN2}');`,
  );
  const org = { ...SCHOOL, id: 'SCH-09', name: 'МБОУ «Новая школа»', coordinatorEmails: 'new.school@example.org' };
  expect(d.refuse(ADMIN2, 'saveOrganisation', org, true)).toContain(
    'Попросите владельца таблицы выбрать в меню дополнения «Настроить таблицу округа»',
  );
  expect(d.sheet('Реестр организаций')).toHaveLength(3);
  // The new admin cannot re-protect sheets they are not yet an editor of: the same sentence.
  d.call(ADMIN2, 'setupWorkbook');
  expect(d.em.store.ui.listEvents(d.doc, ADMIN2).pop()!.content).toContain('Попросите владельца таблицы');
  d.call(OWNER, 'setupWorkbook');
  expect(d.call<{ ok: boolean }>(ADMIN2, 'saveOrganisation', org, true).ok).toBe(true);
  expect(d.sheet('Реестр организаций')).toHaveLength(4);
});

test('set-up keeps columns the admin added (even without a header) and their formulas when it reorders a sheet', () => {
  const d = district();
  // The admin swaps two registry columns and adds two columns of their own: notes without a
  // header, and a formula with one.
  handEdit(
    d,
    OWNER,
    `var s = ss.getSheetByName('Реестр организаций'); var n = s.getLastRow();
    var a = s.getRange(1, 1, n, 1).getValues(); var b = s.getRange(1, 2, n, 1).getValues();
    s.getRange(1, 1, n, 1).setValues(b); s.getRange(1, 2, n, 1).setValues(a);
    var w = s.getLastColumn();
    s.getRange(2, w + 1).setValue('позвонить в понедельник');
    s.getRange(1, w + 2).setValue('Длина названия'); s.getRange(2, w + 2).setFormula('=1+1');`,
  );
  d.call(OWNER, 'setupWorkbook');
  const rows = d.sheet('Реестр организаций');
  expect(rows[0]!.slice(0, 2)).toEqual(['Код организации', 'Название организации']);
  expect(rows[1]!.slice(0, 2)).toEqual([SCHOOL.id, SCHOOL.name]);
  expect(rows[1]).toContain('позвонить в понедельник');
  const reader = createEmulator({
    store: d.em.store,
    code: `function f() { var s = SpreadsheetApp.getActive().getSheetByName('Реестр организаций');
    return s.getRange(1, 1, 2, s.getLastColumn()).getFormulas()[1].filter(function (x) { return x !== ''; }); }`,
  });
  expect(reader.run('f', [], { user: OWNER, documentId: d.doc }).value).toEqual(['=1+1']);
});

test('a write to a sheet whose columns were moved is refused with «настроить таблицу», nothing written', () => {
  const d = district();
  handEdit(
    d,
    OWNER,
    `var s = ss.getSheetByName('Отчёты'); var a = s.getRange(1, 1, 1, 1).getValues(); var b = s.getRange(1, 2, 1, 1).getValues();
    s.getRange(1, 1, 1, 1).setValues(b); s.getRange(1, 2, 1, 1).setValues(a);`,
  );
  const message = d.refuse(
    COORD_A,
    'submitReport',
    {
      orgId: SCHOOL.id,
      period: '2023-11',
      teachersTotal: 10,
      teachersConnected: 10,
      pupilsTotal: 100,
      pupilsConnected: 90,
      parentsTotal: 150,
      parentsConnected: 100,
      groupsTotal: 5,
      groupsInSferum: 5,
      staffChat: true,
      pupilChats: 5,
      parentChats: 5,
      teachersMeetingMinimum: 8,
      mySchoolTeachers: 9,
      noForeignMessengers: true,
    },
    'key-moved-columns',
  );
  expect(message).toContain('«Настроить таблицу округа»');
  expect(d.sheet('Отчёты')).toHaveLength(1);
});

test('set-up puts the spreadsheet in Moscow time, so Moscow dates show as written', () => {
  const d = emptyDistrict();
  handEdit(d, OWNER, `ss.setSpreadsheetTimeZone('Europe/London');`);
  d.call(OWNER, 'setupWorkbook');
  const reader = createEmulator({
    store: d.em.store,
    code: 'function tz() { return SpreadsheetApp.getActive().getSpreadsheetTimeZone(); }',
  });
  expect(reader.run('tz', [], { user: OWNER, documentId: d.doc }).value).toBe('Europe/Moscow');
  expect(d.em.store.ui.listEvents(d.doc, OWNER).pop()!.content).toContain(
    'часовой пояс таблицы установлен: Europe/Moscow',
  );
});

test('a spreadsheet on a shared drive (no owner): set-up needs a «Да» in its dialog, then that person is the admin', () => {
  const em = createEmulator({ now: Date.UTC(2023, 11, 15, 9), strict: true });
  const doc = em.createSpreadsheet({ name: 'Общий диск', owner: '' });
  em.store.spreadsheets.updateSpreadsheet(doc, { addEditors: [ADMIN2, COORD_A] }); // the shared drive's members
  const as = (user: string) => ({ user, documentId: doc, authMode: 'FULL' as const });
  const snapshot = () => JSON.stringify(em.store.spreadsheets.snapshot());
  const properties = () => JSON.stringify(em.store.properties.getAll(`document:${doc}`));
  const before = [snapshot(), properties()];
  // The menu offers set-up to an editor of an ownerless file that is not set up yet.
  em.run('onOpen', [{ authMode: 'FULL' }], as(COORD_A));
  expect(JSON.stringify(em.store.ui.getMenus(doc, COORD_A))).toContain('setupWorkbook');
  // A coordinator calling it through google.script.run (nobody answers the dialog): nothing is written.
  expect(em.runFromClient('setupWorkbook', [], as(COORD_A)).ok).toBe(true);
  const [question, cancelled] = em.store.ui.listEvents(doc, COORD_A).slice(-2);
  expect(question).toMatchObject({ kind: 'alert', title: 'Таблица на общем диске', buttons: 'YES_NO' });
  expect(question!.content).toContain(`администратором округа будет записан ${COORD_A}`);
  expect(question!.content).toContain('Вы менеджер этого общего диска');
  expect(cancelled!.content).toContain('Настройка отменена, в таблице ничего не изменено');
  expect([snapshot(), properties()]).toEqual(before);
  expect(em.runFromClient<{ role: string }>('getMyAccess', [], as(COORD_A)).value?.role).not.toBe('admin');
  // The drive's manager chooses it in the menu and answers «Да».
  em.store.ui.queueResponse(doc, ADMIN2, { button: 'YES' });
  expect(em.run('setupWorkbook', [], as(ADMIN2)).ok).toBe(true);
  expect(em.store.ui.listEvents(doc, ADMIN2).pop()!.content).toContain(`${ADMIN2} записан администратором округа`);
  expect(em.runFromClient<{ role: string }>('getMyAccess', [], as(ADMIN2)).value!.role).toBe('admin');
  // Once set up, a second person is not an admin just because the file has no owner.
  expect(em.runFromClient<{ role: string }>('getMyAccess', [], as(COORD_A)).value!.role).toBe('none');
  em.store.ui.queueResponse(doc, COORD_A, { button: 'YES' });
  em.runFromClient('setupWorkbook', [], as(COORD_A));
  expect(em.store.ui.listEvents(doc, COORD_A).pop()!.content).toContain('только администраторам');
});
