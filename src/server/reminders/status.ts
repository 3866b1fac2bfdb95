// Whether reminders are on, whose trigger runs them, and how the last daily run ended — kept in
// document properties (add-on triggers send no failure e-mails, so every run records its outcome).
import { documentProperty, setDocumentProperty } from '../storage/documentProperties';

/** Document property keys (one place, so the trigger, the menu and the summary agree). */
export const REMINDER_PROPERTIES = {
  trigger: 'reminders.trigger',
  lastRun: 'reminders.lastRun',
  reauthNotified: 'reminders.reauthNotifiedOn',
} as const;

/** The daily trigger this document's reminders rely on. */
export interface TriggerRecord {
  owner: string;
  triggerId: string;
  since: string;
}

export type RunOutcome = 'ok' | 'partial' | 'busy' | 'reauth' | 'error';

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
}

export interface ReminderStatus {
  enabled: boolean;
  /** E-mail of the admin whose trigger sends the reminders ('' when off). */
  triggerOwner: string;
  lastRun: RunRecord | null;
}

function readJson<T>(key: string): T | null {
  const text = documentProperty(key);
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** The trigger record, or null when reminders are off. */
export function readTriggerRecord(): TriggerRecord | null {
  return readJson<TriggerRecord>(REMINDER_PROPERTIES.trigger);
}

export function writeTriggerRecord(record: TriggerRecord | null): void {
  setDocumentProperty(REMINDER_PROPERTIES.trigger, record ? JSON.stringify(record) : null);
}

/** Records a daily run's outcome (kept small: one property, overwritten each run). */
export function recordRun(record: RunRecord): void {
  setDocumentProperty(REMINDER_PROPERTIES.lastRun, JSON.stringify(record));
}

/**
 * Plain data for the admin summary: on or off, the trigger's owner, the last daily run. Reads
 * document properties only (no spreadsheet calls); the caller checks that the user is an admin.
 */
export function getReminderStatus(): ReminderStatus {
  const trigger = readTriggerRecord();
  return {
    enabled: trigger !== null,
    triggerOwner: trigger?.owner ?? '',
    lastRun: readJson<RunRecord>(REMINDER_PROPERTIES.lastRun),
  };
}
