// One reminder run (daily or «напомнить сейчас»): read once and claim under the document lock, send
// without holding it, settle the claims under the lock again. A constant number of spreadsheet calls.
import { ledgerTexts, serverErrors, storedStateLabels } from '../../domain/messages';
import {
  fitQuota,
  lastMailDays,
  lastOverdueDays,
  latestVersions,
  planManualReminders,
  planReminders,
  type Outstanding,
  type PlannedReminder,
  type PlanInput,
  type ReportVersionState,
} from '../../domain/reminderPlan';
import type { Organisation } from '../../domain/schemas/organisation';
import { REPORT_STATES, type ReportState } from '../../domain/schemas/report';
import { requireAdmin } from '../access/roles';
import { UserError } from '../errors/userError';
import { composeDigest, composeMonthList, composeReminder, type ReminderContext } from '../mail/reminderMail';
import { remainingQuota, sendMail, type Mail, type QuotaCounter } from '../mail/send';
import {
  appendClaims,
  blockingEntries,
  LEDGER_LAYOUT,
  readLedger,
  settleClaims,
  type LedgerClaim,
} from '../storage/ledgerSheet';
import { readAnchors } from '../storage/anchors';
import { readAllMonthEntries } from '../storage/reportIndex';
import { REPORTS_LAYOUT, reportRowCount } from '../storage/reportsSheet';
import { lastRowOf, readColumn, readRows, readTable, requireSheet, type TableLayout } from '../storage/table';
import { lockTaken } from '../workbook/lock';
import { openWorkbook } from '../workbook/workbook';
import { kindLabel } from './kinds';
import { windowDays, WindowedIds, windowStart } from './ledgerWindow';
import { moscowDayNumber } from '../../domain/calendar';

/** Apps Script stops an execution at 6 minutes; stop sending well before, the rest waits for the next run. */
export const SEND_BUDGET_MS = 4.5 * 60 * 1000;
/**
 * What one MailApp.sendEmail is expected to take in Apps Script (docs/performance.md: ~1.2 s reported
 * for a 100 KB e-mail; 1.5 s taken). A run claims only what fits its budget at this pace, so it
 * finishes even where the clock cannot be watched (the emulator's stands still).
 */
export const SEND_ESTIMATE_MS = 1500;
/** A claim older than this was left by a run that died (no execution lives longer than 6 minutes). */
const STALE_CLAIM_MS = 10 * 60 * 1000;

export type RunMode = { kind: 'daily' } | { kind: 'manual'; orgIds: readonly string[] };

/** What one run did. */
export interface RunSummary {
  sent: number;
  /** Did not fit today's quota: still due. */
  deferred: number;
  /** Not sent because the run's time budget ran out: still due, sent first by the next run. */
  timeUp: number;
  failures: { id: string; orgId: string; message: string }[];
  unreachable: Outstanding[];
  /** Claims left «отправляется» by an earlier run that died (never re-sent). */
  unconfirmed: number;
  alreadySent: number;
  /** Manual run: the chosen organisations that owe nothing. */
  upToDate: string[];
  /** Organisation names by code (for the admin's account of the run). */
  names: ReadonlyMap<string, string>;
  /** False when the claims could not be settled (they stay claimed: nothing is sent twice). */
  settled: boolean;
}

/** The report columns the plan needs, read by header in one call (no checksums or validation). */
const REPORT_STATE_LAYOUT: TableLayout = {
  sheetName: REPORTS_LAYOUT.sheetName,
  columns: REPORTS_LAYOUT.columns.filter((c) =>
    ['orgId', 'period', 'version', 'state', 'reviewedAt', 'returnReason'].includes(c.key),
  ),
};
const stateByLabel = new Map<string, ReportState>(REPORT_STATES.map((s) => [storedStateLabels[s], s]));

interface ReportStateRow extends ReportVersionState {
  returnReason: string;
  /** The row of the version (from the index): its reason is read only if an e-mail needs it. */
  row?: number;
}

function readReportStates(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, key: string): ReportStateRow[] {
  return statesFromIndex(ss, key) ?? readAllReportStates(ss);
}

/**
 * The latest version of every organisation's report per month from the index (no report rows),
 * with the reasons of the returned ones read from their rows; null when the index is not current.
 */
function statesFromIndex(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, key: string): ReportStateRow[] | null {
  const months = readAllMonthEntries(ss, key, reportRowCount(ss));
  if (!months) return null;
  const states: ReportStateRow[] = [];
  for (const [period, entries] of months) {
    for (const [orgId, e] of entries) {
      const { version, state, reviewedAt, row } = e;
      states.push({ orgId, period, version, state, reviewedAt, returnReason: '', row });
    }
  }
  return states;
}

/** Up to this many returned reports' rows are read one run at a time; more, the reason column at once. */
const FEW_ROWS = 8;

/**
 * Reads the admin's reasons of the returned reports the e-mails about to be sent mention (rows
 * known from the index, reason not read yet), in a few calls; the digest needs none.
 */
