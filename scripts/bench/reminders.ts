// Bench (4): one daily reminder run for 500 organisations — spreadsheet calls, e-mails composed and
// an estimate of its Apps Script run time (the emulator runs far faster than Apps Script does).
import { createEmulator, type Emulator, type ExecutionResult } from '../../src/dev/emulator';
import { moscowDayNumber, startOfMoscowDay } from '../../src/domain/calendar';
import { dueDate } from '../../src/domain/deadline';
import { ledgerTexts } from '../../src/domain/messages';
import { nextPeriod, periodKey } from '../../src/domain/period';
import {
  fitQuota,
  isOverdueNoticeId,
  planReminders,
  type ReminderSettings,
  type ReportVersionState,
} from '../../src/domain/reminderPlan';
import { windowDays, windowStart } from '../../src/server/reminders/ledgerWindow';
import { LEDGER_LAYOUT } from '../../src/server/storage/ledgerSheet';
import { generateDistrict } from '../../src/dev/district/generate';
import type { BenchSize } from './operations';
import { seedDistrict } from '../../src/dev/district/seed';
import { COST, figuresOf } from './costModel';
import { printTable } from './table';

const OWNER = 'deputy-head@example.org';
const DAY_MS = 86_400_000;
/** Days of simulated daily runs the plan statistics in the notes cover (the ledger gets them all). */
const STATS_DAYS = 30;

export interface ReminderBenchState {
  documentId: string;
  triggerId: string;
  outstanding: number;
  /** Ledger rows before the run. */
  ledgerRows: number;
  /** The simulated daily runs of the last STATS_DAYS days before this one. */
  history: { sent: number; repeats: number; deferred: number }[];
}

/**
 * The ledger of every daily run from the first reported month to the day before `until`: the pure
 * plan, each report visible from its submission, `quota` recipients a day (what does not fit stays
 * due), one row per e-mail. Overdue notices repeat per organisation counted from its last one, so
 * their days depend on the whole history (a ledger of yesterday alone would put them all on one day).
 */
function simulateLedger(
  fixture: ReturnType<typeof generateDistrict>,
  settings: ReminderSettings,
  until: number,
  quota: number,
) {
  const versions = fixture.reports
    .map((r) => ({
      state: {
        orgId: r.orgId,
        period: r.period,
        version: r.version,
        state: r.state,
        reviewedAt: null,
      } as ReportVersionState,
      at: Date.parse(r.submittedAt),
    }))
    .sort((a, b) => a.at - b.at);
  const visible: ReportVersionState[] = [];
  const sentIds = new Set<string>();
  const lastOverdueDay = new Map<string, number>();
  const rows: unknown[][] = [];
  const history: ReminderBenchState['history'] = [];
  let next = 0;
  for (
    let t = startOfMoscowDay({ ...nextPeriod(fixture.periods[0]!), day: 1 }).getTime() + 7 * 3_600_000;
    t < until;
    t += DAY_MS
  ) {
    while (next < versions.length && versions[next]!.at <= t) visible.push(versions[next++]!.state);
    const asOf = new Date(t);
    const plan = planReminders({
      asOf,
      settings,
      owner: OWNER,
      organisations: fixture.organisations,
      reports: visible,
      sentIds,
      lastOverdueDay,
    });
    const { send, deferred } = fitQuota(plan.due, quota);
    for (const r of send) {
      sentIds.add(r.id);
      if (isOverdueNoticeId(r.id)) lastOverdueDay.set(r.orgId, moscowDayNumber(asOf));
      rows.push([r.orgId, r.period, 'история', r.recipients.join(', '), asOf, ledgerTexts.sent, r.id]);
    }
    if (t >= until - STATS_DAYS * DAY_MS)
      history.push({
        sent: send.length,
        repeats: send.filter((r) => r.kind === 'overdue-repeat').length,
        deferred: deferred.length,
      });
  }
  return { rows, history };
}

/**
 * A seeded district on the deadline day (07:00 MSK) of its last month, about half of which is still
 * outstanding; the ledger holds the simulated history of every earlier daily run; reminders on.
 */
