// Runs one Apps Script execution: a fresh realm with Apps Script's globals, the bundle's top-level
// code, then the named function; implements ExecutionContext and releases the execution's locks.
import type { Manifest } from './manifest';
import { randomUUID } from 'node:crypto';
import * as vm from 'node:vm';
import type { AuthModeName, DeploymentProfile, EmailHiding, ExecutionContext } from './context';
import type { Store } from './store/types';
import { createRealm, fromRealm, toRealm, type RealmIntrinsics } from './realm';
import { createCacheService } from './services/CacheService';
import { createHtmlService, type TemplateCompiler } from './services/HtmlService';
import { createLockService, lockKeys } from './services/LockService';
import { createLogging } from './services/Logger';
import { createMailApp } from './services/MailApp';
import { createPropertiesService } from './services/PropertiesService';
import { createScriptApp, createScriptEnums, type ScriptEnums } from './services/ScriptApp';
import { createSession } from './services/Session';
import { createSpreadsheetApp } from './spreadsheet/SpreadsheetApp';
import { createUtilities } from './services/Utilities';

export interface ExecutionResult<T = unknown> {
  ok: boolean;
  value?: T;
  error?: { message: string; stack?: string };
  calls: Record<string, number>;
  /**
   * Every service call in order ("SpreadsheetApp.Range.getValues") and the object it was called on
   * (a range or sheet describes itself with `_where()`), for `npm run bench:trace`.
   */
  sequence?: { call: string; on?: object }[];
  totalCalls: number;
  spreadsheetCalls: number;
  unlockedWrites: string[];
  logs: string[];
  durationMs: number;
  /**
   * Where the time went (for `npm run bench`): `loadMs` running Code.js's top level, `serviceMs`
   * inside emulated services (the emulator's own work, not the add-on's), `scriptMs` the rest of
   * the execution from loading to returning (the add-on's CPU: load + its own code).
   */
  timing?: { loadMs: number; serviceMs: number; scriptMs: number };
  /** Cells read and written per sheet name (values, formulas and formats alike). */
  cells?: Record<string, { read: number; written: number }>;
}

/** Who runs an execution, where, and how its arguments/event are made. */
export interface ExecutionRequest {
  fn: string;
  /** Host values, copied into the realm (Dates become the realm's Dates). */
  args: unknown[];
  activeUserEmail: string;
  effectiveUserEmail: string;
  documentId: string;
  authMode: AuthModeName;
  /** An installable trigger fires (Session and the document context follow its rules). */
  trigger?: boolean;
  /** What Session hides of the user's address in FULL mode (default: nothing). */
  emailHiding?: EmailHiding;
  /** Builds the event object (first argument) inside the realm, replacing `args`. */
  event?: (env: {
    enums: ScriptEnums;
    realm: RealmIntrinsics;
    ctx: ExecutionContext;
    globals: Record<string, unknown>;
  }) => unknown;
}

export interface LoaderOptions {
  store: Store;
  /** The bundle's source (Code.js). */
  code: () => string;
  distDir: string;
  strict: boolean;
  manifest: Manifest;
  /** Deployment profile (default `bound`). */
  profile?: DeploymentProfile;
}

/** Compiles the bundle once and runs executions of it, each in a fresh realm. */
export class ScriptLoader {
  private script: vm.Script | null = null;
  private sequence = 0;

  constructor(private readonly opts: LoaderOptions) {}

  private compiled(): vm.Script {
    this.script ??= new vm.Script(this.opts.code(), { filename: 'Code.js' });
    return this.script;
  }

