// Batched access to a sheet laid out as a table (headers in row 1): one read, one write per batch.
import { serverErrors } from '../../domain/messages';
import { UserError } from '../errors/userError';
import { fromCell, NUMBER_FORMAT, quoteAsText, toCell, type CellKind } from './cells';
import { formattedThrough, insertMissingOptionalColumns, markFormattedThrough } from './sheetSetup';

/** One column of a table sheet: the record key it holds and its Russian header. */
export interface Column {
  key: string;
  header: string;
  kind: CellKind;
  width?: number;
  hidden?: boolean;
  /** Headers this column had in older layouts (set-up renames them). */
  aliases?: readonly string[];
  /** Allowed values, offered as a drop-down (data validation) by set-up. */
  choices?: readonly string[];
  /**
   * Added after the first release: an older sheet may lack it until set-up runs. Reads treat it
   * as blank; the first write through the add-on upgrades the sheet (data kept).
   */
  optional?: boolean;
  /**
   * Derived from sealed cells of the same row (and Settings): left out of the row's checksum, never
   * trusted on read — the add-on recomputes it at every write of the row and at set-up.
   */
  derived?: boolean;
}

/** The layout of one sheet: its Russian name and columns, in order. */
export interface TableLayout {
  sheetName: string;
  columns: readonly Column[];
}

/** A decoded data row and its sheet row number (row 2 is the first data row). */
export interface TableRow {
  row: number;
  values: Record<string, unknown>;
  cells: unknown[];
}

/** Sheets found this execution by name, and the name of each (so neither is asked twice). */
let sheetsByName = new Map<string, GoogleAppsScript.Spreadsheet.Sheet>();
const nameOfSheet = new WeakMap<GoogleAppsScript.Spreadsheet.Sheet, string>();

/** The sheet of a layout, or a Russian error saying set-up is needed (looked up once per execution). */
export function requireSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  layout: TableLayout,
): GoogleAppsScript.Spreadsheet.Sheet {
  const known = sheetsByName.get(layout.sheetName);
  if (known) return known;
  const sheet = ss.getSheetByName(layout.sheetName);
  if (!sheet) throw new UserError(serverErrors.setupNeeded(layout.sheetName));
  sheetsByName.set(layout.sheetName, sheet);
  nameOfSheet.set(sheet, layout.sheetName);
  return sheet;
}

/** Where each layout column is in the header (-1 for a missing optional one), or a set-up error. */
function headerPositions(header: readonly string[], layout: TableLayout): number[] {
  return layout.columns.map((c) => {
    const at = [c.header, ...(c.aliases ?? [])].map((name) => header.indexOf(name)).find((i) => i >= 0) ?? -1;
    if (at < 0 && !c.optional) throw new UserError(serverErrors.setupNeeded(layout.sheetName));
    return at;
  });
}

/** What one execution knows of a sheet: its header and last row, each read at most once. */
interface SheetFacts {
  header?: string[];
  /** Row 1 as the settings' mirror row shows it (sheetMirror.ts): used only when it is the layout's. */
  mirrored?: string[];
  /** Columns as the settings' mirror rows show them, by layout key: until the add-on writes the sheet. */
  columns?: Map<string, { header: string; cells: string[] }>;
  lastRow?: number;
  /** Blocks read (or written) through readBlockOnce / rememberBlock, by "row:column:rows:columns". */
  blocks?: Map<string, unknown[][]>;
}
let facts = new Map<string, SheetFacts>();

function factsOf(sheet: GoogleAppsScript.Spreadsheet.Sheet): SheetFacts {
  const name = nameOfSheet.get(sheet) ?? sheet.getName();
  nameOfSheet.set(sheet, name);
  const known = facts.get(name) ?? {};
  facts.set(name, known);
  return known;
}

/**
 * Headers shown elsewhere (the «Настройки» row of sheetMirror.ts, read with the settings): taken as
 * this execution's read of a sheet's row 1 when it is exactly the layout's header — anything else
 * (a header changed by hand, a mirror typed over) and row 1 is read from the sheet, as before.
 */
export function rememberHeaders(headers: ReadonlyMap<string, readonly string[]>): void {
  for (const [name, header] of headers) {
    const known = facts.get(name) ?? {};
    known.mirrored = withoutTrailingBlanks(header.map((h) => h.trim()));
    facts.set(name, known);
  }
}

