// The document's properties read once per execution (one getProperties() call, ~30 ms each in
// Apps Script, docs/performance.md) and written through; re-read after taking the document lock.

let snapshot: Record<string, string> | null = null;

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

/** Writes (or, with null, deletes) one property and keeps the snapshot in step. */
export function setDocumentProperty(key: string, value: string | null): void {
  const props = PropertiesService.getDocumentProperties();
  // Without document properties (the add-on's trigger) nothing is remembered; readers recompute.
  if (props === null) return;
  if (value === null) props.deleteProperty(key);
  else props.setProperty(key, value);
  if (snapshot) {
    if (value === null) delete snapshot[key];
    else snapshot[key] = value;
  }
}

/**
 * Forgets the snapshot: called when the document lock is taken, so a write reads what other
 * executions stored before it (their writes happen under the same lock).
 */
export function refreshDocumentProperties(): void {
  snapshot = null;
}
