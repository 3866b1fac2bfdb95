// Parallel executions: each in its own worker thread against the one store of the main thread.
import { createEmulator, type ExecutionResult } from '../../../src/dev/emulator';
import { MAX_EXECUTION_TIME_MESSAGE } from '../../../src/dev/emulator/parallel/runParallel';
import { LOCK_TIMEOUT_MESSAGE } from '../../../src/dev/emulator/services/LockService';

const T0 = Date.UTC(2024, 10, 15, 6, 0, 0);
const AS = { user: 'admin@example.org', documentId: 'doc-1' };
const run = (fn: string, ...args: unknown[]) => ({ kind: 'run' as const, fn, args, as: AS });
const limited = (maxExecutionMs: number, fn: string, ...args: unknown[]) => ({ ...run(fn, ...args), maxExecutionMs });

// Two executions meeting through script properties: `hold` takes the document lock, says so, and
// keeps it until the other says it is waiting (plus a few hundred store round trips); `wait`
// starts once the lock is taken. Spins are bounded so a broken emulator fails instead of hanging.
const SCRIPT = `
  function props() { return PropertiesService.getScriptProperties(); }
  function until(name) { var n = 0; while (!props().getProperty(name)) { if (++n > 500000) throw new Error('never saw ' + name); } }
  function hold(extra, fail) {
    var lock = LockService.getDocumentLock(); lock.waitLock(1000);
    props().setProperty('held', '1'); until('waiting');
    for (var i = 0; i < extra; i++) props().getProperty('x');
    if (fail) throw new Error('holder failed');
    props().setProperty('released', '1');
    lock.releaseLock();
    return 'held';
  }
  function holdForever(withStoreCalls) {
    LockService.getDocumentLock().waitLock(1000); props().setProperty('held', '1');
    while (true) { if (withStoreCalls) props().getProperty('x'); }
  }
  function holdAndEatMemory() {
    LockService.getDocumentLock().waitLock(1000); props().setProperty('held', '1'); until('waiting');
    var all = []; while (true) all.push(new Array(100000).fill(all.length));
  }
  function holdUntilDone() {
    var lock = LockService.getDocumentLock(); lock.waitLock(1000);
    props().setProperty('held', '1'); until('done'); lock.releaseLock(); return 'held';
  }
  function wait(method, ms) {
    until('held');
    var lock = LockService.getDocumentLock();
    var first = lock.tryLock(0);
    props().setProperty('waiting', '1');
    var out = { first: first };
    try {
      if (method === 'tryLock') out.got = lock.tryLock(ms); else { lock.waitLock(ms); out.got = true; }
    } catch (e) { out.error = e.message; }
    out.released = props().getProperty('released');
    out.hasLock = lock.hasLock();
    props().setProperty('done', '1');
    return out;
  }
  function lockFor(ms) { var l = LockService.getDocumentLock(); var got = l.tryLock(ms); return [got, l.hasLock()]; }
  function now() { return Date.now(); }
  function sleepThenNow(ms) { Utilities.sleep(ms); return Date.now(); }
  function echo(a) { return a; }
  function fn() { return function () {}; }
  function write(locked) {
    var lock = LockService.getDocumentLock(); if (locked) lock.waitLock(1000);
    SpreadsheetApp.getActive().getSheets()[0].getRange('A1').setValue('x'); return 'written';
  }
  function formula() {
    var r = SpreadsheetApp.getActive().getSheets()[0].getRange('B1');
    LockService.getDocumentLock().waitLock(1000); r.setFormula('=DOUBLE(21)'); return r.getValue();
  }
/** @customfunction */
function DOUBLE(x) { return x * 2; }
`;

const emulator = (opts: Parameters<typeof createEmulator>[0] = {}) =>
  createEmulator({ code: SCRIPT, now: T0, ...opts });
const ok = <T>(r: ExecutionResult<T> | undefined): T => {
  if (!r?.ok) throw new Error(r?.error?.message ?? 'no result');
  return r.value as T;
};

