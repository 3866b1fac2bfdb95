// Interfaces of the store parts behind the non-spreadsheet services (properties, cache, locks,
// mail, triggers, clock, authorization). Every method is one atomic synchronous operation on
// structured-clonable data, so a worker-thread proxy can implement the same interfaces later.

/** A property or cache scope: 'script', 'user:<email>' or 'document:<id>'. */
export type ScopeKey = string;

export interface PropertyStore {
  /** One value, or null. */
  get(scope: ScopeKey, key: string): string | null;
  /** A copy of every key/value of the scope. */
  getAll(scope: ScopeKey): Record<string, string>;
  /**
   * Set `values` (and, with `deleteAllOthers`, drop every other key) unless the scope would then
   * hold more than `maxTotalBytes` (UTF-8 of keys + values); returns false and changes nothing then.
   */
  write(scope: ScopeKey, values: Record<string, string>, deleteAllOthers: boolean, maxTotalBytes: number): boolean;
  /** Delete the given keys (or all keys when `keys` is null). */
  remove(scope: ScopeKey, keys: string[] | null): void;
}

export interface CacheStore {
  /** Values of the given keys still alive at `now` (missing keys are left out). */
  getAll(scope: ScopeKey, keys: string[], now: number): Record<string, string>;
  /** Store each entry until `expiresAt` (epoch ms). */
  putAll(scope: ScopeKey, entries: Record<string, string>, expiresAt: number): void;
  remove(scope: ScopeKey, keys: string[]): void;
}

export interface LockStore {
  /**
   * Take `key` for `owner`. Answers true if free or already held by `owner`. The in-memory store
   * answers at once (held by another → false); a shared implementation may block up to `timeoutMs`.
   */
  acquire(key: string, owner: string, timeoutMs: number): boolean;
  /** Release `key` if `owner` holds it. */
  release(key: string, owner: string): void;
  /** The owner holding `key`, or null. */
  holder(key: string): string | null;
  /** Release every lock of `owner`; returns the keys released. */
  releaseAll(owner: string): string[];
}

export interface MailMessage {
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  sentAt: number;
}

export interface MailStore {
  /** Daily recipient quota per user (default 100). */
  getDailyLimit(): number;
  setDailyLimit(limit: number): void;
  /**
   * Recipients `user` may still send to at moment `now` (epoch ms): the quota less every recipient
   * charged in the 24 hours before `now` (a rolling window, never a calendar day).
   */
  remaining(user: string, now: number): number;
  /**
   * Record `message` and charge its recipients (to + cc + bcc) to its sender's quota at moment
   * `now`, unless that exceeds what remains: then returns false and records nothing.
   */
  send(message: MailMessage, now: number): boolean;
  /** Every message sent so far, oldest first. */
  sent(): MailMessage[];
}

export type TriggerEventType = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT';

export interface TriggerRecord {
  id: string;
  handler: string;
  owner: string;
  /** The document whose add-on created it (add-on triggers belong to one document). */
  documentId: string;
  eventType: TriggerEventType;
  source: 'CLOCK' | 'SPREADSHEETS';
  sourceId: string | null;
  /** Time-based schedule as built by the TriggerBuilder. */
  schedule?: {
    everyHours?: number;
    everyDays?: number;
    atHour?: number;
    nearMinute?: number;
    timeZone?: string;
    at?: number;
  };
  createdAt: number;
}

export interface TriggerStore {
  /**
   * Add `trigger` unless its owner already has `maxPerTypePerUserDocument` triggers of the same
   * event type in its document; returns false then.
   */
  create(trigger: TriggerRecord, maxPerTypePerUserDocument: number): boolean;
  get(id: string): TriggerRecord | null;
  list(): TriggerRecord[];
  /** Returns whether it existed. */
  remove(id: string): boolean;
}

export interface ClockStore {
  now(): number;
  set(ms: number): void;
  /** Move forward by `ms`; returns the new now. */
  advance(ms: number): number;
}

export type AuthorizationStatusName = 'REQUIRED' | 'NOT_REQUIRED';

export interface AuthStore {
  /** Whether `user` still has to authorize the add-on (default NOT_REQUIRED). */
  getStatus(user: string): AuthorizationStatusName;
  setStatus(user: string, status: AuthorizationStatusName): void;
}

/** Every part that can save and restore itself as plain data. */
export interface Snapshotting {
  snapshot(): unknown;
  restore(data: unknown): void;
}
