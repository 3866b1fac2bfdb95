// Typed promises over google.script.run: a renamed server function is a compile error here.
import type { ServerApi } from '../../contract/serverApi';
import { identityHelp } from '../../domain/messages';

type Fn<K extends keyof ServerApi> = ServerApi[K] extends (...args: infer A) => infer R
  ? (...args: A) => Promise<R>
  : never;

interface Runner {
  withSuccessHandler(f: (value: unknown) => void): Runner;
  withFailureHandler(f: (error: Error) => void): Runner;
  [name: string]: unknown;
}

/**
 * How Google fails google.script.run for a user signed in to several Google accounts at once
 * (multi-login "isn't supported for Apps Script, add-ons, or web apps"): "We're sorry, a server
 * error occurred while reading from storage. Error code PERMISSION_DENIED.", "Authorization is
 * required to perform that action." or "Action not allowed" — never a message of this add-on,
 * whose server answers only in Russian.
 */
const MULTI_LOGIN = /PERMISSION_DENIED|Authorization is required to perform that action|Action not allowed/i;

/** The Russian sentence for a failed call: the server's own, or the multi-login explanation. */
export function failureMessage(error: unknown): Error {
  const message = error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);
  return MULTI_LOGIN.test(message)
    ? new Error(identityHelp.multiLogin)
    : error instanceof Error
      ? error
      : new Error(message);
}

/** Calls a server function; rejects with the server's Russian message. */
export function callServer<K extends keyof ServerApi>(name: K, ...args: Parameters<Fn<K>>): ReturnType<Fn<K>> {
  return new Promise((resolve, reject) => {
    const g = (window as unknown as { google?: { script?: { run?: Runner } } }).google;
    const run = g?.script?.run;
    if (!run) {
      reject(new Error('Эта страница работает только внутри Google Таблиц.'));
      return;
    }
    const runner = run
      .withSuccessHandler((v) => resolve(v as never))
      .withFailureHandler((e) => reject(failureMessage(e)));
    (runner[name as string] as (...a: unknown[]) => void)(...args);
  }) as ReturnType<Fn<K>>;
}
