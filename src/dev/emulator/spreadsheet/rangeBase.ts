// Range core: location, reading/writing through the store, values, formulas and clearing.
import type { ExecutionContext } from '../context';
import type {
  AttrField,
  CellAttrs,
  CellData,
  CellField,
  CellInput,
  CellPatch,
  GridRect,
} from '../store/spreadsheetStore';
import { checkGrid, requireArg, toCellInput, toScriptValue, type RangeLoc, type ScriptValue } from './access';
import { MSG, checkWrite, fail, guardWrite, typeName } from './errors';
import { formatForDisplay } from '../store/cells/numberFormat';

/** Base of the emulated Range: everything that touches cell contents. */
export class RangeBase {
  constructor(
    readonly _ctx: ExecutionContext,
    readonly _loc: RangeLoc,
  ) {}

  get _rect(): GridRect {
    return this._loc.rect;
  }

  /** One store call for the whole block. */
  _read(fields: CellField[], rect: GridRect = this._rect): { timeZone: string; locale: string; rows: CellData[][] } {
    const block = this._ctx.store.spreadsheets.readCells(this._loc.docId, this._loc.sheetId, rect, fields);
    this._ctx.cells?.('read', this._loc.docId, this._loc.sheetId, rect.numRows * rect.numColumns);
    return block ?? fail(this._ctx, MSG.outside);
  }

  /** One store call for the whole write; protections are checked by the store atomically. */
  _commit(patch: CellPatch): this {
    const { docId, sheetId } = this._loc;
    const result = this._ctx.store.spreadsheets.writeCells(docId, sheetId, this._rect, patch, {
      user: this._ctx.activeUserEmail,
      now: this._ctx.now(),
    });
    checkWrite(this._ctx, result);
    this._ctx.cells?.('write', docId, sheetId, this._rect.numRows * this._rect.numColumns);
    return this;
  }

  _fillGrid<T>(value: T): T[][] {
    return Array.from({ length: this._rect.numRows }, () => new Array<T>(this._rect.numColumns).fill(value));
  }

  _topLeft(): GridRect {
    return { row: this._rect.row, column: this._rect.column, numRows: 1, numColumns: 1 };
  }

  _getAttr<K extends AttrField>(field: K, fallback: NonNullable<CellAttrs[K]>): NonNullable<CellAttrs[K]> {
    return (this._read([field], this._topLeft()).rows[0]?.[0]?.[field] ?? fallback) as NonNullable<CellAttrs[K]>;
  }

  _getAttrs<K extends AttrField>(
    field: K,
    fallback: NonNullable<CellAttrs[K]>,
  ): Array<Array<NonNullable<CellAttrs[K]>>> {
    return this._read([field]).rows.map((row) => row.map((c) => (c[field] ?? fallback) as NonNullable<CellAttrs[K]>));
  }

  _setAttr<K extends AttrField>(method: string, field: K, args: unknown[], check: (v: unknown) => boolean): this {
    guardWrite(this._ctx, method);
    requireArg(this._ctx, method, args.length ? args : [undefined]);
    const v = args[0];
    if (v !== null && !check(v)) fail(this._ctx, MSG.signature(typeName(v), `SpreadsheetApp.${method}`));
    return this._commit({ fill: { [field]: v as CellAttrs[K] | null } });
  }

  _setAttrs<K extends AttrField>(method: string, field: K, data: unknown, check: (v: unknown) => boolean): this {
    guardWrite(this._ctx, method);
    const grid = checkGrid(this._ctx, data, this._rect, method);
    if (grid.some((row) => row.some((v) => v !== null && !check(v))))
      fail(this._ctx, MSG.signature(typeName(data), `SpreadsheetApp.${method}`));
    return this._commit({ attrs: { [field]: grid as Array<Array<CellAttrs[K] | null>> } });
  }

  getRow(): number {
    return this._rect.row;
  }
  getColumn(): number {
    return this._rect.column;
  }
  getNumRows(): number {
    return this._rect.numRows;
  }
  getNumColumns(): number {
    return this._rect.numColumns;
  }
  getLastRow(): number {
    return this._rect.row + this._rect.numRows - 1;
  }
  getLastColumn(): number {
    return this._rect.column + this._rect.numColumns - 1;
  }
  getGridId(): number {
    return this._loc.sheetId;
  }

