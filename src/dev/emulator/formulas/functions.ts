// Built-in Sheets functions the emulator evaluates, and the names of those it knows but does not
// (those give #ERROR! «not emulated», never #NAME? and never a guessed number).
import { msToSerial } from '../store/cells/serialDates';
import { parseTypedInput } from '../store/cells/typedInput';
import {
  compareScalars,
  err,
  isArray,
  isError,
  isRange,
  toBoolean,
  toNumber,
  toText,
  type ArrayVal,
  type FormulaError,
  type RangeVal,
  type Scalar,
  type Val,
} from './values';

/** What a built-in needs from the evaluation. */
export interface FnContext {
  locale: string;
  timeZone: string;
  now: number;
  /** Cells of a reference/array with their offsets, up to the sheet's data extent, row-major. */
  cells(v: RangeVal | ArrayVal): Array<{ i: number; j: number; v: Scalar }>;
  /** Declared number of cells of a reference/array. */
  size(v: RangeVal | ArrayVal): { rows: number; columns: number };
  /** Cell at an offset of a reference/array (blank outside). */
  at(v: RangeVal | ArrayVal, i: number, j: number): Scalar;
  /** One value: a 1×1 reference is dereferenced; larger ones are not emulated in scalar context. */
  scalar(v: Val): Scalar;
}

type Arg = () => Val;
interface Builtin {
  min: number;
  max: number;
  fn(args: Arg[], cx: FnContext, name: string): Val;
}

const MS_PER_DAY = 86_400_000;
const EPOCH_SERIAL = 25_569;
const isMulti = (v: Val): v is RangeVal | ArrayVal => isRange(v) || isArray(v);

function finite(n: number, fn: string): number | FormulaError {
  return Number.isFinite(n) ? n : err('#NUM!', `${fn} produced a result that is not a finite number.`);
}

/** Numbers of the arguments as SUM/AVERAGE/MIN/MAX see them: referenced text and booleans ignored, typed ones coerced. */
function numbersOf(args: Arg[], cx: FnContext, fn: string): number[] | FormulaError {
  const out: number[] = [];
  for (let p = 0; p < args.length; p++) {
    const v = args[p]!();
    if (isMulti(v)) {
      for (const c of cx.cells(v)) {
        if (isError(c.v)) return c.v;
        if (typeof c.v === 'number') out.push(c.v);
      }
    } else {
      const n = toNumber(v, fn, p + 1, cx.locale, cx.now, cx.timeZone);
      if (isError(n)) return n;
      out.push(n);
    }
  }
  return out;
}

/** A function of any number of numeric arguments: `reduce` gets their numbers (errors pass through). */
function overNumbers(reduce: (ns: number[], fn: string) => Val): Builtin {
  return {
    min: 1,
    max: Infinity,
    fn: (a, cx, f) => {
      const ns = numbersOf(a, cx, f);
      return isError(ns) ? ns : reduce(ns, f);
    },
  };
}

function booleansOf(args: Arg[], cx: FnContext, fn: string): boolean[] | FormulaError {
  const out: boolean[] = [];
  for (let p = 0; p < args.length; p++) {
    const v = args[p]!();
    if (isMulti(v)) {
      for (const c of cx.cells(v)) {
        if (isError(c.v)) return c.v;
        if (typeof c.v === 'boolean' || typeof c.v === 'number') out.push(Boolean(c.v));
      }
    } else {
      const b = toBoolean(v, fn, p + 1);
      if (isError(b)) return b;
      out.push(b);
    }
  }
  if (out.length === 0) return err('#VALUE!', `${fn} has no valid input data.`);
  return out;
}

function num(args: Arg[], p: number, cx: FnContext, fn: string, fallback?: number): number | FormulaError {
  if (p >= args.length && fallback !== undefined) return fallback;
  return toNumber(cx.scalar(args[p]!()), fn, p + 1, cx.locale, cx.now, cx.timeZone);
}

/** Round half away from zero, as Sheets' ROUND does (1.005 → 1.01 at 2 places). */
export function roundHalfAway(x: number, places: number): number {
  const p = Math.trunc(places);
  const f = 10 ** Math.abs(p);
  const scaled = p >= 0 ? Math.abs(x) * f : Math.abs(x) / f;
  const r = Math.round(Number(scaled.toPrecision(15)));
  const out = p >= 0 ? r / f : r * f;
  return x < 0 ? -out : out;
}

function wildcardRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '~' && (pattern[i + 1] === '*' || pattern[i + 1] === '?' || pattern[i + 1] === '~'))
      re += '\\' + pattern[++i];
    else if (ch === '*') re += '[\\s\\S]*';
    else if (ch === '?') re += '[\\s\\S]';
    else re += ch.replace(/[.+^${}()|[\]\\/-]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
}

/** A COUNTIF/SUMIF criterion as a predicate over cell values. */
export function criterion(c: Scalar, cx: FnContext): ((v: Scalar) => boolean) | FormulaError {
  if (isError(c)) return c;
  if (c === null) return (v) => v === null || v === '';
  if (typeof c === 'number') return (v) => typeof v === 'number' && v === c;
  if (typeof c === 'boolean') return (v) => v === c;
  const m = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(c)!;
  const op = m[1] ?? '';
  const rest = m[2] ?? '';
  const parsed = rest.trim() === '' ? undefined : parseTypedInput(rest.trim(), cx.locale, cx.now, cx.timeZone).value;
  const target: Exclude<Scalar, FormulaError> =
    typeof parsed === 'number' || typeof parsed === 'boolean' ? parsed : rest;
  const blank = (v: Scalar): boolean => v === null || v === '';
  if ((op === '' || op === '=') && rest === '') return blank;
  if (op === '<>' && rest === '') return (v) => !blank(v);
  if (op === '' || op === '=') {
    if (typeof target === 'string') {
      const re = wildcardRegex(target);
      return (v) => typeof v === 'string' && re.test(v);
    }
    return (v) => !isError(v) && v !== null && typeof v === typeof target && compareScalars(v, target) === 0;
  }
  if (op === '<>') {
    if (typeof target === 'string') {
      const re = wildcardRegex(target);
      return (v) => !(typeof v === 'string' && re.test(v));
    }
    return (v) => !(!isError(v) && v !== null && typeof v === typeof target && compareScalars(v, target) === 0);
  }
  return (v) => {
    if (isError(v) || v === null || typeof v !== typeof target) return false;
    const k = compareScalars(v, target);
    return op === '<' ? k < 0 : op === '<=' ? k <= 0 : op === '>' ? k > 0 : k >= 0;
  };
}

function rangeArg(v: Val, fn: string, p: number): RangeVal | ArrayVal | FormulaError {
  if (isError(v)) return v;
  if (isMulti(v)) return v;
  return err('#VALUE!', `Function ${fn} parameter ${p} expects a range.`);
}

