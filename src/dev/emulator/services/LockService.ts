// Emulated LockService: document/script/user locks owned by the execution, released when it ends.
import type { ExecutionContext } from '../context';

/** Apps Script's exact message when waitLock gives up. */
export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

/** Store keys of the three lock kinds. */
export const lockKeys = {
  document: (documentId: string): string => `document:${documentId}`,
  script: (): string => 'script',
  user: (email: string): string => `user:${email}`,
};

/** LockService for one execution; every lock it hands out is owned by ctx.executionId. */
export function createLockService(ctx: ExecutionContext): GoogleAppsScript.Lock.LockService {
  const locks = ctx.store.locks;
  const owner = ctx.executionId;

  function lock(key: string): GoogleAppsScript.Lock.Lock {
    let acquired = false;
    const count = (m: string): void => ctx.count('LockService', `Lock.${m}`);
    const checkTimeout = (ms: unknown, method: string): number => {
      if (typeof ms !== 'number' || !Number.isFinite(ms)) {
        throw ctx.createError(
          `The parameters (${ms === null ? 'null' : typeof ms}) don't match the method signature for LockService.Lock.${method}.`,
        );
      }
      return Math.max(0, Math.floor(ms));
    };
    // The in-memory store answers at once, so a busy lock fails without the simulated clock moving.
    const attempt = (ms: number): boolean => (acquired = locks.acquire(key, owner, ms));
    return {
      tryLock(timeoutInMillis) {
        count('tryLock');
        return attempt(checkTimeout(timeoutInMillis, 'tryLock'));
      },
      waitLock(timeoutInMillis) {
        count('waitLock');
        if (!attempt(checkTimeout(timeoutInMillis, 'waitLock'))) throw ctx.createError(LOCK_TIMEOUT_MESSAGE);
      },
      hasLock() {
        count('hasLock');
        return acquired && locks.holder(key) === owner;
      },
      releaseLock() {
        count('releaseLock');
        if (acquired) locks.release(key, owner);
        acquired = false;
      },
    };
  }

  return {
    getDocumentLock: () =>
      ctx.documentId ? lock(lockKeys.document(ctx.documentId)) : (null as unknown as GoogleAppsScript.Lock.Lock),
    getScriptLock: () => lock(lockKeys.script()),
    getUserLock: () => lock(lockKeys.user(ctx.effectiveUserEmail)),
  };
}
