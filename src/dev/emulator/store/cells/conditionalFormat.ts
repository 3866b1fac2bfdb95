// What a person sees in a cell under a sheet's conditional format rules (dev only: the preview's grid,
// print view and .xlsx export). Scripts never see it: Range.getBackground(s)/getFontWeight(s) return the
// cell's own format, as the Sheets API separates a cell's userEnteredFormat from its effectiveFormat
// («This includes the results of applying any conditional formatting», CellData, Sheets API v4).
import type { CellData, ConditionalRuleData, GridRect } from '../spreadsheetStore';
import { contains, overlaps } from './grid';

/**
 * Whether a rule's text criterion holds for a cell. Only text is compared: a number, a date, a
 * boolean or a blank cell never matches a text criterion. The comparison is case-sensitive and
 * exact (Sheets API BooleanCondition TEXT_EQ: «The cell's value must be exactly the condition's
 * value»; for STARTS_WITH and CONTAINS the reference is silent on case, so the strictest reading is
 * taken: the add-on writes the catalogue's exact strings and must not rely on a looser match).
 */
export function ruleHolds(rule: ConditionalRuleData, value: CellData['value']): boolean {
  if (typeof value !== 'string' || value === '') return false;
  const wanted = rule.values[0] ?? '';
  switch (rule.criteria) {
    case 'TEXT_EQUAL_TO':
      return value === wanted;
    case 'TEXT_STARTS_WITH':
      return value.startsWith(wanted);
    case 'TEXT_CONTAINS':
      return value.includes(wanted);
  }
}

/**
 * The block `rows` read at `rect` (with `value` among the fields) with each cell's conditional look laid
 * over its own format: `fontWeight`, `background` and `fontColor` as the first rule covering the cell whose
 * condition holds sets them. Rules are evaluated in their order (Sheet.setConditionalFormatRules: «Rules are
 * evaluated in their input order»); the reference does not say whether a later rule adds what the first
 * leaves unset, so the strictest reading is taken: the first rule that holds alone decides the cell's look.
 */
export function withConditionalFormats(
  rules: readonly ConditionalRuleData[] | undefined,
  rect: GridRect,
  rows: CellData[][],
): CellData[][] {
  if (!rules?.length) return rows;
  return rows.map((row, i) =>
    row.map((cell, j) => {
      const r = rect.row + i;
      const c = rect.column + j;
      const rule = rules.find((x) => x.ranges.some((range) => contains(range, r, c)) && ruleHolds(x, cell.value));
      if (!rule) return cell;
      const out = { ...cell };
      if (rule.format.bold !== undefined) out.fontWeight = rule.format.bold ? 'bold' : 'normal';
      if (rule.format.background !== undefined) out.background = rule.format.background;
      if (rule.format.fontColor !== undefined) out.fontColor = rule.format.fontColor;
      return out;
    }),
  );
}

/** The parts of `a` outside `b` (at most four rectangles: above, below, left, right). */
function subtract(a: GridRect, b: GridRect): GridRect[] {
  if (!overlaps(a, b)) return [a];
  const [aEnd, bEnd] = [a.row + a.numRows, b.row + b.numRows];
  const [aRight, bRight] = [a.column + a.numColumns, b.column + b.numColumns];
  const [top, bottom] = [Math.max(a.row, b.row), Math.min(aEnd, bEnd)];
  const parts: GridRect[] = [];
  if (b.row > a.row) parts.push({ ...a, numRows: b.row - a.row });
  if (bEnd < aEnd) parts.push({ ...a, row: bEnd, numRows: aEnd - bEnd });
  if (b.column > a.column)
    parts.push({ row: top, column: a.column, numRows: bottom - top, numColumns: b.column - a.column });
  if (bRight < aRight) parts.push({ row: top, column: bRight, numRows: bottom - top, numColumns: aRight - bRight });
  return parts;
}

/**
 * The rules after the formats of `rect` are cleared: Sheet.clearFormats «Clears the sheet of formatting …
 * Formatting refers to how data is formatted as allowed by choices under the "Format" menu (ex: bold,
 * italics, conditional formatting)»; Range.clearFormat and clear({formatOnly}) are read the same way for
 * their cells (strictest: a cleared cell keeps no conditional look). A rule left with no range is dropped.
 */
export function clearRulesIn(rules: readonly ConditionalRuleData[], rect: GridRect): ConditionalRuleData[] | undefined {
  const kept = rules
    .map((rule) => ({ ...rule, ranges: rule.ranges.flatMap((r) => subtract(r, rect)) }))
    .filter((rule) => rule.ranges.length > 0);
  return kept.length > 0 ? kept : undefined;
}
