// The script's realm: a fresh vm context with only ECMAScript builtins, a simulated-clock Date,
// and conversions of values into and out of it (plus google.script.run's transport rules).
import * as vm from 'node:vm';

/** Host/Node globals Apps Script does not have; removed from the context if V8 put them there. */
export const FORBIDDEN_GLOBALS = [
  'setTimeout',
  'setInterval',
  'clearTimeout',
  'clearInterval',
  'setImmediate',
  'clearImmediate',
  'fetch',
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'Buffer',
  'process',
  'require',
  'module',
  'exports',
  'global',
  'window',
  'self',
  'structuredClone',
  'queueMicrotask',
  'WebAssembly',
  'SharedArrayBuffer',
  'Atomics',
  'console',
] as const;

/** The realm's own constructors, used to build values that pass `instanceof` inside Code.js. */
export interface RealmIntrinsics {
  Object: ObjectConstructor;
  Array: ArrayConstructor;
  Date: DateConstructor;
  Error: ErrorConstructor;
}

// Runs inside the context: replaces Date with a function sharing Date.prototype (so every date of
// the realm, even one V8 makes itself, is `instanceof Date`) whose now comes from the host clock.
const DATE_OVERRIDE = `(function (nowFn) {
  'use strict';
  const RealDate = Date;
  const SimDate = function Date(...args) {
    if (new.target === undefined) return new RealDate(nowFn()).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [nowFn()] : args, new.target);
  };
  Object.setPrototypeOf(SimDate, RealDate);
  Object.defineProperty(SimDate, 'prototype', { value: RealDate.prototype, writable: false });
  Object.defineProperty(SimDate, 'now', { value: function now() { return nowFn(); }, writable: true, configurable: true });
  Object.defineProperty(SimDate, 'length', { value: 7 });
  Object.defineProperty(RealDate.prototype, 'constructor', { value: SimDate, writable: true, configurable: true });
  Object.defineProperty(globalThis, 'Date', { value: SimDate, writable: true, configurable: true, enumerable: false });
})`;

/**
 * A fresh context holding only ECMAScript builtins, with Date reading `now()`.
 * @returns the context and its intrinsics.
 */
export function createRealm(now: () => number): { context: vm.Context; intrinsics: RealmIntrinsics } {
  const context = vm.createContext({}, { name: 'Apps Script execution' });
  vm.runInContext(
    `for (const name of ${JSON.stringify(FORBIDDEN_GLOBALS)}) { try { delete globalThis[name]; } catch (e) {} }`,
    context,
  );
  (vm.runInContext(DATE_OVERRIDE, context) as (f: () => number) => void)(() => now());
  const intrinsics = vm.runInContext('({ Object, Array, Date, Error })', context) as RealmIntrinsics;
  return { context, intrinsics };
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
const dateMs = (v: Date): number => Date.prototype.getTime.call(v);

function isPlain(v: object, otherObjectProto: object): boolean {
  const proto = Object.getPrototypeOf(v) as object | null;
  return proto === null || proto === Object.prototype || proto === otherObjectProto;
}

/** Deep-copy plain data (objects, arrays, dates) between realms; anything else passes as is. */
function copy(
  v: unknown,
  target: RealmIntrinsics | null,
  sourceObjectProto: object,
  seen: Map<object, unknown>,
): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (seen.has(v)) return seen.get(v);
  if (isDate(v)) return target ? new target.Date(dateMs(v)) : new Date(dateMs(v));
  if (Array.isArray(v)) {
    const a: unknown[] = target ? new target.Array() : [];
    seen.set(v, a);
    for (const x of v) a.push(copy(x, target, sourceObjectProto, seen));
    return a;
  }
  if (!isPlain(v, sourceObjectProto)) return v;
  const o: Record<string, unknown> = target ? (new target.Object() as Record<string, unknown>) : {};
  seen.set(v, o);
  for (const k of Object.keys(v)) o[k] = copy((v as Record<string, unknown>)[k], target, sourceObjectProto, seen);
  return o;
}

/** Host value → the realm's own objects (Dates become realm Dates). */
export function toRealm(v: unknown, realm: RealmIntrinsics): unknown {
  return copy(v, realm, Object.prototype, new Map());
}

/** Realm value → host objects (so tests compare plain data). */
export function fromRealm(v: unknown, realm: RealmIntrinsics): unknown {
  return copy(v, null, realm.Object.prototype, new Map());
}

/**
 * Arguments as google.script.run transports them from the page: Date, function, symbol, bigint or
 * any non-plain object refuses the call; undefined array items become null, undefined fields go.
 * @throws TypeError "Failed due to illegal value in property: <key>" / "Failed due to circular reference."
 */
export function clientArgs(args: unknown[]): unknown[] {
  const stack = new Set<object>();
  const walk = (v: unknown, key: string): unknown => {
    if (v === undefined || v === null || typeof v === 'string' || typeof v === 'boolean') return v ?? null;
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    if (typeof v !== 'object' || isDate(v) || !(Array.isArray(v) || isPlain(v, Object.prototype))) {
      throw new TypeError(`Failed due to illegal value in property: ${key}`);
    }
    if (stack.has(v)) throw new TypeError('Failed due to circular reference.');
    stack.add(v);
    let out: unknown;
    if (Array.isArray(v)) out = v.map((x, i) => walk(x, String(i)));
    else {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (x !== undefined) o[k] = walk(x, k);
      out = o;
    }
    stack.delete(v);
    return out;
  };
  return args.map((a, i) => (a === undefined ? null : walk(a, String(i))));
}

/**
 * A server return value as the page receives it: the whole value becomes null if it holds a Date,
 * a function, a cycle or a non-plain object anywhere (Apps Script's documented-by-experience behaviour);
 * otherwise a JSON-like copy (undefined array items → null, undefined fields dropped).
 */
export function clientResult(v: unknown): unknown {
  let refused = false;
  const stack = new Set<object>();
  const walk = (x: unknown): unknown => {
    if (x === undefined || x === null) return null;
    if (typeof x === 'number') return Number.isFinite(x) ? x : null;
    if (typeof x === 'string' || typeof x === 'boolean') return x;
    if (typeof x !== 'object' || isDate(x) || stack.has(x) || !(Array.isArray(x) || isPlain(x, Object.prototype))) {
      refused = true;
      return null;
    }
    stack.add(x);
    let out: unknown;
    if (Array.isArray(x)) out = x.map(walk);
    else {
      const o: Record<string, unknown> = {};
      for (const [k, y] of Object.entries(x)) if (y !== undefined) o[k] = walk(y);
      out = o;
    }
    stack.delete(x);
    return out;
  };
  const out = walk(v);
  return refused ? null : out;
}
