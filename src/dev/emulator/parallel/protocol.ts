// What the main thread and an execution's worker thread say to each other.
//
// Store calls travel on a dedicated MessagePort: the worker posts a StoreCall, then blocks with
// Atomics.wait on the first Int32 of its `signal` SharedArrayBuffer until the main thread has
// applied the call to the one store, posted the StoreAnswer and set the signal to ANSWERED; the
// worker then takes the answer with receiveMessageOnPort. Start-up and the result travel on the
// Worker's own parentPort as WorkerEvents.
import type { Manifest } from '../manifest';
import type { MessagePort } from 'node:worker_threads';
import type { ExecutionRequest, ExecutionResult } from '../loader';
import type { Store } from '../store/types';

/** Names of the store parts a worker may call. */
export const STORE_PARTS = [
  'spreadsheets',
  'ui',
  'properties',
  'cache',
  'locks',
  'mail',
  'triggers',
  'clock',
  'auth',
] as const satisfies ReadonlyArray<keyof Store>;
export type StorePart = (typeof STORE_PARTS)[number];

/** Methods a worker may not call (they take or would replace host-only objects). */
export const WORKER_FORBIDDEN_METHODS: ReadonlySet<string> = new Set(['setFormulaHook', 'restore']);

export interface StoreCall {
  seq: number;
  part: StorePart;
  method: string;
  args: unknown[];
}

export type StoreAnswer =
  | { seq: number; ok: true; value: unknown }
  | { seq: number; ok: false; error: { name: string; message: string } };

/** Values of signal[0]. */
export const WAITING = 0;
export const ANSWERED = 1;

/** The plain-data part of an ExecutionRequest (the event builder of a trigger is rebuilt in the worker). */
export type WorkerJob =
  | { kind: 'plain'; request: Omit<ExecutionRequest, 'event'>; client: boolean }
  | { kind: 'trigger'; trigger: import('../store/serviceStores').TriggerRecord };

export interface WorkerInput {
  job: WorkerJob;
  code: string;
  distDir: string;
  strict: boolean;
  manifest: Manifest;
  profile: import('../context').DeploymentProfile;
  /** Where store calls go; answered by the main thread. */
  port: MessagePort;
  /** Int32Array view: [0] = WAITING | ANSWERED for the pending store call. */
  signal: SharedArrayBuffer;
  /** Shared by every worker of one runParallel: [0] turns 1 when all are ready to start. */
  startGate: SharedArrayBuffer;
  /** Polling interval (ms) of a lock wait. */
  lockPollMs: number;
}

export type WorkerEvent = { type: 'ready' } | { type: 'result'; result: ExecutionResult };
