// The emulator facade used by tests and the local preview: runs dist/Code.js against an emulated store.
import { NEW_PROJECT_MANIFEST, readManifest, type Manifest } from './manifest';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AuthModeName } from './context';
import { bundleProvider, customFunctionNames, formulaEngineFor } from './formulas/engine';
import { ScriptLoader, type ExecutionRequest, type ExecutionResult } from './loader';
import { clientArgs, clientResult } from './realm';
import { lockKeys } from './services/LockService';
import { createMemoryStore } from './store/memory';
import { runParallel, type ParallelOptions, type ParallelRequest } from './parallel/runParallel';
import { triggerRequest } from './triggerRequest';
import type { Store } from './store/types';

export type { ExecutionResult } from './loader';
export type { AuthModeName } from './context';
export type { Manifest } from './manifest';
export { saveStore, loadStore } from './store/memory';
export type { ParallelOptions, ParallelRequest } from './parallel/runParallel';

export interface RunAs {
  user: string;
  documentId: string;
  authMode?: AuthModeName;
  effectiveUser?: string;
}

export interface EmulatorOptions {
  store?: Store;
  /** The bundle's source; defaults to reading <distDir>/Code.js on the first run. */
  code?: string;
  /** Where Code.js, appsscript.json and the HTML files are; defaults to <repo>/dist. */
  distDir?: string;
  /**
   * The script's manifest; defaults to <distDir>/appsscript.json (a new project's when there is none,
   * or when `code` is given).
   */
  manifest?: Manifest;
  /** Initial simulated time (default: the real now, or the given store's clock). */
  now?: Date | number;
  /** Throw on spreadsheet writes made without the document lock. */
  strict?: boolean;
  /** Daily e-mail recipient quota per user (default 100). */
  mailQuota?: number;
}

export interface Emulator {
  readonly store: Store;
  createSpreadsheet(opts: { name: string; owner: string }): string;
  run<T = unknown>(fn: string, args?: unknown[], as?: RunAs): ExecutionResult<T>;
  runFromClient<T = unknown>(fn: string, args: unknown[], as: RunAs): ExecutionResult<T>;
  runCustomFunction<T = unknown>(fn: string, args: unknown[], documentId: string): ExecutionResult<T>;
  runTrigger(triggerId: string): ExecutionResult;
  /**
   * Runs the requests at the same time, each in its own worker thread (as Apps Script runs
   * executions in parallel) against this emulator's one store; results in the order of `requests`.
   * See src/dev/emulator/parallel/runParallel.ts.
   */
  runParallel(requests: ParallelRequest[], opts?: ParallelOptions): Promise<ExecutionResult[]>;
  setNow(t: Date | number): void;
  advance(ms: number): void;
  now(): number;
  holdLock(kind: 'document' | 'script', documentId: string): () => void;
}

const REPO_DIST = path.resolve(__dirname, '../../../dist');
const ms = (t: Date | number): number => (typeof t === 'number' ? t : t.getTime());

function failed<T>(message: string): ExecutionResult<T> {
  return {
    ok: false,
    error: { message },
    calls: {},
    totalCalls: 0,
    spreadsheetCalls: 0,
    unlockedWrites: [],
    logs: [],
    durationMs: 0,
  };
}

/**
 * An emulator over `opts.store` (or a fresh in-memory store).
 * @returns the facade; every run* call is one Apps Script execution in a fresh realm.
 */