const BUILTINS: Record<string, Builtin> = {
  SUM: overNumbers((ns, f) =>
    finite(
      ns.reduce((s, n) => s + n, 0),
      f,
    ),
  ),
  AVERAGE: {
    min: 1,
    max: Infinity,
    fn: (a, cx, f) => {
      const ns = numbersOf(a, cx, f);
      if (isError(ns)) return ns;
      if (ns.length === 0) return err('#DIV/0!', 'Evaluation of function AVERAGE caused a divide by zero error.');
      return finite(ns.reduce((s, n) => s + n, 0) / ns.length, f);
    },
  },
  // A loop, not Math.min(...ns): a spread of a whole column's numbers overflows the call stack.
  MIN: overNumbers((ns) => (ns.length === 0 ? 0 : ns.reduce((m, n) => Math.min(m, n)))),
  MAX: overNumbers((ns) => (ns.length === 0 ? 0 : ns.reduce((m, n) => Math.max(m, n)))),
  COUNT: {
    min: 1,
    max: Infinity,
    fn: (a, cx) => {
      let n = 0;
      for (const arg of a) {
        const v = arg();
        if (isMulti(v)) n += cx.cells(v).filter((c) => typeof c.v === 'number').length;
        else if (typeof v === 'number') n++;
      }
      return n;
    },
  },
  COUNTA: {
    min: 1,
    max: Infinity,
    fn: (a, cx) => {
      let n = 0;
      for (const arg of a) {
        const v = arg();
        if (isMulti(v)) n += cx.cells(v).filter((c) => c.v !== null).length;
        else n++;
      }
      return n;
    },
  },
  COUNTIF: {
    min: 2,
    max: 2,
    fn: (a, cx, f) => {
      const range = rangeArg(a[0]!(), f, 1);
      if (isError(range)) return range;
      const test = criterion(cx.scalar(a[1]!()), cx);
      if (isError(test)) return test;
      const cells = cx.cells(range);
      const { rows, columns } = cx.size(range);
      const blanksBeyond = rows * columns - cells.length;
      return cells.filter((c) => test(c.v)).length + (blanksBeyond > 0 && test(null) ? blanksBeyond : 0);
    },
  },
  SUMIF: {
    min: 2,
    max: 3,
    fn: (a, cx, f) => {
      const range = rangeArg(a[0]!(), f, 1);
      if (isError(range)) return range;
      const test = criterion(cx.scalar(a[1]!()), cx);
      if (isError(test)) return test;
      const sumRange = a.length > 2 ? rangeArg(a[2]!(), f, 3) : range;
      if (isError(sumRange)) return sumRange;
      let total = 0;
      for (const c of cx.cells(range)) {
        if (!test(c.v)) continue;
        const s = cx.at(sumRange, c.i, c.j);
        if (isError(s)) return s;
        if (typeof s === 'number') total += s;
      }
      return finite(total, f);
    },
  },
  IF: {
    min: 2,
    max: 3,
    fn: (a, cx, f) => {
      const cond = toBoolean(cx.scalar(a[0]!()), f, 1);
      if (isError(cond)) return cond;
      if (cond) return a[1]!();
      return a.length > 2 ? a[2]!() : false;
    },
  },
  IFERROR: {
    min: 1,
    max: 2,
    fn: (a, cx) => {
      const v = a[0]!();
      const s = isMulti(v) ? (cx.size(v).rows === 1 && cx.size(v).columns === 1 ? cx.scalar(v) : v) : v;
      if (isError(s)) return a.length > 1 ? a[1]!() : null;
      return v;
    },
  },
  AND: {
    min: 1,
    max: Infinity,
    fn: (a, cx, f) => {
      const bs = booleansOf(a, cx, f);
      return isError(bs) ? bs : bs.every(Boolean);
    },
  },
  OR: {
    min: 1,
    max: Infinity,
    fn: (a, cx, f) => {
      const bs = booleansOf(a, cx, f);
      return isError(bs) ? bs : bs.some(Boolean);
    },
  },
  NOT: {
    min: 1,
    max: 1,
    fn: (a, cx, f) => {
      const b = toBoolean(cx.scalar(a[0]!()), f, 1);
      return isError(b) ? b : !b;
    },
  },
  ROUND: {
    min: 1,
    max: 2,
    fn: (a, cx, f) => {
      const x = num(a, 0, cx, f);
      if (isError(x)) return x;
      const d = num(a, 1, cx, f, 0);
      if (isError(d)) return d;
      return finite(roundHalfAway(x, d), f);
    },
  },
  ABS: {
    min: 1,
    max: 1,
    fn: (a, cx, f) => {
      const x = num(a, 0, cx, f);
      return isError(x) ? x : Math.abs(x);
    },
  },
  TODAY: { min: 0, max: 0, fn: (_a, cx) => Math.floor(msToSerial(cx.now, cx.timeZone)) },
  // TEXTJOIN(delimiter, ignore_empty, text1, …): a range's cells row by row; with ignore_empty FALSE
  // its empty cells too (Google's example: =TEXTJOIN(" ", FALSE, A2:A6) → «Hello there   Sheets»,
  // https://support.google.com/docs/answer/7013992). A result past a cell's 50 000 characters is
  // #VALUE!, as Sheets refuses to hold more in a cell.
  TEXTJOIN: {
    min: 3,
    max: Infinity,
    fn: (a, cx, f) => {
      const delimiter = toText(cx.scalar(a[0]!()), cx.locale);
      if (isError(delimiter)) return delimiter;
      const ignoreEmpty = toBoolean(cx.scalar(a[1]!()), f, 2);
      if (isError(ignoreEmpty)) return ignoreEmpty;
      const parts: string[] = [];
      const add = (v: Scalar): FormulaError | null => {
        if (isError(v)) return v;
        const text = v === null ? '' : toText(v, cx.locale);
        if (isError(text)) return text;
        if (!(ignoreEmpty && text === '')) parts.push(text);
        return null;
      };
      for (const arg of a.slice(2)) {
        const v = arg();
        if (isMulti(v)) {
          const { rows, columns } = cx.size(v);
          for (let i = 0; i < rows; i++)
            for (let j = 0; j < columns; j++) {
              const e = add(cx.at(v, i, j));
              if (e) return e;
            }
        } else {
          const e = add(v);
          if (e) return e;
        }
      }
      const joined = parts.join(delimiter);
      if (joined.length > 50_000)
        return err('#VALUE!', 'Text result of TEXTJOIN is longer than the limit of 50000 characters.');
      return joined;
    },
  },
  DATE: {
    min: 3,
    max: 3,
    fn: (a, cx, f) => {
      const parts: number[] = [];
      for (let p = 0; p < 3; p++) {
        const n = num(a, p, cx, f);
        if (isError(n)) return n;
        parts.push(Math.trunc(n));
      }
      let [y, m, d] = parts as [number, number, number];
      if (y >= 0 && y < 1900) y += 1900;
      if (y < 0 || y >= 10000)
        return err(
          '#NUM!',
          `Function DATE parameter 1 value is ${parts[0]}. Valid values are between 0 and 10000 exclusive.`,
        );
      // setUTCFullYear keeps years below 100 as they are and rolls month/day overflow as Sheets does.
      const t = new Date(0);
      t.setUTCFullYear(y, m - 1, d);
      const exact = Math.round(t.getTime() / MS_PER_DAY) + EPOCH_SERIAL;
      if (exact < 0) return err('#NUM!', 'DATE evaluates to an out of range value.');
      return exact;
    },
  },
};

