// «Включить / Отключить напоминания»: reconcile to exactly one daily trigger for this document.
// Apps Script lets an add-on keep one time-based trigger per user and document, and a user sees
// only their own triggers — so the document records whose trigger is the current one, and any
// other (another admin's, an old one) removes itself when it next fires.
import { reminderMessages as m } from '../../domain/messages';
import { requireAdmin } from '../access/roles';
import { alertError, UserError } from '../errors/userError';
import { withDocumentLock } from '../workbook/lock';
import { openWorkbook } from '../workbook/workbook';
import { readTriggerRecord, writeTriggerRecord } from './status';

/** The top-level function the daily trigger calls (exported from src/server/index.ts). */
export const REMINDER_HANDLER = 'runDailyReminders';
/** Morning, Moscow time: reminders arrive before the working day. */
export const REMINDER_HOUR = 7;
export const REMINDER_TIME_ZONE = 'Europe/Moscow';

/** This user's reminder triggers in this document. */
export function ownReminderTriggers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === REMINDER_HANDLER);
}

function createDailyTrigger(): GoogleAppsScript.Script.Trigger {
  try {
    return ScriptApp.newTrigger(REMINDER_HANDLER)
      .timeBased()
      .everyDays(1)
      .atHour(REMINDER_HOUR)
      .inTimezone(REMINDER_TIME_ZONE)
      .create();
  } catch (err) {
    console.error('enableReminders: ' + (err instanceof Error ? err.message : String(err)));
    throw new UserError(m.triggerLimit);
  }
}

/** Keeps one trigger of the caller (creating it when missing) and records it; returns the message. */
export function enable(): string {
  const wb = openWorkbook();
  requireAdmin(wb.caller);
  const me = wb.caller.email;
  const mine = ownReminderTriggers(wb.ss);
  for (const extra of mine.slice(1)) ScriptApp.deleteTrigger(extra);
  const record = readTriggerRecord();
  const kept = mine[0];
  if (kept && record && record.owner === me && record.triggerId === kept.getUniqueId())
    return m.alreadyEnabled(me, REMINDER_HOUR);
  const trigger = kept ?? createDailyTrigger();
  writeTriggerRecord({ owner: me, triggerId: trigger.getUniqueId(), since: new Date().toISOString() });
  return m.enabled(me, REMINDER_HOUR) + (record && record.owner !== me ? m.takenOver(record.owner) : '');
}

/** Deletes the caller's triggers and forgets the record (another admin's trigger then removes itself). */
export function disable(): string {
  const wb = openWorkbook();
  requireAdmin(wb.caller);
  const mine = ownReminderTriggers(wb.ss);
  for (const t of mine) ScriptApp.deleteTrigger(t);
  const record = readTriggerRecord();
  writeTriggerRecord(null);
  if (record && record.owner !== wb.caller.email) return m.disabledOther(record.owner);
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

/** Menu item «Включить напоминания»: one daily trigger (07:00 MSK) of the admin at the keyboard. */
export function enableReminders(): void {
  menuAction(enable);
}

/** Menu item «Отключить напоминания». */
export function disableReminders(): void {
  menuAction(disable);
}
