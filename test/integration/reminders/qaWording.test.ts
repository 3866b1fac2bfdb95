// What the reminder e-mails tell a coordinator to do, and what they promise about lateness.
import { COORD_A, OWNER, SCHOOL } from '../../support/district';
import { summaryOf } from '../../support/summarySupport';
import { msk, remindersDistrict, submit, fire } from './reminderSupport';

test('a reminder names the menu item that exists («Отчёт организации»), not «Открыть»', () => {
  const d = remindersDistrict('20.12.2023');
  d.em.setNow(msk('23.12.2023'));
  fire(d.em);
  const mail = d.em.store.mail.sent().find((m) => m.to.includes(COORD_A))!;
  expect(mail.body).toContain('«Расширения» → «Отчёты: Сферум и Моя школа» → «Отчёт организации»');
  expect(mail.body).not.toContain('«Открыть»');
  expect(mail.htmlBody).not.toContain('«Открыть»');
});

test('an overdue reminder about a report returned after an on-time submission does not threaten a «late» mark it will not get', () => {
  const d = remindersDistrict('20.12.2023');
  d.em.setNow(msk('23.12.2023', 12));
  submit(d, COORD_A, SCHOOL.id, '2023-11');
  d.em.setNow(msk('26.12.2023', 12));
  d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'return', 'Проверьте число педагогов');
  d.em.setNow(msk('31.12.2023'));
  fire(d.em);
  const mail = d.em.store.mail.sent().find((m) => m.to.includes(COORD_A) && m.subject.startsWith('Просрочено'))!;
  expect(mail.subject).toContain('исправить возвращённый отчёт');
  expect(mail.body).not.toContain('будет отмечен как сданный с опозданием');
  // …and indeed: resubmitted after the deadline, the report still counts as on time (its first version was).
  d.em.setNow(msk('02.01.2024', 12));
  submit(d, COORD_A, SCHOOL.id, '2023-11');
  const view = summaryOf(d, '2023-11');
  expect(view.rows.find((r) => r.orgId === SCHOOL.id)?.status).toBe('on-time');
});
