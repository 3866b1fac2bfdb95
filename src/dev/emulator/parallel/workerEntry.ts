// Entry of an execution's worker thread (bundled to build/emulatorWorker.js by workerBundle.ts):
// one ScriptLoader over the store proxy, one execution in a fresh realm, the result posted back.
import { parentPort, workerData } from 'node:worker_threads';
import { ScriptLoader, type ExecutionRequest, type ExecutionResult } from '../loader';
import { clientResult } from '../realm';
import { triggerRequest } from '../triggerRequest';
import type { WorkerEvent, WorkerInput } from './protocol';
import { createStoreProxy } from './storeProxy';

function main(input: WorkerInput): void {
  const post = (e: WorkerEvent): void => parentPort!.postMessage(e);
  const store = createStoreProxy(input.port, input.signal, input.lockPollMs);
  const loader = new ScriptLoader({
    store,
    distDir: input.distDir,
    strict: input.strict,
    manifest: input.manifest,
    profile: input.profile,
    code: () => input.code,
  });
  const request: ExecutionRequest =
    input.job.kind === 'trigger' ? triggerRequest(input.job.trigger, input.profile) : input.job.request;

  // Everyone starts together: wait at the gate until every worker of the batch is up.
  post({ type: 'ready' });
  Atomics.wait(new Int32Array(input.startGate), 0, 0);

  // The calls' order stays in the worker: the objects they were made on cannot cross to the main thread.
  let result: ExecutionResult = { ...loader.execute(request), sequence: undefined };
  if (input.job.kind === 'plain' && input.job.client && result.ok)
    result = { ...result, value: clientResult(result.value) };
  try {
    post({ type: 'result', result });
  } catch (e) {
    // A value that cannot cross threads (a function, a host object): report it instead.
    post({
      type: 'result',
      result: {
        ...result,
        ok: false,
        value: undefined,
        error: {
          message: `runParallel: the return value cannot be copied to the main thread: ${(e as Error).message}`,
        },
      },
    });
  }
  input.port.close();
}

main(workerData as WorkerInput);