/**
 * A column shown elsewhere (a mirror row of the settings: its header cell, then every cell below):
 * taken as this execution's read of that column when its header is the layout column's, until the
 * add-on writes the sheet.
 */
export function rememberColumn(layout: TableLayout, key: string, header: string, cells: readonly string[]): void {
  const known = facts.get(layout.sheetName) ?? {};
  known.columns ??= new Map();
  known.columns.set(key, { header: header.trim(), cells: [...cells] });
  facts.set(layout.sheetName, known);
}

/** Whether the settings' mirror of the sheet's row 1 is exactly the layout's header. */
function mirrorIsLayout(f: SheetFacts, layout: TableLayout): boolean {
  const mirrored = f.mirrored;
  return mirrored?.length === layout.columns.length && layout.columns.every((c, i) => mirrored[i] === c.header);
}

/**
 * The last row any mirrored column of the sheet fills (its cells start at row 2), when the sheet's
 * header is the layout's (its mirror): a read through it gets every row naming an organisation or a
 * coordinator. Undefined when nothing is mirrored.
 */
function mirroredLastRow(f: SheetFacts, layout: TableLayout): number | undefined {
  if (!f.columns || f.columns.size === 0) return undefined;
  if (!mirrorIsLayout(f, layout)) return undefined;
  let last = 1;
  for (const [key, { header, cells }] of f.columns) {
    if (header !== layout.columns.find((c) => c.key === key)?.header) return undefined;
    for (let i = cells.length - 1; i >= 0; i--)
      if (cells[i] !== '') {
        last = Math.max(last, i + 2);
        break;
      }
  }
  return last;
}

/** Forgets what was read of every sheet: called when the document lock is taken (others may have written). */
export function forgetSheetFacts(): void {
  facts = new Map();
  sheetsByName = new Map();
}

/** The sheet's last row with content (read once per execution, then kept up to date by appends). */
export function lastRowOf(sheet: GoogleAppsScript.Spreadsheet.Sheet): number {
  const f = factsOf(sheet);
  f.lastRow ??= sheet.getLastRow();
  return f.lastRow;
}

const blockKey = (row: number, column: number, rows: number, columns: number): string =>
  `${row}:${column}:${rows}:${columns}`;

/**
 * The values of a block, read at most once per execution (forgotten when the lock is taken); a
 * write to the same block must go through writeBlock so later reads see it.
 */
export function readBlockOnce(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  row: number,
  column: number,
  rows: number,
  columns: number,
): unknown[][] {
  const f = factsOf(sheet);
  f.blocks ??= new Map();
  const k = blockKey(row, column, rows, columns);
  let values = f.blocks.get(k);
  if (!values) {
    values = sheet.getRange(row, column, rows, columns).getValues();
    f.blocks.set(k, values);
  }
  return values;
}

/** Writes a block and remembers it for readBlockOnce. */
export function writeBlock(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  row: number,
  column: number,
  values: unknown[][],
): void {
  sheet.getRange(row, column, values.length, values[0]!.length).setValues(values);
  const f = factsOf(sheet);
  f.columns = undefined;
  f.blocks ??= new Map();
  f.blocks.set(blockKey(row, column, values.length, values[0]!.length), values);
}

/** Forgets the blocks read of a sheet (after it was rewritten other than by writeBlock). */
export function forgetBlocks(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  factsOf(sheet).blocks = undefined;
}

/** 1-based column number → its A1 letters (1 → A, 27 → AA). */
export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Drops the blank cells at the end of a row. */
function withoutTrailingBlanks(cells: string[]): string[] {
  let end = cells.length;
  while (end > 1 && cells[end - 1] === '') end--;
  return cells.slice(0, end);
}

/**
 * Row 1 of the sheet, trimmed: the settings' mirror of it when that is exactly the layout's header,
 * else read once per execution, in one call (the open range `1:1` reaches the last column without
 * asking getLastColumn first).
 */
function headerOf(sheet: GoogleAppsScript.Spreadsheet.Sheet, layout: TableLayout): string[] {
  const f = factsOf(sheet);
  if (!f.header && f.mirrored && mirrorIsLayout(f, layout)) f.header = f.mirrored;
  f.header ??= withoutTrailingBlanks(
    sheet
      .getRange('1:1')
      .getValues()[0]!
      .map((h) => String(h).trim()),
  );
  return f.header;
}

