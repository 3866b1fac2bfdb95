// Row checksums keyed with a per-document secret: a row changed in the grid, bypassing the
// add-on, no longer matches its checksum and is flagged to the admins.
import { isDateValue } from '../../domain/calendar';
import { sha256Hex } from '../../domain/sha256';
import { encodeRows, type TableLayout, type TableRow } from './table';

const KEY_PROPERTY = 'integrityKey';

/**
 * The document's secret (kept in document properties, which no grid user sees), or '' before
 * set-up made it. Reads only: it is created under the document lock by ensureIntegrityKey().
 */
export function integrityKey(): string {
  return PropertiesService.getDocumentProperties().getProperty(KEY_PROPERTY) ?? '';
}

/** The secret, created on first use. Call only while holding the document lock. */
export function ensureIntegrityKey(): string {
  const existing = integrityKey();
  if (existing) return existing;
  const key = Utilities.getUuid();
  PropertiesService.getDocumentProperties().setProperty(KEY_PROPERTY, key);
  return key;
}

/**
 * One stable text for a row: `key=value` for each non-blank cell (Dates by the nearest second, as
 * a date-time may come back from Sheets a millisecond off). Keyed and
 * blank-free, so a column added to the layout later (blank in old rows) leaves old checksums
 * valid, while a value moved to another column still changes the text.
 */
export function canonicalRow(layout: TableLayout, cells: readonly unknown[]): string {
  const parts: string[] = [];
  cells.forEach((c, i) => {
    if (c === '' || c === null || c === undefined) return;
    parts.push(layout.columns[i]!.key + '=' + (isDateValue(c) ? String(Math.round(c.getTime() / 1000)) : String(c)));
  });
  return parts.join('\u001f');
}

/** Checksum of a row's cells (all but the checksum column) under the document key. */
export function rowChecksum(key: string, layout: TableLayout, cells: readonly unknown[]): string {
  return sha256Hex(key + '\u001e' + canonicalRow(layout, cells)).slice(0, 32);
}

/** Encodes a record for a layout whose last column is the checksum, sealing the other cells. */
export function sealedRow(layout: TableLayout, record: Record<string, unknown>, key: string): unknown[] {
  const cells: unknown[] = encodeRows(layout, [{ ...record, checksum: '' }])[0]!;
  cells[cells.length - 1] = rowChecksum(key, layout, cells.slice(0, -1));
  return cells;
}

/** True when a row read back still matches the checksum in its last column. */
export function isSealed(key: string, layout: TableLayout, row: TableRow): boolean {
  return rowChecksum(key, layout, row.cells.slice(0, -1)) === row.values.checksum;
}
