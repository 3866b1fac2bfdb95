// The loader and facade: fresh realms, forbidden globals, simulated Date, locks, client/custom/trigger runs.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEmulator, loadStore, saveStore } from '../../../src/dev/emulator';
import { FORBIDDEN_GLOBALS } from '../../../src/dev/emulator/realm';

const T0 = Date.UTC(2024, 10, 15, 6, 0, 0);
const AS = { user: 'admin@example.org', documentId: 'doc-1' };

const emulator = (code: string, opts: Parameters<typeof createEmulator>[0] = {}) =>
  createEmulator({ code, now: T0, ...opts });

describe('loader: the realm', () => {
  it("has Apps Script globals and none of Node's", () => {
    const em = emulator(`function probe(names) { return names.map(function (n) { return typeof globalThis[n]; }); }
      function services() { return [typeof PropertiesService, typeof CacheService, typeof LockService, typeof MailApp,
        typeof ScriptApp, typeof Session, typeof Utilities, typeof HtmlService, typeof Logger, typeof SpreadsheetApp, typeof console.log]; }`);
    const forbidden = em.run<string[]>('probe', [[...FORBIDDEN_GLOBALS.filter((n) => n !== 'console')]], AS);
    expect(forbidden.ok).toBe(true);
    expect(new Set(forbidden.value)).toEqual(new Set(['undefined']));
    expect(em.run<string[]>('services', [], AS).value).toEqual([...Array(10).fill('object'), 'function']);
  });

  it('gives each execution a fresh context', () => {
    const em = emulator(
      `var counter = 0; function bump() { counter++; globalThis.leak = (globalThis.leak || 0) + 1; return [counter, leak]; }`,
    );
    expect(em.run('bump', [], AS).value).toEqual([1, 1]);
    expect(em.run('bump', [], AS).value).toEqual([1, 1]);
  });

  it('reads the simulated clock through Date while keeping instanceof Date', () => {
    const em = emulator(`function now(d) { return { iso: new Date().toISOString(), ms: Date.now(), str: typeof Date(),
        argIsDate: d instanceof Date, argMs: d.getTime(), made: new Date(2020, 0, 1) instanceof Date,
        parsed: Date.parse('2024-01-01T00:00:00Z'), utc: Date.UTC(2024, 0, 1), ctor: new Date().constructor === Date }; }`);
    const r = em.run<Record<string, unknown>>('now', [new Date(86400000)], AS);
    expect(r.value).toEqual({
      iso: new Date(T0).toISOString(),
      ms: T0,
      str: 'string',
      argIsDate: true,
      argMs: 86400000,
      made: true,
      parsed: Date.UTC(2024, 0, 1),
      utc: Date.UTC(2024, 0, 1),
      ctor: true,
    });
    em.advance(1000);
    expect(em.run<Record<string, unknown>>('now', [new Date(0)], AS).value!.ms).toBe(T0 + 1000);
    em.setNow(new Date(Date.UTC(2025, 0, 1)));
    expect(em.now()).toBe(Date.UTC(2025, 0, 1));
  });

  it('converts nested argument Dates into the realm and returned Dates back to host Dates', () => {
    const em = emulator(
      `function f(o) { return { ok: o.list[0].when instanceof Date && Array.isArray(o.list) && o.list instanceof Array, back: o.list[0].when }; }`,
    );
    const r = em.run<{ ok: boolean; back: Date }>('f', [{ list: [{ when: new Date(5) }] }], AS);
    expect(r.value!.ok).toBe(true);
    expect(r.value!.back).toBeInstanceOf(Date);
    expect(r.value!.back.getTime()).toBe(5);
  });

  it("reports errors with Apps Script's message for a missing function", () => {
    const em = emulator(`function boom() { throw new Error('Ошибка'); }`);
    expect(em.run('nope', [], AS).error!.message).toBe('Script function not found: nope');
    const r = em.run('boom', [], AS);
    expect(r.ok).toBe(false);
    expect(r.error!.message).toBe('Ошибка');
    expect(r.error!.stack).toContain('Code.js');
  });

  it('releases the locks an execution holds when it ends, even on error', () => {
    const em = emulator(
      `function hold(fail) { LockService.getDocumentLock().waitLock(1000); LockService.getScriptLock().waitLock(1000); if (fail) throw new Error('x'); return true; }`,
    );
    expect(em.run('hold', [false], AS).ok).toBe(true);
    expect(em.store.locks.holder('document:doc-1')).toBeNull();
    expect(em.run('hold', [true], AS).ok).toBe(false);
    expect(em.store.locks.holder('script')).toBeNull();
  });

  it('lets a test hold a lock as another execution', () => {
    const em =
      emulator(`function write() { var l = LockService.getDocumentLock(); if (!l.tryLock(5000)) return 'busy'; l.releaseLock(); return 'done'; }
      function mustWait() { LockService.getDocumentLock().waitLock(5000); }`);
    const release = em.holdLock('document', 'doc-1');
    expect(em.run('write', [], AS).value).toBe('busy');
    expect(em.run('mustWait', [], AS).error!.message).toBe(
      'Lock timeout: another process was holding the lock for too long.',
    );
    release();
    expect(em.run('write', [], AS).value).toBe('done');
  });

  it('counts calls and captures logs per execution', () => {
    const em =
      emulator(`function f() { var p = PropertiesService.getScriptProperties(); p.setProperty('a', '1'); p.getProperty('a');
      Logger.log('n=%s', 1); console.info('hi'); Utilities.sleep(10); return 1; }`);
    const r = em.run('f', [], AS);
    expect(r.calls).toMatchObject({
      'PropertiesService.Properties.setProperty': 1,
      'PropertiesService.Properties.getProperty': 1,
      'Utilities.sleep': 1,
    });
    expect(r.totalCalls).toBe(Object.values(r.calls).reduce((a, b) => a + b, 0));
    expect(r.spreadsheetCalls).toBe(0);
    expect(r.logs).toEqual(['n=1', 'hi']);
    expect(em.now()).toBe(T0 + 10);
    expect(em.run('f', [], AS).logs).toEqual(['n=1', 'hi']);
  });

  it('evaluates HTML templates in the script realm, seeing its globals', () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'dist-'));
    fs.writeFileSync(path.join(dist, 'Page.html'), '<p><?= greet(name) ?></p>');
    const em = emulator(
      `function greet(n) { return 'Привет, ' + n; }
      function page() { var t = HtmlService.createTemplateFromFile('Page'); t.name = '<Маша>'; return t.evaluate().getContent(); }`,
      { distDir: dist },
    );
    expect(em.run('page', [], AS).value).toBe('<p>Привет, &lt;Маша&gt;</p>');
  });
});

