// Worker side: a Store whose every method is a synchronous round trip to the one store in the
// main thread (see protocol.ts). The services receive it instead of the in-memory store and work
// unchanged. The lock part differs in one way: acquire really waits, polling the main store with
// short sleeps until the lock is free or `timeoutMs` (real time) has passed.
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { Store } from '../store/types';
import type { LockStore } from '../store/serviceStores';
import { STORE_PARTS, WAITING, type StoreAnswer, type StoreCall, type StorePart } from './protocol';

/** Blocks the calling thread for `ms` milliseconds. */
export function sleepSync(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** A store calling the main thread through `port`, blocking on `signal` for each answer. */
export function createStoreProxy(port: MessagePort, signalBuffer: SharedArrayBuffer, lockPollMs: number): Store {
  const signal = new Int32Array(signalBuffer);
  let seq = 0;

  function call(part: StorePart, method: string, args: unknown[]): unknown {
    const id = ++seq;
    Atomics.store(signal, 0, WAITING);
    port.postMessage({ seq: id, part, method, args } satisfies StoreCall);
    for (;;) {
      Atomics.wait(signal, 0, WAITING);
      const got = receiveMessageOnPort(port);
      if (got === undefined) {
        // The signal came before the message was visible: give it a moment.
        sleepSync(1);
        continue;
      }
      const answer = got.message as StoreAnswer;
      if (answer.seq !== id) throw new Error(`emulator store proxy: answer ${answer.seq} to call ${id}`);
      if (answer.ok) return answer.value;
      const err = new Error(answer.error.message);
      err.name = answer.error.name;
      throw err;
    }
  }

  const part = (name: StorePart): unknown =>
    new Proxy(Object.create(null) as object, {
      get: (_t, method) => (typeof method === 'string' ? (...args: unknown[]) => call(name, method, args) : undefined),
    });

  const store = Object.fromEntries(STORE_PARTS.map((name) => [name, part(name)])) as unknown as Store;
  const remoteLocks = store.locks;
  const locks: LockStore = {
    acquire(key, owner, timeoutMs) {
      const deadline = performance.now() + Math.max(0, timeoutMs);
      for (;;) {
        if (remoteLocks.acquire(key, owner, 0)) return true;
        const left = deadline - performance.now();
        if (left <= 0) return false;
        sleepSync(Math.min(lockPollMs, Math.ceil(left)));
      }
    },
    release: (key, owner) => remoteLocks.release(key, owner),
    holder: (key) => remoteLocks.holder(key),
    releaseAll: (owner) => remoteLocks.releaseAll(owner),
  };
  return { ...store, locks };
}
