// Coordinators submitting at the same moment, each call its own parallel execution (worker thread)
// against one workbook: nothing lost, nothing doubled, versions in order, the audit chain intact.
import { EXTRA } from '../../support/bigDistrict';
import { COORD_A, OWNER, runParallel } from '../../support/district';
import {
  expectAllOk,
  integrityReport,
  INTACT,
  ORGS,
  reportFor,
  storedReports,
  submissionAudits,
  submissionKey,
  tenOrganisations,
} from './concurrencySupport';

// Thirty executions in worker threads on a 2-core machine shared with other jobs: the default 30 s
// is a wall-clock guess, not a property of the add-on.
jest.setTimeout(180_000);

interface Submitted {
  version: number;
  duplicate: boolean;
}

test('ten coordinators submit at the same moment, then each sends two new versions at once', async () => {
  const d = tenOrganisations();
  const first = await runParallel(
    d,
    ORGS.map((o) => ({
      user: o.coordinator,
      fn: 'submitReport',
      args: [reportFor(o, '2023-11'), submissionKey(o.id, 1)],
    })),
  );
  expectAllOk(first);
  expect(first.map((r) => (r.value as Submitted).version)).toEqual(ORGS.map(() => 1));
  // That the executions overlap (one waits for another's lock) is checked by order of lock events
  // in test/dev/emulator/parallel.test.ts; here, what matters is that nothing is lost or doubled.

  const second = await runParallel(
    d,
    ORGS.flatMap((o) =>
      [2, 3].map((n) => ({
        user: o.coordinator,
        fn: 'submitReport',
        args: [reportFor(o, '2023-11', n), submissionKey(o.id, n)],
      })),
    ),
  );
  expectAllOk(second);
  for (let i = 0; i < ORGS.length; i++) {
    expect(
      [(second[2 * i]!.value as Submitted).version, (second[2 * i + 1]!.value as Submitted).version].sort(),
    ).toEqual([2, 3]);
    expect(second.slice(2 * i, 2 * i + 2).every((r) => !(r.value as Submitted).duplicate)).toBe(true);
  }

  const rows = storedReports(d);
  expect(rows).toHaveLength(ORGS.length * 3);
  for (const o of ORGS) {
    const mine = rows.filter((r) => r.orgId === o.id);
    expect(mine.map((r) => r.version).sort()).toEqual([1, 2, 3]);
    expect(new Set(mine.map((r) => r.key))).toEqual(new Set([1, 2, 3].map((n) => submissionKey(o.id, n))));
    expect(mine.every((r) => r.submittedBy === o.coordinator && r.period === 'ноябрь 2023')).toBe(true);
  }
  // Each stored version was written with the version number its own answer gave.
  for (const [i, o] of ORGS.entries()) {
    for (const n of [2, 3]) {
      const answer = (second[2 * i + n - 2]!.value as Submitted).version;
      expect(rows.find((r) => r.key === submissionKey(o.id, n))!.version).toBe(answer);
    }
  }
  expect(submissionAudits(d)).toHaveLength(ORGS.length * 3);
  expect(integrityReport(d)).toContain(INTACT);
});

test('the same submission sent from two tabs at once stores one version', async () => {
  const d = tenOrganisations();
  const report = reportFor(ORGS[0]!, '2023-11');
  const key = submissionKey('two-tabs', 1);
  const results = await runParallel(
    d,
    [0, 1].map(() => ({ user: COORD_A, fn: 'submitReport', args: [report, key] })),
  );
  expectAllOk(results);
  const answers = results.map((r) => r.value as Submitted);
  expect(answers.map((a) => a.version)).toEqual([1, 1]);
  expect(answers.map((a) => a.duplicate).sort()).toEqual([false, true]);
  expect(storedReports(d).filter((r) => r.key === key)).toHaveLength(1);
  expect(submissionAudits(d)).toHaveLength(1);
  expect(integrityReport(d)).toContain(INTACT);
});

test('an admin adds an organisation and reviews while coordinators submit: every write lands, the chain holds', async () => {
  const d = tenOrganisations();
  const extra = EXTRA[8]!;
  const results = await runParallel(d, [
    ...ORGS.slice(0, 5).map((o) => ({
      user: o.coordinator,
      fn: 'submitReport',
      args: [reportFor(o, '2023-11'), submissionKey(o.id, 'adm')],
    })),
    {
      user: OWNER,
      fn: 'saveOrganisation',
      args: [
        {
          id: extra.id,
          name: extra.name,
          type: extra.type,
          coordinatorName: 'Координатор 11',
          coordinatorPosition: 'директор',
          coordinatorEmails: extra.coordinator,
          coordinatorPhone: '',
          appointmentOrderNumber: '',
          appointmentOrderDate: '',
          orderCopyReceived: '',
        },
        true,
      ],
    },
    { user: OWNER, fn: 'reviewReport', args: ['SCH-01', '2023-11', 1, 'accept', ''] },
  ]);
  expectAllOk(results.slice(0, 6));
  expect(storedReports(d)).toHaveLength(5);
  expect((d.sheet('Реестр организаций') as string[][]).slice(1).map((r) => r[0])).toContain(extra.id);
  // The review ran either after SCH-01's submission (accepted) or before it existed (refused, nothing written).
  const review = results[6]!;
  if (!review.ok) expect(review.error!.message).not.toMatch(/lock|unlocked/i);
  expect(integrityReport(d)).toContain(INTACT);
});
