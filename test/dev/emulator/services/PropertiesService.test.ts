// PropertiesService: scopes, string conversion, bulk set, and Apps Script's limits and permissions.
import { createPropertiesService } from '../../../../src/dev/emulator/services/PropertiesService';
import { createMemoryStore } from '../../../../src/dev/emulator/store/memory';
import { mockContext } from './mockContext';

describe('PropertiesService', () => {
  it('stores strings per script, per user and per document', () => {
    const store = createMemoryStore();
    const a = createPropertiesService(mockContext({ store, user: 'a@example.org', documentId: 'd1' }));
    const b = createPropertiesService(mockContext({ store, user: 'b@example.org', documentId: 'd2' }));
    a.getScriptProperties().setProperty('k', 5 as unknown as string);
    a.getUserProperties().setProperty('k', 'user-a');
    a.getDocumentProperties().setProperty('k', 'doc-1');
    expect(b.getScriptProperties().getProperty('k')).toBe('5');
    expect(b.getUserProperties().getProperty('k')).toBeNull();
    expect(b.getDocumentProperties().getProperty('k')).toBeNull();
    expect(a.getUserProperties().getProperty('k')).toBe('user-a');
    expect(a.getDocumentProperties().getProperties()).toEqual({ k: 'doc-1' });
  });

  it('sets in bulk, optionally deleting all others, and deletes', () => {
    const p = createPropertiesService(mockContext()).getScriptProperties();
    p.setProperties({ a: '1', b: '2' });
    p.setProperties({ c: '3' });
    expect(p.getKeys().sort()).toEqual(['a', 'b', 'c']);
    p.setProperties({ d: '4' }, true);
    expect(p.getProperties()).toEqual({ d: '4' });
    p.deleteProperty('d').setProperty('e', '5');
    expect(p.getKeys()).toEqual(['e']);
    p.deleteAllProperties();
    expect(p.getProperties()).toEqual({});
  });

  it('refuses a value over 9 KB with "Argument too large: value"', () => {
    const p = createPropertiesService(mockContext()).getScriptProperties();
    expect(() => p.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    expect(p.getProperty('big')).toBeNull();
    expect(() => p.setProperty('ok', 'x'.repeat(9 * 1024))).not.toThrow();
  });

  it('refuses to grow a store past 500 KB, changing nothing', () => {
    const p = createPropertiesService(mockContext()).getScriptProperties();
    let n = 0;
    expect(() => {
      for (;;) p.setProperty(`K${n++}`, 'y'.repeat(9000));
    }).toThrow('You have exceeded the property storage quota. Please remove some properties and try again.');
    expect(n).toBeGreaterThan(50);
    expect(n).toBeLessThan(60);
    expect(p.getProperty(`K${n - 1}`)).toBeNull();
    p.setProperty('K0', 'small'); // overwriting counts the new size only
    expect(p.getProperty('K0')).toBe('small');
  });

  it('is unavailable in AuthMode.NONE and read-only in custom functions', () => {
    expect(() => createPropertiesService(mockContext({ authMode: 'NONE' })).getDocumentProperties()).toThrow(
      /^You do not have permission to call PropertiesService.getDocumentProperties/,
    );
    const store = createMemoryStore();
    createPropertiesService(mockContext({ store })).getScriptProperties().setProperty('k', 'v');
    const ro = createPropertiesService(mockContext({ store, authMode: 'CUSTOM_FUNCTION' })).getScriptProperties();
    expect(ro.getProperty('k')).toBe('v');
    expect(() => ro.setProperty('k', 'w')).toThrow(/You do not have permission to call Properties.setProperty/);
    expect(() => ro.deleteAllProperties()).toThrow(/permission/);
  });

  it('counts calls', () => {
    const ctx = mockContext();
    const p = createPropertiesService(ctx).getScriptProperties();
    p.getProperty('a');
    p.getProperty('b');
    expect(ctx.calls['PropertiesService.Properties.getProperty']).toBe(2);
  });
});
