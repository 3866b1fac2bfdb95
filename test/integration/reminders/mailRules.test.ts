// E-mail rules through the built bundle: a return notice carries the spreadsheet's link and the
// deadline; one e-mail per organisation a day across «напомнить сейчас» and the daily trigger.
import { COORD_A, COORD_B, KINDERGARTEN, OWNER, SCHOOL } from '../../support/district';
import { fire, line, mailsSince, msk, remindersDistrict, submit, withReminderApi } from './reminderSupport';

test('a return notice links the spreadsheet and names the deadline (and says when it has passed)', () => {
  const d = remindersDistrict('15.12.2023');
  submit(d, COORD_A, SCHOOL.id, '2023-11');
  d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'return', 'Проверьте число педагогов.');
  const mail = d.em.store.mail.sent().find((m) => m.subject.includes('возвращён'))!;
  for (const text of [mail.body, mail.htmlBody!]) {
    expect(text).toContain(`https://docs.google.com/spreadsheets/d/${d.doc}/edit`);
    expect(text).toContain('Срок сдачи отчёта — 30.12.2023 (п. 3.3 приказа № 178).');
  }
  // Returned after its deadline: the notice says the deadline has passed.
  d.em.setNow(msk('05.01.2024', 12));
  submit(d, COORD_B, KINDERGARTEN.id, '2023-11', {
    pupilsTotal: null,
    pupilsConnected: null,
    pupilChats: null,
    mySchoolTeachers: null,
  });
  d.call(OWNER, 'reviewReport', KINDERGARTEN.id, '2023-11', 1, 'return', 'Нет пояснения.');
  const late = d.em.store.mail.sent().filter((m) => m.to.includes(COORD_B) && m.subject.includes('возвращён'));
  expect(late[0]!.body).toContain('30.12.2023 (п. 3.3 приказа № 178) — уже прошёл: исправьте отчёт как можно скорее.');
});

test('«напомнить сейчас» in the morning and the trigger the same day: one e-mail to the organisation', () => {
  const d = remindersDistrict('15.12.2023');
  const api = withReminderApi(d);
  d.em.setNow(msk('23.12.2023', 6));
  const manual = api.runFromClient<{ sent: number }>('remindNow', [[KINDERGARTEN.id]], {
    user: OWNER,
    documentId: d.doc,
  });
  expect(manual.value?.sent).toBe(1);
  const before = d.em.store.mail.sent().length;
  d.em.setNow(msk('23.12.2023', 7));
  fire(d.em);
  // The school gets its 7-days reminder; the kindergarten, reminded at 06:00, nothing more today…
  expect(mailsSince(d.em, before).map(line)).toEqual([
    `${COORD_A} → Осталось 7 дней: сдать отчёт за ноябрь 2023 — ${SCHOOL.name}`,
  ]);
  // …and its scheduled reminder goes the next day.
  const next = d.em.store.mail.sent().length;
  d.em.setNow(msk('24.12.2023', 7));
  fire(d.em);
  expect(mailsSince(d.em, next).map(line)).toEqual([
    `${COORD_B} → Осталось 6 дней: сдать отчёт за ноябрь 2023 — ${KINDERGARTEN.name}`,
  ]);
  // The other way round: after the trigger's e-mail, «напомнить сейчас» the same day sends nothing.
  d.em.setNow(msk('24.12.2023', 12));
  const again = api.runFromClient<{ sent: number; message: string }>('remindNow', [[KINDERGARTEN.id]], {
    user: OWNER,
    documentId: d.doc,
  });
  expect(again.value).toMatchObject({ sent: 0 });
  expect(again.value?.message).toContain('Сегодня уже напоминали 1 организации');
});
