// Shared plumbing for the Spreadsheet classes: metadata look-ups, range checks, value conversion.
import { types } from 'node:util';
import type { ExecutionContext } from '../context';
import type { CellData, CellInput, GridRect, SheetInfo, SpreadsheetInfo } from '../store/spreadsheetStore';
import { CELL_CHARACTER_LIMIT, MSG, fail, typeName } from './errors';
import { isDateFormat } from '../store/cells/numberFormat';
import { serialToMs } from '../store/cells/serialDates';

/** Where a Range lives. */
export interface RangeLoc {
  docId: string;
  sheetId: number;
  rect: GridRect;
}

/** Script-visible cell value. */
export type ScriptValue = number | string | boolean | Date;

export function spreadsheetInfo(ctx: ExecutionContext, docId: string): SpreadsheetInfo {
  return ctx.store.spreadsheets.getSpreadsheet(docId) ?? fail(ctx, MSG.sheetMissing);
}

export function sheetInfo(ctx: ExecutionContext, docId: string, sheetId: number): SheetInfo {
  const s = spreadsheetInfo(ctx, docId).sheets.find((x) => x.sheetId === sheetId);
  return s ?? fail(ctx, MSG.sheetMissing);
}

/** Validate getRange(row, column, numRows, numColumns) like Apps Script, in its order. */
export function checkRect(ctx: ExecutionContext, sheet: SheetInfo, rect: GridRect): GridRect {
  if (rect.row < 1) fail(ctx, MSG.startRowTooSmall);
  if (rect.column < 1) fail(ctx, MSG.startColumnTooSmall);
  if (rect.numRows < 1) fail(ctx, MSG.rowsAtLeastOne);
  if (rect.numColumns < 1) fail(ctx, MSG.columnsAtLeastOne);
  if (rect.row + rect.numRows - 1 > sheet.maxRows || rect.column + rect.numColumns - 1 > sheet.maxColumns)
    fail(ctx, MSG.outside);
  return rect;
}

/** Cell as read → what getValue(s) returns: '' for blanks (and formulas in a store without a formula hook), Dates for date formats. */
export function toScriptValue(ctx: ExecutionContext, cell: CellData, timeZone: string): ScriptValue {
  const v = cell.value;
  if (v === undefined) return '';
  if (typeof v === 'number' && isDateFormat(cell.numberFormat)) return ctx.createDate(serialToMs(v, timeZone));
  return v;
}

/** One script value → store input; throws Apps Script's signature error for unsupported types. */
export function toCellInput(ctx: ExecutionContext, v: unknown, method: string, shape: string): CellInput {
  if (v === null) return { kind: 'blank' };
  if (typeof v === 'string') {
    if (v.length > CELL_CHARACTER_LIMIT) fail(ctx, MSG.cellTooLong);
    return { kind: 'typed', text: v };
  }
  if (typeof v === 'number' || typeof v === 'boolean') return { kind: 'raw', value: v };
  if (types.isDate(v)) {
    const ms = (v as Date).getTime();
    return Number.isNaN(ms) ? { kind: 'blank' } : { kind: 'date', ms };
  }
  return fail(ctx, MSG.signature(shape, `SpreadsheetApp.${method}`));
}

/**
 * Check a 2-D argument against the range's dimensions with Apps Script's messages.
 * @param method e.g. `Range.setValues`, for the signature error
 */
export function checkGrid(ctx: ExecutionContext, data: unknown, rect: GridRect, method: string): unknown[][] {
  if (!Array.isArray(data) || data.some((row) => !Array.isArray(row)))
    fail(ctx, MSG.signature(typeName(data), `SpreadsheetApp.${method}`));
  const grid = data as unknown[][];
  if (grid.length !== rect.numRows) fail(ctx, MSG.rowsMismatch(grid.length, rect.numRows));
  for (const row of grid)
    if (row.length !== rect.numColumns) fail(ctx, MSG.columnsMismatch(row.length, rect.numColumns));
  return grid;
}

/** Require exactly one argument that is present (Apps Script rejects a missing argument). */
export function requireArg(ctx: ExecutionContext, method: string, args: unknown[], count = 1): void {
  if (args.length < count || args.slice(0, count).some((a) => a === undefined)) {
    fail(ctx, MSG.signature(args.map(typeName).join(','), `SpreadsheetApp.${method}`));
  }
}