/**
 * One column of every data row, decoded, found by its header (two calls: the header once per
 * execution, then the open range such as `F2:F`); index i is sheet row i + 2. Blank rows at the
 * end are left out. A missing optional column reads as no rows. Open ranges are A1 notation as
 * Sheets defines it ("Sheet1!A5:A refers to all the cells of the first column of Sheet 1, from row 5
 * onward", https://developers.google.com/sheets/api/guides/concepts#cell); they end at the sheet's
 * last row, blank or not, so the caller drops the blank tail.
 */
export function readColumn(sheet: GoogleAppsScript.Spreadsheet.Sheet, layout: TableLayout, key: string): unknown[] {
  const j = layout.columns.findIndex((c) => c.key === key);
  const column = layout.columns[j]!;
  const mirrored = factsOf(sheet).columns?.get(key);
  if (mirrored && mirrored.header === column.header) {
    let end = mirrored.cells.length;
    while (end > 0 && mirrored.cells[end - 1] === '') end--;
    return mirrored.cells.slice(0, end).map((c) => fromCell(column.kind, c));
  }
  const at = headerPositions(headerOf(sheet, layout), layout)[j]!;
  if (at < 0) return [];
  const letters = columnLetters(at + 1);
  const raw = sheet.getRange(`${letters}2:${letters}`).getValues();
  let end = raw.length;
  while (end > 0 && raw[end - 1]![0] === '') end--;
  return raw.slice(0, end).map((r) => fromCell(column.kind, r[0]));
}

function decodeRow(
  layout: TableLayout,
  positions: readonly number[],
  cells: readonly unknown[],
  row: number,
): TableRow {
  const record: Record<string, unknown> = {};
  const inLayout: unknown[] = new Array(positions.length);
  for (let j = 0; j < positions.length; j++) {
    const p = positions[j]!;
    const cell = p < 0 || p >= cells.length ? '' : cells[p];
    const column = layout.columns[j]!;
    inLayout[j] = cell;
    record[column.key] = fromCell(column.kind, cell);
  }
  return { row, values: record, cells: inLayout };
}

/** Reads every data row in one call; columns are found by header, so moved columns still read. */
export function readTable(sheet: GoogleAppsScript.Spreadsheet.Sheet, layout: TableLayout): TableRow[] {
  const f = factsOf(sheet);
  const through = mirroredLastRow(f, layout);
  // Rows through the last one the mirrored columns name, in one call; else the data range (two).
  const values = through
    ? sheet.getRange(1, 1, through, layout.columns.length).getValues()
    : sheet.getDataRange().getValues();
  const header = (values[0] ?? []).map((h) => String(h).trim());
  f.header = withoutTrailingBlanks(header);
  // A row below with neither mirrored column filled may exist: the last row stays unknown then.
  if (!through) f.lastRow = values.length;
  const positions = headerPositions(header, layout);
  const rows: TableRow[] = [];
  for (let i = 1; i < values.length; i++) {
    const cells = values[i]!;
    if (cells.every((v) => v === '')) continue;
    rows.push(decodeRow(layout, positions, cells, i + 1));
  }
  return rows;
}

/**
 * Every data row in one call when the layout's columns are all within its width: the open range
 * (`A1:D`) reaches the sheet's last row without asking for it; a sheet narrower than the layout (the
 * range does not exist) or a column moved further right is read by readTable instead.
 */
export function readNarrowTable(sheet: GoogleAppsScript.Spreadsheet.Sheet, layout: TableLayout): TableRow[] {
  let values: unknown[][];
  let positions: number[];
  try {
    values = sheet.getRange(`A1:${columnLetters(layout.columns.length)}`).getValues();
    positions = headerPositions(
      (values[0] ?? []).map((h) => String(h).trim()),
      layout,
    );
  } catch {
    return readTable(sheet, layout);
  }
  const rows: TableRow[] = [];
  for (let i = 1; i < values.length; i++) {
    const cells = values[i]!;
    if (!cells.every((v) => v === '')) rows.push(decodeRow(layout, positions, cells, i + 1));
  }
  return rows;
}

/** Rows further apart than this are read in separate calls; closer ones in one block (a few rows wasted). */
const RUN_GAP = 8;

/**
 * Reads the given data rows only (header once per execution, then one call per run of nearby rows).
 * Rows past the end or blank are left out; the rows come back in the order asked.
 */
