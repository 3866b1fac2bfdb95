// One evaluation pass over a spreadsheet (one store read): formula cells computed in dependency order
// (an explicit stack, so a chain of any length needs no call-stack depth), cycles → #REF!, array results spilled
// over blank cells like Sheets (#REF! when they would overwrite data), custom functions run through
// the bundle. Nothing is written back: the store keeps formulas as text only.
import type { ComputedCell, FormulaDocView, GridRect } from '../store/spreadsheetStore';
import { DEFAULT_FORMAT, isDateFormat } from '../store/cells/numberFormat';
import { msToSerial, serialToMs } from '../store/cells/serialDates';
import { DATE_FORMAT, DATE_TIME_FORMAT } from '../store/cells/typedInput';
import { columnToLetters } from '../spreadsheet/a1';
import { dependencyOrder } from './dependencyOrder';
import { DATE_RESULT_FUNCTIONS, KNOWN_SHEETS_FUNCTIONS, arityError, builtin, type FnContext } from './functions';
import { FormulaNotEmulated, FormulaParseError, parseFormula, type Node, type RefPart } from './parser';
import {
  compareScalars,
  err,
  isArray,
  isError,
  isRange,
  notEmulated,
  toNumber,
  toText,
  type ArrayVal,
  type FormulaError,
  type RangeVal,
  type Scalar,
  type Val,
} from './values';

/** Custom functions of the loaded bundle(s). */
export interface CustomFunctions {
  /** The script's function name for a formula's (upper-cased) name, or null when no bundle defines it. */
  resolve(upperName: string): string | null;
  /** One custom-function execution; host values in and out. */
  call(
    name: string,
    args: unknown[],
    documentId: string,
  ): { ok: true; value: unknown } | { ok: false; message: string };
}

/** State shared by nested evaluations (a custom function may read the sheet and so evaluate again). */
export interface EngineState {
  /** Cells being evaluated right now, across nested reads: meeting one again is a cycle. */
  active: Set<string>;
  depth: number;
}

interface CellResult {
  v: Scalar | ArrayVal;
  format?: string;
}

/** A cell of the evaluated spreadsheet. */
interface CellAt {
  sheetId: number;
  row: number;
  column: number;
}

interface Spill {
  row: number;
  column: number;
  value: ArrayVal;
}

const CIRCULAR = 'Circular dependency detected. To resolve with iterative calculation, see File > Settings.';
const MAX_DEPTH = 8;
const MS_PER_DAY = 86_400_000;

/** A spill look-up met a cell whose evaluation is under way outside it: skip, it is not a real cycle. */
class Speculative extends Error {}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
const unformatted = (f: string | undefined): boolean => f === undefined || f === DEFAULT_FORMAT;

export class Evaluation {
  private readonly memo = new Map<string, CellResult>();
  private readonly spills = new Map<number, Spill[]>();
  private readonly extents = new Map<number, { lastRow: number; lastColumn: number }>();
  /** Formats of custom-function results by call node (a Date result is shown as a date). */
  private readonly callFormats = new Map<Node, string>();
  /** While looking for spilled arrays: the cells already under way (meeting one is not a cycle of the looked-at formula). */
  private speculation: Set<string> | null = null;
  /** Memo entries made during the current spill look-up (dropped if it is abandoned). */
  private added: string[] | null = null;

  constructor(
    private readonly view: FormulaDocView,
    private readonly now: number,
    private readonly custom: CustomFunctions | null,
    private readonly state: EngineState,
  ) {}

  /** What each cell of `rect` reads as (null: as stored). */
  compute(sheetId: number, rect: GridRect): Array<Array<ComputedCell | null>> {
    this.prepare(this.anchorsUpTo(sheetId, rect.row + rect.numRows - 1, rect.column + rect.numColumns - 1));
    const out: Array<Array<ComputedCell | null>> = [];
    for (let i = 0; i < rect.numRows; i++) {
      const row: Array<ComputedCell | null> = [];
      for (let j = 0; j < rect.numColumns; j++) {
        const r = rect.row + i;
        const c = rect.column + j;
        const stored = this.view.cell(sheetId, r, c);
        if (stored?.formula !== undefined) {
          const res = this.formulaCell(sheetId, r, c);
          const v = isArray(res.v) ? res.v.rows[0]![0]! : res.v;
          const format = isArray(res.v) ? res.v.formats?.[0]?.[0] : res.format;
          row.push(toComputed(v, format));
        } else if (stored?.value === undefined) {
          const spilled = this.spilledAt(sheetId, r, c);
          row.push(spilled ? toComputed(spilled.v, spilled.format) : null);
        } else row.push(null);
      }
      out.push(row);
    }
    return out;
  }

