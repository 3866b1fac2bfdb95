// The emulated Sheet: ranges, size, structure, freezing, widths, visibility, protection, charts, conditional formats.
import type { ExecutionContext } from '../context';
import type { CellPatch, GridRect, SheetInfo, SheetPatch } from '../store/spreadsheetStore';
import { checkRect, requireArg, sheetInfo, toCellInput } from './access';
import { parseA1, splitSheetName } from './a1';
import { emulated } from './emulated';
import { MSG, checkWrite, fail, guardWrite, requireNumbers, typeName } from './errors';
import { enumName, SheetType } from './enums';
import { createRange } from './Range';
import { createRangeList } from './RangeList';
import { createSpreadsheet } from './Spreadsheet';
import { createProtection, createProtectionFor } from './Protection';
import { createChartBuilder, createEmbeddedChart, chartDataOf } from './EmbeddedChart';
import { fromStoredRules, toStoredRules } from './ConditionalFormat';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

class SheetImpl {
  constructor(
    readonly _ctx: ExecutionContext,
    readonly _docId: string,
    readonly _sheetId: number,
  ) {}

  _info(): SheetInfo {
    return sheetInfo(this._ctx, this._docId, this._sheetId);
  }
  /** The sheet's name, for bench:trace. */
  _where(): string {
    return this._info().name;
  }
  _opts() {
    return { user: this._ctx.activeUserEmail, now: this._ctx.now() };
  }
  _range(rect: GridRect): Range {
    return createRange(this._ctx, { docId: this._docId, sheetId: this._sheetId, rect });
  }

  _update(method: string, patch: SheetPatch): this {
    guardWrite(this._ctx, method);
    const result = this._ctx.store.spreadsheets.updateSheet(this._docId, this._sheetId, patch, this._opts());
    if (!result.ok && result.reason === 'duplicate-name') fail(this._ctx, MSG.duplicateSheet(String(patch.name)));
    if (!result.ok && result.reason === 'last-sheet') fail(this._ctx, MSG.hideAll);
    checkWrite(this._ctx, result);
    return this;
  }

  _dimension(method: string, op: 'insert' | 'delete', dim: 'ROWS' | 'COLUMNS', at: number, count: number): this {
    guardWrite(this._ctx, method);
    requireNumbers(this._ctx, `SpreadsheetApp.${method}`, [at, count]);
    const outOfBounds = dim === 'ROWS' ? MSG.rowsOutOfBounds : MSG.columnsOutOfBounds;
    if (op === 'delete') {
      const info = this._info();
      const [max, frozen] = dim === 'ROWS' ? [info.maxRows, info.frozenRows] : [info.maxColumns, info.frozenColumns];
      if (at < 1 || count < 1 || at + count - 1 > max) fail(this._ctx, outOfBounds);
      if (max - count <= frozen) fail(this._ctx, dim === 'ROWS' ? MSG.allRows : MSG.allColumns);
    }
    const store = this._ctx.store.spreadsheets;
    const result =
      op === 'insert'
        ? store.insertDimension(this._docId, this._sheetId, dim, at, count, this._opts())
        : store.deleteDimension(this._docId, this._sheetId, dim, at, count, this._opts());
    if (!result.ok && result.reason === 'out-of-bounds') fail(this._ctx, outOfBounds);
    checkWrite(this._ctx, result);
    return this;
  }

  _clear(method: string, clear: NonNullable<CellPatch['clear']>): this {
    guardWrite(this._ctx, method);
    const { maxRows, maxColumns } = this._info();
    const rect = { row: 1, column: 1, numRows: maxRows, numColumns: maxColumns };
    checkWrite(
      this._ctx,
      this._ctx.store.spreadsheets.writeCells(this._docId, this._sheetId, rect, { clear }, this._opts()),
    );
    return this;
  }

