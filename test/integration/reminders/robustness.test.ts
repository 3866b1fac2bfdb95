// Repeated, overlapping and interrupted runs send nothing twice; the quota defers, most urgent
// first; one failing organisation does not stop the others; re-authorisation is reported once a day.
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
  reminderTriggers,
  walk,
} from './reminderSupport';

const NOV = 'сдать отчёт за ноябрь 2023';

test('a run repeated the same day sends nothing twice', () => {
  const d = remindersDistrict('20.12.2023');
  d.em.setNow(msk('23.12.2023'));
  fire(d.em);
  d.em.setNow(msk('23.12.2023', 15));
  const before = d.em.store.mail.sent().length;
  fire(d.em);
  expect(before).toBe(2);
  expect(mailsSince(d.em, before)).toEqual([]);
  expect(ledgerRows(d)).toHaveLength(2);
  expect(lastRun(d)).toMatchObject({ outcome: 'ok', sent: 0 });
});

test('an overlapping run waits for the lock, then finds the reminders claimed: nothing twice, nothing lost', () => {
  const d = remindersDistrict('20.12.2023');
  d.em.setNow(msk('23.12.2023'));
  const release = d.em.holdLock('script', d.doc);
  const busy = fire(d.em);
  expect(d.em.store.mail.sent()).toEqual([]);
  // With the lock held throughout, not even the outcome can be written: it is logged, and a trigger
  // that stays stuck shows as stopped after 26 hours (status.ts).
  expect(lastRun(d)).toBeNull();
  expect(busy.logs.join('\n')).toContain('this run (busy) is not recorded');
  release();
  fire(d.em);
  fire(d.em);
  expect(d.em.store.mail.sent().map(line)).toHaveLength(2);
  expect(ledgerRows(d).map((r) => r[5])).toEqual(['отправлено', 'отправлено']);
});

test('a run that dies after sending (before confirming) leaves its claims: the next run does not resend them', () => {
  const d = remindersDistrict('20.12.2023');
  d.em.setNow(msk('23.12.2023'));
  // The execution is killed when it comes back to the sheet after the e-mails went out.
  const dies = `;(function () { var n = 0, get = LockService.getScriptLock;
    LockService.getScriptLock = function () { n++; if (n === 3) throw new Error('Exceeded maximum execution time'); return get.call(LockService); }; })();`;
  expect(patchedTrigger(d, dies).ok).toBe(true);
  expect(d.em.store.mail.sent()).toHaveLength(2);
  expect(ledgerRows(d).map((r) => r[5])).toEqual(['отправляется', 'отправляется']);
  expect(lastRun(d)).toMatchObject({ outcome: 'error', error: 'Exceeded maximum execution time' });
  d.em.setNow(msk('23.12.2023', 9));
  fire(d.em);
  expect(d.em.store.mail.sent()).toHaveLength(2);
  expect(lastRun(d)!.message).toContain('2 писем не подтверждены');
});

test('a quota of 3 sends the most urgent first (the digest), the rest goes out the next day', () => {
  const d = remindersDistrict('20.12.2023');
  for (const n of [3, 4, 5]) {
    d.call(
      OWNER,
      'saveOrganisation',
      { ...SCHOOL, id: `SCH-0${n}`, name: `МБОУ «Школа № ${n}»`, coordinatorEmails: `coord${n}@example.org` },
      true,
    );
  }
  d.em.store.mail.setDailyLimit(3);
  const days = walk(d, '31.12.2023', '02.01.2024');
  const overdue = (to: string, name: string): string => `${to} → Просрочено на 1 день: ${NOV} — ${name}`;
  expect(days).toEqual({
    '31.12.2023': [
      `${OWNER} → Сводка: отчёт за ноябрь 2023 не сдали 5 из 5 организаций`,
      overdue(COORD_A, SCHOOL.name),
      overdue(COORD_B, KINDERGARTEN.name),
    ],
    '01.01.2024': [
      `coord3@example.org → Просрочено на 2 дня: ${NOV} — МБОУ «Школа № 3»`,
      `coord4@example.org → Просрочено на 2 дня: ${NOV} — МБОУ «Школа № 4»`,
      `coord5@example.org → Просрочено на 2 дня: ${NOV} — МБОУ «Школа № 5»`,
    ],
  });
  expect(ledgerRows(d).map((r) => r[2])).toEqual(['сводка администраторам', ...Array(5).fill('просрочка 1 день')]);
});

