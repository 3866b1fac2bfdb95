// Main side of parallel executions: each request runs in its own worker thread (a fresh realm
// there, same loader as the serial runs), while the one store stays here and answers the
// workers' synchronous store calls from this thread's event loop (see protocol.ts).
//
//   const [a, b] = await em.runParallel([
//     { kind: 'client', fn: 'submitReport', args: [report, key], as: { user, documentId } },
//     { kind: 'trigger', triggerId },
//   ]);
//
// All workers of one call start their executions together (a start gate), so they overlap.
// Locks: a worker's LockService really waits (polling the store) up to its timeout, in real time;
// the simulated clock does not move while it waits. Every lock an execution took is released when
// it ends, throws, crashes or is stopped for exceeding `maxExecutionMs`.
// While a batch runs, the main thread must stay free (await it): a synchronous em.run() in the
// meantime runs atomically with respect to the workers, and does not wait for their locks.
import type { Manifest } from '../manifest';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { RunAs } from '../index';
import type { ExecutionRequest, ExecutionResult } from '../loader';
import { clientArgs } from '../realm';
import type { Store } from '../store/types';
import {
  ANSWERED,
  STORE_PARTS,
  WORKER_FORBIDDEN_METHODS,
  type StoreAnswer,
  type StoreCall,
  type WorkerEvent,
  type WorkerInput,
  type WorkerJob,
} from './protocol';
import { workerFile } from './workerBundle';

/** One execution of a parallel batch (`maxExecutionMs` overrides the batch's limit for it). */
export type ParallelRequest = { maxExecutionMs?: number } /** Like Emulator.run (`as` is required here). */ & (
  | { kind: 'run'; fn: string; args?: unknown[]; as: RunAs }
  /** Like Emulator.runFromClient: google.script.run's argument and return-value rules. */
  | { kind: 'client'; fn: string; args?: unknown[]; as: RunAs }
  /** Like Emulator.runTrigger: the installed trigger fires. */
  | { kind: 'trigger'; triggerId: string }
);

export interface ParallelOptions {
  /** An execution still running after this long (real ms) is stopped: Apps Script's 6 minutes by default. */
  maxExecutionMs?: number;
  /** How often a waiting Lock polls the store (ms, default 10). */
  lockPollMs?: number;
  /** Heap limits of each worker (a worker running out of memory crashes; its locks are released). */
  resourceLimits?: import('node:worker_threads').ResourceLimits;
}

/** Apps Script's message for an execution stopped at its time limit. */
export const MAX_EXECUTION_TIME_MESSAGE = 'Exceeded maximum execution time';

export interface ParallelHost {
  store: Store;
  code: () => string;
  distDir: string;
  strict: boolean;
  manifest: Manifest;
  profile?: import('../context').DeploymentProfile;
}

function failed(message: string, durationMs = 0): ExecutionResult {
  return {
    ok: false,
    error: { message },
    calls: {},
    totalCalls: 0,
    spreadsheetCalls: 0,
    unlockedWrites: [],
    logs: [],
    durationMs,
  };
}

function plainRequest(fn: string, args: unknown[], as: RunAs): Omit<ExecutionRequest, 'event'> {
  return {
    fn,
    args,
    activeUserEmail: as.user,
    effectiveUserEmail: as.effectiveUser ?? as.user,
    documentId: as.documentId,
    authMode: as.authMode ?? 'FULL',
    emailHiding: as.emailHiding ?? 'none',
  };
}

/** The worker job of a request, or the failure Apps Script would answer without running anything. */
function jobOf(store: Store, r: ParallelRequest): WorkerJob | ExecutionResult {
  switch (r.kind) {
    case 'run':
      return { kind: 'plain', request: plainRequest(r.fn, r.args ?? [], r.as), client: false };
    case 'client': {
      if (r.fn.endsWith('_')) return failed(`google.script.run.${r.fn} is not a function`);
      try {
        return { kind: 'plain', request: plainRequest(r.fn, clientArgs(r.args ?? []), r.as), client: true };
      } catch (e) {
        return failed((e as Error).message);
      }
    }
    case 'trigger': {
      const trigger = store.triggers.get(r.triggerId);
      return trigger ? { kind: 'trigger', trigger } : failed(`no trigger with id ${r.triggerId}`);
    }
  }
}

