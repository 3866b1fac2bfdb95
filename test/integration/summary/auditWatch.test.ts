// The change log's chain is checked by the hourly reminder run, not by the summary: the summary
// reads no audit rows and shows what the run found; with reminders off it checks the new rows itself.
import type { District } from '../../support/district';
import { handEdit, kindergartenReport, schoolReport, COORD_A, COORD_B, OWNER } from '../../support/district';
import { fire, msk, remindersDistrict } from '../reminders/reminderSupport';

const AUDIT = 'Журнал изменений';
const broken = (row: number) => `лист «Журнал изменений»: цепочка записей нарушена начиная со строки ${row}`;

/** A cell of the audit's «Пользователь» column typed over by hand. */
const editAuditRow = (d: District, row: number) =>
  handEdit(d, OWNER, `ss.getSheetByName('${AUDIT}').getRange(${row}, 2).setValue('someone@example.com');`);

const summary = (d: District) => {
  const r = d.run<{ integrity: string[] }>(OWNER, 'getDistrictSummary', '2023-11');
  if (!r.ok) throw new Error(r.error?.message);
  return { integrity: r.value!.integrity.join('\n'), auditCellsRead: r.cells?.[AUDIT]?.read ?? 0 };
};

describe.each(['bound', 'addon'] as const)('deployed %s', (profile) => {
  test('an audit row edited by hand is found by the next reminder run and shown by the summary', () => {
    const d = remindersDistrict('15.12.2023', profile);
    d.call(COORD_A, 'submitReport', schoolReport(), 'watch-school-1');
    d.em.setNow(msk('15.12.2023', 13));
    fire(d.em);
    expect(summary(d)).toEqual({ integrity: '', auditCellsRead: 0 });
    // A row written after the run's check, then changed by hand: unseen until the next run.
    d.call(COORD_B, 'submitReport', kindergartenReport('2023-11'), 'watch-kg-1');
    const row = d.sheet(AUDIT).length;
    editAuditRow(d, row);
    expect(summary(d).integrity).not.toContain('Журнал изменений');
    d.em.setNow(msk('15.12.2023', 14));
    fire(d.em);
    expect(summary(d)).toEqual({ integrity: expect.stringContaining(broken(row)), auditCellsRead: 0 });
  });
});

test('with reminders off the summary checks the rows added since its last check itself', () => {
  const d = remindersDistrict('15.12.2023');
  d.call(OWNER, 'disableReminders');
  d.call(COORD_A, 'submitReport', schoolReport(), 'watch-off-1');
  expect(summary(d).integrity).toBe('');
  d.call(COORD_B, 'submitReport', kindergartenReport('2023-11'), 'watch-off-2');
  const row = d.sheet(AUDIT).length;
  editAuditRow(d, row);
  const seen = summary(d);
  expect(seen.integrity).toContain(broken(row));
  expect(seen.auditCellsRead).toBeGreaterThan(0);
});
