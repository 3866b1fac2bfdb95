// Schemas built on first use, not when Code.js loads: every execution (each custom-function cell
// too) loads the bundle, and building every zod schema up front was a third of that load.

/**
 * A schema that is built by `build` the first time anything of it is used (parse, shape …); the
 * value behaves as the built schema. Compose schemas from their build functions, not from these.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const schema = (): T => {
    built ??= build();
    return built;
  };
  return new Proxy({} as T, {
    get: (_target, prop) => Reflect.get(schema(), prop),
    has: (_target, prop) => Reflect.has(schema(), prop),
    ownKeys: () => Reflect.ownKeys(schema()),
    getOwnPropertyDescriptor: (_target, prop) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(schema(), prop);
      return descriptor ? { ...descriptor, configurable: true } : undefined;
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  });
}