export function prepareReminderRun(emulator: Emulator, size: BenchSize, quota = 1500): ReminderBenchState {
  const seeded = seedDistrict(emulator, size, OWNER);
  const fixture = generateDistrict({ organisations: size.organisations, months: size.months, seed: 178 });
  const last = fixture.periods[fixture.periods.length - 1]!;
  const now = startOfMoscowDay(dueDate(last, fixture.settings.deadlineDay)).getTime() + 7 * 3_600_000;
  const settings = { ...fixture.settings, adminEmails: [] };
  const { rows, history } = simulateLedger(fixture, settings, now, quota);
  const writer = createEmulator({
    store: emulator.store,
    code: `function write(rows) { var s = SpreadsheetApp.getActive().getSheetByName('${LEDGER_LAYOUT.sheetName}');
      if (rows.length) { s.insertRowsAfter(s.getMaxRows(), rows.length); s.getRange(2, 1, rows.length, rows[0].length).setValues(rows); } }`,
  });
  const written = writer.run('write', [rows], { user: OWNER, documentId: seeded.documentId });
  if (!written.ok) throw new Error('ledger history: ' + written.error?.message);
  // Where the previous day's run left the ledger's window (rows are in time order).
  const since = windowStart(new Date(now), windowDays(settings.overdueRepeatDays));
  const firstRecent = rows.findIndex((r) => (r[4] as Date).getTime() >= since);
  emulator.store.properties.write(
    'document:' + seeded.documentId,
    { 'reminders.ledgerFrom': String(2 + (firstRecent < 0 ? rows.length : firstRecent)) },
    false,
    Number.MAX_SAFE_INTEGER,
  );
  emulator.setNow(now);
  emulator.store.mail.setDailyLimit(quota);
  const enabled = emulator.run('enableReminders', [], { user: OWNER, documentId: seeded.documentId });
  if (!enabled.ok) throw new Error('enableReminders: ' + enabled.error?.message);
  const trigger = emulator.store.triggers.list().find((t) => t.handler === 'runDailyReminders');
  if (!trigger) throw new Error('no reminder trigger');
  const latest = new Map(fixture.reports.map((r) => [r.orgId + '|' + r.period, r]));
  const outstanding = fixture.organisations.filter(
    (o) =>
      latest.get(o.id + '|' + periodKey(last))?.state !== 'submitted' &&
      latest.get(o.id + '|' + periodKey(last))?.state !== 'accepted',
  ).length;
  return { documentId: seeded.documentId, triggerId: trigger.id, outstanding, ledgerRows: rows.length, history };
}

/** The ledger's «Вид напоминания» of the rows a run appended after `from` data rows. */
function ledgerKindsAfter(emulator: Emulator, state: ReminderBenchState): string[] {
  const reader = createEmulator({
    store: emulator.store,
    code: `function read(from) { var s = SpreadsheetApp.getActive().getSheetByName('${LEDGER_LAYOUT.sheetName}'); var n = s.getLastRow() - 1 - from;
      return n > 0 ? s.getRange(2 + from, 3, n, 1).getValues().map(function (r) { return String(r[0]); }) : []; }`,
  });
  const r = reader.run<string[]>('read', [state.ledgerRows], { user: OWNER, documentId: state.documentId });
  if (!r.ok) throw new Error('ledger: ' + r.error?.message);
  return r.value!;
}

/** The last run's record: project developer metadata on the spreadsheet (src/server/storage/projectMetadata.ts). */
function lastRunRecord(emulator: Emulator, documentId: string): { sent?: number; deferred?: number } {
  const recorded = Object.values(emulator.store.properties.getAll('developerMetadata:' + documentId))
    .map((json) => JSON.parse(json) as { key: string; value: string | null })
    .find((m) => m.key === 'reminders.lastRun');
  return JSON.parse(recorded?.value ?? '{}') as { sent?: number; deferred?: number };
}

/** The ledger's e-mail ids («Идентификатор») of the rows a run appended after `from` data rows. */
function ledgerIdsAfter(emulator: Emulator, state: ReminderBenchState): string[] {
  const column = LEDGER_LAYOUT.columns.findIndex((c) => c.key === 'id') + 1;
  const reader = createEmulator({
    store: emulator.store,
    code: `function read(from) { var s = SpreadsheetApp.getActive().getSheetByName('${LEDGER_LAYOUT.sheetName}'); var n = s.getLastRow() - 1 - from;
      return n > 0 ? s.getRange(2 + from, ${column}, n, 1).getValues().map(function (r) { return String(r[0]); }) : []; }`,
  });
  const r = reader.run<string[]>('read', [state.ledgerRows], { user: OWNER, documentId: state.documentId });
  if (!r.ok) throw new Error('ledger: ' + r.error?.message);
  return r.value!;
}

/** The daily trigger firing once. */
export function runReminderTrigger(emulator: Emulator, state: ReminderBenchState): ExecutionResult {
  return emulator.runTrigger(state.triggerId);
}

