// Repeated overdue notices are per organisation: one e-mail a week at most, listing all its
// overdue months, on whole simulated cycles through the built bundle; nothing twice.
import { COORD_A, COORD_B, KINDERGARTEN, OWNER, SCHOOL } from '../../support/district';
import {
  fire,
  lastRun,
  ledgerRows,
  line,
  mailsSince,
  msk,
  patchedTrigger,
  remindersDistrict,
  submit,
  walk,
} from './reminderSupport';

const FIVE = 'Просроченные отчёты (5): март 2024, февраль 2024, январь 2024 и ещё 2';
const SIX = 'Просроченные отчёты (6): апрель 2024, март 2024, февраль 2024 и ещё 3';
const APR = 'сдать отчёт за апрель 2024';
const APR_AND = `${APR} и просроченные (5)`;
const NEW = { ...SCHOOL, id: 'SCH-03', name: 'МБОУ «Школа № 3»', coordinatorEmails: 'coord3@example.org' };

test('an organisation owing five months gets one e-mail a week listing them all, not five; a new month joins after its own notice', () => {
  // A district set up in May 2024 (reports due from November 2023): the school catches up at once,
  // the kindergarten owes everything; a third organisation is added on 12.05.
  const d = remindersDistrict('09.05.2024');
  for (const period of ['2023-11', '2023-12', '2024-01', '2024-02', '2024-03', '2024-04'])
    submit(d, COORD_A, SCHOOL.id, period);
  const days = walk(d, '10.05.2024', '08.06.2024', {
    '12.05.2024': () => d.call(OWNER, 'saveOrganisation', NEW, true),
  });
  const kinder = (what: string): string => `${COORD_B} → ${what} — ${KINDERGARTEN.name}`;
  const third = (what: string): string => `coord3@example.org → ${what} — ${NEW.name}`;
  expect(days).toEqual({
    '10.05.2024': [kinder(FIVE)],
    '13.05.2024': [third(FIVE)],
    '17.05.2024': [kinder(FIVE)],
    '20.05.2024': [third(FIVE)],
    // April's reminders list the five overdue months too; one e-mail a day per organisation, so the
    // third's weekly repeat of 27.05 waits a day
    '23.05.2024': [kinder(`Осталось 7 дней: ${APR_AND}`), third(`Осталось 7 дней: ${APR_AND}`)],
    '24.05.2024': [kinder(FIVE)],
    '27.05.2024': [kinder(`Осталось 3 дня: ${APR_AND}`), third(`Осталось 3 дня: ${APR_AND}`)],
    '28.05.2024': [third(FIVE)],
    '29.05.2024': [kinder(`Осталось 1 день: ${APR_AND}`), third(`Осталось 1 день: ${APR_AND}`)],
    '30.05.2024': [kinder(`Сегодня срок: ${APR_AND}`), third(`Сегодня срок: ${APR_AND}`)],
    // the kindergarten's weekly repeat would fall today: April's own notice goes instead, listing
    // all six overdue months, and the next repeat counts from it
    '31.05.2024': [`${OWNER} → Сводка: отчёт за апрель 2024 не сдали 2 из 3 организаций`, kinder(SIX), third(SIX)],
    '07.06.2024': [kinder(SIX), third(SIX)],
  });
  const repeats = ledgerRows(d).filter((r) => String(r[2]).startsWith('просроченные отчёты'));
  const five = 'ноябрь 2023, декабрь 2023, январь 2024, февраль 2024, март 2024';
  const week = (months: string, count: number) => [
    [KINDERGARTEN.id, months, `просроченные отчёты (${count})`, COORD_B],
    ['SCH-03', months, `просроченные отчёты (${count})`, 'coord3@example.org'],
  ];
  expect(repeats.map((r) => r.slice(0, 4))).toEqual([
    ...week(five, 5),
    ...week(five, 5),
    ...week(five, 5),
    ...week(five + ', апрель 2024', 6),
  ]);
  expect(ledgerRows(d).every((r) => r[5] === 'отправлено')).toBe(true);
  expect(lastRun(d)).toMatchObject({ outcome: 'ok' });
});

/** 10.02.2024: the school never sent November and its December came back (after the deadline); the kindergarten is done. */
function februaryDistrict(reason: string) {
  const d = remindersDistrict('10.02.2024');
  submit(d, COORD_A, SCHOOL.id, '2023-12');
  d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-12', 1, 'return', reason);
  for (const period of ['2023-11', '2023-12']) submit(d, COORD_B, KINDERGARTEN.id, period);
  return d;
}

