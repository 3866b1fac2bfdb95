// LockService: ownership by execution, tryLock/waitLock/hasLock/releaseLock, the exact timeout error.
import { LOCK_TIMEOUT_MESSAGE, createLockService } from '../../../../src/dev/emulator/services/LockService';
import { createMemoryStore } from '../../../../src/dev/emulator/store/memory';
import { mockContext } from './mockContext';

describe('LockService', () => {
  it('grants a free lock and refuses it to another execution until released', () => {
    const store = createMemoryStore();
    const first = createLockService(mockContext({ store, executionId: 'e1' })).getDocumentLock();
    const second = createLockService(mockContext({ store, executionId: 'e2' })).getDocumentLock();
    expect(first.hasLock()).toBe(false);
    expect(first.tryLock(1000)).toBe(true);
    expect(first.hasLock()).toBe(true);
    expect(second.tryLock(1000)).toBe(false);
    expect(second.hasLock()).toBe(false);
    expect(() => second.waitLock(5000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    first.releaseLock();
    expect(first.hasLock()).toBe(false);
    expect(() => second.waitLock(5000)).not.toThrow();
    expect(second.hasLock()).toBe(true);
  });

  it("uses Apps Script's exact timeout text", () => {
    expect(LOCK_TIMEOUT_MESSAGE).toBe('Lock timeout: another process was holding the lock for too long.');
  });

  it('keeps document locks per document, and script/user locks apart', () => {
    const store = createMemoryStore();
    const a = createLockService(mockContext({ store, executionId: 'e1', documentId: 'd1', user: 'a@example.org' }));
    const b = createLockService(mockContext({ store, executionId: 'e2', documentId: 'd2', user: 'b@example.org' }));
    expect(a.getDocumentLock().tryLock(0)).toBe(true);
    expect(b.getDocumentLock().tryLock(0)).toBe(true);
    expect(a.getScriptLock().tryLock(0)).toBe(true);
    expect(b.getScriptLock().tryLock(0)).toBe(false);
    expect(a.getUserLock().tryLock(0)).toBe(true);
    expect(b.getUserLock().tryLock(0)).toBe(true);
  });

  it('is re-entrant within one execution and releaseAll frees everything it holds', () => {
    const store = createMemoryStore();
    const svc = createLockService(mockContext({ store, executionId: 'e1' }));
    expect(svc.getScriptLock().tryLock(0)).toBe(true);
    expect(svc.getScriptLock().tryLock(0)).toBe(true);
    expect(store.locks.releaseAll('e1')).toEqual(['script']);
    expect(store.locks.holder('script')).toBeNull();
  });

  it('rejects a non-numeric timeout like Apps Script', () => {
    const lock = createLockService(mockContext()).getScriptLock();
    expect(() => lock.waitLock(null as unknown as number)).toThrow(
      "The parameters (null) don't match the method signature for LockService.Lock.waitLock.",
    );
  });
});
