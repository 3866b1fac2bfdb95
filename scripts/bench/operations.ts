// The server operations whose spreadsheet calls `npm run bench` counts per workbook size (SPEC §9: constant).
// Add one entry per server operation: prepare() builds the workbook (not counted), run() is the one execution.
import type { Emulator, ExecutionResult } from '../../src/dev/emulator';
import { prepareReminderRun, runReminderTrigger } from './reminders';
import { seedDistrict } from '../../src/dev/district/seed';

/** A workbook size: organisations in the registry × months of reports. */
export interface BenchSize {
  organisations: number;
  months: number;
}

export interface BenchOperation<S = unknown> {
  name: string;
  /** Builds the state to run against in a fresh emulator; returns what run() needs (ids, users). */
  prepare(emulator: Emulator, size: BenchSize): S;
  /** One execution of the operation; its `spreadsheetCalls` is what the bench prints. */
  run(emulator: Emulator, state: S): ExecutionResult;
  /**
   * Run again on the same workbook, it does the same work (a view; the district report, whose
   * repeat replaces its own sheet): the bench takes its add-on CPU as the median of REPEATS runs.
   */
  repeatable?: boolean;
  /** The fewest months of reports a workbook needs for this case (a month before the open one: 2). */
  minMonths?: number;
}

/** Keeps `prepare` and `run` agreeing on the state type while the list stays uniform. */
export const defineOperation = <S>(op: BenchOperation<S>): BenchOperation => op as BenchOperation;

export const OWNER = 'deputy-head@example.org';

/**
 * A seeded district as it runs: reminders on, and the hourly run of 03:00 Moscow time (before the
 * e-mails' hour: it only keeps «Сегодня» and checks the change log) done, so the summary shows its
 * check instead of reading the log.
 */
function withRemindersOn(emulator: Emulator, size: BenchSize): { documentId: string; asOf: Date } {
  const seeded = seedDistrict(emulator, size, OWNER);
  const enabled = emulator.run('enableReminders', [], { user: OWNER, documentId: seeded.documentId });
  if (!enabled.ok) throw new Error('enableReminders: ' + enabled.error?.message);
  const trigger = emulator.store.triggers.list().find((t) => t.handler === 'runDailyReminders');
  if (!trigger) throw new Error('no reminder trigger');
  const now = emulator.now();
  const moscowMidnight = now - ((now + 3 * 3_600_000) % 86_400_000);
  emulator.setNow(moscowMidnight + 3 * 3_600_000);
  const fired = emulator.runTrigger(trigger.id);
  emulator.setNow(now);
  if (!fired.ok) throw new Error('runDailyReminders: ' + fired.error?.message);
  return seeded;
}

