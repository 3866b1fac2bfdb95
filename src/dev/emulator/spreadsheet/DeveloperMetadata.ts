// The emulated DeveloperMetadata of a spreadsheet (key, value, visibility) and its finder; kept in
// the store's key-value part under the spreadsheet's own scope, so no store layout changes.
import type { ExecutionContext } from '../context';
import { emulated } from './emulated';
import { DeveloperMetadataVisibility, enumName } from './enums';
import { MSG, fail, guardWrite } from './errors';

type Metadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;
interface Entry {
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
}

/**
 * Sheets keeps at most 30 000 characters of developer metadata per spreadsheet
 * (https://developers.google.com/sheets/api/guides/metadata#metadata-limits, "Metadata size limits").
 */
export const DEVELOPER_METADATA_MAX_CHARS = 30000;
const TOO_LARGE = 'The total size of developer metadata on this spreadsheet exceeds the limit.';

const scopeOf = (docId: string): string => `developerMetadata:${docId}`;

function entries(ctx: ExecutionContext, docId: string): [string, Entry][] {
  return Object.entries(ctx.store.properties.getAll(scopeOf(docId)))
    .map(([id, json]): [string, Entry] => [id, JSON.parse(json) as Entry])
    .sort((a, b) => Number(a[0]) - Number(b[0]));
}

function save(ctx: ExecutionContext, docId: string, id: string, entry: Entry): void {
  const others = entries(ctx, docId).filter(([other]) => other !== id);
  const size = [...others.map(([, e]) => e), entry].reduce((n, e) => n + e.key.length + (e.value ?? '').length, 0);
  if (size > DEVELOPER_METADATA_MAX_CHARS) fail(ctx, TOO_LARGE);
  ctx.store.properties.write(scopeOf(docId), { [id]: JSON.stringify(entry) }, false, Number.MAX_SAFE_INTEGER);
}

function wrap(ctx: ExecutionContext, docId: string, id: string): Metadata {
  const current = (): Entry => entries(ctx, docId).find(([x]) => x === id)?.[1] ?? fail(ctx, MSG.rangeNotFound);
  const impl = {
    getId: () => Number(id),
    getKey: () => current().key,
    getValue: () => current().value,
    getVisibility: () => DeveloperMetadataVisibility[current().visibility],
    setValue(value: unknown) {
      guardWrite(ctx, 'DeveloperMetadata.setValue');
      save(ctx, docId, id, { ...current(), value: String(value) });
      return wrap(ctx, docId, id);
    },
    setKey(key: unknown) {
      guardWrite(ctx, 'DeveloperMetadata.setKey');
      save(ctx, docId, id, { ...current(), key: String(key) });
      return wrap(ctx, docId, id);
    },
    remove() {
      guardWrite(ctx, 'DeveloperMetadata.remove');
      ctx.store.properties.remove(scopeOf(docId), [id]);
    },
  };
  return emulated<Metadata>(ctx, 'DeveloperMetadata', impl);
}

/** Spreadsheet.addDeveloperMetadata(key[, value][, visibility]). */
export function addDeveloperMetadata(ctx: ExecutionContext, docId: string, args: unknown[]): void {
  guardWrite(ctx, 'Spreadsheet.addDeveloperMetadata');
  const key = args[0];
  if (typeof key !== 'string' || key === '') fail(ctx, MSG.invalidArgument('key'));
  const value = typeof args[1] === 'string' ? args[1] : null;
  const visibility = enumName(typeof args[1] === 'string' ? args[2] : args[1]) ?? 'DOCUMENT';
  if (visibility !== 'DOCUMENT' && visibility !== 'PROJECT') fail(ctx, MSG.invalidArgument('visibility'));
  const last = entries(ctx, docId).at(-1);
  save(ctx, docId, String(last ? Number(last[0]) + 1 : 1), { key, value, visibility });
}

/** Spreadsheet.getDeveloperMetadata(): every entry of the spreadsheet. */
export function listDeveloperMetadata(ctx: ExecutionContext, docId: string): Metadata[] {
  return entries(ctx, docId).map(([id]) => wrap(ctx, docId, id));
}

/** Spreadsheet.createDeveloperMetadataFinder(): withKey / withVisibility / find. */
export function developerMetadataFinder(
  ctx: ExecutionContext,
  docId: string,
): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
  const filters: ((e: Entry) => boolean)[] = [];
  const finder = {
    withKey(key: unknown) {
      filters.push((e) => e.key === String(key));
      return proxy;
    },
    withVisibility(v: unknown) {
      filters.push((e) => e.visibility === enumName(v));
      return proxy;
    },
    find: () =>
      entries(ctx, docId)
        .filter(([, e]) => filters.every((f) => f(e)))
        .map(([id]) => wrap(ctx, docId, id)),
  };
  const proxy = emulated<GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder>(ctx, 'DeveloperMetadataFinder', finder);
  return proxy;
}