  /** Run `req.fn` in a fresh realm; never throws for script errors (they land in `error`). */
  execute<T = unknown>(req: ExecutionRequest): ExecutionResult<T> {
    const started = performance.now();
    const store = this.opts.store;
    const executionId = `exec-${++this.sequence}-${randomUUID()}`;
    const calls: Record<string, number> = {};
    const sequence: { call: string; on?: object }[] = [];
    const unlockedWrites: string[] = [];
    const { context, intrinsics } = createRealm(() => store.clock.now());
    const strict = this.opts.strict;
    let serviceMs = 0;
    let depth = 0;
    const cellsById = new Map<string, { docId: string; sheetId: number; read: number; written: number }>();

    const ctx: ExecutionContext = {
      store,
      executionId,
      activeUserEmail: req.activeUserEmail,
      effectiveUserEmail: req.effectiveUserEmail,
      authMode: req.authMode,
      documentId: req.documentId,
      manifest: this.opts.manifest,
      profile: this.opts.profile ?? 'bound',
      trigger: req.trigger === true,
      emailHiding: req.emailHiding ?? 'none',
      now: () => store.clock.now(),
      count(service, method, on) {
        const key = `${service}.${method}`;
        calls[key] = (calls[key] ?? 0) + 1;
        sequence.push({ call: key, on });
      },
      assertWrite(what) {
        if (req.documentId !== '' && store.locks.holder(lockKeys.document(req.documentId)) === executionId) return;
        if (store.locks.holder(lockKeys.script()) === executionId) return;
        if (strict) {
          throw ctx.createError(
            `unlocked write: ${what} (strict mode: hold the document lock or the script lock while writing)`,
          );
        }
        unlockedWrites.push(what);
      },
      createDate: (ms) => new intrinsics.Date(ms),
      createError: (message) => new intrinsics.Error(message),
      notEmulated(name) {
        throw ctx.createError(`not emulated: ${name}`);
      },
      timed(fn) {
        if (depth > 0) return fn();
        const t0 = performance.now();
        depth++;
        try {
          return fn();
        } finally {
          depth--;
          serviceMs += performance.now() - t0;
        }
      },
      cells(kind, docId, sheetId, count) {
        const key = docId + '#' + sheetId;
        const entry = cellsById.get(key) ?? { docId, sheetId, read: 0, written: 0 };
        if (kind === 'read') entry.read += count;
        else entry.written += count;
        cellsById.set(key, entry);
      },
    };

    const logging = createLogging(ctx);
    const enums = createScriptEnums();
    const compile: TemplateCompiler = (src) => vm.runInContext(src, context) as ReturnType<TemplateCompiler>;
    const globals: Record<string, unknown> = {
      PropertiesService: createPropertiesService(ctx),
      CacheService: createCacheService(ctx),
      LockService: createLockService(ctx),
      MailApp: createMailApp(ctx),
      ScriptApp: createScriptApp(ctx, enums),
      Session: createSession(ctx),
      Utilities: createUtilities(ctx),
      HtmlService: createHtmlService(ctx, { distDir: this.opts.distDir, compile }),
      SpreadsheetApp: createSpreadsheetApp(ctx),
      Logger: logging.Logger,
      console: logging.console,
    };
    for (const [name, value] of Object.entries(globals)) {
      Object.defineProperty(context, name, { value, writable: true, configurable: true, enumerable: false });
    }

    let result: Pick<ExecutionResult<T>, 'ok' | 'value' | 'error'>;
    const script = this.compiled();
    const loadStart = performance.now();
    let loadMs = 0;
    let scriptEnd = loadStart;
    try {
      script.runInContext(context);
      loadMs = performance.now() - loadStart;
      const target = (context as Record<string, unknown>)[req.fn];
      if (typeof target !== 'function') throw ctx.createError(`Script function not found: ${req.fn}`);
      const args = req.event
        ? [req.event({ enums, realm: intrinsics, ctx, globals })]
        : withAuthModeEnums(toRealm(req.args, intrinsics) as unknown[], enums);
      const value = (target as (...a: unknown[]) => unknown).apply(undefined, args);
      scriptEnd = performance.now();
      result = { ok: true, value: fromRealm(value, intrinsics) as T };
    } catch (e) {
      scriptEnd = performance.now();
      result = { ok: false, error: describeError(e) };
    } finally {
      store.locks.releaseAll(executionId);
    }
    const totalCalls = Object.values(calls).reduce((a, b) => a + b, 0);
    const spreadsheetCalls = Object.entries(calls)
      .filter(([k]) => k.startsWith('SpreadsheetApp.'))
      .reduce((a, [, n]) => a + n, 0);
    return {
      ...result,
      calls,
      sequence,
      totalCalls,
      spreadsheetCalls,
      unlockedWrites,
      logs: logging.lines(),
      durationMs: performance.now() - started,
      timing: { loadMs, serviceMs, scriptMs: Math.max(0, scriptEnd - loadStart - serviceMs) },
      cells: cellsByName(store, cellsById.values()),
    };
  }
}

/** Cell counts keyed by sheet name (a sheet deleted meanwhile keeps its id). */
function cellsByName(
  store: Store,
  entries: Iterable<{ docId: string; sheetId: number; read: number; written: number }>,
): NonNullable<ExecutionResult['cells']> {
  const out: NonNullable<ExecutionResult['cells']> = {};
  for (const e of entries) {
    const name = store.spreadsheets.getSpreadsheet(e.docId)?.sheets.find((s) => s.sheetId === e.sheetId)?.name;
    const key = name ?? '#' + e.sheetId;
    const known = out[key] ?? { read: 0, written: 0 };
    out[key] = { read: known.read + e.read, written: known.written + e.written };
  }
  return out;
}

/**
 * Event objects handed to run() name their auth mode as a string ({ authMode: 'NONE' }); the
 * script compares it with ScriptApp.AuthMode.NONE by identity, so swap in this execution's enum.
 */
function withAuthModeEnums(args: unknown[], enums: ScriptEnums): unknown[] {
  for (const a of args) {
    if (a === null || typeof a !== 'object' || Array.isArray(a)) continue;
    const e = a as Record<string, unknown>;
    if (typeof e.authMode === 'string' && e.authMode in enums.AuthMode) {
      e.authMode = enums.AuthMode[e.authMode as keyof ScriptEnums['AuthMode']];
    }
  }
  return args;
}

/** Message and stack of anything thrown, from either realm. */
function describeError(e: unknown): { message: string; stack?: string } {
  if (e !== null && typeof e === 'object' && 'message' in e) {
    const err = e as { message: unknown; stack?: unknown };
    return { message: String(err.message), ...(typeof err.stack === 'string' ? { stack: err.stack } : {}) };
  }
  return { message: String(e) };
}
