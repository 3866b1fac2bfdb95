// The daily trigger's handler: checks it is the current trigger and that Google needs no new
// authorisation, runs the reminders, and records the outcome (add-on triggers fail silently).
import { isoDate, moscowToday } from '../../domain/calendar';
import { reminderOutcomes as o } from '../../domain/messages';
import { UserError } from '../errors/userError';
import { composeReauthNotice } from '../mail/reminderMail';
import { sendMail } from '../mail/send';
import { documentProperty, setDocumentProperty } from '../storage/documentProperties';
import { runReminders, type RunSummary } from './run';
import { readTriggerRecord, recordRun, REMINDER_PROPERTIES, type RunRecord } from './status';
import { ownReminderTriggers } from './trigger';

/** How long the daily run waits for a user's write to finish before giving up for the day. */
const DAILY_LOCK_WAIT_MS = 60000;

const effectiveEmail = (): string => (Session.getEffectiveUser().getEmail() ?? '').trim().toLowerCase();

/** A trigger that is no longer the document's current one (disabled, or taken over) deletes itself. */
function isCurrentTrigger(triggerUid: string): boolean {
  const record = readTriggerRecord();
  if (record && record.owner === effectiveEmail() && (triggerUid === '' || record.triggerId === triggerUid))
    return true;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  for (const t of ownReminderTriggers(ss)) {
    if (triggerUid === '' || t.getUniqueId() === triggerUid || record?.owner !== effectiveEmail())
      ScriptApp.deleteTrigger(t);
  }
  return false;
}

/** When Google wants new consent: record it, and tell the trigger's owner at most once a day. */
function needsReauthorisation(): boolean {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  if (info.getAuthorizationStatus() !== ScriptApp.AuthorizationStatus.REQUIRED) return false;
  const today = isoDate(moscowToday(new Date()));
  let error = '';
  if (documentProperty(REMINDER_PROPERTIES.reauthNotified) !== today) {
    try {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      if (
        sendMail(composeReauthNotice(effectiveEmail(), ss.getName(), info.getAuthorizationUrl() ?? '', ss.getUrl()))
      ) {
        setDocumentProperty(REMINDER_PROPERTIES.reauthNotified, today);
      }
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
  }
  recordRun({
    at: new Date().toISOString(),
    outcome: 'reauth',
    message: o.reauth,
    error,
    sent: 0,
    deferred: 0,
    failed: 0,
  });
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

/**
 * Time-driven trigger (daily, morning, Moscow): sends the reminders due today and the digest.
 * @param e the clock event (its triggerUid tells which trigger fired)
 */
export function runDailyReminders(e?: { triggerUid?: string | number }): void {
  const started = Date.now();
  const at = new Date(started).toISOString();
  // Unverified outside the emulator: that an add-on's clock trigger runs with its document. If it
  // does not, nothing can be recorded in the document either — say so loudly in the logs.
  if (!SpreadsheetApp.getActiveSpreadsheet()) {
    console.error('runDailyReminders: the trigger runs without its spreadsheet; reminders were not sent');
    return;
  }
  try {
    if (!isCurrentTrigger(e?.triggerUid === undefined ? '' : String(e.triggerUid))) return;
    if (needsReauthorisation()) return;
    const summary = runReminders({ kind: 'daily' }, DAILY_LOCK_WAIT_MS, started);
    if (!summary) {
      recordRun({ at, outcome: 'busy', message: o.busy, error: '', sent: 0, deferred: 0, failed: 0 });
      return;
    }
    recordRun({
      at,
      ...describeRun(summary),
      sent: summary.sent,
      deferred: summary.deferred + summary.timeUp,
      failed: summary.failures.length,
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (!(err instanceof UserError))
      console.error('runDailyReminders: ' + (err instanceof Error ? (err.stack ?? message) : message));
    recordRun({ at, outcome: 'error', message: o.error(message), error: message, sent: 0, deferred: 0, failed: 0 });
  }
}