function fillReturnReasons(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  states: readonly ReportStateRow[],
  reasons: Map<string, string>,
  send: readonly PlannedReminder[],
): void {
  const needed = new Set<string>();
  for (const r of send) {
    if (r.kind === 'digest') continue;
    if (r.months.length > 0) {
      for (const m of r.months) if (m.returnedVersion !== null) needed.add(r.orgId + '|' + m.period);
    } else if (r.returnedVersion !== null) needed.add(r.orgId + '|' + r.period);
  }
  const rowOf = new Map<number, string>();
  for (const s of states) {
    const key = s.orgId + '|' + s.period;
    if (s.row !== undefined && s.state === 'returned' && needed.has(key) && reasons.get(key) === '')
      rowOf.set(s.row, key);
  }
  if (rowOf.size === 0) return;
  const sheet = requireSheet(ss, REPORT_STATE_LAYOUT);
  if (rowOf.size > FEW_ROWS) {
    // Rows spread over the months: the one column in two calls rather than a call per few rows.
    const column = readColumn(sheet, REPORT_STATE_LAYOUT, 'returnReason');
    for (const [row, key] of rowOf) reasons.set(key, String(column[row - 2] ?? ''));
    return;
  }
  for (const r of readRows(sheet, REPORT_STATE_LAYOUT, [...rowOf.keys()]))
    reasons.set(rowOf.get(r.row)!, String(r.values.returnReason ?? ''));
}

/** Every version's state columns (an older workbook without a current index). */
function readAllReportStates(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ReportStateRow[] {
  const states: ReportStateRow[] = [];
  for (const r of readTable(requireSheet(ss, REPORT_STATE_LAYOUT), REPORT_STATE_LAYOUT)) {
    const v = r.values;
    const state = stateByLabel.get(String(v.state));
    if (!state || typeof v.version !== 'number') continue;
    states.push({
      orgId: String(v.orgId),
      period: String(v.period),
      version: v.version,
      state,
      reviewedAt: typeof v.reviewedAt === 'string' ? v.reviewedAt : null,
      returnReason: String(v.returnReason ?? ''),
    });
  }
  return states;
}

/** The admin's reason per report whose latest version is returned: key 'orgId|period'. */
function returnReasons(states: readonly ReportStateRow[]): Map<string, string> {
  const reasons = new Map<string, string>();
  for (const [key, s] of latestVersions(states)) if (s.state === 'returned') reasons.set(key, s.returnReason);
  return reasons;
}

/**
 * Runs `fn` holding the script lock (waiting up to `waitMs`); null when the lock stays busy. The
 * script lock, not the document lock: the add-on's time-driven trigger has no document lock
 * (getDocumentLock() is null outside a document's context,
 * https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()), and the
 * manual and the timed runs must exclude each other on the ledger. A user lock would not: it only
 * keeps one user from running twice. The script lock exists in every context ("prevents any user
 * from concurrently running a section of code"); in a bound script it covers this one spreadsheet,
 * in the add-on every district's runs, which hold it only while reading and claiming.
 */
function underLock<T>(waitMs: number, fn: () => T): { value: T } | null {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) return null;
  lockTaken();
  try {
    const value = fn();
    SpreadsheetApp.flush();
    return { value };
  } finally {
    lock.releaseLock();
  }
}

interface Claimed {
  reminder: PlannedReminder;
  mail: Mail;
}

interface Prepared {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  quota: QuotaCounter;
  key: string;
  claimed: Claimed[];
  firstRow: number;
  summary: RunSummary;
}

/** The spreadsheet a run works on and its integrity key, when not the active one (a trigger opened it). */
export interface RunTarget {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  key: string;
}

/**
 * Phase 1, under the lock: read (the ledger's recent window only), plan, fit the quota (read once)
 * and the time budget (most urgent first), compose, claim in the ledger.
 */
