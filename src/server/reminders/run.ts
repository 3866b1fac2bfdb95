// One reminder run (daily or «напомнить сейчас»): read once and claim under the document lock, send
// without holding it, settle the claims under the lock again. A constant number of spreadsheet calls.
import { ledgerTexts, serverErrors, storedStateLabels } from '../../domain/messages';
import {
  fitQuota,
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
import { UserError } from '../api/errors';
import { composeDigest, composeMonthList, composeReminder, type ReminderContext } from '../mail/reminderMail';
import { remainingQuota, sendMail, type Mail } from '../mail/send';
import { appendClaims, blockingEntries, readLedger, settleClaims, type LedgerClaim } from '../storage/ledgerSheet';
import { readAnchors } from '../storage/anchors';
import { REPORTS_LAYOUT } from '../storage/reportsSheet';
import { readTable, requireSheet, type TableLayout } from '../storage/table';
import { openWorkbook } from '../workbook/workbook';
import { kindLabel } from './kinds';

/** Apps Script stops an execution at 6 minutes; stop sending well before, the rest waits a day. */
export const SEND_BUDGET_MS = 4.5 * 60 * 1000;
/** A claim older than this was left by a run that died (no execution lives longer than 6 minutes). */
const STALE_CLAIM_MS = 10 * 60 * 1000;

export type RunMode = { kind: 'daily' } | { kind: 'manual'; orgIds: readonly string[] };

/** What one run did. */
export interface RunSummary {
  sent: number;
  /** Did not fit today's quota: still due. */
  deferred: number;
  /** Claimed but not sent because the time budget ran out: still due. */
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
}

function readReportStates(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ReportStateRow[] {
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

/** Runs `fn` holding the document lock (waiting up to `waitMs`); null when the lock stays busy. */
function underLock<T>(waitMs: number, fn: () => T): { value: T } | null {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(waitMs)) return null;
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
  key: string;
  claimed: Claimed[];
  firstRow: number;
  summary: RunSummary;
}

/** Phase 1, under the lock: read, plan, fit the quota, compose, claim in the ledger. */
function prepare(mode: RunMode, now: Date): Prepared {
  const wb = openWorkbook();
  if (mode.kind === 'manual') requireAdmin(wb.caller);
  const states = readReportStates(wb.ss);
  const ledger = readLedger(wb.ss, wb.key);
  // Rows deleted from the ledger would make today's e-mails go out again: send nothing instead.
  const anchored = readAnchors()?.ledger?.rows ?? 0;
  if (anchored > Math.max(0, ...ledger.map((e) => e.row - 1))) throw new UserError(serverErrors.ledgerTampered);
  const organisations = wb.registry.map((e) => e.organisation);
  const blocking = blockingEntries(ledger);
  const input: PlanInput = {
    asOf: now,
    settings: wb.settings,
    owner: wb.owner,
    organisations,
    reports: states,
    sentIds: new Set(blocking.map((e) => e.id)),
    lastOverdueDay: lastOverdueDays(blocking),
  };
  const plan =
    mode.kind === 'manual' ? planManualReminders(input, mode.orgIds) : { ...planReminders(input), upToDate: [] };
  const { send, deferred } = fitQuota(plan.due, remainingQuota());
  const ctx: ReminderContext = {
    url: wb.ss.getUrl(),
    spreadsheetName: wb.ss.getName(),
    deadlineDay: wb.settings.deadlineDay,
    overdueRepeatDays: wb.settings.overdueRepeatDays,
    asOf: now,
    organisations: new Map<string, Organisation>(organisations.map((o) => [o.id, o])),
    returnReasons: returnReasons(states),
  };
  const summary: RunSummary = {
    sent: 0,
    deferred: deferred.length,
    timeUp: 0,
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
  return { ss: wb.ss, key: wb.key, claimed, firstRow, summary };
}

/** Phase 2, without the lock: send each claimed e-mail; one failure does not stop the others. */
function sendClaimed(prepared: Prepared, started: number): string[] {
  const { summary } = prepared;
  return prepared.claimed.map(({ reminder, mail }) => {
    if (Date.now() - started > SEND_BUDGET_MS) {
      summary.timeUp++;
      return ledgerTexts.deferred;
    }
    try {
      if (!sendMail(mail)) {
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
 * @returns what was done, or null when the document lock stayed busy (nothing sent)
 * @throws UserError for the manual run when the lock is busy, set-up is missing or the caller is no admin
 */
export function runReminders(mode: RunMode, lockWaitMs: number, started: number): RunSummary | null {
  const now = new Date();
  const prepared = underLock(lockWaitMs, () => prepare(mode, now));
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

/** For the manual run: the busy lock as the usual Russian sentence. */
export function requireLock<T>(result: T | null, busyMessage: string): T {
  if (result === null) throw new UserError(busyMessage);
  return result;
}
