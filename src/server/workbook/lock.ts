// Every write runs under the document lock; a busy lock is a clear Russian message, nothing written.
import { serverErrors } from '../../domain/messages';
import { UserError } from '../errors/userError';

/** How long a user waits for another user's write before being told to retry. */
export const LOCK_WAIT_MS = 10000;

/** Runs `fn` holding the document lock; flushes writes before releasing it. */
export function withDocumentLock<T>(fn: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock?.tryLock(LOCK_WAIT_MS)) throw new UserError(serverErrors.busy);
  try {
    const result = fn();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