  getValues(): ScriptValue[][] {
    const block = this._read(['value', 'formula', 'numberFormat']);
    return block.rows.map((row) => row.map((c) => toScriptValue(this._ctx, c, block.timeZone)));
  }

  getValue(): ScriptValue {
    const block = this._read(['value', 'formula', 'numberFormat'], this._topLeft());
    return toScriptValue(this._ctx, block.rows[0]?.[0] ?? {}, block.timeZone);
  }

  getDisplayValues(): string[][] {
    const block = this._read(['value', 'numberFormat']);
    return block.rows.map((row) => row.map((c) => formatForDisplay(c.value, c.numberFormat, block.locale)));
  }

  getDisplayValue(): string {
    const block = this._read(['value', 'numberFormat'], this._topLeft());
    const c = block.rows[0]?.[0] ?? {};
    return formatForDisplay(c.value, c.numberFormat, block.locale);
  }

  setValue(...args: unknown[]): this {
    guardWrite(this._ctx, 'Range.setValue');
    requireArg(this._ctx, 'Range.setValue', args);
    const input = toCellInput(this._ctx, args[0], 'Range.setValue', typeName(args[0]));
    return this._commit({ input: this._fillGrid(input) });
  }

  setValues(values: unknown): this {
    guardWrite(this._ctx, 'Range.setValues');
    const grid = checkGrid(this._ctx, values, this._rect, 'Range.setValues');
    const shape = `${grid.flat().find((v) => v !== null && typeof v === 'object' && !Array.isArray(v)) ? 'Object' : typeName(grid[0]?.[0])}[][]`;
    const input = grid.map((row) => row.map((v) => toCellInput(this._ctx, v, 'Range.setValues', shape)));
    return this._commit({ input });
  }

  getFormula(): string {
    return this._read(['formula'], this._topLeft()).rows[0]?.[0]?.formula ?? '';
  }

  getFormulas(): string[][] {
    return this._read(['formula']).rows.map((row) => row.map((c) => c.formula ?? ''));
  }

  _formulaInput(f: unknown, method: string): CellInput {
    if (typeof f !== 'string') return fail(this._ctx, MSG.signature(typeName(f), `SpreadsheetApp.${method}`));
    if (f === '') return { kind: 'blank' };
    return f.startsWith('=') ? { kind: 'formula', formula: f } : { kind: 'typed', text: f };
  }

  setFormula(formula: unknown): this {
    guardWrite(this._ctx, 'Range.setFormula');
    return this._commit({ input: this._fillGrid(this._formulaInput(formula, 'Range.setFormula')) });
  }

  setFormulas(formulas: unknown): this {
    guardWrite(this._ctx, 'Range.setFormulas');
    const grid = checkGrid(this._ctx, formulas, this._rect, 'Range.setFormulas');
    return this._commit({ input: grid.map((row) => row.map((f) => this._formulaInput(f, 'Range.setFormulas'))) });
  }

  isBlank(): boolean {
    return this._read(['value', 'formula']).rows.every((row) =>
      row.every((c) => c.value === undefined && c.formula === undefined),
    );
  }

  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    commentsOnly?: boolean;
    validationsOnly?: boolean;
  }): this {
    guardWrite(this._ctx, 'Range.clear');
    const what: NonNullable<CellPatch['clear']> = [];
    if (options?.contentsOnly) what.push('contents');
    if (options?.formatOnly) what.push('formats');
    if (options?.commentsOnly) what.push('notes');
    if (options?.validationsOnly) what.push('validations');
    if (what.length === 0) what.push('contents', 'formats', 'validations');
    return this._commit({ clear: what });
  }

  clearContent(): this {
    guardWrite(this._ctx, 'Range.clearContent');
    return this._commit({ clear: ['contents'] });
  }

  clearFormat(): this {
    guardWrite(this._ctx, 'Range.clearFormat');
    return this._commit({ clear: ['formats'] });
  }

  clearNote(): this {
    guardWrite(this._ctx, 'Range.clearNote');
    return this._commit({ clear: ['notes'] });
  }

  clearDataValidations(): this {
    guardWrite(this._ctx, 'Range.clearDataValidations');
    return this._commit({ clear: ['validations'] });
  }
}
