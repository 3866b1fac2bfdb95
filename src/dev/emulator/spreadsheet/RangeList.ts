// The emulated RangeList (Sheet.getRangeList): one script call applies a format to every range of the list.
import type { ExecutionContext } from '../context';
import type { GridRect } from '../store/spreadsheetStore';
import { checkRect, requireArg, sheetInfo, type RangeLoc } from './access';
import { parseA1, splitSheetName } from './a1';
import { emulated } from './emulated';
import { MSG, fail } from './errors';
import { createRange, isBoolean, isNumber, isString, rangeImpl } from './Range';

type RangeList = GoogleAppsScript.Spreadsheet.RangeList;

/**
 * RangeList reference (developers.google.com/apps-script/reference/spreadsheet/range-list): «a collection
 * of one or more Range instances in the same sheet»; each setter applies to every range of the list.
 * Each range is written as Range's setter writes it (same checks, cells counted per range); the
 * reference says nothing of a list that fails half-way, so nothing here promises all-or-nothing.
 */
class RangeListImpl {
  constructor(
    readonly _ctx: ExecutionContext,
    readonly _locs: RangeLoc[],
  ) {}

  /** Range's own setter on each range, uncounted (the script made one call: RangeList.<method>). */
  _each(apply: (range: ReturnType<typeof rangeImpl>) => void): this {
    for (const loc of this._locs) apply(rangeImpl(this._ctx, loc));
    return this;
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this._locs.map((loc) => createRange(this._ctx, loc));
  }
  setNumberFormat(format: unknown): this {
    return this._each((r) => r._setAttr('RangeList.setNumberFormat', 'numberFormat', [format], isString));
  }
  setFontWeight(weight: unknown): this {
    return this._each((r) => r._setAttr('RangeList.setFontWeight', 'fontWeight', [weight], isString));
  }
  setBackground(color: unknown): this {
    return this._each((r) => r._setAttr('RangeList.setBackground', 'background', [color], isString));
  }
  setFontSize(size: unknown): this {
    return this._each((r) => r._setAttr('RangeList.setFontSize', 'fontSize', [size], isNumber));
  }
  setWrap(wrap: unknown): this {
    return this._each((r) => r._setAttr('RangeList.setWrap', 'wrap', [wrap], isBoolean));
  }
}

/**
 * Sheet.getRangeList(a1Notations): «the RangeList collection representing the ranges in the same
 * sheet specified by a non-empty list of A1 notations» (Sheet reference). Strictest reading: an empty
 * list, a notation that is not A1, one naming another sheet, or one outside the sheet throws, as
 * getRange does for that notation.
 */
export function createRangeList(ctx: ExecutionContext, docId: string, sheetId: number, a1: unknown): RangeList {
  requireArg(ctx, 'Sheet.getRangeList', [a1]);
  if (!Array.isArray(a1) || a1.length === 0 || a1.some((a) => typeof a !== 'string'))
    return fail(ctx, MSG.rangeNotFound);
  const info = sheetInfo(ctx, docId, sheetId);
  const locs = (a1 as string[]).map((notation): RangeLoc => {
    const { sheetName, ref } = splitSheetName(notation);
    const rect: GridRect | null = parseA1(ref, info.maxRows, info.maxColumns);
    if (!rect || (sheetName !== null && sheetName !== info.name)) return fail(ctx, MSG.rangeNotFound);
    return { docId, sheetId, rect: checkRect(ctx, info, rect) };
  });
  return emulated<RangeList>(ctx, 'RangeList', new RangeListImpl(ctx, locs));
}
