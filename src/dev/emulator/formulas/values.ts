// Values inside formula evaluation: scalars (blank = null), Sheets error values, references and arrays,
// and the coercions Sheets applies between them.
import type { GridRect } from '../store/spreadsheetStore';
import { formatForDisplay } from '../store/cells/numberFormat';
import { parseTypedInput } from '../store/cells/typedInput';

export type ErrorCode = '#N/A' | '#DIV/0!' | '#VALUE!' | '#REF!' | '#NAME?' | '#NUM!' | '#NULL!' | '#ERROR!';

/** A Sheets error value with the message Sheets shows on hover. */
export class FormulaError {
  constructor(
    readonly code: ErrorCode,
    readonly message: string,
  ) {}
}

/** null is a blank cell. */
export type Scalar = number | string | boolean | null | FormulaError;

/** A reference to cells (kept as a reference: functions such as SUM treat referenced text differently). */
export interface RangeVal {
  kind: 'range';
  sheetId: number;
  rect: GridRect;
}

/** An array result (a custom function's 2-D result, or a multi-cell reference at the top level). */
export interface ArrayVal {
  kind: 'array';
  rows: Scalar[][];
  /** Number formats Sheets applies to elements (dates returned by custom functions). */
  formats?: Array<Array<string | undefined>>;
}

export type Val = Scalar | RangeVal | ArrayVal;

export const isError = (v: unknown): v is FormulaError => v instanceof FormulaError;
export const isRange = (v: Val): v is RangeVal =>
  v !== null && typeof v === 'object' && !isError(v) && v.kind === 'range';
export const isArray = (v: Val): v is ArrayVal =>
  v !== null && typeof v === 'object' && !isError(v) && v.kind === 'array';

export const err = (code: ErrorCode, message: string): FormulaError => new FormulaError(code, message);
export const notEmulated = (what: string): FormulaError => err('#ERROR!', `not emulated: ${what}`);

/** What a scalar looks like in Sheets' messages ('abc' is a text…). */
function describe(v: Scalar): string {
  if (typeof v === 'string') return `'${v}' is a text`;
  if (typeof v === 'boolean') return `'${v ? 'TRUE' : 'FALSE'}' is a boolean`;
  return `'${String(v)}'`;
}

/** Number of a scalar as arithmetic sees it: blank 0, booleans 1/0, numeric text parsed in the locale. */
export function toNumber(
  v: Scalar,
  fn: string,
  param: number,
  locale: string,
  now: number,
  timeZone: string,
): number | FormulaError {
  if (isError(v)) return v;
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v.trim() === '') return 0;
  const parsed = parseTypedInput(v.trim(), locale, now, timeZone);
  if (typeof parsed.value === 'number' && parsed.formula === undefined) return parsed.value;
  return err(
    '#VALUE!',
    `Function ${fn} parameter ${param} expects number values. But ${describe(v)} and cannot be coerced to a number.`,
  );
}

/** Text of a scalar as & and text functions see it (numbers in the locale's automatic format). */
export function toText(v: Scalar, locale: string): string | FormulaError {
  if (isError(v)) return v;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return formatForDisplay(v, undefined, locale);
  return v;
}

/** Truth of a scalar as IF/AND/OR/NOT see it. */
export function toBoolean(v: Scalar, fn: string, param: number): boolean | FormulaError {
  if (isError(v)) return v;
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  const upper = v.trim().toUpperCase();
  if (upper === 'TRUE') return true;
  if (upper === 'FALSE') return false;
  return err(
    '#VALUE!',
    `Function ${fn} parameter ${param} expects boolean values. But ${describe(v)} and cannot be coerced to a boolean.`,
  );
}

const typeRank = (v: number | string | boolean): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);

/** Sheets' ordering: numbers < text < booleans; text case-insensitively; blank as the other side's empty value. */
export function compareScalars(a: Exclude<Scalar, FormulaError>, b: Exclude<Scalar, FormulaError>): number {
  const empty = (other: Exclude<Scalar, FormulaError>): number | string | boolean =>
    typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0;
  const x = a === null ? empty(b) : a;
  const y = b === null ? empty(a) : b;
  if (typeRank(x) !== typeRank(y)) return typeRank(x) - typeRank(y);
  if (typeof x === 'string') {
    const l = x.toLowerCase();
    const r = (y as string).toLowerCase();
    return l < r ? -1 : l > r ? 1 : 0;
  }
  const l = Number(x);
  const r = Number(y);
  return l < r ? -1 : l > r ? 1 : 0;
}
