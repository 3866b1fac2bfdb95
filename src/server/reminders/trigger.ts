// «Включить / Отключить напоминания»: reconcile to exactly one hourly trigger for this document.
// Apps Script lets an add-on keep one time-based trigger per user and document, and a user sees
// only their own triggers — so the document records whose trigger is the current one, and any
// other (another admin's, an old one) removes itself when it next fires. The trigger's owner also
// keeps, in their user properties keyed by the trigger's id, the spreadsheet's id and integrity key:
// an add-on's time-driven trigger has no active spreadsheet and no document properties, so that is
// how it finds its spreadsheet (opened by id) — src/dev/emulator/profiles.ts says why.
import { sameEmail } from '../../domain/email';
import { reminderMessages as m, setupCheckTexts } from '../../domain/messages';
import { requireAdmin } from '../access/roles';
import { alertError, UserError } from '../errors/userError';
import { ensureIntegrityKey } from '../storage/rowSeal';
import { withDocumentLock } from '../workbook/lock';
import { openWorkbook } from '../workbook/workbook';
import { getReminderStatus, readTriggerRecord, writeTriggerRecord } from './status';

/** The top-level function the trigger calls (exported from src/server/index.ts). */
export const REMINDER_HANDLER = 'runDailyReminders';
/** Reminders go out from this hour on, Moscow time, so they arrive in the working day. */
export const REMINDER_HOUR = 7;
/** User-property key prefix: `reminders.trigger.<triggerUid>` → {@link TriggerTarget} as JSON. */
export const TRIGGER_TARGET_PREFIX = 'reminders.trigger.';

/** What a trigger needs to find and read its spreadsheet without a document context. */
export interface TriggerTarget {
  spreadsheetId: string;
  integrityKey: string;
}

/** This user's reminder triggers in this document. */
export function ownReminderTriggers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === REMINDER_HANDLER);
}

/** The spreadsheet a trigger was created for (this user's properties), or null. */
export function readTriggerTarget(triggerUid: string): TriggerTarget | null {
  const text = PropertiesService.getUserProperties().getProperty(TRIGGER_TARGET_PREFIX + triggerUid);
  if (!text) return null;
  try {
    return JSON.parse(text) as TriggerTarget;
  } catch {
    return null;
  }
}

/** Deletes a trigger of this user and what was recorded for it. */
export function deleteReminderTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
  PropertiesService.getUserProperties().deleteProperty(TRIGGER_TARGET_PREFIX + trigger.getUniqueId());
  ScriptApp.deleteTrigger(trigger);
}

/**
 * Hourly: the one time-based trigger an add-on may keep per user and document; each run sends what
 * is due (from REMINDER_HOUR on) and what earlier runs could not fit.
 */
function createTrigger(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, key: string): GoogleAppsScript.Script.Trigger {
  let trigger: GoogleAppsScript.Script.Trigger;
  try {
    trigger = ScriptApp.newTrigger(REMINDER_HANDLER).timeBased().everyHours(1).create();
  } catch (err) {
    console.error('enableReminders: ' + (err instanceof Error ? err.message : String(err)));
    throw new UserError(m.triggerLimit);
  }
  const target: TriggerTarget = { spreadsheetId: ss.getId(), integrityKey: key };
  PropertiesService.getUserProperties().setProperty(
    TRIGGER_TARGET_PREFIX + trigger.getUniqueId(),
    JSON.stringify(target),
  );
  return trigger;
}

/**
 * Keeps one working trigger of the caller and records it; a missing or stopped one (no successful
 * run for 26 hours) is created anew. Call holding the document lock. Returns the message.
 */
export function enable(): string {
  const wb = openWorkbook(ensureIntegrityKey());
  requireAdmin(wb.caller);
  const me = wb.caller.email;
  const mine = ownReminderTriggers(wb.ss);
  const status = getReminderStatus(wb.ss);
  const record = readTriggerRecord(wb.ss);
  const current = mine.find((t) => record?.triggerId === t.getUniqueId());
  if (current && record && sameEmail(record.owner, me) && !status.stale) {
    for (const extra of mine) if (extra !== current) deleteReminderTrigger(extra);
    return m.alreadyEnabled(me, REMINDER_HOUR);
  }
  for (const t of mine) deleteReminderTrigger(t);
  const trigger = createTrigger(wb.ss, wb.key);
  writeTriggerRecord(wb.ss, { owner: me, triggerId: trigger.getUniqueId(), since: new Date().toISOString() });
  const broken = record !== null && sameEmail(record.owner, me);
  return (
    (broken ? setupCheckTexts.triggerRecreated : '') +
    m.enabled(me, REMINDER_HOUR) +
    (record && !sameEmail(record.owner, me) ? m.takenOver(record.owner) : '')
  );
}

/** Deletes the caller's triggers and forgets the record (another admin's trigger then removes itself). */
export function disable(): string {
  const wb = openWorkbook();
  requireAdmin(wb.caller);
  const mine = ownReminderTriggers(wb.ss);
  for (const t of mine) deleteReminderTrigger(t);
  const record = readTriggerRecord(wb.ss);
  writeTriggerRecord(wb.ss, null);
  if (record && !sameEmail(record.owner, wb.caller.email)) return m.disabledOther(record.owner);
  return record || mine.length > 0 ? m.disabled : m.alreadyDisabled;
}

function menuAction(action: () => string): void {
  const ui = SpreadsheetApp.getUi();
  try {
    ui.alert(m.title, withDocumentLock(action), ui.ButtonSet.OK);
  } catch (err) {
    alertError(m.title, err);
  }
}

/** Menu item «Включить напоминания»: one hourly trigger of the admin at the keyboard. */
export function enableReminders(): void {
  menuAction(enable);
}

/** Menu item «Отключить напоминания». */
export function disableReminders(): void {
  menuAction(disable);
}