/** Number formats Sheets gives the result of these functions in an unformatted cell. */
export const DATE_RESULT_FUNCTIONS = new Set(['TODAY', 'DATE']);

export function builtin(name: string): Builtin | undefined {
  return Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
}

/** Wrong argument count, as Sheets reports it (#N/A). */
export function arityError(name: string, b: Builtin, got: number): FormulaError | null {
  if (got >= b.min && got <= b.max) return null;
  const expected = got < b.min ? (b.max === b.min ? `${b.min}` : `at least ${b.min}`) : `between ${b.min} and ${b.max}`;
  return err('#N/A', `Wrong number of arguments to ${name}. Expected ${expected} arguments, but got ${got} arguments.`);
}

/** Sheets functions the emulator does not evaluate: a formula using one shows #ERROR! «not emulated». */
export const KNOWN_SHEETS_FUNCTIONS = new Set(
  `
ADDRESS ARRAYFORMULA AVERAGEA AVERAGEIF AVERAGEIFS CEILING CEILING.MATH CHAR CHOOSE CLEAN CODE COLUMN COLUMNS CONCAT
CONCATENATE COUNTBLANK COUNTIFS COUNTUNIQUE DATEDIF DATEVALUE DAY DAYS EDATE EOMONTH EXACT FILTER FIND FLATTEN FLOOR
FLOOR.MATH HLOOKUP HOUR HYPERLINK IFNA IFS IMAGE IMPORTDATA IMPORTHTML IMPORTRANGE IMPORTXML INDEX INDIRECT INT ISBLANK
ISDATE ISEMAIL ISERR ISERROR ISFORMULA ISLOGICAL ISNA ISNONTEXT ISNUMBER ISOWEEKNUM ISREF ISTEXT JOIN LAMBDA LARGE LEFT
LEN LET LOOKUP LOWER MATCH MAXA MAXIFS MEDIAN MID MINA MINIFS MINUTE MOD MODE MONTH N NA NETWORKDAYS NOW PERCENTILE
PI POWER PRODUCT PROPER QUERY QUOTIENT RAND RANDBETWEEN RANK REGEXEXTRACT REGEXMATCH REGEXREPLACE REPT RIGHT ROUNDDOWN
ROUNDUP ROW ROWS SEARCH SECOND SEQUENCE SIGN SMALL SORT SORTN SPARKLINE SPLIT SQRT STDEV SUBSTITUTE SUBTOTAL SUMIFS
SUMPRODUCT SUMSQ SWITCH T TEXT TIME TIMEVALUE TO_DATE TO_PERCENT TO_TEXT TRANSPOSE TRIM TRUE FALSE TRUNC
UNIQUE UPPER VALUE VLOOKUP WEEKDAY WEEKNUM WORKDAY XLOOKUP XOR YEAR YEARFRAC GOOGLEFINANCE GOOGLETRANSLATE DETECTLANGUAGE
LOG LOG10 LN EXP ODD EVEN GCD LCM FACT COMBIN BYROW BYCOL MAP REDUCE MAKEARRAY CHOOSECOLS CHOOSEROWS HSTACK VSTACK
TOCOL TOROW WRAPCOLS WRAPROWS ISBETWEEN EQ NE GT GTE LT LTE ADD MINUS MULTIPLY DIVIDE UMINUS UPLUS UNARY_PERCENT
CONCAT DOLLAR FIXED ENCODEURL ERROR.TYPE CELL INFO
`
    .trim()
    .split(/\s+/),
);
