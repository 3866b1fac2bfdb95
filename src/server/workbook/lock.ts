// Every write runs under the document lock; a busy lock is a clear Russian message, nothing written.
import { serverErrors } from '../../domain/messages';
import { UserError } from '../errors/userError';
import { batchDocumentProperties, refreshDocumentProperties } from '../storage/documentProperties';
import { forgetMetadata } from '../storage/projectMetadata';
import { forgetSheetFacts } from '../storage/table';

/** How long a user waits for another user's write before being told to retry. */
export const LOCK_WAIT_MS = 10000;

/** What an execution read before taking the lock may be stale: read it again under the lock. */
export function lockTaken(): void {
  refreshDocumentProperties();
  forgetSheetFacts();
  forgetMetadata();
}

/**
 * Runs `fn` holding the document lock; its document-property writes are stored in one call at the
 * end, and the spreadsheet's writes flushed, before the lock is released.
 */
export function withDocumentLock<T>(fn: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock?.tryLock(LOCK_WAIT_MS)) throw new UserError(serverErrors.busy);
  lockTaken();
  try {
    const result = batchDocumentProperties(fn);
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