export const operations: BenchOperation[] = [
  defineOperation({
    name: 'onOpen (LIMITED, owner, empty spreadsheet)',
    repeatable: true,
    prepare: (emulator) => ({ documentId: emulator.createSpreadsheet({ name: 'Мониторинг Сферума', owner: OWNER }) }),
    run: (emulator, { documentId }) =>
      emulator.run('onOpen', [{ authMode: 'LIMITED' }], { user: OWNER, documentId, authMode: 'LIMITED' }),
  }),
  defineOperation({
    name: 'onOpen (LIMITED, coordinator, set-up workbook)',
    repeatable: true,
    prepare: (emulator, size) => seedDistrict(emulator, size, OWNER),
    run: (emulator, d) =>
      emulator.run('onOpen', [{ authMode: 'LIMITED' }], {
        user: d.coordinator,
        documentId: d.documentId,
        authMode: 'LIMITED',
      }),
  }),
  defineOperation({
    name: 'getReportForm (coordinator opens the sidebar)',
    repeatable: true,
    prepare: (emulator, size) => seedDistrict(emulator, size, OWNER),
    run: (emulator, d) =>
      emulator.runFromClient('getReportForm', [null, null], { user: d.coordinator, documentId: d.documentId }),
  }),
  defineOperation({
    name: 'submitReport (coordinator, under the lock)',
    prepare: (emulator, size) => seedDistrict(emulator, size, OWNER),
    run: (emulator, d) =>
      emulator.runFromClient('submitReport', [benchReport(d.orgId, d.asOf), 'bench-submit-0001'], {
        user: d.coordinator,
        documentId: d.documentId,
      }),
  }),
  defineOperation({
    name: 'reviewReport (admin accepts)',
    prepare: (emulator, size) => seedDistrict(emulator, size, OWNER),
    run: (emulator, d) =>
      emulator.runFromClient(
        'reviewReport',
        [d.orgId, d.reviewable?.period ?? '', d.reviewable?.version ?? 1, 'accept', ''],
        { user: OWNER, documentId: d.documentId },
      ),
  }),
  defineOperation({
    name: 'setupWorkbook (second run: nothing to change)',
    prepare: (emulator, size) => seedDistrict(emulator, size, OWNER),
    run: (emulator, d) => emulator.run('setupWorkbook', [], { user: OWNER, documentId: d.documentId }),
  }),
  defineOperation({
    name: 'checkIntegrity (admin: every row and the audit chain)',
    prepare: (emulator, size) => seedDistrict(emulator, size, OWNER),
    run: (emulator, d) => emulator.run('checkIntegrity', [], { user: OWNER, documentId: d.documentId }),
  }),
  defineOperation({
    name: 'runDailyReminders (trigger, deadline day)',
    prepare: (emulator, size) => prepareReminderRun(emulator, size),
    run: (emulator, state) => runReminderTrigger(emulator, state),
  }),
  defineOperation({
    name: 'getDistrictSummary (admin opens «Сводка по округу»)',
    repeatable: true,
    prepare: (emulator, size) => withRemindersOn(emulator, size),
    run: (emulator, d) =>
      emulator.runFromClient('getDistrictSummary', [null], { user: OWNER, documentId: d.documentId }),
  }),
  defineOperation({
    name: 'getDistrictSummary (admin, a month every organisation reported)',
    repeatable: true,
    minMonths: 2,
    prepare: (emulator, size) => withRemindersOn(emulator, size),
    run: (emulator, d) =>
      emulator.runFromClient('getDistrictSummary', [monthBefore(d.asOf, 2)], {
        user: OWNER,
        documentId: d.documentId,
      }),
  }),
  defineOperation({
    name: 'getSetupChecklist (admin opens the checklist tab)',
    repeatable: true,
    prepare: (emulator, size) => seedDistrict(emulator, size, OWNER),
    run: (emulator, d) => emulator.runFromClient('getSetupChecklist', [], { user: OWNER, documentId: d.documentId }),
  }),
  defineOperation({
    name: 'generateDistrictReport (admin, printable sheet + chart, the open month)',
    repeatable: true,
    prepare: (emulator, size) => seedDistrict(emulator, size, OWNER),
    run: (emulator, d) =>
      emulator.runFromClient('generateDistrictReport', [''], { user: OWNER, documentId: d.documentId }),
  }),
  // The deputy head forms the report after the deadline: the month before the open one, which every
  // organisation reported (the most rows read and the longest table).
  defineOperation({
    name: 'generateDistrictReport (admin, a month every organisation reported)',
    repeatable: true,
    minMonths: 2,
    prepare: (emulator, size) => seedDistrict(emulator, size, OWNER),
    run: (emulator, d) =>
      emulator.runFromClient('generateDistrictReport', [monthBefore(d.asOf, 2)], {
        user: OWNER,
        documentId: d.documentId,
      }),
  }),
];

/** 'ГГГГ-ММ' of the month `back` months before `asOf`'s. */
function monthBefore(asOf: Date, back: number): string {
  const d = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - back, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A valid report for the month before `asOf` (the one the seeded district has open). */
function benchReport(orgId: string, asOf: Date): Record<string, unknown> {
  return {
    orgId,
    period: monthBefore(asOf, 1),
    teachersTotal: 30,
    teachersConnected: 30,
    pupilsTotal: 300,
    pupilsConnected: 290,
    parentsTotal: 400,
    parentsConnected: 300,
    groupsTotal: 12,
    groupsInSferum: 12,
    staffChat: true,
    pupilChats: 12,
    parentChats: 12,
    teachersMeetingMinimum: 25,
    teacherMessages: null,
    teacherCalls: null,
    mySchoolTeachers: 28,
    noForeignMessengers: true,
    foreignMessengersExplanation: '',
    comment: '',
  };
}