export function benchReminders(): void {
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const [months, quota] of [
    [12, 1500],
    [36, 1500],
    [36, 100],
  ] as const) {
    const em = createEmulator({ now: Date.UTC(2025, 0, 10, 9) });
    try {
      const state = prepareReminderRun(em, { organisations: 500, months }, quota);
      const result = runReminderTrigger(em, state);
      if (!result.ok) throw new Error(result.error?.message);
      const run = lastRunRecord(em, state.documentId);
      const estimate = figuresOf(result);
      const repeats = ledgerKindsAfter(em, state).filter((k) => k.startsWith('просроченные отчёты')).length;
      rows.push([
        `500 × ${months}, quota ${quota}`,
        String(state.outstanding),
        String(result.spreadsheetCalls),
        String(result.calls['MailApp.sendEmail'] ?? 0),
        String(repeats),
        String(run.deferred ?? 0),
        String(result.totalCalls),
        (result.durationMs / 1000).toFixed(1),
        (estimate.estimatedMs / 1000).toFixed(0),
      ]);
      const h = state.history;
      const mean = (f: (d: (typeof h)[number]) => number): string =>
        (h.reduce((a, d) => a + f(d), 0) / Math.max(1, h.length)).toFixed(0);
      notes.push(
        `500 × ${months}, quota ${quota}: the ${h.length} simulated days before — e-mails a day mean ${mean((d) => d.sent)}, max ${Math.max(0, ...h.map((d) => d.sent))}; ` +
          `repeats a day mean ${mean((d) => d.repeats)}, max ${Math.max(0, ...h.map((d) => d.repeats))}; still due at the end of a day mean ${mean((d) => d.deferred)}; ledger ${state.ledgerRows} rows.`,
      );
    } catch (e) {
      notes.push(`500 × ${months}: ${(e as Error).message}`);
    }
  }
  printTable(
    '4. One daily reminder run (deadline day of the last month, 07:00 MSK)',
    ['workbook', 'owing', 'sheet calls', 'e-mails', 'repeats', 'deferred', 'all calls', 'node s', 'est. s'],
    rows,
    [
      'owing = organisations whose last month is not submitted; e-mails = MailApp.sendEmail calls (each composed e-mail is sent; the rest wait for the next day); ' +
        "repeats = of those, organisations' repeated overdue notices (one e-mail listing all their overdue months, at most every overdueRepeatDays).",
      'The ledger holds every earlier daily run, simulated with the pure plan from the first reported month (reports visible from their submission).',
      "est. = docs/performance.md's cost model. Apps Script's limit is 360 s; the run stops sending at 270 s and leaves the rest due.",
      ...notes,
    ],
  );
}

/** The deadline day of 500 organisations × 36 months with hourly runs from 07:00 to 23:00 (Moscow). */
export function reminderSchedule(): {
  orgs: number;
  months: number;
  due: number;
  sentSameDay: number;
  deferred: number;
  sentTwice: number;
} {
  const em = createEmulator({ now: Date.UTC(2025, 0, 10, 9) });
  const size = { organisations: 500, months: 36 };
  const state = prepareReminderRun(em, size, 1500);
  const start = em.store.clock.now();
  const rows: string[][] = [];
  let due = 0;
  let sent = 0;
  let left = 0;
  for (let hour = 0; hour <= 16; hour++) {
    em.setNow(start + hour * 3_600_000);
    const result = runReminderTrigger(em, state);
    if (!result.ok) throw new Error(result.error?.message);
    const run = lastRunRecord(em, state.documentId);
    const mailed = result.calls['MailApp.sendEmail'] ?? 0;
    if (hour === 0) due = mailed + (run.deferred ?? 0);
    sent += mailed;
    left = run.deferred ?? 0;
    const f = figuresOf(result);
    rows.push([
      `${String(7 + hour).padStart(2, '0')}:00`,
      String(mailed),
      String(left),
      String(f.calls),
      String(f.cellsRead),
      (f.estimatedMs / 1000).toFixed(0),
    ]);
    if (left === 0 && hour > 0) break;
  }
  // Nothing twice: every e-mail the day's runs recorded in the ledger has its own id.
  const ids = ledgerIdsAfter(em, state).filter((id) => id !== '');
  const sentTwice = ids.length - new Set(ids).size;
  printTable(
    '5. Deadline day, 500 organisations × 36 months, hourly runs (Workspace quota 1 500 recipients a day)',
    ['run', 'sent', 'still due', 'sheet calls', 'cells read', 'est. s'],
    rows,
    [
      `Each run claims what fits 270 s at ${COST.perMailMs / 1000} s an e-mail, most urgent first; the ledger never sends one twice.`,
      `Due at 07:00: ${due}; sent by the day's runs: ${sent}; ledger ids recorded twice: ${sentTwice}.`,
    ],
  );
  return {
    orgs: size.organisations,
    months: size.months,
    due,
    sentSameDay: sent,
    deferred: Math.max(0, due - sent),
    sentTwice,
  };
}
