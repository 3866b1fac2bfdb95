// The reminder trigger's handler (hourly): finds its spreadsheet — the active one in a bound
// script, or, in the add-on, where its time-driven trigger has no active spreadsheet, no document
// properties and no document lock (src/dev/emulator/profiles.ts), the one recorded for this
// trigger in its owner's user properties, opened by id — checks it is the current trigger and that
// Google needs no new authorisation, keeps «Сегодня» current, runs the reminders under the script
// lock, checks the change log's new rows (auditWatch.ts), and records the outcome on the
// spreadsheet (add-on triggers fail silently).
import { isoDate, moscowToday } from '../../domain/calendar';
import { reminderOutcomes as o } from '../../domain/messages';
import { UserError } from '../errors/userError';
import { composeReauthNotice } from '../mail/reminderMail';
import { sendMail } from '../mail/send';
import { forgetMetadata, readMetadata, writeMetadata } from '../storage/projectMetadata';
import { integrityKey } from '../storage/rowSeal';
import { writeToday } from '../workbook/todayCell';
import { checkAuditInBackground } from './auditWatch';
import { runReminders, type RunSummary, type RunTarget } from './run';
import { readTriggerRecord, recordRun, REMINDER_KEYS, type RunContext, type RunRecord } from './status';
import { deleteReminderTrigger, readTriggerTarget, REMINDER_HOUR } from './trigger';

/** How long a run waits for a user's write to finish before giving up for the hour. */
const DAILY_LOCK_WAIT_MS = 60000;
/** How long a short bookkeeping write (run record, «Сегодня») waits for the script lock. */
const RECORD_LOCK_WAIT_MS = 30000;

interface Located extends RunTarget {
  context: RunContext;
}

/** This execution's spreadsheet and integrity key, or null when the trigger has no record of one. */
function locate(triggerUid: string): Located | null {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  const docProps = PropertiesService.getDocumentProperties();
  const target = triggerUid === '' ? null : readTriggerTarget(triggerUid);
  const context: RunContext = {
    activeSpreadsheet: active !== null,
    documentProperties: docProps !== null,
    lock: 'script',
  };
  if (active) return { ss: active, key: docProps ? integrityKey() : (target?.integrityKey ?? ''), context };
  if (!target) return null;
  return { ss: SpreadsheetApp.openById(target.spreadsheetId), key: target.integrityKey, context };
}

/** Runs `fn` holding the script lock (the one lock every context has; see run.ts); false when busy. */
function withScriptLock(fn: () => void): boolean {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(RECORD_LOCK_WAIT_MS)) return false;
  forgetMetadata();
  try {
    fn();
    SpreadsheetApp.flush();
    return true;
  } finally {
    lock.releaseLock();
  }
}

/** This trigger, looked up among its owner's triggers by id. */
function thisTrigger(triggerUid: string): GoogleAppsScript.Script.Trigger | undefined {
  return ScriptApp.getProjectTriggers().find((t) => t.getUniqueId() === triggerUid);
}

/** A trigger that is no longer the document's current one (disabled, or replaced) deletes itself. */
function isCurrentTrigger(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, triggerUid: string): boolean {
  const record = readTriggerRecord(ss);
  if (record && (triggerUid === '' || record.triggerId === triggerUid)) return true;
  const stale = thisTrigger(triggerUid);
  if (stale) deleteReminderTrigger(stale);
  return false;
}