  /** Data extent with spilled array results. */
  extent(sheetId: number): { lastRow: number; lastColumn: number } {
    this.prepare(this.view.formulaCells(sheetId).map((f) => ({ sheetId, ...f })));
    const e = { ...this.storedExtent(sheetId) };
    for (const s of this.spillsOf(sheetId)) {
      e.lastRow = Math.max(e.lastRow, s.row + s.value.rows.length - 1);
      e.lastColumn = Math.max(e.lastColumn, s.column + (s.value.rows[0]?.length ?? 1) - 1);
    }
    return e;
  }

  private sheet(sheetId: number): FormulaDocView['sheets'][number] | undefined {
    return this.view.sheets.find((s) => s.sheetId === sheetId);
  }

  /** The result of the formula in a cell (an array result is the whole array, or #REF! when blocked). */
  private formulaCell(sheetId: number, r: number, c: number): CellResult {
    const key = `${this.view.id}|${sheetId}|${r}|${c}`;
    const known = this.memo.get(key);
    if (known) return known;
    if (this.state.active.has(key)) {
      if (this.speculation?.has(key)) throw new Speculative();
      return { v: err('#REF!', CIRCULAR) };
    }
    this.state.active.add(key);
    let res: CellResult;
    try {
      res = this.evaluateFormula(this.view.cell(sheetId, r, c)?.formula ?? '', sheetId);
      if (isArray(res.v)) res = { v: this.checkSpill(sheetId, r, c, res.v) };
    } finally {
      this.state.active.delete(key);
    }
    this.memo.set(key, res);
    this.added?.push(key);
    return res;
  }

  private evaluateFormula(formula: string, sheetId: number): CellResult {
    let node: Node;
    try {
      node = parseFormula(formula);
    } catch (e) {
      if (e instanceof FormulaNotEmulated) return { v: notEmulated(e.message) };
      if (e instanceof FormulaParseError) return { v: err('#ERROR!', 'Formula parse error.') };
      throw e;
    }
    const v = this.eval(node, sheetId);
    if (isRange(v)) {
      if (v.rect.numRows === 1 && v.rect.numColumns === 1) {
        const cell = this.cellValue(v.sheetId, v.rect.row, v.rect.column);
        return { v: cell.v, format: cell.format && isDateFormat(cell.format) ? cell.format : undefined };
      }
      return { v: this.materialize(v) };
    }
    if (isArray(v))
      return { v: v.rows.length === 1 && v.rows[0]!.length === 1 ? v.rows[0]![0]! : v, format: v.formats?.[0]?.[0] };
    return { v, format: this.formatOf(node, sheetId) };
  }

  /** Sheets' automatic format of a result: dates stay dates through a reference, DATE/TODAY, date ± days. */
  private formatOf(node: Node, sheetId: number): string | undefined {
    if (node.k === 'call') return DATE_RESULT_FUNCTIONS.has(node.name) ? DATE_FORMAT : this.callFormats.get(node);
    if (node.k === 'ref' && node.b === null) {
      const loc = this.resolveRef(node, sheetId);
      if (isError(loc)) return undefined;
      const f = this.cellValue(loc.sheetId, loc.rect.row, loc.rect.column).format;
      return f && isDateFormat(f) ? f : undefined;
    }
    if (node.k === 'bin' && (node.op === '+' || node.op === '-')) {
      const l = this.formatOf(node.l, sheetId);
      const r = this.formatOf(node.r, sheetId);
      if (node.op === '+' && (l === undefined) !== (r === undefined)) return l ?? r;
      if (node.op === '-' && l !== undefined && r === undefined) return l;
    }
    return undefined;
  }