function prepare(mode: RunMode, now: Date, started: number, target?: RunTarget): Prepared {
  const wb = openWorkbook(target?.key, target?.ss);
  if (mode.kind === 'manual') requireAdmin(wb.caller);
  const states = readReportStates(wb.ss, wb.key);
  const days = windowDays(wb.settings.overdueRepeatDays);
  const since = windowStart(now, days);
  const ledger = readLedger(wb.ss, wb.key, since);
  // Rows deleted from the ledger would make today's e-mails go out again: send nothing instead.
  // (The whole sheet's last row, not the window's: the window may hold no rows at all.)
  const anchored = readAnchors()?.ledger?.rows ?? 0;
  if (anchored > Math.max(0, lastRowOf(requireSheet(wb.ss, LEDGER_LAYOUT)) - 1))
    throw new UserError(serverErrors.ledgerTampered);
  const organisations = wb.registry.map((e) => e.organisation);
  const blocking = blockingEntries(ledger);
  const input: PlanInput = {
    asOf: now,
    settings: wb.settings,
    owner: wb.owner,
    organisations,
    reports: states,
    sentIds: new WindowedIds(
      blocking.map((e) => e.id),
      moscowDayNumber(new Date(since)),
      wb.settings.deadlineDay,
    ),
    lastOverdueDay: lastOverdueDays(blocking),
    lastMailDay: lastMailDays(blocking),
  };
  const plan =
    mode.kind === 'manual' ? planManualReminders(input, mode.orgIds) : { ...planReminders(input), upToDate: [] };
  const quota: QuotaCounter = { left: remainingQuota() };
  const fitted = fitQuota(plan.due, quota.left);
  const { deferred } = fitted;
  // The run's time budget at the expected pace of sendEmail: what does not fit waits for the next run.
  const room = Math.max(0, Math.floor((SEND_BUDGET_MS - (Date.now() - started)) / SEND_ESTIMATE_MS));
  const send = fitted.send.slice(0, room);
  const reasons = returnReasons(states);
  fillReturnReasons(wb.ss, states, reasons, send);
  const timeUp = fitted.send.length - send.length;
  const ctx: ReminderContext = {
    url: wb.ss.getUrl(),
    spreadsheetName: wb.ss.getName(),
    deadlineDay: wb.settings.deadlineDay,
    overdueRepeatDays: wb.settings.overdueRepeatDays,
    asOf: now,
    organisations: new Map<string, Organisation>(organisations.map((o) => [o.id, o])),
    returnReasons: reasons,
  };
  const summary: RunSummary = {
    sent: 0,
    deferred: deferred.length,
    timeUp,
    failures: [],
    unreachable: plan.unreachable,
    unconfirmed: ledger.filter(
      (e) => e.state === 'sending' && e.sentAt !== null && now.getTime() - Date.parse(e.sentAt) > STALE_CLAIM_MS,
    ).length,
    alreadySent: plan.alreadySent,
    upToDate: plan.upToDate,
    names: new Map(organisations.map((o) => [o.id, o.name])),
    settled: true,
  };
  const claimed: Claimed[] = [];
  for (const reminder of send) {
    try {
      const mail =
        reminder.kind === 'digest'
          ? composeDigest(reminder, { ...ctx, total: organisations.length })
          : reminder.months.length > 0
            ? composeMonthList(reminder, ctx)
            : composeReminder(reminder, ctx);
      claimed.push({ reminder, mail });
    } catch (err) {
      summary.failures.push({
        id: reminder.id,
        orgId: reminder.orgId,
        message: err instanceof Error ? err.message : String(err),
      });
    }
  }
  const at = now.toISOString();
  const claims: LedgerClaim[] = claimed.map(({ reminder: r }) => ({
    id: r.id,
    orgId: r.orgId,
    period: r.period,
    kind: kindLabel(r),
    recipients: r.recipients,
    at,
  }));
  const firstRow = claims.length > 0 ? appendClaims(wb.ss, claims, wb.key) : 0;
  return { ss: wb.ss, quota, key: wb.key, claimed, firstRow, summary };
}

/** Phase 2, without the lock: send each claimed e-mail; one failure does not stop the others. */
function sendClaimed(prepared: Prepared, started: number): string[] {
  const { summary } = prepared;
  return prepared.claimed.map(({ reminder, mail }, i) => {
    // The clock, or the pace expected of the e-mails sent so far, whichever says more.
    if (Math.max(Date.now() - started, i * SEND_ESTIMATE_MS) > SEND_BUDGET_MS) {
      summary.timeUp++;
      return ledgerTexts.deferred;
    }
    try {
      if (!sendMail(mail, prepared.quota)) {
        summary.deferred++;
        return ledgerTexts.deferredQuota;
      }
      summary.sent++;
      return ledgerTexts.sent;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      console.error('reminder ' + reminder.id + ': ' + message);
      summary.failures.push({ id: reminder.id, orgId: reminder.orgId, message });
      return ledgerTexts.failed(message);
    }
  });
}

/**
 * Runs the reminders of `mode`. The lock is held while reading and claiming and again while
 * settling, not while e-mails go out (coordinators can keep submitting).
 * @param lockWaitMs how long to wait for the document lock
 * @param started when the execution started (for the time budget)
 * @param target the spreadsheet and key when there is no active spreadsheet (the add-on's trigger)
 * @returns what was done, or null when the document lock stayed busy (nothing sent)
 * @throws UserError for the manual run when the lock is busy, set-up is missing or the caller is no admin
 */
export function runReminders(
  mode: RunMode,
  lockWaitMs: number,
  started: number,
  target?: RunTarget,
): RunSummary | null {
  const now = new Date();
  const prepared = underLock(lockWaitMs, () => prepare(mode, now, started, target));
  if (!prepared) return null;
  const statuses = sendClaimed(prepared.value, started);
  const { firstRow, claimed, ss, key, summary } = prepared.value;
  if (claimed.length > 0) {
    const settled = underLock(Math.max(lockWaitMs, 30000), () =>
      settleClaims(
        ss,
        firstRow,
        claimed.map((c) => c.reminder.id),
        statuses,
        key,
      ),
    );
    summary.settled = settled?.value === true;
  }
  return summary;
}
