// Bench (4): one daily reminder run for 500 organisations — spreadsheet calls, e-mails composed and
// an estimate of its Apps Script run time (the emulator runs far faster than Apps Script does).
import { createEmulator, type Emulator, type ExecutionResult } from '../../src/dev/emulator';
import { startOfMoscowDay } from '../../src/domain/calendar';
import { dueDate } from '../../src/domain/deadline';
import { ledgerTexts } from '../../src/domain/messages';
import { periodKey } from '../../src/domain/period';
import { planReminders } from '../../src/domain/reminderPlan';
import { LEDGER_LAYOUT } from '../../src/server/storage/ledgerSheet';
import { REPORTS_LAYOUT } from '../../src/server/storage/reportsSheet';
import { generateDistrict } from '../../test/fixtures/district';
import type { BenchSize } from './operations';
import { seedDistrict } from './seed';
import { printTable } from './table';

const OWNER = 'deputy-head@example.org';
const DAY_MS = 86_400_000;
/** Reminders a report got before it was submitted, on average: ledger history for realism. */
const HISTORY_ROWS_PER_REPORT = 3;

export interface ReminderBenchState {
  documentId: string;
  triggerId: string;
  /** Cells the run reads or writes in bulk (reports + ledger + registry), for the estimate. */
  cells: number;
  outstanding: number;
}

/**
 * A seeded district on the deadline day (07:00 MSK) of its last month, about half of which is still
 * outstanding; the ledger holds the history of earlier runs; reminders on; Workspace mail quota.
 */
export function prepareReminderRun(emulator: Emulator, size: BenchSize, quota = 1500): ReminderBenchState {
  const seeded = seedDistrict(emulator, size, OWNER);
  const fixture = generateDistrict({ organisations: size.organisations, months: size.months, seed: 178 });
  const last = fixture.periods[fixture.periods.length - 1]!;
  const now = startOfMoscowDay(dueDate(last, fixture.settings.deadlineDay)).getTime() + 7 * 3_600_000;
  const settings = { ...fixture.settings, adminEmails: [] };
  const states = fixture.reports.map((r) => ({ orgId: r.orgId, period: r.period, version: r.version, state: r.state, reviewedAt: null }));
  const yesterday = planReminders({ asOf: new Date(now - DAY_MS), settings, owner: OWNER, organisations: fixture.organisations, reports: states, sentIds: new Set() });
  const at = new Date(now - DAY_MS);
  const row = (id: string, orgId: string, period: string): unknown[] => [orgId, period, 'история', 'c@example.org', at, ledgerTexts.sent, id];
  const rows = yesterday.due.map((r) => row(r.id, r.orgId, r.period));
  for (const period of fixture.periods.slice(0, -1)) {
    for (const org of fixture.organisations) {
      for (let k = 0; k < HISTORY_ROWS_PER_REPORT; k++) rows.push(row(`${org.id}|${periodKey(period)}|v0|h${k}`, org.id, periodKey(period)));
    }
  }
  const writer = createEmulator({
    store: emulator.store,
    code: `function write(rows) { var s = SpreadsheetApp.getActive().getSheetByName('${LEDGER_LAYOUT.sheetName}');
      if (rows.length) { s.insertRowsAfter(s.getMaxRows(), rows.length); s.getRange(2, 1, rows.length, rows[0].length).setValues(rows); } }`,
  });
  const written = writer.run('write', [rows], { user: OWNER, documentId: seeded.documentId });
  if (!written.ok) throw new Error('ledger history: ' + written.error?.message);
  emulator.setNow(now);
  emulator.store.mail.setDailyLimit(quota);
  const enabled = emulator.run('enableReminders', [], { user: OWNER, documentId: seeded.documentId });
  if (!enabled.ok) throw new Error('enableReminders: ' + enabled.error?.message);
  const trigger = emulator.store.triggers.list().find((t) => t.handler === 'runDailyReminders');
  if (!trigger) throw new Error('no reminder trigger');
  const latest = new Map(fixture.reports.map((r) => [r.orgId + '|' + r.period, r]));
  const outstanding = fixture.organisations.filter((o) => latest.get(o.id + '|' + periodKey(last))?.state !== 'submitted' && latest.get(o.id + '|' + periodKey(last))?.state !== 'accepted').length;
  const cells = fixture.reports.length * REPORTS_LAYOUT.columns.length + rows.length * LEDGER_LAYOUT.columns.length + fixture.organisations.length * 11;
  return { documentId: seeded.documentId, triggerId: trigger.id, cells, outstanding };
}

