// Whether reminders are on, whose trigger runs them, how the last run ended and when the last one
// succeeded — kept on the spreadsheet as project developer metadata (storage/projectMetadata.ts),
// so the add-on's time-driven trigger, which has no document properties, records its outcome where
// the admins' summary reads it (add-on triggers send no failure e-mails: a dead trigger must show).
import { readMetadata, readMetadataJson, writeMetadata } from '../storage/projectMetadata';

/** Metadata keys (one place, so the trigger, the menu, the summary and the self-check agree). */
export const REMINDER_KEYS = {
  trigger: 'reminders.trigger',
  lastRun: 'reminders.lastRun',
  lastSuccess: 'reminders.lastSuccess',
  reauthNotified: 'reminders.reauthNotifiedOn',
} as const;

/** With no successful run for longer than this, reminders are reported as stopped. */
export const STALE_AFTER_MS = 26 * 3_600_000;

/** The trigger this document's reminders rely on. */
export interface TriggerRecord {
  owner: string;
  triggerId: string;
  since: string;
}

export type RunOutcome = 'ok' | 'partial' | 'busy' | 'reauth' | 'error';

/** What the trigger's execution had: an active spreadsheet or one opened by id, and the lock it used. */
export interface RunContext {
  activeSpreadsheet: boolean;
  documentProperties: boolean;
  lock: 'script';
}

/** One run, as recorded. */
export interface RunRecord {
  at: string;
  outcome: RunOutcome;
  /** Russian: what happened, for the summary. */
  message: string;
  /** The error that stopped or spoiled the run ('' when none). */
  error: string;
  sent: number;
  deferred: number;
  failed: number;
  context?: RunContext;
}

export interface ReminderStatus {
  enabled: boolean;
  /** E-mail of the admin whose trigger sends the reminders ('' when off). */
  triggerOwner: string;
  lastRun: RunRecord | null;
  /** ISO time of the last run that got through (ok or partial), or null. */
  lastSuccessAt: string | null;
  /** Reminders are on but nothing got through for more than 26 hours (or ever, since enabling). */
  stale: boolean;
}

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The trigger record, or null when reminders are off. */
export function readTriggerRecord(ss: Ss): TriggerRecord | null {
  return readMetadataJson<TriggerRecord>(ss, REMINDER_KEYS.trigger);
}

/** Call holding the document or the script lock. */
export function writeTriggerRecord(ss: Ss, record: TriggerRecord | null): void {
  writeMetadata(ss, REMINDER_KEYS.trigger, record ? JSON.stringify(record) : null);
}

/** Records a run's outcome (kept small: overwritten each run). Call holding a lock. */
export function recordRun(ss: Ss, record: RunRecord): void {
  writeMetadata(ss, REMINDER_KEYS.lastRun, JSON.stringify(record));
  if (record.outcome === 'ok' || record.outcome === 'partial') writeMetadata(ss, REMINDER_KEYS.lastSuccess, record.at);
}

/** True when reminders are on and nothing got through for more than 26 hours. */
export function isStale(trigger: TriggerRecord | null, lastSuccessAt: string | null, now: number): boolean {
  if (!trigger) return false;
  const since = Math.max(Date.parse(lastSuccessAt ?? '') || 0, Date.parse(trigger.since) || 0);
  return now - since > STALE_AFTER_MS;
}

/**
 * Plain data for the admin summary and the self-check: on or off, the trigger's owner, the last
 * run, whether it stopped; the caller checks that the user is an admin.
 */
export function getReminderStatus(ss: Ss = SpreadsheetApp.getActiveSpreadsheet()): ReminderStatus {
  const trigger = readTriggerRecord(ss);
  const lastSuccessAt = readMetadata(ss, REMINDER_KEYS.lastSuccess);
  return {
    enabled: trigger !== null,
    triggerOwner: trigger?.owner ?? '',
    lastRun: readMetadataJson<RunRecord>(ss, REMINDER_KEYS.lastRun),
    lastSuccessAt,
    stale: isStale(trigger, lastSuccessAt, Date.now()),
  };
}