test('the repeated notice lists every overdue month newest first: deadline, days overdue, the return and its reason escaped', () => {
  const reason = 'Проверьте <b>число</b> педагогов & "родителей"';
  const d = februaryDistrict(reason);
  d.em.setNow(msk('11.02.2024'));
  const before = d.em.store.mail.sent().length; // the notice of the return itself
  fire(d.em);
  expect(mailsSince(d.em, before).map(line)).toEqual([
    `${COORD_A} → Просроченные отчёты (2): декабрь 2023, ноябрь 2023 — ${SCHOOL.name}`,
  ]);
  const mail = mailsSince(d.em, before)[0]!;
  expect(mail.body).toContain('Здравствуйте, Иванова Анна Петровна!');
  expect(mail.body).toContain(
    `${SCHOOL.name}: срок сдачи ежемесячных отчётов об использовании Сферума и ФГИС «Моя школа» прошёл, а отчёты не сданы или не исправлены — 2 месяца:`,
  );
  const dec = mail.body.indexOf(
    '• за декабрь 2023 — возвращён на доработку (версия 1) и не исправлен; срок сдачи — 30.01.2024, просрочено на 12 дней.',
  );
  const nov = mail.body.indexOf('• за ноябрь 2023 — не сдан; срок сдачи — 30.12.2023, просрочено на 43 дня.');
  expect(dec).toBeGreaterThan(0);
  expect(nov).toBeGreaterThan(dec);
  expect(mail.body).toContain('Причина возврата: ' + reason);
  expect(mail.body).toContain('не чаще раза в 7 дней');
  expect(mail.body).toContain(`https://docs.google.com/spreadsheets/d/${d.doc}/edit`);
  expect(mail.htmlBody).toContain(
    '<b>за декабрь 2023</b> — возвращён на доработку (версия 1) и не исправлен; срок сдачи — 30.01.2024, просрочено на 12 дней.',
  );
  expect(mail.htmlBody).toContain('Проверьте &lt;b&gt;число&lt;/b&gt; педагогов &amp; &quot;родителей&quot;');
  expect(mail.htmlBody).not.toContain('<b>число</b>');
  expect(mail.htmlBody!.indexOf('за декабрь 2023')).toBeLessThan(mail.htmlBody!.indexOf('за ноябрь 2023'));
  expect(ledgerRows(d).map((r) => r.slice(0, 3))).toEqual([
    [SCHOOL.id, 'ноябрь 2023, декабрь 2023', 'просроченные отчёты (2)'],
  ]);
});

test('a run that dies after sending the repeated notice, and repeated runs: it never goes out twice; the week counts from it', () => {
  const d = februaryDistrict('Неверно');
  d.em.setNow(msk('11.02.2024'));
  const before = d.em.store.mail.sent().length;
  const dies = `;(function () { var n = 0, get = LockService.getScriptLock;
    LockService.getScriptLock = function () { n++; if (n === 3) throw new Error('Exceeded maximum execution time'); return get.call(LockService); }; })();`;
  expect(patchedTrigger(d, dies).ok).toBe(true);
  expect(ledgerRows(d).map((r) => r[5])).toEqual(['отправляется']);
  expect(mailsSince(d.em, before)).toHaveLength(1);
  d.em.setNow(msk('11.02.2024', 9));
  fire(d.em);
  fire(d.em);
  const days = walk(d, '12.02.2024', '19.02.2024');
  expect(days).toEqual({
    '18.02.2024': [`${COORD_A} → Просроченные отчёты (2): декабрь 2023, ноябрь 2023 — ${SCHOOL.name}`],
  });
  expect(mailsSince(d.em, before)).toHaveLength(2);
  expect(ledgerRows(d).map((r) => r[5])).toEqual(['отправляется', 'отправлено']);
});

test('a repeated notice that does not fit the quota goes out the next day, and its week counts from then', () => {
  const d = remindersDistrict('10.02.2024');
  d.em.store.mail.setDailyLimit(1);
  const days = walk(d, '11.02.2024', '19.02.2024');
  const both = 'Просроченные отчёты (2): декабрь 2023, ноябрь 2023';
  expect(days).toEqual({
    '11.02.2024': [`${COORD_A} → ${both} — ${SCHOOL.name}`],
    '12.02.2024': [`${COORD_B} → ${both} — ${KINDERGARTEN.name}`],
    '18.02.2024': [`${COORD_A} → ${both} — ${SCHOOL.name}`],
    '19.02.2024': [`${COORD_B} → ${both} — ${KINDERGARTEN.name}`],
  });
  expect(ledgerRows(d).map((r) => [r[0], r[5]])).toEqual([
    [SCHOOL.id, 'отправлено'],
    [KINDERGARTEN.id, 'отправлено'],
    [SCHOOL.id, 'отправлено'],
    [KINDERGARTEN.id, 'отправлено'],
  ]);
});