/** Answers one worker's store calls on `port` until `stop()`; remembers every lock owner it saw. */
function serveStore(store: Store, port: MessagePort, signal: Int32Array): { owners: Set<string>; stop(): void } {
  const owners = new Set<string>();
  let stopped = false;
  port.on('message', (call: StoreCall) => {
    if (stopped) return;
    let answer: StoreAnswer;
    try {
      if (!(STORE_PARTS as readonly string[]).includes(call.part) || WORKER_FORBIDDEN_METHODS.has(call.method)) {
        throw new Error(`store.${call.part}.${call.method} cannot be called from a worker`);
      }
      const part = store[call.part] as unknown as Record<string, unknown>;
      const method = part[call.method];
      if (typeof method !== 'function' || !Object.hasOwn(part, call.method)) {
        throw new Error(`store.${call.part}.${call.method} is not a function`);
      }
      if (call.part === 'locks' && call.method === 'acquire') owners.add(String(call.args[1]));
      answer = { seq: call.seq, ok: true, value: (method as (...a: unknown[]) => unknown).apply(part, call.args) };
    } catch (e) {
      const err = e as { name?: unknown; message?: unknown };
      answer = {
        seq: call.seq,
        ok: false,
        error: { name: String(err?.name ?? 'Error'), message: String(err?.message ?? e) },
      };
    }
    try {
      port.postMessage(answer);
    } catch (e) {
      port.postMessage({
        seq: call.seq,
        ok: false,
        error: { name: 'DataCloneError', message: (e as Error).message },
      } satisfies StoreAnswer);
    }
    Atomics.store(signal, 0, ANSWERED);
    Atomics.notify(signal, 0);
  });
  return {
    owners,
    stop() {
      stopped = true;
      port.close();
    },
  };
}

/**
 * Runs `requests` at the same time, each in its own worker thread, against `host.store`.
 * @returns one result per request, in order; script errors, crashes and time-outs are results
 *   with ok: false (never a rejection).
 */
export async function runParallel(
  host: ParallelHost,
  requests: ParallelRequest[],
  opts: ParallelOptions = {},
): Promise<ExecutionResult[]> {
  const jobs = requests.map((r) => jobOf(host.store, r));
  const toStart = jobs.filter((j): j is WorkerJob => 'kind' in j).length;
  if (toStart === 0) return jobs as ExecutionResult[];
  const file = workerFile();
  const code = host.code();
  const startGate = new SharedArrayBuffer(4);
  const gate = new Int32Array(startGate);
  let waitingToStart = toStart;
  const started = (): void => {
    if (--waitingToStart > 0) return;
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
  };
  const batchMaxMs = opts.maxExecutionMs ?? 360_000;

  const run = (job: WorkerJob, maxMs: number): Promise<ExecutionResult> =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const { port1, port2 } = new MessageChannel();
      const signal = new SharedArrayBuffer(4);
      const server = serveStore(host.store, port1, new Int32Array(signal));
      const input: WorkerInput = {
        job,
        code,
        distDir: host.distDir,
        strict: host.strict,
        manifest: host.manifest,
        profile: host.profile ?? 'bound',
        port: port2,
        signal,
        startGate,
        lockPollMs: opts.lockPollMs ?? 10,
      };
      const worker = new Worker(file, {
        workerData: input,
        transferList: [port2],
        ...(opts.resourceLimits ? { resourceLimits: opts.resourceLimits } : {}),
      });
      let ready = false;
      let outcome: ExecutionResult | null = null;
      let timer: NodeJS.Timeout | null = null;
      worker.on('message', (e: WorkerEvent) => {
        if (e.type === 'ready' && !ready) {
          ready = true;
          timer = setTimeout(() => {
            outcome ??= failed(MAX_EXECUTION_TIME_MESSAGE, performance.now() - t0);
            void worker.terminate();
          }, maxMs);
          started();
        } else if (e.type === 'result') outcome ??= e.result;
      });
      worker.on('error', (err) => {
        outcome ??= failed(`the execution's worker crashed: ${err.message}`, performance.now() - t0);
      });
      worker.on('exit', (exitCode) => {
        if (timer) clearTimeout(timer);
        if (!ready) started(); // never reached the gate: do not hold the others back
        server.stop();
        // Whatever happened, the execution's locks go (the loader releases them on a normal end).
        for (const owner of server.owners) host.store.locks.releaseAll(owner);
        resolve(
          outcome ??
            failed(`the execution's worker exited with code ${exitCode} without a result`, performance.now() - t0),
        );
      });
    });

  return Promise.all(
    jobs.map((j, i) => ('kind' in j ? run(j, requests[i]!.maxExecutionMs ?? batchMaxMs) : Promise.resolve(j))),
  );
}