test('the quota left today is read first: what does not fit is recorded as deferred, not dropped', () => {
  const d = remindersDistrict('20.12.2023');
  d.em.store.mail.setDailyLimit(1);
  d.em.setNow(msk('23.12.2023'));
  fire(d.em);
  expect(d.em.store.mail.sent().map((m) => m.to[0])).toEqual([COORD_A]);
  expect(lastRun(d)).toMatchObject({ outcome: 'partial', sent: 1, deferred: 1 });
  expect(lastRun(d)!.message).toBe(
    'Отправлено писем: 1. Не уместилось в дневную квоту Google: 1 — уйдут при следующем запуске.',
  );
});

test('one organisation failing does not stop the others; it is recorded and retried the next day', () => {
  const d = remindersDistrict('20.12.2023');
  d.em.setNow(msk('23.12.2023'));
  const rejectsA = `;(function () { var send = MailApp.sendEmail;
    MailApp.sendEmail = function (o) { if (String(o.to).indexOf('${COORD_A}') >= 0) throw new Error('Invalid email: ${COORD_A}'); return send.apply(MailApp, arguments); }; })();`;
  expect(patchedTrigger(d, rejectsA).ok).toBe(true);
  expect(d.em.store.mail.sent().map((m) => m.to[0])).toEqual([COORD_B]);
  expect(lastRun(d)).toMatchObject({ outcome: 'partial', sent: 1, failed: 1, error: `Invalid email: ${COORD_A}` });
  expect(lastRun(d)!.message).toContain(`Не удалось отправить: 1 (${SCHOOL.id}: Invalid email: ${COORD_A})`);
  expect(ledgerRows(d).map((r) => [r[0], r[5]])).toEqual([
    [SCHOOL.id, `не отправлено: Invalid email: ${COORD_A}`],
    [KINDERGARTEN.id, 'отправлено'],
  ]);
  d.em.setNow(msk('24.12.2023'));
  fire(d.em);
  expect(d.em.store.mail.sent().map(line).slice(1)).toEqual([`${COORD_A} → Осталось 6 дней: ${NOV} — ${SCHOOL.name}`]);
});

test('re-authorisation needed: recorded, the owner e-mailed at most once a day, reminders resume after consent', () => {
  const d = remindersDistrict('20.12.2023');
  d.em.store.auth.setStatus(OWNER, 'REQUIRED');
  d.em.setNow(msk('23.12.2023'));
  fire(d.em);
  d.em.setNow(msk('23.12.2023', 16));
  fire(d.em);
  expect(d.em.store.mail.sent().map(line)).toEqual([
    `${OWNER} → Напоминания об отчётах остановлены: нужно заново разрешить доступ`,
  ]);
  expect(d.em.store.mail.sent()[0]!.body).toContain('https://script.google.com/macros/d/emulated/authorize');
  expect(lastRun(d)).toMatchObject({ outcome: 'reauth' });
  d.em.setNow(msk('24.12.2023'));
  fire(d.em);
  expect(d.em.store.mail.sent()).toHaveLength(2);
  d.em.store.auth.setStatus(OWNER, 'NOT_REQUIRED');
  d.em.setNow(msk('25.12.2023'));
  fire(d.em);
  expect(mailsSince(d.em, 2).map(line)).toEqual([
    `${COORD_A} → Осталось 5 дней: ${NOV} — ${SCHOOL.name}`,
    `${COORD_B} → Осталось 5 дней: ${NOV} — ${KINDERGARTEN.name}`,
  ]);
  expect(reminderTriggers(d.em)).toHaveLength(1);
});
