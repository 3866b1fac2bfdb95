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
  function rules() {
    var sheet = SpreadsheetApp.getActive().getSheets()[0];
    LockService.getDocumentLock().waitLock(1000);
    var rule = SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('не сдан').setBold(true)
      .setRanges([sheet.getRange('B2:B9')]).build();
    sheet.setConditionalFormatRules([rule]);
    var back = sheet.getConditionalFormatRules()[0];
    return [back.getRanges()[0].getA1Notation(), String(back.getBooleanCondition().getCriteriaType())];
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

/** One call on the main store's document lock, in the order the store saw it. */
interface LockEvent {
  call: 'acquire' | 'release';
  owner: string;
  /** For acquire: whether it got the lock. */
  got?: boolean;
  /** Who held the lock just before the call. */
  heldBy: string | null;
}

/**
 * Records every call the executions (and the test) make on the document lock of AS.documentId:
 * the order of events is what these tests check, never how long anything took.
 */
function recordLock(em: ReturnType<typeof emulator>): LockEvent[] {
  const events: LockEvent[] = [];
  const locks = em.store.locks;
  const key = `document:${AS.documentId}`;
  const { acquire, release, releaseAll } = locks;
  locks.acquire = (k, owner, timeoutMs) => {
    const heldBy = locks.holder(k);
    const got = acquire.call(locks, k, owner, timeoutMs);
    if (k === key) events.push({ call: 'acquire', owner, got, heldBy });
    return got;
  };
  locks.release = (k, owner) => {
    if (k === key) events.push({ call: 'release', owner, heldBy: locks.holder(k) });
    return release.call(locks, k, owner);
  };
  locks.releaseAll = (owner) => {
    if (locks.holder(key) === owner) events.push({ call: 'release', owner, heldBy: owner });
    return releaseAll.call(locks, owner);
  };
  return events;
}

/** Index of the first event matching `match` (fails the test if there is none). */
const indexOf = (events: LockEvent[], match: (e: LockEvent) => boolean): number => {
  const i = events.findIndex(match);
  expect(i).not.toBe(-1);
  return i;
};

/** Resolves once `seen()` holds, letting the workers' store calls be served meanwhile. */
async function until(seen: () => boolean): Promise<void> {
  for (let turns = 0; !seen(); turns++) {
    if (turns > 100_000) throw new Error('the awaited event never happened');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * The waiter's attempts, split at the holder's release: every attempt before it found the lock
 * held by the holder and failed.
 */
function attemptsAround(events: LockEvent[], holder: string) {
  const released = events.findIndex((e) => e.call === 'release' && e.owner === holder);
  const attempts = events.map((e, i) => ({ ...e, i })).filter((e) => e.call === 'acquire' && e.owner !== holder);
  const before = attempts.filter((e) => released === -1 || e.i < released);
  const after = attempts.filter((e) => released !== -1 && e.i > released);
  return { released, before, after };
}

describe('runParallel: executions overlap', () => {
  it('the waiter blocks in waitLock while the other holds the document lock, and gets it after release', async () => {
    const em = emulator();
    const events = recordLock(em);
    const [holder, waiter] = await em.runParallel([run('hold', 300, false), run('wait', 'waitLock', 10_000)]);
    expect(ok(holder)).toBe('held');
    expect(ok(waiter)).toEqual({ first: false, got: true, released: '1', hasLock: true });
    const holderId = events[indexOf(events, (e) => e.call === 'acquire' && e.got === true)]!.owner;
    const { released, before, after } = attemptsAround(events, holderId);
    expect(released).toBeGreaterThan(0);
    // tryLock(0), then waitLock: at least two attempts while the holder had it, none of them granted.
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(before.every((e) => e.got === false && e.heldBy === holderId)).toBe(true);
    expect(after[0]).toMatchObject({ got: true, heldBy: null });
    expect(em.store.locks.holder('document:doc-1')).toBeNull();
  });

  it('a lock held from the test (emulator.holdLock) is waited for until the test lets it go', async () => {
    const em = emulator();
    const events = recordLock(em);
    const release = em.holdLock('document', AS.documentId);
    const testId = events[0]!.owner;
    const done = em.runParallel([run('lockFor', 60_000)]);
    // Let go only once the execution has found the lock taken.
    await until(() => events.some((e) => e.call === 'acquire' && e.owner !== testId));
    release();
    const [r] = await done;
    expect(ok(r)).toEqual([true, true]);
    const { released, before, after } = attemptsAround(events, testId);
    expect(before.length).toBeGreaterThanOrEqual(1);
    expect(before.every((e) => e.got === false && e.heldBy === testId)).toBe(true);
    expect(after[0]).toMatchObject({ got: true, heldBy: null });
    expect(released).toBeGreaterThan(0);
  });

  it.each([
    ['waitLock', 80, { first: false, error: LOCK_TIMEOUT_MESSAGE, released: null, hasLock: false }],
    ['tryLock', 50, { first: false, got: false, released: null, hasLock: false }],
  ])('a short %s gives up while the other still holds the lock', async (method, ms, answer) => {
    const em = emulator();
    const events = recordLock(em);
    const [holder, waiter] = await em.runParallel([run('holdUntilDone'), run('wait', method, ms)]);
    expect(ok(holder)).toBe('held');
    expect(ok(waiter)).toEqual(answer);
    const holderId = events[0]!.owner;
    const { before, after } = attemptsAround(events, holderId);
    // tryLock(0) and the timed call both asked while the holder had it; the holder let go only after.
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(before.every((e) => e.got === false && e.heldBy === holderId)).toBe(true);
    expect(after).toEqual([]);
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

  it('conditional format rules set in a worker land with the sheet in the main store', async () => {
    const em = emulator();
    const doc = em.createSpreadsheet({ name: 'S', owner: AS.user });
    const [r] = await em.runParallel([{ kind: 'run', fn: 'rules', as: { ...AS, documentId: doc } }]);
    expect(ok(r)).toEqual(['B2:B9', 'TEXT_EQUAL_TO']);
    expect(em.store.spreadsheets.getSpreadsheet(doc)!.sheets[0]!.conditionalFormats).toEqual([
      {
        ranges: [{ row: 2, column: 2, numRows: 8, numColumns: 1 }],
        criteria: 'TEXT_EQUAL_TO',
        values: ['не сдан'],
        format: { bold: true },
      },
    ]);
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
