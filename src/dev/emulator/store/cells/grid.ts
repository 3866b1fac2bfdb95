// A sparse cell grid of one sheet, and rectangle helpers used by the memory store.
import type { CellData, GridRect } from '../spreadsheetStore';

/** Rows of cells, 0-based, both levels sparse. */
export type Grid = Array<Array<CellData | undefined> | undefined>;

export function getCell(grid: Grid, r: number, c: number): CellData | undefined {
  return grid[r]?.[c];
}

export function setCell(grid: Grid, r: number, c: number, cell: CellData | undefined): void {
  const empty = !cell || Object.keys(cell).length === 0;
  let row = grid[r];
  if (!row) {
    if (empty) return;
    row = grid[r] = [];
  }
  row[c] = empty ? undefined : cell;
}

export function overlaps(a: GridRect, b: GridRect): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}

export function contains(outer: GridRect, r: number, c: number): boolean {
  return r >= outer.row && r < outer.row + outer.numRows && c >= outer.column && c < outer.column + outer.numColumns;
}

/** Last 1-based row and column holding a value or formula. */
export function dataExtent(grid: Grid): { lastRow: number; lastColumn: number } {
  let lastRow = 0;
  let lastColumn = 0;
  grid.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (cell && (cell.value !== undefined || cell.formula !== undefined)) {
        lastRow = Math.max(lastRow, r + 1);
        lastColumn = Math.max(lastColumn, c + 1);
      }
    });
  });
  return { lastRow, lastColumn };
}

/** Insert `count` empty rows or columns before 1-based index `before`. */
export function insertInGrid(grid: Grid, dim: 'ROWS' | 'COLUMNS', before: number, count: number): void {
  const at = before - 1;
  if (dim === 'ROWS') {
    if (grid.length > at) grid.splice(at, 0, ...new Array<undefined>(count));
    return;
  }
  for (const row of grid) if (row && row.length > at) row.splice(at, 0, ...new Array<undefined>(count));
}

/** Delete `count` rows or columns starting at 1-based index `start`. */
export function deleteInGrid(grid: Grid, dim: 'ROWS' | 'COLUMNS', start: number, count: number): void {
  if (dim === 'ROWS') {
    grid.splice(start - 1, count);
    return;
  }
  for (const row of grid) if (row) row.splice(start - 1, count);
}

/**
 * Move a rectangle after rows/columns were inserted (count > 0) or deleted (count < 0) at `at`.
 * Returns null when the rectangle was deleted entirely.
 */
export function shiftRect(rect: GridRect, dim: 'ROWS' | 'COLUMNS', at: number, count: number): GridRect | null {
  const startKey = dim === 'ROWS' ? 'row' : 'column';
  const sizeKey = dim === 'ROWS' ? 'numRows' : 'numColumns';
  const start = rect[startKey];
  const end = start + rect[sizeKey] - 1;
  const out = { ...rect };
  if (count > 0) {
    if (at <= start) out[startKey] = start + count;
    else if (at <= end) out[sizeKey] = rect[sizeKey] + count;
    return out;
  }
  const delStart = at;
  const delEnd = at - count - 1;
  if (delEnd < start) {
    out[startKey] = start + count;
    return out;
  }
  if (delStart > end) return out;
  const keptBefore = Math.max(0, delStart - start);
  const keptAfter = Math.max(0, end - delEnd);
  if (keptBefore + keptAfter === 0) return null;
  out[startKey] = Math.min(start, delStart);
  out[sizeKey] = keptBefore + keptAfter;
  return out;
}

/** Grid → list of [row, column, cell] (0-based) for JSON snapshots. */
export function gridToTriples(grid: Grid): Array<[number, number, CellData]> {
  const out: Array<[number, number, CellData]> = [];
  grid.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (cell) out.push([r, c, cell]);
    });
  });
  return out;
}

export function triplesToGrid(triples: Array<[number, number, CellData]>): Grid {
  const grid: Grid = [];
  for (const [r, c, cell] of triples) setCell(grid, r, c, cell);
  return grid;
}