  getName(): string {
    return this._info().name;
  }
  setName(name: unknown): this {
    if (typeof name !== 'string' || name.trim() === '') fail(this._ctx, MSG.invalidArgument('name'));
    return this._update('Sheet.setName', { name });
  }
  getSheetId(): number {
    return this._sheetId;
  }
  getIndex(): number {
    return this._info().index;
  }
  getType(): unknown {
    return SheetType.GRID;
  }
  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return createSpreadsheet(this._ctx, this._docId);
  }
  getMaxRows(): number {
    return this._info().maxRows;
  }
  getMaxColumns(): number {
    return this._info().maxColumns;
  }
  getLastRow(): number {
    return this._ctx.store.spreadsheets.getDataExtent(this._docId, this._sheetId)?.lastRow ?? 0;
  }
  getLastColumn(): number {
    return this._ctx.store.spreadsheets.getDataExtent(this._docId, this._sheetId)?.lastColumn ?? 0;
  }

  getRange(...args: unknown[]): Range {
    const info = this._info();
    if (typeof args[0] === 'string' && args.length === 1) {
      const { sheetName, ref } = splitSheetName(args[0]);
      const rect = parseA1(ref, info.maxRows, info.maxColumns);
      if (!rect || (sheetName !== null && sheetName !== info.name)) fail(this._ctx, MSG.rangeNotFound);
      return this._range(checkRect(this._ctx, info, rect));
    }
    requireNumbers(this._ctx, 'SpreadsheetApp.Sheet.getRange', args);
    const [row, column, numRows = 1, numColumns = 1] = args as number[];
    return this._range(checkRect(this._ctx, info, { row: row!, column: column!, numRows, numColumns }));
  }

  getRangeList(a1Notations: unknown): GoogleAppsScript.Spreadsheet.RangeList {
    return createRangeList(this._ctx, this._docId, this._sheetId, a1Notations);
  }

  getDataRange(): Range {
    const e = this._ctx.store.spreadsheets.getDataExtent(this._docId, this._sheetId);
    return this._range({
      row: 1,
      column: 1,
      numRows: Math.max(1, e?.lastRow ?? 0),
      numColumns: Math.max(1, e?.lastColumn ?? 0),
    });
  }

  getSheetValues(row: number, column: number, numRows: number, numColumns: number): unknown[][] {
    const info = this._info();
    const rect = checkRect(this._ctx, info, {
      row,
      column,
      numRows: numRows === -1 ? info.maxRows - row + 1 : numRows,
      numColumns: numColumns === -1 ? info.maxColumns - column + 1 : numColumns,
    });
    return (this._range(rect) as unknown as { getValues(): unknown[][] }).getValues();
  }

  appendRow(...args: unknown[]): this {
    guardWrite(this._ctx, 'Sheet.appendRow');
    requireArg(this._ctx, 'Sheet.appendRow', args);
    const row = args[0];
    if (!Array.isArray(row)) fail(this._ctx, MSG.signature(typeName(row), 'SpreadsheetApp.Sheet.appendRow'));
    const input = row.map((v) => toCellInput(this._ctx, v, 'Sheet.appendRow', typeName(row)));
    checkWrite(this._ctx, this._ctx.store.spreadsheets.appendRow(this._docId, this._sheetId, input, this._opts()));
    return this;
  }

  insertRows(before: number, count = 1): void {
    this._dimension('Sheet.insertRows', 'insert', 'ROWS', before, count);
  }
  insertRowsBefore(before: number, count: number): this {
    return this._dimension('Sheet.insertRowsBefore', 'insert', 'ROWS', before, count);
  }
  insertRowsAfter(after: number, count: number): this {
    return this._dimension('Sheet.insertRowsAfter', 'insert', 'ROWS', after + 1, count);
  }
  insertRowBefore(before: number): this {
    return this._dimension('Sheet.insertRowBefore', 'insert', 'ROWS', before, 1);
  }
  insertRowAfter(after: number): this {
    return this._dimension('Sheet.insertRowAfter', 'insert', 'ROWS', after + 1, 1);
  }
  deleteRow(row: number): this {
    return this._dimension('Sheet.deleteRow', 'delete', 'ROWS', row, 1);
  }
  deleteRows(row: number, count = 1): void {
    this._dimension('Sheet.deleteRows', 'delete', 'ROWS', row, count);
  }
  insertColumns(before: number, count = 1): void {
    this._dimension('Sheet.insertColumns', 'insert', 'COLUMNS', before, count);
  }
  insertColumnsBefore(before: number, count: number): this {
    return this._dimension('Sheet.insertColumnsBefore', 'insert', 'COLUMNS', before, count);
  }
  insertColumnsAfter(after: number, count: number): this {
    return this._dimension('Sheet.insertColumnsAfter', 'insert', 'COLUMNS', after + 1, count);
  }
  insertColumnBefore(before: number): this {
    return this._dimension('Sheet.insertColumnBefore', 'insert', 'COLUMNS', before, 1);
  }
  insertColumnAfter(after: number): this {
    return this._dimension('Sheet.insertColumnAfter', 'insert', 'COLUMNS', after + 1, 1);
  }
  deleteColumn(column: number): this {
    return this._dimension('Sheet.deleteColumn', 'delete', 'COLUMNS', column, 1);
  }
  deleteColumns(column: number, count = 1): void {
    this._dimension('Sheet.deleteColumns', 'delete', 'COLUMNS', column, count);
  }

  clear(): this {
    return this._clear('Sheet.clear', ['contents', 'formats']);
  }
  clearContents(): this {
    return this._clear('Sheet.clearContents', ['contents']);
  }
  clearFormats(): this {
    return this._clear('Sheet.clearFormats', ['formats']);
  }
  clearNotes(): this {
    return this._clear('Sheet.clearNotes', ['notes']);
  }

  getFrozenRows(): number {
    return this._info().frozenRows;
  }
  getFrozenColumns(): number {
    return this._info().frozenColumns;
  }
  setFrozenRows(n: number): void {
    requireNumbers(this._ctx, 'SpreadsheetApp.Sheet.setFrozenRows', [n]);
    this._update('Sheet.setFrozenRows', { frozenRows: n });
  }
  setFrozenColumns(n: number): void {
    requireNumbers(this._ctx, 'SpreadsheetApp.Sheet.setFrozenColumns', [n]);
    this._update('Sheet.setFrozenColumns', { frozenColumns: n });
  }
  getColumnWidth(column: number): number {
    return this._info().columnWidths[column] ?? 100;
  }
  setColumnWidth(column: number, width: number): this {
    return this._update('Sheet.setColumnWidth', { columnWidths: { start: column, count: 1, width } });
  }
  setColumnWidths(start: number, count: number, width: number): this {
    return this._update('Sheet.setColumnWidths', { columnWidths: { start, count, width } });
  }
  autoResizeColumn(column: number): this {
    return this.autoResizeColumns(column, 1);
  }
  autoResizeColumns(start: number, count: number): this {
    guardWrite(this._ctx, 'Sheet.autoResizeColumns');
    requireNumbers(this._ctx, 'SpreadsheetApp.Sheet.autoResizeColumns', [start, count]);
    return this;
  }
  hideColumns(column: number, count = 1): void {
    requireNumbers(this._ctx, 'SpreadsheetApp.Sheet.hideColumns', [column, count]);
    this._update('Sheet.hideColumns', { hiddenColumns: { start: column, count, hidden: true } });
  }
  showColumns(column: number, count = 1): void {
    requireNumbers(this._ctx, 'SpreadsheetApp.Sheet.showColumns', [column, count]);
    this._update('Sheet.showColumns', { hiddenColumns: { start: column, count, hidden: false } });
  }
  isColumnHiddenByUser(column: number): boolean {
    return this._info().hiddenColumns?.[column] === true;
  }
  // hideRows(rowIndex, numRows?) / showRows / isRowHiddenByUser, as the Sheet reference has them
  // (https://developers.google.com/apps-script/reference/spreadsheet/sheet#hideRows(Integer,Integer)).
  hideRows(row: number, count = 1): void {
    requireNumbers(this._ctx, 'SpreadsheetApp.Sheet.hideRows', [row, count]);
    this._update('Sheet.hideRows', { hiddenRows: { start: row, count, hidden: true } });
  }
  showRows(row: number, count = 1): void {
    requireNumbers(this._ctx, 'SpreadsheetApp.Sheet.showRows', [row, count]);
    this._update('Sheet.showRows', { hiddenRows: { start: row, count, hidden: false } });
  }
  isRowHiddenByUser(row: number): boolean {
    return this._info().hiddenRows?.[row] === true;
  }
  hideSheet(): this {
    return this._update('Sheet.hideSheet', { hidden: true });
  }
  showSheet(): this {
    return this._update('Sheet.showSheet', { hidden: false });
  }
  isSheetHidden(): boolean {
    return this._info().hidden;
  }
  getTabColor(): string | null {
    return this._info().tabColor;
  }
  setTabColor(color: string | null): this {
    return this._update('Sheet.setTabColor', { tabColor: color });
  }
  activate(): this {
    this._ctx.store.spreadsheets.setActiveSheetId(this._docId, this._ctx.activeUserEmail, this._sheetId);
    return this;
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    guardWrite(this._ctx, 'Sheet.protect');
    return createProtectionFor(this._ctx, this._docId, { type: 'SHEET', sheetId: this._sheetId, rect: null });
  }

  getProtections(type: unknown): GoogleAppsScript.Spreadsheet.Protection[] {
    const name = enumName(type);
    return this._ctx.store.spreadsheets
      .listProtections(this._docId)
      .filter((p) => p.sheetId === this._sheetId && p.type === name)
      .map((p) => createProtection(this._ctx, this._docId, p.id));
  }

  // Sheet reference: setConditionalFormatRules «Replaces all currently existing conditional format rules in
  // the sheet with the input rules. Rules are evaluated in their input order.»; clearConditionalFormatRules
  // removes them all. Written through updateSheet, as any other change of the sheet.
  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return fromStoredRules(this._ctx, this._docId, this._sheetId, this._info().conditionalFormats ?? []);
  }
  setConditionalFormatRules(rules: unknown): void {
    const method = 'Sheet.setConditionalFormatRules';
    requireArg(this._ctx, method, [rules]);
    this._update(method, { conditionalFormats: toStoredRules(this._ctx, rules, this._docId, this._sheetId, method) });
  }
  clearConditionalFormatRules(): void {
    this._update('Sheet.clearConditionalFormatRules', { conditionalFormats: [] });
  }

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return createChartBuilder(this._ctx, this._docId, this._sheetId, null);
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return this._ctx.store.spreadsheets
      .listCharts(this._docId, this._sheetId)
      .map((c) => createEmbeddedChart(this._ctx, this._docId, c));
  }
  insertChart(chart: unknown): void {
    this._putChart('Sheet.insertChart', chart);
  }
  updateChart(chart: unknown): void {
    this._putChart('Sheet.updateChart', chart);
  }
  _putChart(method: string, chart: unknown): void {
    guardWrite(this._ctx, method);
    const data = chartDataOf(chart) ?? fail(this._ctx, MSG.signature(typeName(chart), `SpreadsheetApp.${method}`));
    checkWrite(this._ctx, this._ctx.store.spreadsheets.upsertChart(this._docId, { ...data, sheetId: this._sheetId }));
  }
  removeChart(chart: unknown): void {
    guardWrite(this._ctx, 'Sheet.removeChart');
    const data =
      chartDataOf(chart) ?? fail(this._ctx, MSG.signature(typeName(chart), 'SpreadsheetApp.Sheet.removeChart'));
    this._ctx.store.spreadsheets.removeChart(this._docId, data.chartId);
  }
}

/** Build the script-facing Sheet with the given id in spreadsheet `docId`. */
export function createSheet(ctx: ExecutionContext, docId: string, sheetId: number): Sheet {
  return emulated<Sheet>(ctx, 'Sheet', new SheetImpl(ctx, docId, sheetId));
}
