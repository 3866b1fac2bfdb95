// An organisation's life cycle through the built bundle: one added mid-year owes nothing before its
// «отчитывается с» month and is never e-mailed about earlier months; a closed one gets no e-mail and
// leaves new months while staying in the months it reported for.
import { summaryOf } from '../../support/summarySupport';
import { COORD_A, COORD_B, handEdit, KINDERGARTEN, OWNER, SCHOOL } from '../../support/district';
import { msk, remindersDistrict, submit, walk } from './reminderSupport';

const NEW = {
  ...SCHOOL,
  id: 'SCH-09',
  name: 'МБОУ «Новая школа»',
  coordinatorEmails: 'coord9@example.org',
  reportsFrom: undefined,
};

interface FormView {
  // the months offered, newest first
  periods: { key: string; statusLabel: string }[];
}

test('an organisation added on 20.02.2024 owes nothing before February and gets no e-mail about earlier months', () => {
  const d = remindersDistrict('15.12.2023');
  d.em.setNow(msk('20.02.2024', 12));
  for (const period of ['2023-11', '2023-12', '2024-01']) submit(d, COORD_A, SCHOOL.id, period);
  for (const period of ['2023-11', '2023-12', '2024-01']) submit(d, COORD_B, KINDERGARTEN.id, period);
  const { reportsFrom: _none, ...typed } = NEW;
  const saved = d.call<{ ok: boolean; organisation: { reportsFrom: string } }>(OWNER, 'saveOrganisation', typed, true);
  expect(saved.organisation.reportsFrom).toBe('2024-02');
  // The registry shows the month in words.
  const registry = d.sheet('Реестр организаций');
  const header = registry[0] as string[];
  const row = registry.find((r) => r[0] === NEW.id)!;
  expect(row[header.indexOf('Отчитывается с')]).toBe('февраль 2024');

  // Nothing owed before February: the summary of November does not list it; its coordinator sees
  // February as the first month, and an earlier month is refused with the reason.
  expect(summaryOf(d, '2023-11').rows.map((r) => r.orgId)).toEqual([SCHOOL.id, KINDERGARTEN.id]);
  expect(d.refuse('coord9@example.org', 'getReportForm', NEW.id, null)).toBe(
    'Сдавать пока нечего: первый отчётный месяц — февраль 2024, отчёт за него можно сдать, когда месяц закончится.',
  );

  const days = walk(d, '21.02.2024', '01.04.2024');
  const toNew = Object.entries(days).flatMap(([day, mails]) =>
    mails.filter((m) => m.startsWith('coord9@example.org')).map((m) => `${day} ${m}`),
  );
  expect(toNew).toEqual([
    `23.03.2024 coord9@example.org → Осталось 7 дней: сдать отчёт за февраль 2024 — ${NEW.name}`,
    `27.03.2024 coord9@example.org → Осталось 3 дня: сдать отчёт за февраль 2024 — ${NEW.name}`,
    `29.03.2024 coord9@example.org → Осталось 1 день: сдать отчёт за февраль 2024 — ${NEW.name}`,
    `30.03.2024 coord9@example.org → Сегодня срок: сдать отчёт за февраль 2024 — ${NEW.name}`,
    `31.03.2024 coord9@example.org → Просрочено на 1 день: сдать отчёт за февраль 2024 — ${NEW.name}`,
  ]);
  // The admins' digest of January (due 29.02) does not name it; February's does.
  const digests = Object.values(days)
    .flat()
    .filter((m) => m.startsWith(OWNER));
  expect(digests).toEqual([
    `${OWNER} → Сводка: все организации (3) сдали отчёт за январь 2024`,
    `${OWNER} → Сводка: отчёт за февраль 2024 не сдали 3 из 3 организаций`,
  ]);
  const february = d.call<FormView>('coord9@example.org', 'getReportForm', NEW.id, null);
  expect(february.periods.map((p) => [p.key, p.statusLabel])).toEqual([
    ['2024-03', 'не сдан'],
    ['2024-02', 'просрочен'],
  ]);
});

