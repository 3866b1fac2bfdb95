// Apps Script's error texts for the Spreadsheet service, and the guards every method shares.
import type { ExecutionContext } from '../context';
import type { WriteResult } from '../store/spreadsheetStore';
import { permissionMessage } from '../services/common';

/** Message catalogue: texts exactly as Apps Script throws them. */
export const MSG = {
  rowsMismatch: (data: number, range: number): string =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number): string =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  outside: 'The coordinates of the range are outside the dimensions of the sheet.',
  startRowTooSmall: 'The starting row of the range is too small.',
  startColumnTooSmall: 'The starting column of the range is too small.',
  rowsAtLeastOne: 'The number of rows in the range must be at least 1.',
  columnsAtLeastOne: 'The number of columns in the range must be at least 1.',
  rangeNotFound: 'Range not found',
  duplicateSheet: (name: string): string =>
    `A sheet with the name "${name}" already exists. Please enter another name.`,
  protectedCell:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  noPermission: (method: string): string => `You do not have permission to call ${method}`,
  scopePermission: (method: string, scope: string): string => permissionMessage(method, scope),
  uiContext: 'Cannot call SpreadsheetApp.getUi() from this context.',
  noAccess: 'You do not have permission to access the requested document.',
  signature: (types: string, method: string): string =>
    `The parameters (${types}) don't match the method signature for ${method}.`,
  lastSheet: "You can't remove all the sheets in a document.",
  hideAll: "You can't hide all the sheets in a document.",
  rowsOutOfBounds: 'Those rows are out of bounds.',
  columnsOutOfBounds: 'Those columns are out of bounds.',
  allRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  allColumns: 'Sorry, it is not possible to delete all non-frozen columns.',
  sheetMissing: 'The sheet you are trying to access no longer exists.',
  invalidArgument: (name: string): string => `Invalid argument: ${name}`,
  // Sheets' refusal of a cell over its 50 000-character limit, as the Sheets API and Apps Script
  // report it (seen verbatim in public logs of setValues/values.update failures).
  cellTooLong: 'Your input contains more than the maximum of 50000 characters in a single cell.',
} as const;

/** Sheets keeps at most this many characters in one cell. */
export const CELL_CHARACTER_LIMIT = 50_000;

/** What the active-document methods accept: either scope, written as Apps Script writes it. */
export const SCOPE_CURRENT =
  '(https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)';
export const SCOPE_ALL = 'https://www.googleapis.com/auth/spreadsheets';
export const SCOPE_CURRENTONLY = 'https://www.googleapis.com/auth/spreadsheets.currentonly';

/** Throw an Apps Script error in the script's realm. */
export function fail(ctx: ExecutionContext, message: string): never {
  throw ctx.createError(message);
}

/**
 * Guard every write: custom functions may not write at all; otherwise the context decides
 * (lock discipline). Called before anything changes.
 * @param name e.g. `Range.setValues`; the permission error names only the method, as Apps Script does.
 */
export function guardWrite(ctx: ExecutionContext, name: string): void {
  if (ctx.authMode === 'CUSTOM_FUNCTION') fail(ctx, MSG.noPermission(name.slice(name.indexOf('.') + 1)));
  ctx.assertWrite(name);
}

/** Turn a failed store write into Apps Script's error. */
export function checkWrite(ctx: ExecutionContext, result: WriteResult, dimension: 'ROWS' | 'COLUMNS' = 'ROWS'): void {
  if (result.ok) return;
  fail(ctx, writeFailureMessage(result.reason, dimension));
}

function writeFailureMessage(
  reason: Exclude<WriteResult, { ok: true }>['reason'],
  dimension: 'ROWS' | 'COLUMNS',
): string {
  switch (reason) {
    case 'protected':
    case 'denied':
      return MSG.protectedCell;
    case 'out-of-bounds':
      return MSG.outside;
    case 'all-rows':
      return MSG.allRows;
    case 'all-columns':
      return MSG.allColumns;
    case 'last-sheet':
      return MSG.lastSheet;
    case 'no-sheet':
    case 'no-spreadsheet':
      return MSG.sheetMissing;
    default:
      return dimension === 'ROWS' ? MSG.rowsOutOfBounds : MSG.columnsOutOfBounds;
  }
}

/** Apps Script's name for the type of an argument, as in its signature errors. */
export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return '';
  if (Array.isArray(v)) return `${v.length > 0 ? typeName(v[0]) : 'Object'}[]`;
  if (require('node:util').types.isDate(v)) return 'Date';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  return 'Object';
}

/** Require integer arguments like Apps Script does (it rejects missing or non-numeric ones). */
export function requireNumbers(ctx: ExecutionContext, method: string, args: unknown[]): void {
  if (args.some((a) => typeof a !== 'number' || Number.isNaN(a)))
    fail(ctx, MSG.signature(args.map(typeName).join(','), method));
}