describe('facade: run modes', () => {
  it('runFromClient refuses Dates and functions in arguments, nulls undefined array items', () => {
    const em = emulator(`function echo(a) { return a; } function secret_() { return 1; }`);
    expect(em.runFromClient('echo', [{ when: new Date() }], AS).error!.message).toBe(
      'Failed due to illegal value in property: when',
    );
    expect(em.runFromClient('echo', [() => 1], AS).error!.message).toBe('Failed due to illegal value in property: 0');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(em.runFromClient('echo', [cyclic], AS).error!.message).toBe('Failed due to circular reference.');
    expect(em.runFromClient('echo', [[1, undefined, { a: undefined, b: 2 }]], AS).value).toEqual([1, null, { b: 2 }]);
    expect(em.runFromClient('secret_', [], AS).error!.message).toBe('google.script.run.secret_ is not a function');
  });

  it('runFromClient turns a return value holding a Date into null', () => {
    const em = emulator(
      `function withDate() { return { rows: [{ at: new Date() }] }; } function plain() { return { n: 1, u: undefined }; }`,
    );
    expect(em.runFromClient('withDate', [], AS).value).toBeNull();
    expect(em.runFromClient('plain', [], AS).value).toEqual({ n: 1 });
    const cyclic = emulator(`function f() { var o = {}; o.o = o; return o; }`);
    expect(cyclic.runFromClient('f', [], AS).value).toBeNull();
  });

  it('runCustomFunction runs in CUSTOM_FUNCTION mode with no active user and no mail', () => {
    const em =
      emulator(`function WHO() { return [Session.getActiveUser().getEmail(), String(ScriptApp.AuthMode.CUSTOM_FUNCTION)]; }
      function MAIL() { MailApp.sendEmail('a@example.org', 's', 'b'); }`);
    expect(em.runCustomFunction('WHO', [], 'doc-1').value).toEqual(['', 'CUSTOM_FUNCTION']);
    expect(em.runCustomFunction('MAIL', [], 'doc-1').error!.message).toMatch(
      /^You do not have permission to call MailApp.sendEmail/,
    );
  });

  it("turns an event argument's authMode name into this execution's ScriptApp.AuthMode value", () => {
    const em = emulator(`function onOpen(e) { return [e.authMode === ScriptApp.AuthMode.NONE, String(e.authMode)]; }`);
    expect(em.run('onOpen', [{ authMode: 'NONE' }], { ...AS, authMode: 'NONE' }).value).toEqual([true, 'NONE']);
  });

  it('respects the auth mode given in RunAs', () => {
    const em = emulator(
      `function install() { ScriptApp.newTrigger('tick').timeBased().everyDays(1).atHour(7).create(); }`,
    );
    expect(em.run('install', [], { ...AS, authMode: 'LIMITED' }).error!.message).toMatch(
      /permission to call ScriptApp.newTrigger/,
    );
    expect(em.run('install', [], AS).ok).toBe(true);
    expect(em.run('install', [], AS).error!.message).toBe(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
  });

  it('runTrigger runs the handler as its owner in FULL mode with a time-based event', () => {
    const em = emulator(
      `function install() { return ScriptApp.newTrigger('tick').timeBased().everyDays(1).create().getUniqueId(); }
      function tick(e) { MailApp.sendEmail('c@example.org', 'Напоминание', 'b'); return { mode: e.authMode === ScriptApp.AuthMode.FULL, uid: e.triggerUid,
        hour: e.hour, year: e.year, who: Session.getEffectiveUser().getEmail() }; }`,
      { mailQuota: 5 },
    );
    const id = em.run<string>('install', [], { user: 'owner@example.org', documentId: 'doc-9' }).value!;
    const r = em.runTrigger(id);
    expect(r.value).toEqual({ mode: true, uid: id, hour: 6, year: 2024, who: 'owner@example.org' });
    expect(em.store.mail.sent()[0]).toMatchObject({ from: 'owner@example.org', to: ['c@example.org'] });
    expect(em.store.mail.remaining('owner@example.org', em.now())).toBe(4);
    expect(em.runTrigger('missing').ok).toBe(false);
  });
});

describe('strict mode with SpreadsheetApp', () => {
  const code = `function unlocked() { SpreadsheetApp.getActive().getSheets()[0].getRange('A1').setValue('x'); }
    function locked() { var l = LockService.getDocumentLock(); l.waitLock(1000);
      try { SpreadsheetApp.getActive().getSheets()[0].getRange('A1').setValue('x'); } finally { l.releaseLock(); } }`;

  it('throws on a write without the document lock in strict mode', () => {
    const em = emulator(code, { strict: true });
    const documentId = em.createSpreadsheet({ name: 'Отчёты', owner: 'admin@example.org' });
    const r = em.run('unlocked', [], { user: 'admin@example.org', documentId });
    expect(r.ok).toBe(false);
    expect(r.error!.message).toMatch(/^unlocked write: /);
    expect(em.run('locked', [], { user: 'admin@example.org', documentId }).ok).toBe(true);
  });

  it('records the unlocked write otherwise', () => {
    const em = emulator(code);
    const documentId = em.createSpreadsheet({ name: 'Отчёты', owner: 'admin@example.org' });
    const r = em.run('unlocked', [], { user: 'admin@example.org', documentId });
    expect(r.ok).toBe(true);
    expect(r.unlockedWrites.length).toBeGreaterThan(0);
    expect(r.spreadsheetCalls).toBeGreaterThan(0);
    expect(em.run('locked', [], { user: 'admin@example.org', documentId }).unlockedWrites).toEqual([]);
  });
});

describe('store files', () => {
  it('saves atomically and loads back every service part', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-'));
    const file = path.join(dir, 'state.json');
    const em =
      emulator(`function f() { PropertiesService.getScriptProperties().setProperty('k', 'v'); CacheService.getScriptCache().put('c', 'x');
      MailApp.sendEmail('a@example.org', 's', 'b'); ScriptApp.newTrigger('t').timeBased().everyDays(1).create(); }`);
    em.store.auth.setStatus('new@example.org', 'REQUIRED');
    expect(em.run('f', [], AS).ok).toBe(true);
    saveStore(em.store, file);
    expect(fs.readdirSync(dir)).toEqual(['state.json']);
    const loaded = loadStore(file);
    expect(loaded.properties.getAll('script')).toEqual({ k: 'v' });
    expect(loaded.cache.getAll('script', ['c'], T0)).toEqual({ c: 'x' });
    expect(loaded.mail.sent()).toHaveLength(1);
    expect(loaded.triggers.list()).toHaveLength(1);
    expect(loaded.clock.now()).toBe(T0);
    expect(loaded.auth.getStatus('new@example.org')).toBe('REQUIRED');
    // A failed save leaves the previous file whole and no temp file behind.
    const broken = {
      ...loaded,
      mail: {
        ...loaded.mail,
        snapshot: () => {
          throw new Error('disk full');
        },
      },
    };
    expect(() => saveStore(broken as typeof loaded, file)).toThrow('disk full');
    expect(fs.readdirSync(dir)).toEqual(['state.json']);
    expect(loadStore(file).properties.getAll('script')).toEqual({ k: 'v' });
    const again = createEmulator({
      store: loaded,
      code: 'function g() { return PropertiesService.getScriptProperties().getProperty("k"); }',
    });
    expect(again.run('g', [], AS).value).toBe('v');
  });
});
