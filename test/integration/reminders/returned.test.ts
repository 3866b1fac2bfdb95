// A returned report restarts the reminders of its organisation; «напомнить сейчас» from the summary.
import { COORD_A, COORD_B, KINDERGARTEN, OWNER, SCHOOL, STRANGER } from '../../support/district';
import { fire, ledgerRows, line, msk, remindersDistrict, submit, walk, withReminderApi } from './reminderSupport';

const NOV = 'за ноябрь 2023';

test('a returned report restarts reminders for that organisation, with the admin’s reason escaped', () => {
  const d = remindersDistrict('20.12.2023');
  const reason = 'Проверьте <b>число</b> педагогов & "родителей"';
  const days = walk(d, '21.12.2023', '31.12.2023', {
    '23.12.2023': () => submit(d, COORD_A, SCHOOL.id, '2023-11'),
    '26.12.2023': () => d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'return', reason),
    '29.12.2023': () => submit(d, COORD_A, SCHOOL.id, '2023-11'),
    '30.12.2023': () => submit(d, COORD_B, KINDERGARTEN.id, '2023-11'),
  });
  expect(days).toEqual({
    '23.12.2023': [
      `${COORD_A} → Осталось 7 дней: сдать отчёт ${NOV} — ${SCHOOL.name}`,
      `${COORD_B} → Осталось 7 дней: сдать отчёт ${NOV} — ${KINDERGARTEN.name}`,
    ],
    '27.12.2023': [
      `${COORD_A} → Осталось 3 дня: исправить возвращённый отчёт ${NOV} — ${SCHOOL.name}`,
      `${COORD_B} → Осталось 3 дня: сдать отчёт ${NOV} — ${KINDERGARTEN.name}`,
    ],
    '29.12.2023': [
      `${COORD_A} → Осталось 1 день: исправить возвращённый отчёт ${NOV} — ${SCHOOL.name}`,
      `${COORD_B} → Осталось 1 день: сдать отчёт ${NOV} — ${KINDERGARTEN.name}`,
    ],
    '30.12.2023': [`${COORD_B} → Сегодня срок: сдать отчёт ${NOV} — ${KINDERGARTEN.name}`],
    '31.12.2023': [`${OWNER} → Сводка: все организации (2) сдали отчёт ${NOV}`],
  });
  const returned = d.em.store.mail.sent().find((m) => m.subject.startsWith('Осталось 3 дня: исправить'))!;
  expect(returned.body).toContain('(версия 1) возвращён администратором округа на доработку');
  expect(returned.body).toContain('Причина возврата: ' + reason);
  expect(returned.htmlBody).toContain('Проверьте &lt;b&gt;число&lt;/b&gt; педагогов &amp; &quot;родителей&quot;');
  expect(returned.htmlBody).not.toContain('<b>число</b>');
});

test('the digest lists the organisations that owe, with their coordinators, escaped', () => {
  const d = remindersDistrict('20.12.2023');
  d.call(
    OWNER,
    'saveOrganisation',
    { ...SCHOOL, id: 'SCH-03', name: 'Школа <script>alert(1)</script>', coordinatorEmails: 'c3@example.org' },
    true,
  );
  d.em.setNow(msk('31.12.2023'));
  fire(d.em);
  const digest = d.em.store.mail.sent().find((m) => m.to[0] === OWNER)!;
  expect(digest.subject).toBe(`Сводка: отчёт ${NOV} не сдали 3 из 3 организаций`);
  expect(digest.body).toContain(
    `• ${KINDERGARTEN.name} (${KINDERGARTEN.id}) — не сдан; координатор: ${KINDERGARTEN.coordinatorName}, ${COORD_B}`,
  );
  expect(digest.htmlBody).toContain('Школа &lt;script&gt;alert(1)&lt;/script&gt;');
  expect(digest.htmlBody).not.toContain('<script>');
});

type RemindNowValue = { sent: number; deferred: number; unreachable: string[]; message: string };
const NO_MAIL = { ...SCHOOL, id: 'SCH-09', name: 'МБОУ «Школа без почты»', coordinatorEmails: '' };

