// The change log's chain checked where no user waits: each hourly reminder run goes on from the last
// verified row and records what it found on the spreadsheet (project metadata: the add-on's trigger
// has no document properties), and the admins' summary shows that record instead of reading the log.
// With reminders off or stopped the summary checks the new rows itself, as before.
import { AUDIT_START, verifyAuditFrom, type AuditPosition } from '../storage/auditSheet';
import { readMetadataJson, writeMetadata } from '../storage/projectMetadata';
import { getReminderStatus, STALE_AFTER_MS } from './status';

/** Metadata key of the last background check. */
export const AUDIT_CHECK_KEY = 'audit.check';

/** Rows one run checks at most (the first run after an upgrade goes through a long log in steps). */
export const AUDIT_ROWS_PER_RUN = 5000;

/** What the last background check found. */
export interface AuditCheckRecord extends AuditPosition {
  /** The first row where the chain breaks, or null. */
  brokenAt: number | null;
  /** When the check ran (ISO). */
  at: string;
}

/**
 * Checks the rows appended since the last verified one (at most AUDIT_ROWS_PER_RUN) and records the
 * outcome. Call holding the script or the document lock (metadata writes need one).
 */
export function checkAuditInBackground(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, key: string, now: Date): void {
  const known = readMetadataJson<AuditCheckRecord>(ss, AUDIT_CHECK_KEY);
  const from: AuditPosition = known ? { row: known.row, hash: known.hash } : AUDIT_START;
  const { broken, position } = verifyAuditFrom(ss, key, from, AUDIT_ROWS_PER_RUN);
  const record: AuditCheckRecord = { ...position, brokenAt: broken, at: now.toISOString() };
  writeMetadata(ss, AUDIT_CHECK_KEY, JSON.stringify(record));
}

/**
 * The chain's state as the reminder runs last found it (the first broken row or null), or undefined
 * when no run checks it (reminders off or stopped, or no check within the time a run is expected).
 */
export function recordedAuditBreak(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, now: Date): number | null | undefined {
  const status = getReminderStatus(ss);
  const record = readMetadataJson<AuditCheckRecord>(ss, AUDIT_CHECK_KEY);
  if (!status.enabled || status.stale || !record) return undefined;
  if (now.getTime() - Date.parse(record.at) > STALE_AFTER_MS) return undefined;
  return record.brokenAt;
}
