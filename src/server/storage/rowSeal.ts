// Row checksums keyed with a per-document secret: a row changed in the grid, bypassing the
// add-on, no longer matches its checksum and is flagged to the admins. The checksum is an HMAC
// computed natively by Apps Script (Utilities.computeHmacSha256Signature), one call per row sealed
// or verified; rows sealed before it (a plain SHA-256 of key and row) still verify, and set-up
// re-seals them (migrateLegacySeals).
import { isDateValue } from '../../domain/calendar';
import { fromCell, isMonthKind } from './cells';
import { documentProperty, setDocumentProperty } from './documentProperties';
import { encodeRows, readTable, type TableLayout, type TableRow } from './table';

const KEY_PROPERTY = 'integrityKey';
/** New checksums start with this letter; older ones are 32 hex digits (never an 'h'). */
const HMAC_PREFIX = 'h';

/**
 * The document's secret (kept in document properties, which no grid user sees), or '' before
 * set-up made it. Reads only: it is created under the document lock by ensureIntegrityKey().
 */
export function integrityKey(): string {
  return documentProperty(KEY_PROPERTY) ?? '';
}

/** The secret, created on first use and stored at once (rows sealed with it must never outlive it). Under the lock. */
export function ensureIntegrityKey(): string {
  const existing = integrityKey();
  if (existing) return existing;
  const key = Utilities.getUuid();
  setDocumentProperty(KEY_PROPERTY, key, true);
  return key;
}

/**
 * One stable text for a row: `key=value` for each non-blank cell (Dates by the nearest second, as
 * a date-time may come back from Sheets a millisecond off). Keyed and
 * blank-free, so a column added to the layout later (blank in old rows) leaves old checksums
 * valid, while a value moved to another column still changes the text.
 * A month ('period' or 'periods' column) enters as its key 'ГГГГ-ММ' whatever the cell shows («ноябрь 2023», the
 * key older rows hold, or a Date Sheets made of it): the seal covers the month, not its spelling, so
 * rows sealed with the key still verify and set-up may rewrite their cells as words. Derived columns
 * are left out (see Column.derived). `verbatim` spells months as the cells do (see isSealed).
 */
export function canonicalRow(layout: TableLayout, cells: readonly unknown[], verbatim = false): string {
  let text = '';
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    const column = layout.columns[i]!;
    if (c === '' || c === null || c === undefined || column.derived) continue;
    const value = isMonthKind(column.kind) && !verbatim ? fromCell(column.kind, c) : c;
    const part = column.key + '=' + (isDateValue(value) ? String(Math.round(value.getTime() / 1000)) : String(value));
    text = text === '' ? part : text + '\u001f' + part;
  }
  return text;
}

/** Two hex digits of each byte 0–255 (a lookup per byte: every row read is verified). */
const HEX_OF_BYTE = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Apps Script's signed bytes as lower-case hex. */
function hex(bytes: readonly number[], count: number): string {
  let out = '';
  for (let i = 0; i < count && i < bytes.length; i++) {
    const byte = (bytes[i]! + 256) % 256;
    out += HEX_OF_BYTE[byte] ?? byte.toString(16).padStart(2, '0');
  }
  return out;
}

/** HMAC-SHA-256 of `text` under `key`, as 'h' + hex of its first `bytes` bytes. */
export function keyedDigest(key: string, text: string, bytes = 16): string {
  return HMAC_PREFIX + hex(Utilities.computeHmacSha256Signature(text, key, Utilities.Charset.UTF_8), bytes);
}

/** The checksum of the first release: SHA-256 of key and text, hex (only ever verified, never written). */
export function legacyDigest(key: string, text: string, hexDigits: number): string {
  const bytes = Utilities.computeDigest(
    Utilities.DigestAlgorithm.SHA_256,
    key + '\u001e' + text,
    Utilities.Charset.UTF_8,
  );
  return hex(bytes, 32).slice(0, hexDigits);
}

/** Whether a stored digest was made the first release's way (to verify with legacyDigest). */
export const isLegacyDigest = (stored: unknown): boolean =>
  typeof stored === 'string' && !stored.startsWith(HMAC_PREFIX);

/**
 * Checksum of a row's cells (all but the checksum column) under the document key: the one function
 * every seal goes through (a key and the row's cells in, a checksum out).
 */
export function rowChecksum(key: string, layout: TableLayout, cells: readonly unknown[]): string {
  return keyedDigest(key, canonicalRow(layout, cells));
}

/** Encodes a record for a layout whose last column is the checksum, sealing the other cells. */
export function sealedRow(layout: TableLayout, record: Record<string, unknown>, key: string): unknown[] {
  const cells: unknown[] = encodeRows(layout, [{ ...record, checksum: '' }])[0]!;
  cells[cells.length - 1] = rowChecksum(key, layout, cells.slice(0, -1));
  return cells;
}

/**
 * True when a row read back still matches the checksum in its last column (either kind). A row
 * sealed before months were sealed as keys — the registry's «Отчитывается с», written as «ноябрь 2023»
 * — matches its cells spelled as they are (a second digest, only for such a row).
 */
export function isSealed(key: string, layout: TableLayout, row: TableRow): boolean {
  const stored = row.values.checksum;
  const body = row.cells.slice(0, -1);
  if (isLegacyDigest(stored)) return legacyDigest(key, canonicalRow(layout, body), 32) === stored;
  if (rowChecksum(key, layout, body) === stored) return true;
  const verbatim = canonicalRow(layout, body, true);
  return verbatim !== canonicalRow(layout, body) && keyedDigest(key, verbatim) === stored;
}

/** Whether a sealed row still carries a first-release checksum (set-up re-seals it). */
export function hasLegacySeal(row: TableRow): boolean {
  const stored = row.values.checksum;
  return typeof stored === 'string' && stored !== '' && isLegacyDigest(stored);
}

/** Whether a row's months are spelt otherwise than by key (its cells and its sealed text differ). */
const monthsSpelt = (layout: TableLayout, row: TableRow): boolean =>
  canonicalRow(layout, row.cells.slice(0, -1), true) !== canonicalRow(layout, row.cells.slice(0, -1));

/**
 * Set-up: re-seals, as HMACs, the rows of a layout (headers in order) whose first-release checksum
 * still verifies — one read and at most one write of the checksum column — and, with `spelt`, the
 * rows sealed with a month in words (the registry's «Отчитывается с» before months were sealed as
 * keys), so they verify with one digest again. A row whose old checksum no longer matches keeps it,
 * and stays flagged. Returns how many rows were re-sealed.
 */
export function migrateLegacySeals(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  layout: TableLayout,
  key: string,
  spelt = false,
): number {
  const sheet = ss.getSheetByName(layout.sheetName);
  if (!sheet || key === '') return 0;
  const rows = readTable(sheet, layout);
  const last = rows.reduce((m, r) => Math.max(m, r.row), 1);
  const outdated = (r: TableRow): boolean => hasLegacySeal(r) || (spelt && monthsSpelt(layout, r));
  if (!rows.some(outdated)) return 0;
  const column = sheet.getRange(2, layout.columns.length, last - 1, 1);
  const seals = column.getValues();
  let changed = 0;
  for (const r of rows) {
    if (!outdated(r)) continue;
    const fresh = rowChecksum(key, layout, r.cells.slice(0, -1));
    if (fresh === r.values.checksum || !isSealed(key, layout, r)) continue;
    seals[r.row - 2]![0] = fresh;
    changed++;
  }
  if (changed > 0) column.setValues(seals);
  return changed;
}
