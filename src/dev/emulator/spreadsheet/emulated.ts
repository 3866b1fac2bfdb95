// Wraps an implementation object so every script call is counted and unknown methods throw "not emulated".
import type { ExecutionContext } from '../context';

/** Property names runtimes and test tools probe on any object; never treat them as Apps Script methods. */
const PROBES = new Set([
  'then',
  'toJSON',
  'constructor',
  'asymmetricMatch',
  'nodeType',
  'toString',
  'valueOf',
  'inspect',
  'tagName',
  'length',
  'prototype',
  'name',
]);

/**
 * Expose `impl` to the script as Apps Script class `className`: each public method call is
 * counted with ctx.count('SpreadsheetApp', '<Class>.<method>'); a method the emulator lacks
 * throws `not emulated: <Class>.<method>`. Members starting with `_` are internal and uncounted.
 */
export function emulated<T>(ctx: ExecutionContext, className: string, impl: object, service = 'SpreadsheetApp'): T {
  return new Proxy(impl, {
    get(target, prop, receiver) {
      if (typeof prop !== 'string') return Reflect.get(target, prop, receiver);
      if (prop in target) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function' || prop.startsWith('_')) return value;
        const method = value as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          ctx.count(service, `${className}.${prop}`, target);
          return ctx.timed ? ctx.timed(() => method.apply(receiver, args)) : method.apply(receiver, args);
        };
      }
      if (PROBES.has(prop) || !/^[a-z][A-Za-z0-9]*$/.test(prop)) return undefined;
      return () => ctx.notEmulated(`${className}.${prop}`);
    },
  }) as T;
}