export function createEmulator(opts: EmulatorOptions = {}): Emulator {
  const store = opts.store ?? createMemoryStore(opts.now === undefined ? undefined : ms(opts.now));
  if (opts.store && opts.now !== undefined) store.clock.set(ms(opts.now));
  if (opts.mailQuota !== undefined) store.mail.setDailyLimit(opts.mailQuota);
  const distDir = opts.distDir ?? REPO_DIST;
  const code = (): string => opts.code ?? fs.readFileSync(path.join(distDir, 'Code.js'), 'utf8');
  // A bundle given as text is a test's own script: a new project's manifest, whatever dist/ holds.
  const manifest = opts.manifest ?? (opts.code === undefined ? readManifest(distDir) : NEW_PROJECT_MANIFEST);
  const loader = new ScriptLoader({ store, distDir, strict: opts.strict ?? false, code, manifest });
  const runCustom = <T>(fn: string, args: unknown[], documentId: string): ExecutionResult<T> =>
    loader.execute<T>({
      fn,
      args,
      activeUserEmail: '',
      effectiveUserEmail: '',
      documentId,
      authMode: 'CUSTOM_FUNCTION',
    });
  // Formula cells compute when read; this bundle's @customfunction functions become callable from them.
  // A bundle given as text with none (a test's helper script) adds nothing.
  const engine = formulaEngineFor(store.spreadsheets, () => store.clock.now());
  if (opts.code === undefined || customFunctionNames(opts.code).length > 0) {
    engine.register(
      opts.code === undefined ? `dist:${path.resolve(distDir)}` : `code:${opts.code}`,
      bundleProvider(code, runCustom),
    );
  }
  let lastSpreadsheet: { id: string; owner: string } | null = null;
  let holders = 0;

  const request = (fn: string, args: unknown[], as: RunAs, authMode: AuthModeName): ExecutionRequest => ({
    fn,
    args,
    activeUserEmail: as.user,
    effectiveUserEmail: as.effectiveUser ?? as.user,
    documentId: as.documentId,
    authMode,
  });
  const defaultAs = (): RunAs => {
    if (!lastSpreadsheet) throw new Error('run(): pass `as` or create a spreadsheet first');
    return { user: lastSpreadsheet.owner, documentId: lastSpreadsheet.id };
  };

  return {
    store,
    createSpreadsheet({ name, owner }) {
      const { id } = store.spreadsheets.createSpreadsheet({ id: newSpreadsheetId(), name, owner });
      lastSpreadsheet = { id, owner };
      return id;
    },
    run<T>(fn: string, args: unknown[] = [], as: RunAs = defaultAs()) {
      return loader.execute<T>(request(fn, args, as, as.authMode ?? 'FULL'));
    },
    runFromClient<T>(fn: string, args: unknown[], as: RunAs) {
      // google.script.run never exposes private functions (name ending in "_").
      if (fn.endsWith('_')) return failed<T>(`google.script.run.${fn} is not a function`);
      let sent: unknown[];
      try {
        sent = clientArgs(args);
      } catch (e) {
        return failed<T>((e as Error).message);
      }
      const result = loader.execute<T>(request(fn, sent, as, as.authMode ?? 'FULL'));
      return result.ok ? { ...result, value: clientResult(result.value) as T } : result;
    },
    runCustomFunction<T>(fn: string, args: unknown[], documentId: string) {
      return runCustom<T>(fn, args, documentId);
    },
    runTrigger(triggerId) {
      const t = store.triggers.get(triggerId);
      if (!t) return failed(`no trigger with id ${triggerId}`);
      return loader.execute(triggerRequest(t));
    },
    runParallel(requests, parallelOpts = {}) {
      return runParallel({ store, code, distDir, strict: opts.strict ?? false, manifest }, requests, parallelOpts);
    },
    setNow: (t) => store.clock.set(ms(t)),
    advance: (delta) => void store.clock.advance(delta),
    now: () => store.clock.now(),
    holdLock(kind, documentId) {
      const owner = `external-holder-${++holders}`;
      const key = kind === 'document' ? lockKeys.document(documentId) : lockKeys.script();
      if (!store.locks.acquire(key, owner, 0)) throw new Error(`holdLock: ${key} is already held`);
      return () => store.locks.release(key, owner);
    },
  };
}

/** A Drive-like file id (44 characters of [A-Za-z0-9_-]). */
function newSpreadsheetId(): string {
  return `1${randomBytes(33).toString('base64url')}`.slice(0, 44);
}