  private checkSpill(sheetId: number, r: number, c: number, a: ArrayVal): Scalar | ArrayVal {
    const sheet = this.sheet(sheetId)!;
    const rows = a.rows.length;
    const columns = a.rows[0]?.length ?? 0;
    if (r + rows - 1 > sheet.maxRows || c + columns - 1 > sheet.maxColumns) {
      return err(
        '#REF!',
        `Result was not automatically expanded, please insert more ${r + rows - 1 > sheet.maxRows ? 'rows' : 'columns'}.`,
      );
    }
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < columns; j++) {
        if (i === 0 && j === 0) continue;
        const cell = this.view.cell(sheetId, r + i, c + j);
        if (cell && (cell.value !== undefined || cell.formula !== undefined)) {
          return err(
            '#REF!',
            `Array result was not expanded because it would overwrite data in ${columnToLetters(c + j)}${r + i}.`,
          );
        }
      }
    }
    return a;
  }

  /** Array results of a sheet's formulas (formulas being evaluated right now are left out). */
  private spillsOf(sheetId: number): Spill[] {
    const known = this.spills.get(sheetId);
    if (known) return known;
    const out: Spill[] = [];
    let partial = false;
    for (const { row, column } of this.view.formulaCells(sheetId)) {
      if (this.state.active.has(`${this.view.id}|${sheetId}|${row}|${column}`)) {
        partial = true;
        continue;
      }
      const res = this.speculate(sheetId, row, column);
      if (!res) partial = true;
      else if (isArray(res.v)) out.push({ row, column, value: res.v });
    }
    if (!partial) this.spills.set(sheetId, out);
    return out;
  }

  /** A formula's result for spill look-up, or null when it needs a cell whose evaluation is under way. */
  private speculate(sheetId: number, row: number, column: number): CellResult | null {
    const known = this.memo.get(`${this.view.id}|${sheetId}|${row}|${column}`);
    if (known) return known;
    const [outerSpeculation, outerAdded] = [this.speculation, this.added];
    this.speculation = new Set(this.state.active);
    this.added = [];
    const added = this.added;
    try {
      return this.formulaCell(sheetId, row, column);
    } catch (e) {
      if (!(e instanceof Speculative)) throw e;
      for (const k of added) this.memo.delete(k);
      added.length = 0;
      return null;
    } finally {
      this.speculation = outerSpeculation;
      this.added = outerAdded;
      outerAdded?.push(...added);
    }
  }

  private spilledAt(sheetId: number, r: number, c: number): { v: Scalar; format?: string } | null {
    if (this.view.formulaCells(sheetId).length === 0) return null;
    for (const s of this.spills.get(sheetId) ?? this.spillsUpTo(sheetId, r, c)) {
      const i = r - s.row;
      const j = c - s.column;
      const v = s.value.rows[i]?.[j];
      if (i >= 0 && j >= 0 && v !== undefined) return { v, format: s.value.formats?.[i]?.[j] };
    }
    return null;
  }

  /** Array results of the formulas at or above-left of a cell: only they can spill over it. */
  private spillsUpTo(sheetId: number, row: number, column: number): Spill[] {
    const out: Spill[] = [];
    for (const a of this.anchorsUpTo(sheetId, row, column)) {
      if (this.state.active.has(this.keyOf(a))) continue;
      const res = this.speculate(sheetId, a.row, a.column);
      if (res && isArray(res.v)) out.push({ row: a.row, column: a.column, value: res.v });
    }
    return out;
  }

  /** Data extent of a sheet as far as a block ending at (row, column) can see it (spills included). */
  private extentUpTo(sheetId: number, row: number, column: number): { lastRow: number; lastColumn: number } {
    const e = { ...this.storedExtent(sheetId) };
    // A block inside the stored data is read whole: spills could only lengthen what is already there.
    if (row <= e.lastRow && column <= e.lastColumn) return e;
    for (const s of this.spills.get(sheetId) ?? this.spillsUpTo(sheetId, row, column)) {
      e.lastRow = Math.max(e.lastRow, s.row + s.value.rows.length - 1);
      e.lastColumn = Math.max(e.lastColumn, s.column + (s.value.rows[0]?.length ?? 1) - 1);
    }
    return e;
  }

  /** The stored data extent of a sheet, read once per pass (the view does not change during it). */
  private storedExtent(sheetId: number): { lastRow: number; lastColumn: number } {
    const known = this.extents.get(sheetId);
    if (known) return known;
    const e = this.view.extent(sheetId);
    this.extents.set(sheetId, e);
    return e;
  }

  private keyOf(c: CellAt): string {
    return `${this.view.id}|${c.sheetId}|${c.row}|${c.column}`;
  }

  /** Formula cells at or above-left of (row, column): the ones whose result may show there. */
  private anchorsUpTo(sheetId: number, row: number, column: number): CellAt[] {
    const out: CellAt[] = [];
    for (const f of this.view.formulaCells(sheetId))
      if (f.row <= row && f.column <= column) out.push({ sheetId, row: f.row, column: f.column });
    return out;
  }

  /**
   * Evaluates every formula cell that `roots` may read, deepest first, walking the dependencies
   * with an explicit stack: each cell then finds what it reads already computed, so no evaluation
   * nests inside another however long the chain (a 500-organisation report, a 20 000-cell chain).
   */
  private prepare(roots: readonly CellAt[]): void {
    const order = dependencyOrder(
      roots,
      (c) => this.keyOf(c),
      (c) => this.formulaReads(c),
      (k) => this.memo.has(k) || this.state.active.has(k),
    );
    for (const c of order) this.formulaCell(c.sheetId, c.row, c.column);
  }

  /** The formula cells a cell's formula may read: those referenced, and those that may spill into a blank. */
  private formulaReads(at: CellAt): CellAt[] {
    let root: Node;
    try {
      root = parseFormula(this.view.cell(at.sheetId, at.row, at.column)?.formula ?? '');
    } catch {
      return [];
    }
    const out: CellAt[] = [];
    const reads = (range: RangeVal | FormulaError): void => {
      if (isError(range)) return;
      const { sheetId, rect } = range;
      const single = rect.numRows === 1 && rect.numColumns === 1;
      const stored = single ? this.view.cell(sheetId, rect.row, rect.column) : undefined;
      if (stored?.formula !== undefined) out.push({ sheetId, row: rect.row, column: rect.column });
      else if (stored?.value === undefined)
        out.push(...this.anchorsUpTo(sheetId, rect.row + rect.numRows - 1, rect.column + rect.numColumns - 1));
    };
    const todo: Node[] = [root];
    while (todo.length > 0) {
      const node = todo.pop()!;
      switch (node.k) {
        case 'ref':
          reads(this.resolveRef(node, at.sheetId));
          break;
        case 'name': {
          const named = this.view.namedRanges.find((n) => n.name.toLowerCase() === node.name.toLowerCase());
          if (named) reads({ kind: 'range', sheetId: named.sheetId, rect: named.rect });
          break;
        }
        case 'call':
          for (const a of node.args) if (a) todo.push(a);
          break;
        case 'bin':
          todo.push(node.l, node.r);
          break;
        case 'neg':
        case 'plus':
        case 'pct':
          todo.push(node.e);
          break;
        default:
          break;
      }
    }
    const self = this.keyOf(at);
    return out.filter((c) => this.keyOf(c) !== self);
  }

  /** What a cell reads as inside a formula: stored value, formula result, or a spilled value. */
  private cellValue(sheetId: number, r: number, c: number): { v: Scalar; format?: string } {
    const stored = this.view.cell(sheetId, r, c);
    if (stored?.formula !== undefined) {
      const res = this.formulaCell(sheetId, r, c);
      const v = isArray(res.v) ? res.v.rows[0]![0]! : res.v;
      const computed = isArray(res.v) ? res.v.formats?.[0]?.[0] : res.format;
      return { v, format: unformatted(stored.numberFormat) ? (computed ?? stored.numberFormat) : stored.numberFormat };
    }
    if (stored?.value !== undefined) return { v: stored.value, format: stored.numberFormat };
    const spilled = this.spilledAt(sheetId, r, c);
    if (spilled)
      return {
        v: spilled.v,
        format: unformatted(stored?.numberFormat) ? (spilled.format ?? stored?.numberFormat) : stored?.numberFormat,
      };
    return { v: null, format: stored?.numberFormat };
  }

  private resolveRef(node: Extract<Node, { k: 'ref' }>, sheetId: number): RangeVal | FormulaError {
    let target = this.sheet(sheetId);
    if (node.sheet !== null) {
      const name = node.sheet.toLowerCase();
      target = this.view.sheets.find((s) => s.name.toLowerCase() === name);
      if (!target) return err('#REF!', `Unresolved sheet name '${node.sheet}'.`);
    }
    if (!target) return err('#REF!', 'Reference to a deleted sheet.');
    const end: RefPart = node.b ?? node.a;
    const r1 = node.a.row ?? 1;
    const c1 = node.a.column ?? 1;
    const r2 = end.row ?? target.maxRows;
    const c2 = end.column ?? target.maxColumns;
    const rect = {
      row: Math.min(r1, r2),
      column: Math.min(c1, c2),
      numRows: Math.abs(r2 - r1) + 1,
      numColumns: Math.abs(c2 - c1) + 1,
    };
    if (rect.row + rect.numRows - 1 > target.maxRows || rect.column + rect.numColumns - 1 > target.maxColumns) {
      return err(
        '#REF!',
        `Range ${columnToLetters(rect.column)}${rect.row}:${columnToLetters(rect.column + rect.numColumns - 1)}${rect.row + rect.numRows - 1} is outside the sheet '${target.name}'.`,
      );
    }
    return { kind: 'range', sheetId: target.sheetId, rect };
  }

  /** Rows of a reference up to the sheet's data extent (the rest is blank). */
  private rowsOf(v: RangeVal): { values: Scalar[][]; formats: Array<Array<string | undefined>> } {
    const e = this.extentUpTo(v.sheetId, v.rect.row + v.rect.numRows - 1, v.rect.column + v.rect.numColumns - 1);
    const rows = Math.max(0, Math.min(v.rect.numRows, e.lastRow - v.rect.row + 1));
    const columns = Math.max(0, Math.min(v.rect.numColumns, e.lastColumn - v.rect.column + 1));
    return this.block(v, rows, columns);
  }

  private materialize(v: RangeVal): ArrayVal {
    const { values, formats } = this.rowsOf(v);
    if (values.length === 0 || values[0]!.length === 0) return { kind: 'array', rows: [[null]] };
    return {
      kind: 'array',
      rows: values,
      formats: formats.map((r) => r.map((f) => (f && isDateFormat(f) ? f : undefined))),
    };
  }

  private fnContext(sheetId: number): FnContext {
    void sheetId;
    return {
      locale: this.view.locale,
      timeZone: this.view.timeZone,
      now: this.now,
      cells: (v) => {
        const rows = isRange(v) ? this.rowsOf(v).values : v.rows;
        const out: Array<{ i: number; j: number; v: Scalar }> = [];
        rows.forEach((row, i) => {
          row.forEach((x, j) => {
            out.push({ i, j, v: x });
          });
        });
        return out;
      },
      size: (v) =>
        isRange(v)
          ? { rows: v.rect.numRows, columns: v.rect.numColumns }
          : { rows: v.rows.length, columns: v.rows[0]?.length ?? 0 },
      at: (v, i, j) => {
        if (isArray(v)) return v.rows[i]?.[j] ?? null;
        const s = this.sheet(v.sheetId)!;
        const r = v.rect.row + i;
        const c = v.rect.column + j;
        return r > s.maxRows || c > s.maxColumns ? null : this.cellValue(v.sheetId, r, c).v;
      },
      scalar: (v) => this.scalar(v),
    };
  }

  private scalar(v: Val): Scalar {
    if (isRange(v)) {
      if (v.rect.numRows === 1 && v.rect.numColumns === 1)
        return this.cellValue(v.sheetId, v.rect.row, v.rect.column).v;
      return notEmulated('a multi-cell range where one value is expected (implicit intersection)');
    }
    if (isArray(v)) {
      if (v.rows.length === 1 && v.rows[0]!.length === 1) return v.rows[0]![0]!;
      return notEmulated('an array where one value is expected');
    }
    return v;
  }

  private eval(node: Node, sheetId: number): Val {
    switch (node.k) {
      case 'num':
        return node.v;
      case 'str':
        return node.v;
      case 'bool':
        return node.v;
      case 'err':
        return err(
          node.code as FormulaError['code'],
          node.code === '#N/A' ? 'Value not available.' : `${node.code} in the formula.`,
        );
      case 'ref':
        return this.resolveRef(node, sheetId);
      case 'name': {
        const name = node.name.toLowerCase();
        const named = this.view.namedRanges.find((n) => n.name.toLowerCase() === name);
        if (!named) return err('#NAME?', `Unknown range name: '${node.name}'.`);
        return { kind: 'range', sheetId: named.sheetId, rect: named.rect };
      }
      case 'neg':
      case 'plus':
      case 'pct': {
        const fn = node.k === 'neg' ? 'UMINUS' : node.k === 'plus' ? 'UPLUS' : 'UNARY_PERCENT';
        const n = toNumber(
          this.scalar(this.eval(node.e, sheetId)),
          fn,
          1,
          this.view.locale,
          this.now,
          this.view.timeZone,
        );
        if (isError(n)) return n;
        return node.k === 'neg' ? -n : node.k === 'plus' ? n : n / 100;
      }
      case 'bin':
        return this.binary(node, sheetId);
      case 'call':
        return this.call(node, sheetId);
    }
  }

  private binary(node: Extract<Node, { k: 'bin' }>, sheetId: number): Val {
    const l = this.scalar(this.eval(node.l, sheetId));
    if (isError(l)) return l;
    const r = this.scalar(this.eval(node.r, sheetId));
    if (isError(r)) return r;
    const { locale, timeZone } = this.view;
    switch (node.op) {
      case '&': {
        const a = toText(l, locale);
        const b = toText(r, locale);
        return isError(a) ? a : isError(b) ? b : a + b;
      }
      case '=':
        return compareScalars(l, r) === 0;
      case '<>':
        return compareScalars(l, r) !== 0;
      case '<':
        return compareScalars(l, r) < 0;
      case '>':
        return compareScalars(l, r) > 0;
      case '<=':
        return compareScalars(l, r) <= 0;
      case '>=':
        return compareScalars(l, r) >= 0;
      default: {
        const fn = { '+': 'ADD', '-': 'MINUS', '*': 'MULTIPLY', '/': 'DIVIDE', '^': 'POW' }[node.op];
        const a = toNumber(l, fn, 1, locale, this.now, timeZone);
        if (isError(a)) return a;
        const b = toNumber(r, fn, 2, locale, this.now, timeZone);
        if (isError(b)) return b;
        if (node.op === '/' && b === 0) return err('#DIV/0!', 'Function DIVIDE parameter 2 cannot be zero.');
        if (node.op === '^' && a === 0 && b < 0)
          return err('#DIV/0!', 'Function POW parameter 1 cannot be zero when parameter 2 is negative.');
        const out =
          node.op === '+'
            ? a + b
            : node.op === '-'
              ? a - b
              : node.op === '*'
                ? a * b
                : node.op === '/'
                  ? a / b
                  : a ** b;
        return Number.isFinite(out)
          ? out
          : err('#NUM!', `Function ${fn} produced a result that is not a finite number.`);
      }
    }
  }

  private call(node: Extract<Node, { k: 'call' }>, sheetId: number): Val {
    const b = builtin(node.name);
    if (b) {
      const bad = arityError(node.name, b, node.args.length);
      if (bad) return bad;
      const args = node.args.map((a) => () => (a === null ? null : this.eval(a, sheetId)));
      return b.fn(args, this.fnContext(sheetId), node.name);
    }
    if (KNOWN_SHEETS_FUNCTIONS.has(node.name)) return notEmulated(`the Sheets function ${node.name}`);
    const fn = this.custom?.resolve(node.name) ?? null;
    if (!fn) return err('#NAME?', `Unknown function: '${node.name}'.`);
    return this.customCall(node, fn, sheetId);
  }

  /** One custom-function execution: ranges as 2-D arrays, single cells as values, date cells as Dates. */
  private customCall(node: Extract<Node, { k: 'call' }>, fn: string, sheetId: number): Val {
    const tz = this.view.timeZone;
    const host = (v: Scalar, format: string | undefined): unknown =>
      v === null ? '' : typeof v === 'number' && format && isDateFormat(format) ? new Date(serialToMs(v, tz)) : v;
    const args: unknown[] = [];
    for (const a of node.args) {
      if (a === null) {
        args.push(undefined);
        continue;
      }
      const v = this.eval(a, sheetId);
      if (isError(v)) return v;
      if (isRange(v) && v.rect.numRows === 1 && v.rect.numColumns === 1) {
        const cell = this.cellValue(v.sheetId, v.rect.row, v.rect.column);
        if (isError(cell.v)) return cell.v;
        args.push(host(cell.v, cell.format));
      } else if (isRange(v) || isArray(v)) {
        const grid = isRange(v) ? this.fullGrid(v) : { values: v.rows, formats: v.formats ?? [] };
        const out: unknown[][] = [];
        for (let i = 0; i < grid.values.length; i++) {
          const row: unknown[] = [];
          for (let j = 0; j < grid.values[i]!.length; j++) {
            const x = grid.values[i]![j]!;
            if (isError(x)) return x;
            row.push(host(x, grid.formats[i]?.[j]));
          }
          out.push(row);
        }
        args.push(out);
      } else args.push(v);
    }
    if (this.state.depth >= MAX_DEPTH)
      return err('#ERROR!', `Custom functions nested deeper than ${MAX_DEPTH} levels.`);
    this.state.depth++;
    let result: ReturnType<CustomFunctions['call']>;
    try {
      result = this.custom!.call(fn, args, this.view.id);
    } finally {
      this.state.depth--;
    }
    if (!result.ok) return err('#ERROR!', result.message);
    const converted = this.fromScript(result.value);
    if ('kind' in converted) return converted;
    if (converted.format) this.callFormats.set(node, converted.format);
    return converted.v;
  }

  /** Every cell of a reference (a custom function gets the whole range, blanks as ''). */
  private fullGrid(v: RangeVal): { values: Scalar[][]; formats: Array<Array<string | undefined>> } {
    return this.block(v, v.rect.numRows, v.rect.numColumns);
  }

  /** Values and formats of the first `rows` × `columns` cells of a reference. */
  private block(
    v: RangeVal,
    rows: number,
    columns: number,
  ): { values: Scalar[][]; formats: Array<Array<string | undefined>> } {
    const values: Scalar[][] = [];
    const formats: Array<Array<string | undefined>> = [];
    for (let i = 0; i < rows; i++) {
      const vr: Scalar[] = [];
      const fr: Array<string | undefined> = [];
      for (let j = 0; j < columns; j++) {
        const cell = this.cellValue(v.sheetId, v.rect.row + i, v.rect.column + j);
        vr.push(cell.v);
        fr.push(cell.format);
      }
      values.push(vr);
      formats.push(fr);
    }
    return { values, formats };
  }

  /** A custom function's return value as Sheets shows it: scalars, Dates, and 2-D arrays (spilled). */
  private fromScript(value: unknown): { v: Scalar; format?: string } | ArrayVal {
    const scalar = (x: unknown): { v: Scalar; format?: string } => {
      if (x === null || x === undefined) return { v: null };
      if (typeof x === 'number')
        return {
          v: Number.isFinite(x) ? x : err('#NUM!', 'The custom function returned a number that is not finite.'),
        };
      if (typeof x === 'string' || typeof x === 'boolean') return { v: x };
      if (isDate(x)) {
        const ms = x.getTime();
        if (Number.isNaN(ms)) return { v: err('#VALUE!', 'The custom function returned an invalid Date.') };
        const serial = msToSerial(ms, this.view.timeZone);
        return {
          v: serial,
          format: Math.abs(serial - Math.round(serial)) * MS_PER_DAY < 1 ? DATE_FORMAT : DATE_TIME_FORMAT,
        };
      }
      return {
        v: notEmulated(
          `a custom function result of type ${Array.isArray(x) ? 'array (nested deeper than 2-D)' : typeof x}`,
        ),
      };
    };
    if (!Array.isArray(value)) return scalar(value);
    if (value.length === 0 || !value.every((row) => Array.isArray(row))) {
      return {
        v: notEmulated(
          value.length === 0 ? 'an empty array result' : 'a one-dimensional array result (return a 2-D array)',
        ),
      };
    }
    const width = Math.max(...(value as unknown[][]).map((row) => row.length));
    if (width === 0) return { v: notEmulated('an empty array result') };
    const rows: Scalar[][] = [];
    const formats: Array<Array<string | undefined>> = [];
    for (const row of value as unknown[][]) {
      const vr: Scalar[] = [];
      const fr: Array<string | undefined> = [];
      for (let j = 0; j < width; j++) {
        const s = scalar(row[j]);
        vr.push(s.v);
        fr.push(s.format);
      }
      rows.push(vr);
      formats.push(fr);
    }
    return { kind: 'array', rows, formats };
  }
}

function toComputed(v: Scalar, format: string | undefined): ComputedCell {
  const out: ComputedCell = {};
  if (isError(v)) {
    out.value = v.code;
    out.formulaError = v.message;
  } else if (v !== null) out.value = v;
  if (format && typeof v === 'number') out.numberFormat = format;
  return out;
}
