// CacheService: scopes, expiry on the simulated clock, size limits.
import { createCacheService } from '../../../../src/dev/emulator/services/CacheService';
import { createMemoryStore } from '../../../../src/dev/emulator/store/memory';
import { mockContext } from './mockContext';

describe('CacheService', () => {
  it('puts and gets per scope', () => {
    const store = createMemoryStore();
    const a = createCacheService(mockContext({ store, user: 'a@example.org' }));
    const b = createCacheService(mockContext({ store, user: 'b@example.org' }));
    a.getUserCache().put('k', 'a');
    a.getScriptCache().put('k', 's');
    expect(b.getUserCache().get('k')).toBeNull();
    expect(b.getScriptCache().get('k')).toBe('s');
    expect(a.getDocumentCache()!.get('k')).toBeNull();
  });

  it('expires after 600 s by default, and never keeps more than 21600 s', () => {
    const ctx = mockContext();
    const c = createCacheService(ctx).getScriptCache();
    c.put('short', 'v');
    c.put('long', 'v', 100000);
    ctx.store.clock.advance(599_999);
    expect(c.get('short')).toBe('v');
    ctx.store.clock.advance(1);
    expect(c.get('short')).toBeNull();
    ctx.store.clock.advance(21600_000 - 600_000 - 1);
    expect(c.get('long')).toBe('v');
    ctx.store.clock.advance(1);
    expect(c.get('long')).toBeNull();
  });

  it('getAll/putAll/remove/removeAll', () => {
    const c = createCacheService(mockContext()).getScriptCache();
    c.putAll({ a: '1', b: '2', c: '3' }, 60);
    expect(c.getAll(['a', 'b', 'zz'])).toEqual({ a: '1', b: '2' });
    c.remove('a');
    c.removeAll(['b']);
    expect(c.getAll(['a', 'b', 'c'])).toEqual({ c: '3' });
  });

  it('refuses values over 100 KB and keys over 250 characters', () => {
    const c = createCacheService(mockContext()).getScriptCache();
    expect(() => c.put('k', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    expect(() => c.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => c.get('k'.repeat(251))).toThrow('Argument too large: key');
    expect(() => c.put('k'.repeat(250), 'x'.repeat(100 * 1024))).not.toThrow();
  });

  it('is unavailable in AuthMode.NONE', () => {
    expect(() => createCacheService(mockContext({ authMode: 'NONE' })).getScriptCache()).toThrow(/permission/);
  });
});