test('remindNow: one e-mail per chosen organisation listing all it owes, through the same ledger and quota, once a day; admins only', () => {
  const d = remindersDistrict('20.12.2023');
  d.call(OWNER, 'saveOrganisation', NO_MAIL, true);
  d.em.setNow(msk('15.01.2024', 11));
  submit(d, COORD_A, SCHOOL.id, '2023-11');
  const api = withReminderApi(d);
  const asOwner = (ids: string[]) =>
    api.runFromClient<RemindNowValue>('remindNow', [ids], { user: OWNER, documentId: d.doc });
  const first = asOwner([SCHOOL.id, KINDERGARTEN.id, NO_MAIL.id]);
  expect(first.unlockedWrites).toEqual([]);
  expect(first.value).toEqual({
    sent: 2,
    deferred: 0,
    unreachable: [NO_MAIL.name],
    message: `Напомнили 2 организациям. Нет e-mail координатора: ${NO_MAIL.name}.`,
  });
  const DEC = 'за декабрь 2023';
  expect(d.em.store.mail.sent().map(line)).toEqual([
    `${COORD_A} → Осталось 15 дней: сдать отчёт ${DEC} — ${SCHOOL.name}`,
    `${COORD_B} → Несданные отчёты (2): декабрь 2023, ноябрь 2023 — ${KINDERGARTEN.name}`,
  ]);
  const [single, list] = d.em.store.mail.sent();
  expect(single!.body).toContain('Напоминание отправлено по просьбе администратора округа.');
  expect(list!.body).toContain(
    `${KINDERGARTEN.name}: не сданы или не исправлены ежемесячные отчёты об использовании Сферума — 2 месяца:`,
  );
  const dec = list!.body.indexOf('• за декабрь 2023 — не сдан; срок сдачи — 30.01.2024, осталось 15 дней.');
  const nov = list!.body.indexOf('• за ноябрь 2023 — не сдан; срок сдачи — 30.12.2023, просрочено на 16 дней.');
  expect(dec).toBeGreaterThan(0);
  expect(nov).toBeGreaterThan(dec);
  expect(list!.body).toContain('Напоминание отправлено по просьбе администратора округа.');
  expect(list!.body).not.toContain('не чаще раза в');
  expect(list!.htmlBody).toContain('<b>за ноябрь 2023</b> — не сдан; срок сдачи — 30.12.2023, просрочено на 16 дней.');
  expect(ledgerRows(d).map((r) => r.slice(0, 3))).toEqual([
    [SCHOOL.id, 'декабрь 2023', 'по запросу администратора'],
    [KINDERGARTEN.id, 'ноябрь 2023, декабрь 2023', 'по запросу администратора'],
  ]);
  expect(asOwner([KINDERGARTEN.id]).value).toMatchObject({
    sent: 0,
    message: 'Напоминания не отправлены. Сегодня уже напоминали 1 организации — не чаще раза в день.',
  });
  expect(asOwner([NO_MAIL.id]).value).toEqual({
    sent: 0,
    deferred: 0,
    unreachable: [NO_MAIL.name],
    message: `Напоминания не отправлены. Нет e-mail координатора: ${NO_MAIL.name}.`,
  });
  d.em.setNow(msk('16.01.2024', 11));
  submit(d, COORD_A, SCHOOL.id, '2023-12');
  expect(asOwner([SCHOOL.id]).value).toMatchObject({ sent: 0, message: expect.stringContaining('Напоминать некому') });
  expect(asOwner([SCHOOL.id, KINDERGARTEN.id]).value).toMatchObject({
    sent: 1,
    message: 'Напомнили 1 организации. Всё сдано: 1 организация.',
  });
  const refused = api.runFromClient('remindNow', [[KINDERGARTEN.id]], { user: STRANGER, documentId: d.doc });
  expect(refused.error?.message).toContain('только администраторам');
  const release = d.em.holdLock('script', d.doc);
  expect(asOwner([KINDERGARTEN.id]).error?.message).toContain('Таблица занята');
  release();
});

test('remindNow: an organisation owing three months gets one e-mail, not three', () => {
  const d = remindersDistrict('20.12.2023');
  d.em.setNow(msk('15.02.2024', 11));
  const r = withReminderApi(d).runFromClient<RemindNowValue>('remindNow', [[KINDERGARTEN.id]], {
    user: OWNER,
    documentId: d.doc,
  });
  expect(r.value).toMatchObject({ sent: 1, deferred: 0, message: 'Напомнили 1 организации.' });
  expect(d.em.store.mail.sent().map(line)).toEqual([
    `${COORD_B} → Несданные отчёты (3): январь 2024, декабрь 2023, ноябрь 2023 — ${KINDERGARTEN.name}`,
  ]);
  const body = d.em.store.mail.sent()[0]!.body;
  expect(body).toContain('• за январь 2024 — не сдан; срок сдачи — 29.02.2024, осталось 14 дней.');
  expect(body).toContain('• за ноябрь 2023 — не сдан; срок сдачи — 30.12.2023, просрочено на 47 дней.');
  expect(ledgerRows(d)).toHaveLength(1);
});

test('remindNow respects the quota left today and says which organisations wait', () => {
  const d = remindersDistrict('20.12.2023');
  d.em.setNow(msk('15.01.2024', 11));
  d.em.store.mail.setDailyLimit(1);
  const r = withReminderApi(d).runFromClient<RemindNowValue>('remindNow', [[SCHOOL.id, KINDERGARTEN.id]], {
    user: OWNER,
    documentId: d.doc,
  });
  expect(r.value).toEqual({
    sent: 1,
    deferred: 1,
    unreachable: [],
    message: 'Напомнили 1 организации. Отложено из-за дневной квоты Google: 1 организация — напомните завтра.',
  });
  expect(d.em.store.mail.sent().map(line)).toEqual([
    `${COORD_A} → Несданные отчёты (2): декабрь 2023, ноябрь 2023 — ${SCHOOL.name}`,
  ]);
});
