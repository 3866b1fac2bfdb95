// Typed promises over google.script.run: a renamed server function is a compile error here.
import type { ServerApi } from '../../contract/serverApi';

type Fn<K extends keyof ServerApi> = ServerApi[K] extends (...args: infer A) => infer R
  ? (...args: A) => Promise<R>
  : never;

interface Runner {
  withSuccessHandler(f: (value: unknown) => void): Runner;
  withFailureHandler(f: (error: Error) => void): Runner;
  [name: string]: unknown;
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
    const runner = run.withSuccessHandler((v) => resolve(v as never)).withFailureHandler((e) => reject(e));
    (runner[name as string] as (...a: unknown[]) => void)(...args);
  }) as ReturnType<Fn<K>>;
}
