// Batched access to a sheet laid out as a table (headers in row 1): one read, one write per batch.
import { serverErrors } from '../../domain/messages';
import { UserError } from '../api/errors';
import { fromCell, NUMBER_FORMAT, toCell, type CellKind } from './cells';
import { insertMissingOptionalColumns } from './sheetSetup';

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

/** The sheet of a layout, or a Russian error saying set-up is needed. */
export function requireSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  layout: TableLayout,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.getSheetByName(layout.sheetName);
  if (!sheet) throw new UserError(serverErrors.setupNeeded(layout.sheetName));
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

/** Reads every data row in one call; columns are found by header, so moved columns still read. */
export function readTable(sheet: GoogleAppsScript.Spreadsheet.Sheet, layout: TableLayout): TableRow[] {
  const values = sheet.getDataRange().getValues();
  const header = (values[0] ?? []).map((h) => String(h).trim());
  const positions = headerPositions(header, layout);
  const rows: TableRow[] = [];
  for (let i = 1; i < values.length; i++) {
    const cells = values[i]!;
    if (cells.every((v) => v === '')) continue;
    const record: Record<string, unknown> = {};
    const inLayout = positions.map((p) => (p < 0 ? '' : cells[p]));
    layout.columns.forEach((c, j) => (record[c.key] = fromCell(c.kind, inLayout[j])));
    rows.push({ row: i + 1, values: record, cells: inLayout });
  }
  return rows;
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
  const header = sheet
    .getRange(1, 1, 1, Math.max(sheet.getLastColumn(), 1))
    .getValues()[0]!
    .map((h) => String(h).trim());
  if (layout.columns.every((c, i) => header[i] === c.header)) return;
  if (!insertMissingOptionalColumns(sheet, layout, header))
    throw new UserError(serverErrors.setupNeeded(layout.sheetName));
}

function writeBlock(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  layout: TableLayout,
  row: number,
  cells: unknown[][],
): void {
  const range = sheet.getRange(row, 1, cells.length, layout.columns.length);
  range.setNumberFormats(cells.map(() => layout.columns.map((c) => NUMBER_FORMAT[c.kind])));
  range.setValues(cells);
}

/** A full sheet grows by at least this many rows at once, so appends rarely pay for growing. */
const GROWTH_ROWS = 500;

/** Appends encoded rows after the last row in one write; returns the first new row number. */
export function appendRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, layout: TableLayout, cells: unknown[][]): number {
  if (cells.length === 0) return sheet.getLastRow() + 1;
  assertHeaders(sheet, layout);
  const row = Math.max(sheet.getLastRow(), 1) + 1;
  const maxRows = sheet.getMaxRows();
  const needed = row + cells.length - 1 - maxRows;
  if (needed > 0) sheet.insertRowsAfter(maxRows, Math.max(needed, GROWTH_ROWS));
  writeBlock(sheet, layout, row, cells);
  return row;
}

/** Overwrites one existing data row. */
export function writeRow(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  layout: TableLayout,
  row: number,
  cells: unknown[],
): void {
  assertHeaders(sheet, layout);
  writeBlock(sheet, layout, row, [cells]);
}
