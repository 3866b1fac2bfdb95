// Emulated CacheService: script, per-user and per-document caches expiring on the simulated clock.
import type { ExecutionContext } from '../context';
import { SCOPES, asString, byteSize, documentScope, requireAuthMode, userScope } from './common';

export const CACHE_DEFAULT_TTL_S = 600;
export const CACHE_MAX_TTL_S = 21600;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
export const CACHE_KEY_MAX_CHARS = 250;

type Cache = GoogleAppsScript.Cache.Cache;

/** CacheService for one execution. */
export function createCacheService(ctx: ExecutionContext): GoogleAppsScript.Cache.CacheService {
  const store = ctx.store.cache;

  function open(kind: string, scope: string): Cache {
    requireAuthMode(ctx, `CacheService.get${kind}Cache`, SCOPES.storage, ['LIMITED', 'FULL', 'CUSTOM_FUNCTION']);
    const count = (m: string): void => ctx.count('CacheService', `Cache.${m}`);
    const checkKey = (key: string): string => {
      if (key.length > CACHE_KEY_MAX_CHARS) throw ctx.createError('Argument too large: key');
      return key;
    };
    const put = (values: Record<string, unknown>, ttl: number | undefined): void => {
      const entries: Record<string, string> = {};
      for (const [k, v] of Object.entries(values)) {
        const value = asString(v);
        if (byteSize(value) > CACHE_VALUE_MAX_BYTES) throw ctx.createError('Argument too large: value');
        entries[checkKey(k)] = value;
      }
      // Apps Script keeps an entry at most 6 hours whatever is asked; a ttl below 1 s expires at once.
      const seconds = Math.min(ttl === undefined ? CACHE_DEFAULT_TTL_S : Math.floor(Number(ttl)), CACHE_MAX_TTL_S);
      store.putAll(scope, entries, ctx.now() + Math.max(0, seconds) * 1000);
    };
    return {
      get(key) {
        count('get');
        const k = checkKey(asString(key));
        return store.getAll(scope, [k], ctx.now())[k] ?? null;
      },
      getAll(keys) {
        count('getAll');
        return store.getAll(
          scope,
          keys.map((k) => checkKey(asString(k))),
          ctx.now(),
        );
      },
      put(key: string, value: string, expirationInSeconds?: number) {
        count('put');
        put({ [asString(key)]: value }, expirationInSeconds);
      },
      putAll(values: Record<string, unknown>, expirationInSeconds?: number) {
        count('putAll');
        put(values, expirationInSeconds);
      },
      remove(key) {
        count('remove');
        store.remove(scope, [checkKey(asString(key))]);
      },
      removeAll(keys) {
        count('removeAll');
        store.remove(
          scope,
          keys.map((k) => checkKey(asString(k))),
        );
      },
    };
  }

  return {
    getScriptCache: () => open('Script', 'script'),
    getUserCache: () => open('User', userScope(ctx)),
    getDocumentCache: () => open('Document', documentScope(ctx)),
  };
}
