// What the preview's grid shows of one sheet: the cells' display values (as getDisplayValues
// returns them) with the few formats that make a sheet readable, straight from the store, and the
// look the sheet's conditional format rules give them (what a person sees, not what a script reads).
import { withConditionalFormats } from '../emulator/store/cells/conditionalFormat';
import { formatForDisplay } from '../emulator/store/cells/numberFormat';
import type { CellData, CellField, GridRect, SheetInfo } from '../emulator/store/spreadsheetStore';
import type { Store } from '../emulator/store/types';
import { sheetCharts, type ChartView } from './chartSvg';

/** One displayed cell; absent keys mean default formatting. */
export interface GridCell {
  /** Display text. */
  t: string;
  /** The formula, when the cell has one. */
  f?: string;
  bold?: true;
  italic?: true;
  bg?: string;
  color?: string;
  align?: string;
  /** Vertical alignment when set (Sheets' default is bottom). */
  valign?: string;
  wrap?: true;
  note?: string;
  /** Message of a formula's error value (Sheets shows it on hover); also shown as the note when there is none. */
  err?: string;
  /** Right-aligned by default, as Sheets aligns numbers. */
  num?: true;
  /** Font size in points when not Sheets' default 10. */
  size?: number;
}

export interface SheetTab {
  sheetId: number;
  name: string;
  hidden: boolean;
  tabColor: string | null;
}

export interface GridColumn {
  n: number;
  letter: string;
  width: number;
  hiddenBefore?: true;
  hiddenAfter?: true;
}

/** Sheets' default column width in px. */
export const DEFAULT_COLUMN_WIDTH = 100;

export interface GridView {
  sheetId: number;
  name: string;
  /**
   * 1-based column numbers shown (hidden columns left out, as Sheets hides them), each with its
   * width in px (setColumnWidth, default 100); `hiddenBefore`/`hiddenAfter` mark where hidden
   * columns were left out (Sheets draws arrows in the header there).
   */
  columns: GridColumn[];
  rows: GridCell[][];
  /** 1-based numbers of the rows hidden by hideRows (not drawn, as Sheets does not show them). */
  hiddenRows: number[];
  frozenRows: number;
  totalRows: number;
  /** True when more rows have content than are shown. */
  truncated: boolean;
  /** The sheet's embedded charts, drawn, at their anchor cells. */
  charts: ChartView[];
}

/** The column letter of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** The spreadsheet's sheet tabs in order. */
export function sheetTabs(store: Store, doc: string): SheetTab[] {
  const info = store.spreadsheets.getSpreadsheet(doc);
  if (!info) return [];
  return [...info.sheets]
    .sort((a, b) => a.index - b.index)
    .map((s) => ({ sheetId: s.sheetId, name: s.name, hidden: s.hidden, tabColor: s.tabColor }));
}

/** The cell fields the grid and the .xlsx export show. */
const LOOK_FIELDS: CellField[] = [
  'value',
  'formula',
  'formulaError',
  'numberFormat',
  'fontWeight',
  'fontStyle',
  'background',
  'fontColor',
  'horizontalAlignment',
  'verticalAlignment',
  'wrap',
  'note',
  'fontSize',
];

/**
 * What a person sees in `rect` of a sheet: its cells' contents and formats with the sheet's conditional
 * format rules laid over them (dev only: a script reads the cells' own formats). Null when nothing is there.
 */
export function effectiveCells(
  store: Store,
  doc: string,
  sheet: SheetInfo,
  rect: GridRect,
): { locale: string; rows: CellData[][] } | null {
  const block = store.spreadsheets.readCells(doc, sheet.sheetId, rect, LOOK_FIELDS);
  return block && { locale: block.locale, rows: withConditionalFormats(sheet.conditionalFormats, rect, block.rows) };
}

/**
 * The visible part of a sheet: every row with content (up to `maxRows`) plus a few empty ones,
 * every column up to the last with content (at least `minColumns`).
 */
export function sheetGrid(store: Store, doc: string, sheetId: number, maxRows = 500, minColumns = 8): GridView | null {
  const info = store.spreadsheets.getSpreadsheet(doc);
  const sheet = info?.sheets.find((s) => s.sheetId === sheetId);
  const extent = store.spreadsheets.getDataExtent(doc, sheetId);
  if (!info || !sheet || !extent) return null;
  const lastColumn = Math.min(sheet.maxColumns, Math.max(extent.lastColumn, minColumns));
  const shownRows = Math.min(sheet.maxRows, Math.min(extent.lastRow, maxRows) + 5);
  const hidden = (n: number): boolean => sheet.hiddenColumns?.[String(n)] === true;
  const columns: GridColumn[] = [];
  for (let n = 1; n <= lastColumn; n++) {
    if (hidden(n)) continue;
    const column: GridColumn = {
      n,
      letter: columnLetter(n),
      width: sheet.columnWidths[String(n)] ?? DEFAULT_COLUMN_WIDTH,
    };
    if (n > 1 && hidden(n - 1)) column.hiddenBefore = true;
    if (n < sheet.maxColumns && hidden(n + 1)) column.hiddenAfter = true;
    columns.push(column);
  }
  const block = effectiveCells(store, doc, sheet, { row: 1, column: 1, numRows: shownRows, numColumns: lastColumn });
  const rows = (block?.rows ?? []).map((row) =>
    columns.map(({ n }) => {
      const c = row[n - 1] ?? {};
      const cell: GridCell = { t: formatForDisplay(c.value, c.numberFormat, block!.locale) };
      // Formula cells read as computed by the emulator's formula hook (blank when the result is blank).
      if (c.formula) cell.f = c.formula;
      if (c.fontWeight === 'bold') cell.bold = true;
      if (c.fontStyle === 'italic') cell.italic = true;
      if (c.background && c.background !== '#ffffff') cell.bg = c.background;
      if (c.fontColor && c.fontColor !== '#000000') cell.color = c.fontColor;
      if (c.horizontalAlignment) cell.align = c.horizontalAlignment;
      if (c.verticalAlignment) cell.valign = c.verticalAlignment;
      if (c.wrap) cell.wrap = true;
      if (c.note) cell.note = c.note;
      if (c.formulaError) {
        cell.err = c.formulaError;
        cell.note ??= c.formulaError;
      }
      if (typeof c.value === 'number') cell.num = true;
      if (typeof c.fontSize === 'number' && c.fontSize !== 10) cell.size = c.fontSize;
      return cell;
    }),
  );
  return {
    sheetId,
    name: sheet.name,
    columns,
    rows,
    hiddenRows: Object.keys(sheet.hiddenRows ?? {}).map(Number),
    frozenRows: sheet.frozenRows,
    totalRows: extent.lastRow,
    truncated: extent.lastRow > maxRows,
    charts: sheetCharts(store, doc, sheetId),
  };
}
