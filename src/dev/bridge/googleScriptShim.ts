// The browser side of google.script.run / google.script.host outside Google: the same chaining
// API, asynchronous handlers and argument rules, over a transport the page provides.
// Bundled for the browser by the build into build/googleScriptShim.js (see shimEntry.ts).

/** What the transport answers for one call. */
export interface BridgeAnswer {
  ok: boolean;
  value?: unknown;
  error?: string;
}

/**
 * What a google.script.run failure handler receives when the user is signed in to several Google
 * accounts at once (Google: multi-login "isn't supported for Apps Script, add-ons, or web apps";
 * the text as add-on authors report it, e.g. github.com/enuchi/React-Google-Apps-Script/issues/46).
 */
export const MULTI_LOGIN_ERROR =
  "We're sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED.";

/**
 * Installs `window.google.script` in a page.
 * @param callName name of a global async function (fn, args) => BridgeAnswer, or '' to POST to /api/run
 * @param closeName name of a global function called by google.script.host.close(), or ''
 * @param multiLogin fail every call as Google does for a user signed in to several accounts
 */
export function installGoogleScriptShim(callName: string, closeName: string, multiLogin = false): void {
  const w = window as unknown as Record<string, unknown>;
  const post = async (fn: string, args: unknown[]): Promise<BridgeAnswer> => {
    const res = await fetch('/api/run', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fn, args }),
    });
    return (await res.json()) as BridgeAnswer;
  };
  const call = callName ? (w[callName] as (fn: string, args: unknown[]) => Promise<BridgeAnswer>) : post;
  /** Apps Script refuses Dates, functions and DOM nodes anywhere in the arguments. */
  const illegal = (value: unknown, path: string, seen: unknown[]): string | null => {
    if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return null;
    if (typeof value === 'function' || value instanceof Date || (typeof Node !== 'undefined' && value instanceof Node))
      return path;
    if (seen.includes(value)) return 'circular';
    const next = [...seen, value];
    for (const [k, v] of Object.entries(value as object)) {
      const found = illegal(v, k, next);
      if (found) return found;
    }
    return null;
  };
  interface State {
    success?: (v: unknown, u?: unknown) => void;
    failure?: (e: Error, u?: unknown) => void;
    user?: unknown;
  }
  const runner = (state: State): unknown =>
    new Proxy(
      {},
      {
        get(_t, name: string) {
          if (name === 'withSuccessHandler') return (f: State['success']) => runner({ ...state, success: f });
          if (name === 'withFailureHandler') return (f: State['failure']) => runner({ ...state, failure: f });
          if (name === 'withUserObject') return (u: unknown) => runner({ ...state, user: u });
          return (...args: unknown[]) => {
            const fail = (message: string) => {
              const err = new Error(message);
              if (state.failure) state.failure(err, state.user);
              else console.error(err);
            };
            if (multiLogin) {
              setTimeout(() => fail(MULTI_LOGIN_ERROR), 0);
              return;
            }
            const bad = illegal(args, '', []);
            if (bad) {
              setTimeout(
                () =>
                  fail(
                    bad === 'circular'
                      ? 'Failed due to circular reference.'
                      : `Failed due to illegal value in property: ${bad}`,
                  ),
                0,
              );
              return;
            }
            const plain = JSON.parse(JSON.stringify(args, (_k, v) => (v === undefined ? null : v))) as unknown[];
            call(name, plain).then(
              (answer) => (answer.ok ? state.success?.(answer.value, state.user) : fail(answer.error ?? 'Error')),
              (err: unknown) => fail(String(err)),
            );
          };
        },
      },
    );
  const close = closeName
    ? (w[closeName] as () => void)
    : () => window.parent.postMessage({ type: 'google.script.host.close' }, '*');
  w.google = {
    script: {
      run: runner({}),
      host: {
        close,
        setHeight: () => undefined,
        setWidth: () => undefined,
        editor: { focus: () => undefined },
        origin: location.origin,
      },
    },
  };
}

/** Config a page sets before loading the shim: names of its transport globals ('' = defaults). */
export interface ShimConfig {
  call?: string;
  close?: string;
  /** Simulate a user signed in to several Google accounts: every call fails as Google fails it. */
  multiLogin?: boolean;
}
