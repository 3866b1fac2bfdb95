// The daily reminder trigger overlapping with coordinators' submissions (and with a second firing
// of itself, as Apps Script may deliver): nothing is sent twice, no submission is lost.
import { OWNER } from '../../support/district';
import { fire, ledgerRows, line, msk, reminderTriggers } from '../reminders/reminderSupport';
import {
  expectAllOk,
  integrityReport,
  INTACT,
  ORGS,
  reportFor,
  storedReports,
  submissionKey,
  tenOrganisations,
} from './concurrencySupport';

test('two firings of the daily run overlapping with five submissions: each reminder once, every submission stored', async () => {
  const d = tenOrganisations(msk('20.12.2023', 12));
  d.call(OWNER, 'enableReminders');
  const trigger = reminderTriggers(d.em)[0]!.id;
  d.em.setNow(msk('27.12.2023')); // 3 days before November's deadline: every organisation is due a reminder
  const submitters = ORGS.filter((_, i) => i % 2 === 0);
  const results = await d.em.runParallel([
    { kind: 'trigger', triggerId: trigger },
    ...submitters.map((o) => ({
      kind: 'client' as const,
      fn: 'submitReport',
      args: [reportFor(o, '2023-11'), submissionKey(o.id, 'rem')],
      as: { user: o.coordinator, documentId: d.doc },
    })),
    { kind: 'trigger', triggerId: trigger },
  ]);
  expectAllOk(results);

  const sent = d.em.store.mail.sent().map(line);
  expect(new Set(sent).size).toBe(sent.length);
  // Everyone who had not submitted got the reminder (once); a submitter got it only if the run planned before the submission.
  const waiting = ORGS.filter((o) => !submitters.includes(o));
  for (const o of waiting)
    expect(sent.filter((l) => l.startsWith(`${o.coordinator} → Осталось 3 дня`))).toHaveLength(1);
  for (const o of submitters)
    expect(sent.filter((l) => l.startsWith(`${o.coordinator} →`)).length).toBeLessThanOrEqual(1);
  // The ledger holds each e-mail once, every one settled as sent.
  const ledger = ledgerRows(d);
  expect(ledger).toHaveLength(sent.length);
  expect(ledger.every((r) => r[5] === 'отправлено')).toBe(true);

  expect(
    storedReports(d)
      .map((r) => r.orgId)
      .sort(),
  ).toEqual(submitters.map((o) => o.id).sort());
  // A later firing the same day finds nothing left to send.
  fire(d.em);
  expect(d.em.store.mail.sent().map(line)).toEqual(sent);
  expect(integrityReport(d)).toContain(INTACT);
});
