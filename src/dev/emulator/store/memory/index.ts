// Builds the in-memory composite Store and saves/loads it as one JSON file, atomically.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createMemorySpreadsheetStore } from './spreadsheets';
import { createMemoryUiStore } from './ui';
import type { Store } from '../types';
import type { Snapshotting } from '../serviceStores';
import {
  createMemoryAuthStore,
  createMemoryCacheStore,
  createMemoryClockStore,
  createMemoryLockStore,
  createMemoryMailStore,
  createMemoryPropertyStore,
  createMemoryTriggerStore,
} from './services';

const PARTS = ['spreadsheets', 'ui', 'properties', 'cache', 'locks', 'mail', 'triggers', 'clock', 'auth'] as const;
const FORMAT_VERSION = 1;

/** A fresh, empty in-memory store whose clock starts at `now` (default: the real now). */
export function createMemoryStore(now?: number): Store {
  return {
    spreadsheets: createMemorySpreadsheetStore(),
    ui: createMemoryUiStore(),
    properties: createMemoryPropertyStore(),
    cache: createMemoryCacheStore(),
    locks: createMemoryLockStore(),
    mail: createMemoryMailStore(),
    triggers: createMemoryTriggerStore(),
    clock: createMemoryClockStore(now),
    auth: createMemoryAuthStore(),
  };
}

function part(store: Store, name: (typeof PARTS)[number]): Snapshotting {
  const p = store[name] as unknown as Partial<Snapshotting>;
  if (typeof p.snapshot !== 'function' || typeof p.restore !== 'function') {
    throw new Error(`store part "${name}" cannot snapshot/restore`);
  }
  return p as Snapshotting;
}

/** Plain-data image of every part of `store`. */
export function snapshotStore(store: Store): Record<string, unknown> {
  const out: Record<string, unknown> = { version: FORMAT_VERSION };
  for (const name of PARTS) out[name] = part(store, name).snapshot();
  return out;
}

/** Replace the content of every part of `store` with `data` (from snapshotStore). */
export function restoreStore(store: Store, data: Record<string, unknown>): void {
  if (data.version !== FORMAT_VERSION) throw new Error(`unsupported store file version: ${String(data.version)}`);
  for (const name of PARTS) if (name in data) part(store, name).restore(data[name]);
}

/**
 * Write `store` to `file` atomically: a temp file in the same folder, fsync, rename, so a crash
 * leaves either the old file or the new one, never a torn one.
 * @throws if a part cannot snapshot or the file cannot be written.
 */
export function saveStore(store: Store, file: string): void {
  const json = JSON.stringify(snapshotStore(store));
  const dir = path.dirname(path.resolve(file));
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeFileSync(fd, json);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  try {
    const dfd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    // Directory fsync is not supported everywhere (e.g. Windows); the rename is still atomic.
  }
}

/** A new in-memory store filled from `file` (written by saveStore). */
export function loadStore(file: string): Store {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const store = createMemoryStore();
  restoreStore(store, data);
  return store;
}