describe('runParallel: executions overlap', () => {
  it('the waiter blocks in waitLock while the other holds the document lock, and gets it after release', async () => {
    const em = emulator();
    const [holder, waiter] = await em.runParallel([run('hold', 300, false), run('wait', 'waitLock', 10_000)]);
    expect(ok(holder)).toBe('held');
    expect(ok(waiter)).toEqual({ first: false, got: true, released: '1', hasLock: true });
    expect(em.store.locks.holder('document:doc-1')).toBeNull();
  });

  it('a lock held from the test (emulator.holdLock) is waited for until the test lets it go', async () => {
    const em = emulator();
    const release = em.holdLock('document', AS.documentId);
    const timer = setTimeout(release, 150);
    const [r] = await em.runParallel([run('lockFor', 5000)]);
    clearTimeout(timer);
    expect(ok(r)).toEqual([true, true]);
    expect(r!.durationMs).toBeGreaterThanOrEqual(100);
  });

  it("a short waitLock fails with Apps Script's lock-timeout error after really waiting", async () => {
    const em = emulator();
    const [holder, waiter] = await em.runParallel([run('holdUntilDone'), run('wait', 'waitLock', 80)]);
    expect(ok(holder)).toBe('held');
    expect(ok(waiter)).toEqual({ first: false, error: LOCK_TIMEOUT_MESSAGE, released: null, hasLock: false });
    expect(waiter!.durationMs).toBeGreaterThanOrEqual(80);
  });

  it('a short tryLock answers false after its timeout', async () => {
    const em = emulator();
    const [, waiter] = await em.runParallel([run('holdUntilDone'), run('wait', 'tryLock', 50)]);
    expect(ok(waiter)).toEqual({ first: false, got: false, released: null, hasLock: false });
    expect(waiter!.durationMs).toBeGreaterThanOrEqual(50);
  });

  it('the lock of an execution that throws is released when it ends', async () => {
    const em = emulator();
    const [holder, waiter] = await em.runParallel([run('hold', 50, true), run('wait', 'waitLock', 10_000)]);
    expect(holder!.error!.message).toBe('holder failed');
    expect(ok(waiter)).toMatchObject({ first: false, got: true, released: null });
  });

  it.each([[false], [true]])(
    'an execution stopped at its time limit (store calls: %s) releases its lock',
    async (withStoreCalls) => {
      const em = emulator();
      const [holder, waiter] = await em.runParallel([
        limited(300, 'holdForever', withStoreCalls),
        run('wait', 'waitLock', 10_000),
      ]);
      expect(holder!.error!.message).toBe(MAX_EXECUTION_TIME_MESSAGE);
      expect(ok(waiter)).toMatchObject({ first: false, got: true });
      expect(em.store.locks.holder('document:doc-1')).toBeNull();
    },
  );

  it('a worker that crashes (out of memory) releases its lock', async () => {
    const em = emulator();
    const [holder, waiter] = await em.runParallel([run('holdAndEatMemory'), run('wait', 'waitLock', 10_000)], {
      resourceLimits: { maxOldGenerationSizeMb: 48 },
    });
    expect(holder!.error!.message).toMatch(/worker crashed: .*memory/);
    expect(ok(waiter)).toMatchObject({ first: false, got: true });
  });
});

describe('runParallel: the shared store', () => {
  it('Date reads the shared simulated clock; Utilities.sleep moves it for everyone', async () => {
    const em = emulator();
    expect((await em.runParallel([run('now'), run('now')])).map(ok)).toEqual([T0, T0]);
    em.setNow(T0 + 5000);
    const [slept] = await em.runParallel([run('sleepThenNow', 1000)]);
    expect(ok(slept)).toBe(T0 + 6000);
    expect(em.now()).toBe(T0 + 6000);
  });

  it('strict mode refuses an unlocked spreadsheet write in a worker; a locked one lands in the store', async () => {
    const em = emulator({ strict: true });
    const doc = em.createSpreadsheet({ name: 'S', owner: AS.user });
    const as = { ...AS, documentId: doc };
    const [unlocked, locked] = await em.runParallel([
      { kind: 'run', fn: 'write', args: [false], as },
      { kind: 'run', fn: 'write', args: [true], as },
    ]);
    expect(unlocked!.error!.message).toContain('unlocked write');
    expect(ok(locked)).toBe('written');
    expect(em.run('echo', [1], as).ok).toBe(true);
    const sheetId = em.store.spreadsheets.getSpreadsheet(doc)!.sheets[0]!.sheetId;
    expect(
      em.store.spreadsheets.readCells(doc, sheetId, { row: 1, column: 1, numRows: 1, numColumns: 1 }, ['value'])!.rows,
    ).toEqual([[{ value: 'x' }]]);
  });

  it('formula cells read from a worker are computed in the main thread, custom functions included', async () => {
    const em = emulator();
    const doc = em.createSpreadsheet({ name: 'S', owner: AS.user });
    const [r] = await em.runParallel([{ kind: 'run', fn: 'formula', as: { ...AS, documentId: doc } }]);
    expect(ok(r)).toBe(42);
  });
});

describe('runParallel: request kinds and results', () => {
  it("client requests follow google.script.run's rules; results come back in order", async () => {
    const em = emulator();
    const rs = await em.runParallel([
      { kind: 'client', fn: 'echo', args: [{ a: 1, u: undefined }], as: AS },
      { kind: 'client', fn: 'echo', args: [new Date()], as: AS },
      { kind: 'client', fn: 'now', as: AS },
      { kind: 'client', fn: 'secret_', as: AS },
      { kind: 'run', fn: 'echo', args: [new Date(5)], as: AS },
      { kind: 'trigger', triggerId: 'nope' },
      { kind: 'run', fn: 'fn', as: AS },
      { kind: 'run', fn: 'missing', as: AS },
    ]);
    expect(ok(rs[0]!)).toEqual({ a: 1 });
    expect(rs[1]!.error!.message).toBe('Failed due to illegal value in property: 0');
    expect(ok(rs[2]!)).toBe(T0);
    expect(rs[3]!.error!.message).toBe('google.script.run.secret_ is not a function');
    expect(ok(rs[4]!)).toEqual(new Date(5));
    expect(rs[5]!.error!.message).toBe('no trigger with id nope');
    expect(rs[6]!.error!.message).toContain('cannot be copied to the main thread');
    expect(rs[7]!.error!.message).toBe('Script function not found: missing');
  });

  it('a trigger fires in a worker with its event object', async () => {
    const em = createEmulator({
      now: T0,
      code: `function install() { ScriptApp.newTrigger('tick').timeBased().everyDays(1).atHour(7).create(); }
        function tick(e) { return [e.triggerUid, e.year, Session.getEffectiveUser().getEmail()]; }`,
    });
    expect(em.run('install', [], AS).ok).toBe(true);
    const id = em.store.triggers.list()[0]!.id;
    const [r] = await em.runParallel([{ kind: 'trigger', triggerId: id }]);
    expect(ok(r!)).toEqual([id, 2024, AS.user]);
  });
});
