// The document's properties read once per execution (one getProperties() call, ~30 ms each in
// Apps Script, docs/performance.md) and written through — under the document lock held back and
// written in one setProperties() at the operation's commit (its audit entry) or end; re-read after
// taking the document lock. A value that must be stored before what follows is written at once.

let snapshot: Record<string, string> | null = null;
/** Values written under the lock and not yet stored (null: delete), while a batch is open. */
let pending: Map<string, string | null> | null = null;

/** Every document property, from one read per execution (or since the lock was taken). */
export function documentProperties(): Readonly<Record<string, string>> {
  // The add-on's time-driven trigger has no document properties (getDocumentProperties() is null,
  // src/dev/emulator/profiles.ts): read as empty, so what they would remember is recomputed.
  snapshot ??= { ...(PropertiesService.getDocumentProperties()?.getProperties() ?? {}) };
  return snapshot;
}

/** One document property, or null. */
export function documentProperty(key: string): string | null {
  return documentProperties()[key] ?? null;
}

/**
 * Writes (or, with null, deletes) one property and keeps the snapshot in step. Inside a batch
 * (the document lock) the write waits for the batch's end unless `now` is set: a value that must
 * be stored before the next spreadsheet write (a sequence number reserved ahead of a rewrite).
 */
export function setDocumentProperty(key: string, value: string | null, now = false): void {
  if (snapshot) {
    if (value === null) delete snapshot[key];
    else snapshot[key] = value;
  }
  if (pending && !now) {
    pending.set(key, value);
    return;
  }
  pending?.delete(key);
  const props = PropertiesService.getDocumentProperties();
  // Without document properties (the add-on's trigger) nothing is remembered; readers recompute.
  if (props === null) return;
  if (value === null) props.deleteProperty(key);
  else props.setProperty(key, value);
}

/**
 * Runs `fn` holding back property writes, then stores them in one setProperties() (deletions one
 * call each) — also when `fn` throws, so what the operation wrote so far is remembered as before.
 * The caller holds the document lock until this returns: other executions read the properties
 * only after taking it.
 */
export function batchDocumentProperties<T>(fn: () => T): T {
  if (pending) return fn();
  pending = new Map();
  try {
    return fn();
  } finally {
    const writes = pending;
    pending = null;
    storePending(writes);
  }
}

/**
 * Stores the writes held back so far (one setProperties), the batch staying open: an operation's
 * commit (its audit entry's anchors) lands before what follows it, such as an e-mail sent.
 */
export function commitDocumentProperties(): void {
  if (!pending || pending.size === 0) return;
  const writes = pending;
  pending = new Map();
  storePending(writes);
}

function storePending(writes: ReadonlyMap<string, string | null>): void {
  if (writes.size === 0) return;
  const props = PropertiesService.getDocumentProperties();
  if (props === null) return;
  const sets: Record<string, string> = {};
  for (const [key, value] of writes) {
    if (value === null) props.deleteProperty(key);
    else sets[key] = value;
  }
  if (Object.keys(sets).length > 0) props.setProperties(sets);
}

/**
 * Forgets the snapshot: called when the document lock is taken, so a write reads what other
 * executions stored before it (their writes happen under the same lock).
 */
export function refreshDocumentProperties(): void {
  snapshot = null;
}