export function readRows(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  layout: TableLayout,
  rows: readonly number[],
  /** The rows are known to hold data (found by readColumn): the last row need not be asked. */
  known = false,
  /**
   * Only these columns are needed: the read stops at the last of them (found by header), and the
   * columns past it read as blank — so such a row can never be checked against its seal.
   */
  only?: readonly string[],
): TableRow[] {
  const last = known ? Number.POSITIVE_INFINITY : lastRowOf(sheet);
  const wanted = Array.from(new Set(rows.filter((r) => r >= 2 && r <= last))).sort((a, b) => a - b);
  if (wanted.length === 0) return [];
  const header = headerOf(sheet, layout);
  const positions = headerPositions(header, layout);
  const width = only
    ? Math.max(0, ...layout.columns.map((c, j) => (only.includes(c.key) ? positions[j]! : -1))) + 1
    : header.length;
  const found = new Map<number, TableRow>();
  let start = 0;
  while (start < wanted.length) {
    let end = start;
    while (end + 1 < wanted.length && wanted[end + 1]! - wanted[end]! <= RUN_GAP) end++;
    const from = wanted[start]!;
    const block = sheet.getRange(from, 1, wanted[end]! - from + 1, width).getValues();
    for (let i = start; i <= end; i++) {
      const cells = block[wanted[i]! - from]!;
      if (!cells.every((v) => v === '')) found.set(wanted[i]!, decodeRow(layout, positions, cells, wanted[i]!));
    }
    start = end + 1;
  }
  return rows.map((r) => found.get(r)).filter((r): r is TableRow => r !== undefined);
}

/** Encodes records into a block of cells in layout order. */
export function encodeRows(
  layout: TableLayout,
  records: readonly Record<string, unknown>[],
): (string | number | boolean | Date)[][] {
  return records.map((r) => layout.columns.map((c) => toCell(c.kind, r[c.key])));
}

/**
 * Makes sure row 1 holds the layout's headers in order (writes go by position). A sheet that only
 * lacks optional columns gets them inserted in place; anything else is a Russian «set-up needed»
 * error (only «Настроить таблицу округа» rewrites a sheet's layout).
 */
export function assertHeaders(sheet: GoogleAppsScript.Spreadsheet.Sheet, layout: TableLayout): void {
  const header = headerOf(sheet, layout);
  if (layout.columns.every((c, i) => header[i] === c.header)) return;
  if (!insertMissingOptionalColumns(sheet, layout, header))
    throw new UserError(serverErrors.setupNeeded(layout.sheetName));
  factsOf(sheet).header = undefined;
  factsOf(sheet).columns = undefined;
}

function formatRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, layout: TableLayout, from: number, to: number): void {
  if (to < from) return;
  sheet
    .getRange(from, 1, to - from + 1, layout.columns.length)
    .setNumberFormats(Array.from({ length: to - from + 1 }, () => layout.columns.map((c) => NUMBER_FORMAT[c.kind])));
}

/** A full sheet grows by at least this many rows at once, so appends rarely pay for growing. */
const GROWTH_ROWS = 500;

/**
 * Appends encoded rows after the last row: one write (setValues) when the rows are already
 * formatted — set-up and each growth format ahead and remember how far (a document property) —
 * else the formats first. Header and last row are read once per execution.
 * @returns the first new row number
 */
export function appendRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, layout: TableLayout, cells: unknown[][]): number {
  if (cells.length === 0) return lastRowOf(sheet) + 1;
  assertHeaders(sheet, layout);
  const row = Math.max(lastRowOf(sheet), 1) + 1;
  const lastNew = row + cells.length - 1;
  const formatted = formattedThrough(sheet);
  if (lastNew > formatted) {
    const maxRows = sheet.getMaxRows();
    const inserted = lastNew > maxRows ? Math.max(lastNew - maxRows, GROWTH_ROWS) : 0;
    if (inserted > 0) sheet.insertRowsAfter(maxRows, inserted);
    const through = maxRows + inserted;
    formatRows(sheet, layout, Math.max(row, formatted + 1), through);
    markFormattedThrough(sheet, through);
  }
  sheet.getRange(row, 1, cells.length, layout.columns.length).setValues(cells.map((r) => r.map(quoteAsText)));
  factsOf(sheet).lastRow = lastNew;
  factsOf(sheet).columns = undefined;
  return row;
}

/** Overwrites one existing data row (its formats were set when it was appended). */
export function writeRow(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  layout: TableLayout,
  row: number,
  cells: unknown[],
): void {
  assertHeaders(sheet, layout);
  sheet.getRange(row, 1, 1, layout.columns.length).setValues([cells.map(quoteAsText)]);
  factsOf(sheet).columns = undefined;
}
