// In-memory implementations of the service store parts, each able to snapshot/restore itself.
import type {
  AuthStore,
  AuthorizationStatusName,
  CacheStore,
  ClockStore,
  LockStore,
  MailMessage,
  MailStore,
  PropertyStore,
  ScopeKey,
  Snapshotting,
  TriggerRecord,
  TriggerStore,
} from '../serviceStores';

const clone = <T>(v: T): T => structuredClone(v);
const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Properties kept as scope → key → value. */
export function createMemoryPropertyStore(): PropertyStore & Snapshotting {
  let scopes: Record<ScopeKey, Record<string, string>> = {};
  const scope = (s: ScopeKey): Record<string, string> => (scopes[s] ??= {});
  return {
    get: (s, key) => scopes[s]?.[key] ?? null,
    getAll: (s) => ({ ...(scopes[s] ?? {}) }),
    write(s, values, deleteAllOthers, maxTotalBytes) {
      const next = deleteAllOthers ? { ...values } : { ...scope(s), ...values };
      let total = 0;
      for (const [k, v] of Object.entries(next)) total += utf8Bytes(k) + utf8Bytes(v);
      if (total > maxTotalBytes) return false;
      scopes[s] = next;
      return true;
    },
    remove(s, keys) {
      if (keys === null) delete scopes[s];
      else for (const k of keys) delete scope(s)[k];
    },
    snapshot: () => clone(scopes),
    restore: (data) => {
      scopes = clone((data ?? {}) as typeof scopes);
    },
  };
}

/** Cache entries with absolute expiry times. */
export function createMemoryCacheStore(): CacheStore & Snapshotting {
  let scopes: Record<ScopeKey, Record<string, { value: string; expiresAt: number }>> = {};
  return {
    getAll(s, keys, now) {
      const out: Record<string, string> = {};
      const entries = scopes[s] ?? {};
      for (const k of keys) {
        const e = entries[k];
        if (e && e.expiresAt > now) out[k] = e.value;
        else if (e) delete entries[k];
      }
      return out;
    },
    putAll(s, values, expiresAt) {
      const entries = scopes[s] ?? {};
      scopes[s] = entries;
      for (const [k, v] of Object.entries(values)) entries[k] = { value: v, expiresAt };
    },
    remove(s, keys) {
      const entries = scopes[s] ?? {};
      for (const k of keys) delete entries[k];
    },
    snapshot: () => clone(scopes),
    restore: (data) => {
      scopes = clone((data ?? {}) as typeof scopes);
    },
  };
}

/** Locks as key → owner; never blocks (held by another owner → false at once). */
export function createMemoryLockStore(): LockStore & Snapshotting {
  let held: Record<string, string> = {};
  return {
    acquire(key, owner) {
      const current = held[key];
      if (current !== undefined && current !== owner) return false;
      held[key] = owner;
      return true;
    },
    release(key, owner) {
      if (held[key] === owner) delete held[key];
    },
    holder: (key) => held[key] ?? null,
    releaseAll(owner) {
      const keys = Object.keys(held).filter((k) => held[k] === owner);
      for (const k of keys) delete held[k];
      return keys;
    },
    snapshot: () => clone(held),
    restore: (data) => {
      held = clone((data ?? {}) as typeof held);
    },
  };
}

/** Milliseconds a recipient stays charged to its sender's daily quota. */
export const MAIL_QUOTA_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Sent messages; each one's recipients stay charged to its sender for 24 hours after it was sent. */
export function createMemoryMailStore(): MailStore & Snapshotting {
  let state = { limit: 100, sent: [] as MailMessage[] };
  const used = (user: string, now: number): number =>
    state.sent
      .filter((m) => m.from === user && m.sentAt > now - MAIL_QUOTA_WINDOW_MS)
      .reduce((n, m) => n + m.to.length + m.cc.length + m.bcc.length, 0);
  return {
    getDailyLimit: () => state.limit,
    setDailyLimit: (limit) => {
      state.limit = limit;
    },
    remaining: (user, now) => Math.max(0, state.limit - used(user, now)),
    send(message, now) {
      const count = message.to.length + message.cc.length + message.bcc.length;
      if (used(message.from, now) + count > state.limit) return false;
      state.sent.push(clone({ ...message, sentAt: now }));
      return true;
    },
    sent: () => clone(state.sent),
    snapshot: () => clone(state),
    restore: (data) => {
      const d = (data ?? {}) as Partial<typeof state>;
      state = { limit: d.limit ?? 100, sent: clone(d.sent ?? []) };
    },
  };
}

/** Triggers keyed by id, in creation order. */
export function createMemoryTriggerStore(): TriggerStore & Snapshotting {
  let triggers: TriggerRecord[] = [];
  return {
    create(trigger, maxPerType) {
      const same = triggers.filter(
        (t) => t.eventType === trigger.eventType && t.owner === trigger.owner && t.documentId === trigger.documentId,
      );
      if (same.length >= maxPerType) return false;
      triggers.push(clone(trigger));
      return true;
    },
    get: (id) => clone(triggers.find((t) => t.id === id) ?? null),
    list: () => clone(triggers),
    remove(id) {
      const before = triggers.length;
      triggers = triggers.filter((t) => t.id !== id);
      return triggers.length < before;
    },
    snapshot: () => clone(triggers),
    restore: (data) => {
      triggers = clone((data ?? []) as TriggerRecord[]);
    },
  };
}

/** The simulated clock; starts at `start` (epoch ms). */
export function createMemoryClockStore(start: number = Date.now()): ClockStore & Snapshotting {
  let now = start;
  return {
    now: () => now,
    set: (ms) => {
      now = ms;
    },
    advance: (ms) => (now += ms),
    snapshot: () => now,
    restore: (data) => {
      now = typeof data === 'number' ? data : now;
    },
  };
}

/** Per-user authorization status (default NOT_REQUIRED). */
export function createMemoryAuthStore(): AuthStore & Snapshotting {
  let status: Record<string, AuthorizationStatusName> = {};
  return {
    getStatus: (user) => status[user] ?? 'NOT_REQUIRED',
    setStatus: (user, s) => {
      status[user] = s;
    },
    snapshot: () => clone(status),
    restore: (data) => {
      status = clone((data ?? {}) as typeof status);
    },
  };
}
