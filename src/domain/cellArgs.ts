// Spreadsheet-function arguments: a value or a 2-D range, answered cell by cell with scalars
// broadcast, blanks recognised, and input errors reported with the row (and column) they came from.
import { isDateValue } from './calendar';
import { cellErrors } from './messages';

/** An input error a user can fix; `mapCells` prefixes it with the cell's row. */
export class CellInputError extends Error {}

/** True for an empty cell as Sheets passes it ('' or null) or an omitted argument. */
export function isBlank(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

const asGrid = (value: unknown): unknown[][] | null => {
  if (!Array.isArray(value)) return null;
  return value.length > 0 && value.every(Array.isArray) ? (value as unknown[][]) : [value];
};

const shapeText = (grid: unknown[][]): string => `${grid.length}×${grid[0]?.length ?? 0}`;

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Applies `compute` to each cell position of the arguments. Arguments that are ranges must all have
 * the same shape (a 1×1 range also broadcasts); single values are broadcast. Returns one value when
 * no argument is a range, otherwise a 2-D array of the ranges' shape.
 * @throws Error with a Russian message; inside a range it starts with «строка N: »
 */
export function mapCells(args: readonly unknown[], compute: (values: unknown[]) => unknown): unknown {
  const grids = args.map(asGrid);
  const cell = args.slice();
  let shape: unknown[][] | null = null;
  let anyRange = false;
  for (let i = 0; i < grids.length; i++) {
    const grid = grids[i];
    if (!grid) continue;
    anyRange = true;
    if (grid.length === 1 && grid[0]?.length === 1) {
      cell[i] = grid[0][0];
      grids[i] = null;
    } else if (!shape) {
      shape = grid;
    } else if (shape.length !== grid.length || (shape[0]?.length ?? 0) !== (grid[0]?.length ?? 0)) {
      throw new Error(capitalise(cellErrors.shapeMismatch(shapeText(shape), shapeText(grid))));
    }
  }
  if (!anyRange) return runOne(compute, cell);
  const rows = shape ? shape.length : 1;
  const columns = shape ? (shape[0]?.length ?? 0) : 1;
  const result: unknown[][] = new Array<unknown[]>(rows);
  for (let r = 0; r < rows; r++) {
    const out = new Array<unknown>(columns);
    for (let c = 0; c < columns; c++) {
      for (let i = 0; i < grids.length; i++) {
        const grid = grids[i];
        if (grid) cell[i] = grid[r]?.[c];
      }
      try {
        out[c] = compute(cell);
      } catch (error) {
        if (!(error instanceof CellInputError)) throw error;
        throw new Error(cellErrors.at(r + 1, columns > 1 ? c + 1 : null) + error.message);
      }
    }
    result[r] = out;
  }
  return result;
}

function runOne(compute: (values: unknown[]) => unknown, values: unknown[]): unknown {
  try {
    return compute(values);
  } catch (error) {
    if (error instanceof CellInputError) throw new Error(capitalise(error.message));
    throw error;
  }
}

/**
 * Reads a number from a cell: a number, or text such as «12», «0,9» (Russian decimal comma), «1 200».
 * @param what the argument's Russian name for the error message
 * @throws CellInputError when the value is not a number
 */
export function readNumber(value: unknown, what: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const text = value.replace(/[\s\u00a0]/g, '').replace(',', '.');
    if (/^[-+]?\d+(\.\d+)?$/.test(text)) return Number(text);
  }
  throw new CellInputError(cellErrors.notNumber(what, isDateValue(value) ? 'дата' : value));
}

/**
 * Reads a count: an integer ≥ 0.
 * @throws CellInputError naming `what` when the value is not a number, is fractional or negative
 */
export function readCount(value: unknown, what: string): number {
  const n = readNumber(value, what);
  if (!Number.isInteger(n)) throw new CellInputError(cellErrors.notInteger(what, n));
  if (n < 0) throw new CellInputError(cellErrors.negative(what, n));
  return n;
}