/** The daily trigger firing once. */
export function runReminderTrigger(emulator: Emulator, state: ReminderBenchState): ExecutionResult {
  return emulator.runTrigger(state.triggerId);
}

/**
 * The estimate's assumptions (Apps Script publishes no figures; these are typical observed ones):
 * a spreadsheet call ~100 ms plus ~15 µs per cell moved; MailApp.sendEmail ~250 ms; any other
 * service call ~50 ms; script CPU = the emulated execution's Node time × 5 (Apps Script's V8 is
 * slower than a workstation, and this time also includes the emulated spreadsheet itself).
 */
export const ESTIMATE = { perSpreadsheetCallMs: 100, perCellMs: 0.015, perMailMs: 250, perOtherCallMs: 50, cpuFactor: 5 };

export function estimateMs(result: ExecutionResult, cells: number): { total: number; parts: string } {
  const mails = result.calls['MailApp.sendEmail'] ?? 0;
  const other = result.totalCalls - result.spreadsheetCalls - mails;
  const sheet = result.spreadsheetCalls * ESTIMATE.perSpreadsheetCallMs + cells * ESTIMATE.perCellMs;
  const mail = mails * ESTIMATE.perMailMs;
  const calls = other * ESTIMATE.perOtherCallMs;
  const cpu = result.durationMs * ESTIMATE.cpuFactor;
  const s = (x: number): string => (x / 1000).toFixed(1);
  return { total: sheet + mail + calls + cpu, parts: `sheet ${s(sheet)} + mail ${s(mail)} + other ${s(calls)} + cpu ${s(cpu)}` };
}

export function benchReminders(): void {
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const [months, quota] of [[12, 1500], [36, 1500], [36, 100]] as const) {
    const em = createEmulator({ now: Date.UTC(2025, 0, 10, 9) });
    try {
      const state = prepareReminderRun(em, { organisations: 500, months }, quota);
      const result = runReminderTrigger(em, state);
      if (!result.ok) throw new Error(result.error?.message);
      const run = JSON.parse(em.store.properties.get('document:' + state.documentId, 'reminders.lastRun') ?? '{}') as { sent?: number; deferred?: number };
      const estimate = estimateMs(result, state.cells);
      rows.push([
        `500 × ${months}, quota ${quota}`, String(state.outstanding), String(result.spreadsheetCalls), String(result.calls['MailApp.sendEmail'] ?? 0),
        String(run.deferred ?? 0), String(result.totalCalls), (result.durationMs / 1000).toFixed(1), (estimate.total / 1000).toFixed(0), estimate.parts,
      ]);
    } catch (e) {
      notes.push(`500 × ${months}: ${(e as Error).message}`);
    }
  }
  printTable(
    '4. One daily reminder run (deadline day of the last month, 07:00 MSK)',
    ['workbook', 'owing', 'sheet calls', 'e-mails', 'deferred', 'all calls', 'node s', 'est. s', 'estimate = (seconds)'],
    rows,
    [
      'owing = organisations whose last month is not submitted; e-mails = MailApp.sendEmail calls (each composed e-mail is sent; the rest wait for the next day).',
      `est. = sheet calls × ${ESTIMATE.perSpreadsheetCallMs} ms + cells moved × ${ESTIMATE.perCellMs * 1000} µs + e-mails × ${ESTIMATE.perMailMs} ms ` +
        `+ other service calls × ${ESTIMATE.perOtherCallMs} ms + Node time × ${ESTIMATE.cpuFactor}. Apps Script's limit is 360 s; the run stops sending at 270 s and leaves the rest due.`,
      ...notes,
    ],
  );
}
