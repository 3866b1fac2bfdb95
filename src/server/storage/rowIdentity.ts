// Writes find their row by identity, not by a row number read earlier: people can insert or delete
// rows while the add-on works (the document lock does not stop them), so the key cells are read
// again right before writing, and a row that moved is found again or the write is refused.
import { serverErrors } from '../../domain/messages';
import { UserError } from '../errors/userError';
import { fromCell, isMonthKind, toCell } from './cells';
import { assertHeaders, lastRowOf, type TableLayout } from './table';

/** Cell values a row must hold, by column key (as written: numbers as numbers, blanks as ''). */
export type RowIdentity = Record<string, unknown>;

/** The identity cells of a decoded record (a sequence number 0 is the blank of older rows). */
export function identityOf(layout: TableLayout, keys: readonly string[], record: object): RowIdentity {
  const values = record as Record<string, unknown>;
  const identity: RowIdentity = {};
  for (const key of keys) {
    const column = layout.columns.find((c) => c.key === key)!;
    identity[key] = key === 'seq' && !values[key] ? '' : toCell(column.kind, values[key]);
  }
  return identity;
}

/** A cell as identity compares it: a month by its key (older rows hold '2023-11', newer «ноябрь 2023»). */
function identityText(layout: TableLayout, at: number, cell: unknown): string {
  const kind = layout.columns[at]?.kind;
  const value = kind && isMonthKind(kind) ? fromCell(kind, cell) : cell;
  return String(value ?? '');
}

function matches(layout: TableLayout, cells: readonly unknown[], identity: RowIdentity): boolean {
  return Object.entries(identity).every(([key, value]) => {
    const at = layout.columns.findIndex((c) => c.key === key);
    return identityText(layout, at, cells[at]) === identityText(layout, at, value);
  });
}

/**
 * The row holding `identity` now: `row` when its cells still match (one read), else the only
 * matching row of the sheet (one more read). Call under the document lock, right before writing.
 * @throws UserError (Russian) when no row, or more than one, holds it
 */
export function locateRow(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  layout: TableLayout,
  row: number,
  identity: RowIdentity,
): number {
  assertHeaders(sheet, layout);
  const width = layout.columns.length;
  if (row >= 2 && row <= lastRowOf(sheet)) {
    const cells = sheet.getRange(row, 1, 1, width).getValues()[0]!;
    if (matches(layout, cells, identity)) return row;
  }
  const found: number[] = [];
  sheet
    .getDataRange()
    .getValues()
    .forEach((cells, i) => {
      if (i > 0 && matches(layout, cells, identity)) found.push(i + 1);
    });
  if (found.length !== 1) throw new UserError(serverErrors.rowMoved(layout.sheetName));
  return found[0]!;
}