/** When Google wants new consent: record it, and tell the trigger's owner at most once a day. */
function needsReauthorisation(located: Located, at: string): boolean {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  if (info.getAuthorizationStatus() !== ScriptApp.AuthorizationStatus.REQUIRED) return false;
  const { ss } = located;
  const today = isoDate(moscowToday(new Date()));
  // The trigger's owner, as «Включить напоминания» recorded them (no identity is read in a trigger).
  const owner = readTriggerRecord(ss)?.owner ?? '';
  let error = '';
  if (readMetadata(ss, REMINDER_KEYS.reauthNotified) !== today) {
    try {
      if (sendMail(composeReauthNotice(owner, ss.getName(), info.getAuthorizationUrl() ?? '', ss.getUrl())))
        withScriptLock(() => writeMetadata(ss, REMINDER_KEYS.reauthNotified, today));
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
  }
  const record: RunRecord = { at, outcome: 'reauth', message: o.reauth, error, sent: 0, deferred: 0, failed: 0 };
  withScriptLock(() => recordRun(ss, { ...record, context: located.context }));
  return true;
}

/** The Russian account of a run, and whether it was complete. */
export function describeRun(s: RunSummary): Pick<RunRecord, 'outcome' | 'message' | 'error'> {
  let message = o.ok(s.sent);
  if (s.deferred > 0) message += o.deferred(s.deferred);
  if (s.timeUp > 0) message += o.timeUp(s.timeUp);
  if (s.failures.length > 0)
    message += o.failed(s.failures.length, s.failures.map((f) => (f.orgId || '—') + ': ' + f.message).join('; '));
  if (s.unreachable.length > 0)
    message += o.unreachable(Array.from(new Set(s.unreachable.map((u) => u.orgId))).join(', '));
  if (s.unconfirmed > 0) message += o.unconfirmed(s.unconfirmed);
  const partial = s.deferred + s.timeUp + s.failures.length > 0 || !s.settled;
  return { outcome: partial ? 'partial' : 'ok', message, error: s.failures[0]?.message ?? '' };
}

/** The hour of `instant` on a Moscow clock (Moscow keeps UTC+3 all year). */
const moscowHour = (instant: Date): number => new Date(instant.getTime() + 3 * 3_600_000).getUTCHours();

/**
 * «Сегодня» is a convenience for formulas: a trigger owner who may not edit «Настройки» (an admin
 * added after the last set-up) must still get the reminders out, so a failed write is only logged.
 */
function keepToday(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, now: Date): void {
  try {
    writeToday(ss, now);
  } catch (err) {
    console.warn('runDailyReminders: «Сегодня» not updated: ' + (err instanceof Error ? err.message : String(err)));
  }
}

/**
 * The change log's new rows checked here, where no user waits (the summary shows the outcome); a
 * failure is only logged: the reminders still go out.
 */
function watchAudit(located: Located, now: Date): void {
  try {
    checkAuditInBackground(located.ss, located.key, now);
  } catch (err) {
    console.warn('runDailyReminders: change log not checked: ' + (err instanceof Error ? err.message : String(err)));
  }
}

/** One run on a located spreadsheet: what it did, as recorded. */
function runOn(located: Located, started: number, at: string): RunRecord {
  const now = new Date(started);
  const empty = { error: '', sent: 0, deferred: 0, failed: 0 };
  const kept = withScriptLock(() => {
    keepToday(located.ss, now);
    watchAudit(located, now);
  });
  if (!kept) return { at, outcome: 'busy', message: o.busy, ...empty };
  // Reminders arrive in the working day: the hourly runs before REMINDER_HOUR only keep «Сегодня».
  if (moscowHour(now) < REMINDER_HOUR) return { at, outcome: 'ok', message: o.ok(0), ...empty };
  const summary = runReminders({ kind: 'daily' }, DAILY_LOCK_WAIT_MS, started, located);
  if (!summary) return { at, outcome: 'busy', message: o.busy, ...empty };
  return {
    at,
    ...describeRun(summary),
    sent: summary.sent,
    deferred: summary.deferred + summary.timeUp,
    failed: summary.failures.length,
  };
}

/**
 * Time-driven trigger (hourly): sends the reminders due (from 07:00 Moscow) and the digest.
 * @param e the clock event (its triggerUid tells which trigger fired, and so which spreadsheet)
 */
export function runDailyReminders(e?: { triggerUid?: string | number }): void {
  const started = Date.now();
  const at = new Date(started).toISOString();
  const uid = e?.triggerUid === undefined ? '' : String(e.triggerUid);
  const located = locate(uid);
  if (!located) {
    // Nothing records this trigger (created before, or its record was lost): it can do no good.
    console.error('runDailyReminders: no spreadsheet recorded for trigger ' + uid + '; the trigger removes itself');
    const orphan = thisTrigger(uid);
    if (orphan) deleteReminderTrigger(orphan);
    return;
  }
  let record: RunRecord;
  try {
    if (!isCurrentTrigger(located.ss, uid)) return;
    if (needsReauthorisation(located, at)) return;
    record = runOn(located, started, at);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (!(err instanceof UserError))
      console.error('runDailyReminders: ' + (err instanceof Error ? (err.stack ?? message) : message));
    record = { at, outcome: 'error', message: o.error(message), error: message, sent: 0, deferred: 0, failed: 0 };
  }
  if (!withScriptLock(() => recordRun(located.ss, { ...record, context: located.context })))
    console.error('runDailyReminders: the script lock stayed busy; this run (' + record.outcome + ') is not recorded');
}
