// Shared test helper: an ExecutionContext around real memory spreadsheet/UI stores (other parts are stubs).
import path from 'node:path';
import { readManifest, type Manifest } from '../../../../src/dev/emulator/manifest';
import type { AuthModeName, ExecutionContext } from '../../../../src/dev/emulator/context';
import type { Store } from '../../../../src/dev/emulator/store/types';
import type { SpreadsheetStore } from '../../../../src/dev/emulator/store/spreadsheetStore';
import { createMemorySpreadsheetStore } from '../../../../src/dev/emulator/store/memory/spreadsheets';
import { createMemoryUiStore } from '../../../../src/dev/emulator/store/memory/ui';
import { createSpreadsheetApp } from '../../../../src/dev/emulator/spreadsheet/SpreadsheetApp';

export const OWNER = 'admin@example.org';
export const EDITOR = 'coordinator@example.org';
export const DOC_ID = 'doc-1';

export interface TestContextOptions {
  user?: string;
  authMode?: AuthModeName;
  /** When true, assertWrite throws unless `holdsLock`. */
  strictLock?: boolean;
  holdsLock?: boolean;
  /** Make every assertWrite throw (to prove nothing changes before it is called). */
  rejectWrites?: boolean;
  now?: number;
  /** The script's manifest (default: the project's appsscript.json). */
  manifest?: Manifest;
  /** Reuse the stores of an earlier context (same "disk"). */
  store?: Store;
}

export interface TestHarness {
  ctx: ExecutionContext;
  store: Store;
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  /** ctx.count calls as 'Service:Class.method'. */
  counts: string[];
  /** ctx.assertWrite calls. */
  writes: string[];
  /** SpreadsheetStore method calls made through this context's store. */
  storeCalls: string[];
}

/** A fresh store with one spreadsheet DOC_ID owned by OWNER, shared with EDITOR. */
export function makeStore(): Store {
  const spreadsheets = createMemorySpreadsheetStore();
  spreadsheets.createSpreadsheet({ id: DOC_ID, name: 'Отчёты', owner: OWNER, editors: [EDITOR] });
  return { spreadsheets, ui: createMemoryUiStore() } as unknown as Store;
}

function countingStore(inner: SpreadsheetStore, calls: string[]): SpreadsheetStore {
  return new Proxy(inner, {
    get(target, prop) {
      const v = Reflect.get(target, prop) as unknown;
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        calls.push(String(prop));
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** Build a context + SpreadsheetApp for one simulated execution. */
export function makeTestContext(opts: TestContextOptions = {}): TestHarness {
  const base = opts.store ?? makeStore();
  const counts: string[] = [];
  const writes: string[] = [];
  const storeCalls: string[] = [];
  const store = { ...base, spreadsheets: countingStore(base.spreadsheets, storeCalls) } as Store;
  const user = opts.user ?? OWNER;
  const ctx: ExecutionContext = {
    store,
    executionId: 'exec-test',
    activeUserEmail: user,
    effectiveUserEmail: user,
    authMode: opts.authMode ?? 'FULL',
    documentId: DOC_ID,
    manifest: opts.manifest ?? readManifest(path.resolve(__dirname, '../../../..')),
    profile: 'bound',
    trigger: false,
    emailHiding: 'none',
    now: () => opts.now ?? Date.UTC(2023, 10, 20, 9, 0, 0),
    count: (service, method) => void counts.push(`${service}:${method}`),
    assertWrite: (what) => {
      writes.push(what);
      if (opts.rejectWrites) throw new Error(`write rejected: ${what}`);
      if (opts.strictLock && !opts.holdsLock) throw new Error(`write without lock: ${what}`);
    },
    createDate: (ms) => new Date(ms),
    createError: (message) => Object.assign(new Error(message), { name: 'Exception' }),
    notEmulated: (name) => {
      throw new Error(`not emulated: ${name}`);
    },
  };
  return { ctx, store: base, app: createSpreadsheetApp(ctx), counts, writes, storeCalls };
}
