// The emulated Range: formats, notes, validation, merges, protection and navigation on top of RangeBase.
import type { ExecutionContext } from '../context';
import { checkGrid, checkRect, sheetInfo, type RangeLoc } from './access';
import { toA1 } from './a1';
import { emulated } from './emulated';
import { guardWrite } from './errors';
import { RangeBase } from './rangeBase';
import { DEFAULT_FORMAT } from '../store/cells/numberFormat';
import { createSheet } from './Sheet';
import { createProtectionFor } from './Protection';
import { toValidation, fromValidation } from './DataValidation';

type Range = GoogleAppsScript.Spreadsheet.Range;
export const isString = (v: unknown): boolean => typeof v === 'string';
export const isNumber = (v: unknown): boolean => typeof v === 'number';
export const isBoolean = (v: unknown): boolean => typeof v === 'boolean';

/** The emulated Range implementation (exposed through `createRange`). */
class RangeImpl extends RangeBase {
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return createSheet(this._ctx, this._loc.docId, this._loc.sheetId);
  }
  getA1Notation(): string {
    return toA1(this._rect);
  }
  /** «Sheet!A1:B2», for bench:trace. */
  _where(): string {
    return `${sheetInfo(this._ctx, this._loc.docId, this._loc.sheetId).name}!${toA1(this._rect)}`;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    const sheet = sheetInfo(this._ctx, this._loc.docId, this._loc.sheetId);
    const rect = checkRect(this._ctx, sheet, {
      row: this._rect.row + rowOffset,
      column: this._rect.column + columnOffset,
      numRows: numRows ?? this._rect.numRows,
      numColumns: numColumns ?? this._rect.numColumns,
    });
    return createRange(this._ctx, { ...this._loc, rect });
  }

  getCell(row: number, column: number): Range {
    return createRange(this._ctx, {
      ...this._loc,
      rect: { row: this._rect.row + row - 1, column: this._rect.column + column - 1, numRows: 1, numColumns: 1 },
    });
  }

  getNumberFormat(): string {
    return this._getAttr('numberFormat', DEFAULT_FORMAT);
  }
  getNumberFormats(): string[][] {
    return this._getAttrs('numberFormat', DEFAULT_FORMAT);
  }
  setNumberFormat(...a: unknown[]): this {
    return this._setAttr('Range.setNumberFormat', 'numberFormat', a, isString);
  }
  setNumberFormats(d: unknown): this {
    return this._setAttrs('Range.setNumberFormats', 'numberFormat', d, isString);
  }
  getNote(): string {
    return this._getAttr('note', '');
  }
  getNotes(): string[][] {
    return this._getAttrs('note', '');
  }
  setNote(...a: unknown[]): this {
    return this._setAttr('Range.setNote', 'note', a, isString);
  }
  setNotes(d: unknown): this {
    return this._setAttrs('Range.setNotes', 'note', d, isString);
  }
  getBackground(): string {
    return this._getAttr('background', '#ffffff');
  }
  getBackgrounds(): string[][] {
    return this._getAttrs('background', '#ffffff');
  }
  setBackground(...a: unknown[]): this {
    return this._setAttr('Range.setBackground', 'background', a, isString);
  }
  setBackgrounds(d: unknown): this {
    return this._setAttrs('Range.setBackgrounds', 'background', d, isString);
  }
  getFontWeight(): string {
    return this._getAttr('fontWeight', 'normal');
  }
  getFontWeights(): string[][] {
    return this._getAttrs('fontWeight', 'normal');
  }
  setFontWeight(...a: unknown[]): this {
    return this._setAttr('Range.setFontWeight', 'fontWeight', a, isString);
  }
  setFontWeights(d: unknown): this {
    return this._setAttrs('Range.setFontWeights', 'fontWeight', d, isString);
  }
  getFontColor(): string {
    return this._getAttr('fontColor', '#000000');
  }
  getFontColors(): string[][] {
    return this._getAttrs('fontColor', '#000000');
  }
  setFontColor(...a: unknown[]): this {
    return this._setAttr('Range.setFontColor', 'fontColor', a, isString);
  }
  setFontColors(d: unknown): this {
    return this._setAttrs('Range.setFontColors', 'fontColor', d, isString);
  }
  getFontStyle(): string {
    return this._getAttr('fontStyle', 'normal');
  }
  setFontStyle(...a: unknown[]): this {
    return this._setAttr('Range.setFontStyle', 'fontStyle', a, isString);
  }
  getFontSize(): number {
    return this._getAttr('fontSize', 10);
  }
  setFontSize(...a: unknown[]): this {
    return this._setAttr('Range.setFontSize', 'fontSize', a, isNumber);
  }
  getHorizontalAlignment(): string {
    return this._getAttr('horizontalAlignment', 'general');
  }
  getHorizontalAlignments(): string[][] {
    return this._getAttrs('horizontalAlignment', 'general');
  }
  setHorizontalAlignment(...a: unknown[]): this {
    return this._setAttr('Range.setHorizontalAlignment', 'horizontalAlignment', a, isString);
  }
  setHorizontalAlignments(d: unknown): this {
    return this._setAttrs('Range.setHorizontalAlignments', 'horizontalAlignment', d, isString);
  }
  getVerticalAlignment(): string {
    return this._getAttr('verticalAlignment', 'bottom');
  }
  setVerticalAlignment(...a: unknown[]): this {
    return this._setAttr('Range.setVerticalAlignment', 'verticalAlignment', a, isString);
  }
  getWrap(): boolean {
    return this._getAttr('wrap', false);
  }
  getWraps(): boolean[][] {
    return this._getAttrs('wrap', false);
  }
  setWrap(...a: unknown[]): this {
    return this._setAttr('Range.setWrap', 'wrap', a, isBoolean);
  }
  setWraps(d: unknown): this {
    return this._setAttrs('Range.setWraps', 'wrap', d, isBoolean);
  }

  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    const v = this._read(['validation'], this._topLeft()).rows[0]?.[0]?.validation;
    return v ? fromValidation(this._ctx, this._loc.docId, v) : null;
  }

  getDataValidations(): Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>> {
    return this._read(['validation']).rows.map((row) =>
      row.map((c) => (c.validation ? fromValidation(this._ctx, this._loc.docId, c.validation) : null)),
    );
  }

  setDataValidation(rule: unknown): this {
    guardWrite(this._ctx, 'Range.setDataValidation');
    return this._commit({
      fill: { validation: rule === null ? null : toValidation(this._ctx, rule, 'Range.setDataValidation') },
    });
  }

  setDataValidations(rules: unknown): this {
    guardWrite(this._ctx, 'Range.setDataValidations');
    const grid = checkGrid(this._ctx, rules, this._rect, 'Range.setDataValidations');
    return this._commit({
      attrs: {
        validation: grid.map((row) =>
          row.map((r) => (r === null ? null : toValidation(this._ctx, r, 'Range.setDataValidations'))),
        ),
      },
    });
  }

  insertCheckboxes(checked?: unknown, unchecked?: unknown): this {
    guardWrite(this._ctx, 'Range.insertCheckboxes');
    const args = checked === undefined ? [] : [checked as string, (unchecked ?? null) as string | null];
    const validation = { criteria: 'CHECKBOX', args, allowInvalid: true, helpText: '' };
    const value = checked === undefined ? false : (unchecked ?? '');
    const input =
      value === ''
        ? { kind: 'blank' as const }
        : typeof value === 'boolean'
          ? { kind: 'raw' as const, value }
          : { kind: 'typed' as const, text: String(value) };
    return this._commit({ fill: { validation }, input: this._fillGrid(input) });
  }

  removeCheckboxes(): this {
    guardWrite(this._ctx, 'Range.removeCheckboxes');
    return this._commit({ clear: ['validations', 'contents'] });
  }

  merge(): this {
    guardWrite(this._ctx, 'Range.merge');
    return this._commit({ merge: true });
  }

  breakApart(): this {
    guardWrite(this._ctx, 'Range.breakApart');
    return this._commit({ merge: false });
  }

  isPartOfMerge(): boolean {
    const r = this._rect;
    return sheetInfo(this._ctx, this._loc.docId, this._loc.sheetId).merges.some(
      (m) =>
        m.row < r.row + r.numRows &&
        r.row < m.row + m.numRows &&
        m.column < r.column + r.numColumns &&
        r.column < m.column + m.numColumns,
    );
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    guardWrite(this._ctx, 'Range.protect');
    return createProtectionFor(this._ctx, this._loc.docId, {
      type: 'RANGE',
      sheetId: this._loc.sheetId,
      rect: this._rect,
    });
  }

  activate(): this {
    this._ctx.store.spreadsheets.setActiveSheetId(this._loc.docId, this._ctx.activeUserEmail, this._loc.sheetId);
    return this;
  }
}

/** The Range implementation itself, uncounted: for emulated classes that write ranges in one script call. */
export function rangeImpl(ctx: ExecutionContext, loc: RangeLoc): RangeBase {
  return new RangeImpl(ctx, loc);
}

/**
 * Build the script-facing Range for a location (not validated here: callers check bounds).
 * @returns a Range whose unemulated methods throw `not emulated: Range.<method>`
 */
export function createRange(ctx: ExecutionContext, loc: RangeLoc): Range {
  return emulated<Range>(ctx, 'Range', new RangeImpl(ctx, loc));
}
