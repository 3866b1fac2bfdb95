// Returning a report e-mails the coordinator; when the daily quota is spent the notice waits.
import { district, schoolReport, COORD_A, OWNER, SCHOOL } from '../../support/district';
import type { DistrictSummaryView } from '../../../src/contract/summary';

const REASON = 'Не сходится число <script>alert(1)</script> педагогов & классов';

test('a return e-mails the coordinator the reason, escaped in HTML; an acceptance sends nothing', () => {
  const d = district();
  d.call(COORD_A, 'submitReport', schoolReport(), 'submission-rn01');
  d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'return', REASON);
  const sent = d.em.store.mail.sent();
  expect(sent).toHaveLength(1);
  const mail = sent[0]!;
  expect(mail.to).toEqual([COORD_A]);
  expect(mail.subject).toBe('Отчёт за ноябрь 2023 возвращён на доработку');
  expect(mail.body).toContain(REASON);
  expect(mail.body).toContain('МБОУ «Лесная средняя школа»');
  // The name carries its own quotes: no «МБОУ «…»» around it.
  expect(mail.body).toContain('вернул на доработку отчёт за ноябрь 2023 — МБОУ «Лесная средняя школа».');
  expect(mail.htmlBody).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(mail.htmlBody).not.toContain('<script>');
  expect(d.sheet('Журнал изменений').map((r) => r[2])).toContain('Отчёт возвращён');
  d.call(COORD_A, 'submitReport', schoolReport(), 'submission-rn02');
  d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 2, 'accept', '');
  expect(d.em.store.mail.sent()).toHaveLength(1);
});

test('with no mail quota left the notice is kept, shown in the summary, and sent the next day', () => {
  const d = district();
  d.em.store.mail.setDailyLimit(0);
  d.call(COORD_A, 'submitReport', schoolReport(), 'submission-rn03');
  d.call(OWNER, 'reviewReport', SCHOOL.id, '2023-11', 1, 'return', 'Уточните охват родителей.');
  expect(d.em.store.mail.sent()).toHaveLength(0);
  expect(d.call<DistrictSummaryView>(OWNER, 'getDistrictSummary', null).pendingNotices).toBe(1);
  expect(d.call<{ sent: number; left: number; message: string }>(OWNER, 'sendReturnNotices')).toMatchObject({
    sent: 0,
    left: 1,
  });
  d.em.store.mail.setDailyLimit(100);
  const result = d.call<{ sent: number; left: number; message: string }>(OWNER, 'sendReturnNotices');
  expect(result).toMatchObject({ sent: 1, left: 0, message: 'Отправлено уведомлений: 1.' });
  expect(d.em.store.mail.sent()[0]!.body).toContain('Уточните охват родителей.');
  expect(d.call<DistrictSummaryView>(OWNER, 'getDistrictSummary', null).pendingNotices).toBe(0);
});