test('a closed organisation gets no e-mail, leaves new months and stays in the months before', () => {
  const d = remindersDistrict('15.12.2023');
  submit(d, COORD_A, SCHOOL.id, '2023-11');
  d.em.setNow(msk('10.01.2024', 12));
  const closed = d.call<{ ok: boolean }>(OWNER, 'saveOrganisation', { ...KINDERGARTEN, closedOn: '10.01.2024' }, false);
  expect(closed.ok).toBe(true);
  const days = walk(d, '11.01.2024', '05.02.2024');
  expect(
    Object.values(days)
      .flat()
      .filter((m) => m.startsWith(COORD_B)),
  ).toEqual([]);
  // November and December stay as they were (the kindergarten is overdue there); January lists it no more.
  expect(summaryOf(d, '2023-11').rows.map((r) => [r.orgId, r.statusLabel])).toEqual([
    [SCHOOL.id, 'сдан вовремя'],
    [KINDERGARTEN.id, 'просрочен'],
  ]);
  expect(summaryOf(d, '2023-12').rows.map((r) => r.orgId)).toEqual([SCHOOL.id, KINDERGARTEN.id]);
  expect(summaryOf(d, '2024-01').rows.map((r) => r.orgId)).toEqual([SCHOOL.id]);
  // The audit names the closing.
  const audit = d.sheet('Журнал изменений');
  expect(audit.some((r) => r.includes('Организация закрыта (в архиве)') && r.includes(KINDERGARTEN.id))).toBe(true);
  // Its coordinator is told why a new month is refused.
  expect(
    d.refuse(COORD_B, 'submitReport', { orgId: KINDERGARTEN.id, period: '2024-01' }, 'submission-closed-1'),
  ).toContain('Организация закрыта с 10.01.2024');
});

test('typed registry rows are checked: no future date, no copy before order № 178, phones are phones', () => {
  const d = remindersDistrict('20.02.2024');
  const answer = d.call<{ ok: boolean; errors: { field: string; message: string }[] }>(
    OWNER,
    'saveOrganisation',
    { ...NEW, orderCopyReceived: '01.03.2099', coordinatorPhone: 'abc' },
    true,
  );
  expect(answer.ok).toBe(false);
  expect(answer.errors.map((e) => e.field)).toEqual(['orderCopyReceived', 'coordinatorPhone']);
  expect(answer.errors[0]!.message).toContain('дата ещё не наступила (сегодня 20.02.2024)');
  const early = d.call<{ ok: boolean; errors: { message: string }[] }>(
    OWNER,
    'saveOrganisation',
    { ...NEW, orderCopyReceived: '10.11.2023' },
    true,
  );
  expect(early.errors.map((e) => e.message)).toEqual([
    '«Дата получения копии приказа»: 10.11.2023 — раньше приказа № 178 от 15.11.2023. ' +
      'Копия не могла прийти раньше самого приказа: проверьте дату.',
  ]);
  // Nothing was written.
  expect(d.sheet('Реестр организаций').some((r) => r[0] === NEW.id)).toBe(false);
});

test('a registry sheet from before the life-cycle columns keeps working and gains them on the next write', () => {
  const d = remindersDistrict('15.12.2023');
  // The older layout: the two columns were not there (deleting them here also flags the two rows,
  // whose «отчитывается с» was sealed; rows written before the columns existed stay valid, as blank
  // cells are not sealed).
  handEdit(d, OWNER, "ss.getSheetByName('Реестр организаций').deleteColumns(11, 2);");
  expect((d.sheet('Реестр организаций')[0] as string[]).includes('Отчитывается с')).toBe(false);
  const view = d.call<{ organisations: { id: string; reportsFrom: string | null }[] }>(OWNER, 'getRegistry');
  expect(view.organisations.map((o) => [o.id, o.reportsFrom])).toEqual([
    [SCHOOL.id, null],
    [KINDERGARTEN.id, null],
  ]);
  // Rows without «отчитывается с» report from Settings' first month: November is owed.
  expect(summaryOf(d, '2023-11').rows.map((r) => r.orgId)).toEqual([SCHOOL.id, KINDERGARTEN.id]);
  d.call(OWNER, 'saveOrganisation', { ...NEW, reportsFrom: '' }, true);
  const header = d.sheet('Реестр организаций')[0] as string[];
  // Inserted in place, before the hidden sequence and checksum columns.
  expect(header.slice(9, 14)).toEqual([
    'Дата получения копии приказа',
    'Отчитывается с',
    'Закрыта с',
    'Номер записи',
    'Контрольная сумма',
  ]);
  const after = d.call<{ organisations: { id: string; handEdited: boolean }[] }>(OWNER, 'getRegistry');
  expect(after.organisations.find((o) => o.id === NEW.id)?.handEdited).toBe(false);
});
