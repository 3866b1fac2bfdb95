// The reminder ledger edited by hand: a forged «отправлено» row stops nothing and is named; rows
// deleted stop the reminders (instead of sending them twice) until an admin accepts the ledger.
import { handEdit, OWNER } from '../../support/district';
import { fire, mailsSince, msk, remindersDistrict } from './reminderSupport';

const LEDGER = 'Журнал напоминаний';
const DIGEST = `${OWNER} → Сводка: отчёт за ноябрь 2023 не сдали 2 из 2 организаций`;

test('a forged «отправлено» row for the digest does not stop it, and the check names the row', () => {
  const d = remindersDistrict('30.12.2023');
  handEdit(
    d,
    OWNER,
    `ss.getSheetByName('${LEDGER}').appendRow(['*', '2023-11', 'сводка', '${OWNER}', new Date(), 'отправлено', '*|2023-11|digest']);`,
  );
  d.em.setNow(msk('31.12.2023'));
  const before = d.em.store.mail.sent().length;
  fire(d.em);
  expect(mailsSince(d.em, before).map((m) => `${m.to.join(',')} → ${m.subject}`)).toContain(DIGEST);
  d.call(OWNER, 'checkIntegrity');
  expect(d.em.store.ui.listEvents(d.doc, OWNER).pop()!.content).toContain(
    'лист «Журнал напоминаний», строка 2 (*, ноябрь 2023): запись изменена или добавлена вручную',
  );
});

test('deleted ledger rows stop the reminders instead of re-sending them; set-up accepts the ledger', () => {
  const d = remindersDistrict('30.12.2023');
  d.em.setNow(msk('31.12.2023'));
  fire(d.em);
  const sent = d.em.store.mail.sent().length;
  expect(sent).toBeGreaterThan(0);
  handEdit(d, OWNER, `var s = ss.getSheetByName('${LEDGER}'); s.deleteRows(2, s.getLastRow() - 1);`);
  d.em.setNow(msk('31.12.2023', 9));
  fire(d.em);
  expect(d.em.store.mail.sent()).toHaveLength(sent);
  d.call(OWNER, 'checkIntegrity');
  expect(d.em.store.ui.listEvents(d.doc, OWNER).pop()!.content).toContain('лист «Журнал напоминаний»: удалены строки');
  const summary = d.call<{ reminders: { lines: string[] } }>(OWNER, 'getDistrictSummary', '2023-11');
  expect(summary.reminders.lines.join(' ')).toContain('из листа «Журнал напоминаний» удалены строки');
  d.call(OWNER, 'setupWorkbook');
  expect(d.em.store.ui.listEvents(d.doc, OWNER).pop()!.content).toContain(
    '«Журнал напоминаний» принят таким, как есть',
  );
  fire(d.em);
  // Accepted as it is: the day's e-mails go out again, as the admin was told.
  expect(d.em.store.mail.sent().length).toBeGreaterThan(sent);
});
