// The emulator facade used by tests and the local preview: runs dist/Code.js against an emulated store.
import { NEW_PROJECT_MANIFEST, readManifest, type Manifest } from './manifest';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AuthModeName, DeploymentProfile, EmailHiding } from './context';
import { PROFILE_DIST } from './profiles';
import { bundleProvider, customFunctionNames, formulaEngineFor } from './formulas/engine';
import { ScriptLoader, type ExecutionRequest, type ExecutionResult } from './loader';
import { clientArgs, clientResult } from './realm';
import { lockKeys } from './services/LockService';
import { createMemoryStore } from './store/memory';
import { runParallel, type ParallelOptions, type ParallelRequest } from './parallel/runParallel';
import { triggerRequest } from './triggerRequest';
import type { Store } from './store/types';

export type { ExecutionResult } from './loader';
export type { AuthModeName, DeploymentProfile, EmailHiding } from './context';
export type { Manifest } from './manifest';
export { PROFILES } from './profiles';
export { saveStore, loadStore } from './store/memory';
export type { ParallelOptions, ParallelRequest } from './parallel/runParallel';

export interface RunAs {
  user: string;
  documentId: string;
  authMode?: AuthModeName;
  effectiveUser?: string;
  /** What Google hides of this user's address (default: the emulator's `emailHiding` for the user). */
  emailHiding?: EmailHiding;
}

export interface EmulatorOptions {
  store?: Store;
  /** The bundle's source; defaults to reading <distDir>/Code.js on the first run. */
  code?: string;
  /** Defaults to <repo>/dist (profile `bound`) or <repo>/dist-addon (profile `addon`). */
  distDir?: string;
  /**
   * The script's manifest; defaults to <distDir>/appsscript.json (a new project's when there is none,
   * or when `code` is given).
   */
  manifest?: Manifest;
  /** How the script is deployed (src/dev/emulator/profiles.ts); default `bound`. */
  profile?: DeploymentProfile;
  /** Per user: what Google hides of their address in FULL mode (default: nothing). */
  emailHiding?: Record<string, EmailHiding>;
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
   * The user installs the add-on from the Marketplace: `addon` runs onInstall(e) in FULL mode;
   * `bound` returns null (a container-bound script is never installed, onInstall never runs).
   */
  install(as: RunAs): ExecutionResult | null;
  readonly profile: DeploymentProfile;
  /** From now on, Google hides `user`'s address as `hiding` says. */
  setEmailHiding(user: string, hiding: EmailHiding): void;
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

const REPO_ROOT = path.resolve(__dirname, '../../..');
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
  const profile = opts.profile ?? 'bound';
  const distDir = opts.distDir ?? path.join(REPO_ROOT, PROFILE_DIST[profile]);
  const code = (): string => opts.code ?? fs.readFileSync(path.join(distDir, 'Code.js'), 'utf8');
  // A bundle given as text is a test's own script: a new project's manifest, whatever dist/ holds.
  const manifest = opts.manifest ?? (opts.code === undefined ? readManifest(distDir) : NEW_PROJECT_MANIFEST);
  const loader = new ScriptLoader({ store, distDir, strict: opts.strict ?? false, code, manifest, profile });
  const hiding = new Map<string, EmailHiding>(Object.entries(opts.emailHiding ?? {}));
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
    emailHiding: as.emailHiding ?? hiding.get(as.user) ?? 'none',
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
      return loader.execute(triggerRequest(t, profile));
    },
    install(as) {
      if (profile === 'bound') return null;
      return loader.execute({
        ...request('onInstall', [], as, 'FULL'),
        event: ({ enums, realm }) => {
          const e = new realm.Object() as Record<string, unknown>;
          e.authMode = enums.AuthMode.FULL;
          return e;
        },
      });
    },
    profile,
    setEmailHiding: (user, how) => void hiding.set(user, how),
    runParallel(requests, parallelOpts = {}) {
      const withHiding = requests.map((r) =>
        'as' in r ? { ...r, as: { ...r.as, emailHiding: r.as.emailHiding ?? hiding.get(r.as.user) } } : r,
      );
      return runParallel(
        { store, code, distDir, strict: opts.strict ?? false, manifest, profile },
        withHiding,
        parallelOpts,
      );
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
