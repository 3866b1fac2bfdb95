// The hidden template «Шаблон сводного отчёта» and the writer of a «Сводный отчёт» sheet: the template
// holds everything that does not depend on the month (widths, fonts, the fixed rows' formats), so a
// report is a copy of it plus its values and the few formats that vary, in a constant number of calls.
import { districtReportSheet as say } from '../../domain/messages';
import { documentProperty, setDocumentProperty } from './documentProperties';
import {
  BLOCK,
  CHART_HEIGHT,
  CHART_WIDTH,
  col,
  COLUMNS,
  FIXED_ROWS,
  FONT_SIZE,
  HEADER_BG,
  REPORT_WIDTH,
  TEXT,
  TITLE_SIZE,
  WHITE,
  type DistrictReportGrid,
  type Weight,
} from './districtReportSheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Rows a template is made with; a longer report has the template made again, 500 rows longer at a time. */
const TEMPLATE_ROWS = 1000;
const GROW_BY = 500;
/**
 * Version 2 holds the fixed rows' formats (version 1, the first release's, held widths and font
 * only); the document property records the version and the template's row count: `v2:1000`.
 */
const TEMPLATE_VERSION = 2;
const TEMPLATE_PROPERTY = 'districtReportTemplate';

/** The template's row count as set-up recorded it, or null when it is missing or of an older release. */
function recordedRows(): number | null {
  const m = /^v(\d+):(\d+)$/.exec(documentProperty(TEMPLATE_PROPERTY) ?? '');
  return m && Number(m[1]) === TEMPLATE_VERSION ? Number(m[2]) : null;
}

/** What the template holds in a row: bold and shaded fixed rows, plain white elsewhere. */
const templateWeight = (row: number): Weight =>
  (FIXED_ROWS.bold as readonly number[]).includes(row) ? 'bold' : 'normal';
const templateBackground = (row: number): string =>
  (FIXED_ROWS.shaded as readonly number[]).includes(row) ? HEADER_BG : WHITE;

/** 1-based column → letters (1 → A). */
function letters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
const a1 = (row: number, column: number, lastRow = row, lastColumn = column): string =>
  `${letters(column)}${row}:${letters(lastColumn)}${lastRow}`;
const wholeRow = (row: number): string => a1(row, 1, row, REPORT_WIDTH);

/**
 * The cells where `grid` holds something other than `template(row)`, by value, as few rectangles as
 * simply found: runs of columns in a row, joined with the same run in the rows below.
 */
function rangesWhereDiffers<T>(grid: readonly (readonly T[])[], template: (row: number) => T): Map<T, string[]> {
  type Rect = { value: T; row: number; lastRow: number; column: number; lastColumn: number };
  const done: Rect[] = [];
  let open = new Map<string, Rect>();
  grid.forEach((cells, i) => {
    const row = i + 1;
    const next = new Map<string, Rect>();
    for (let c = 0; c < cells.length; ) {
      const value = cells[c]!;
      let end = c;
      while (end + 1 < cells.length && cells[end + 1] === value) end++;
      if (value !== template(row)) {
        const key = `${String(value)}|${c}|${end}`;
        const above = open.get(key);
        if (above) {
          above.lastRow = row;
          open.delete(key);
          next.set(key, above);
        } else next.set(key, { value, row, lastRow: row, column: c + 1, lastColumn: end + 1 });
      }
      c = end + 1;
    }
    done.push(...open.values());
    open = next;
  });
  done.push(...open.values());
  const byValue = new Map<T, string[]>();
  for (const r of done) {
    const list = byValue.get(r.value) ?? [];
    list.push(a1(r.row, r.column, r.lastRow, r.lastColumn));
    byValue.set(r.value, list);
  }
  return byValue;
}

/** The smallest rectangle holding every cell `keep` selects (1-based), or null. */
function boundingBox<T>(grid: readonly (readonly T[])[], keep: (value: T) => boolean) {
  let top = 0;
  let bottom = 0;
  let left = Number.POSITIVE_INFINITY;
  let right = 0;
  grid.forEach((cells, i) => {
    cells.forEach((v, c) => {
      if (!keep(v)) return;
      top ||= i + 1;
      bottom = i + 1;
      left = Math.min(left, c + 1);
      right = Math.max(right, c + 1);
    });
  });
  return top === 0 ? null : { row: top, column: left, numRows: bottom - top + 1, numColumns: right - left + 1 };
}

/** The rows a template for `rowsNeeded` is made with. */
const templateSize = (rowsNeeded: number): number => Math.max(TEMPLATE_ROWS, Math.ceil(rowsNeeded / GROW_BY) * GROW_BY);

/** Makes the template (deleting `old`, a template of an older release or one that lost rows). */
function makeTemplate(ss: Spreadsheet, rows: number, old: Sheet | null): Sheet {
  if (old) ss.deleteSheet(old);
  const sheet = ss.insertSheet(say.templateName);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns > REPORT_WIDTH) sheet.deleteColumns(REPORT_WIDTH + 1, maxColumns - REPORT_WIDTH);
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  COLUMNS.forEach(([, px], i) => {
    sheet.setColumnWidth(i + 1, px);
  });
  // Every cell: the document's font, top-aligned, text (a value stays as written), white (no gridlines).
  sheet
    .getRange(1, 1, rows, REPORT_WIDTH)
    .setFontSize(FONT_SIZE)
    .setVerticalAlignment('top')
    .setNumberFormat(TEXT)
    .setBackground(WHITE);
  sheet.getRange(FIXED_ROWS.title, 1).setFontSize(TITLE_SIZE);
  // RangeList: one call formats every range of the list (Sheet.getRangeList, RangeList.setFontWeight,
  // setBackground, setWrap: developers.google.com/apps-script/reference/spreadsheet/range-list).
  sheet.getRangeList(FIXED_ROWS.bold.map(wholeRow)).setFontWeight('bold');
  sheet.getRangeList(FIXED_ROWS.shaded.map(wholeRow)).setBackground(HEADER_BG);
  // Headers wrap within their columns.
  const block = FIXED_ROWS.blockHeader;
  sheet.getRangeList([a1(block, BLOCK.target, block, BLOCK.result), wholeRow(FIXED_ROWS.tableHeader)]).setWrap(true);
  sheet.hideSheet();
  setDocumentProperty(TEMPLATE_PROPERTY, `v${TEMPLATE_VERSION}:${rows}`);
  return sheet;
}

/**
 * The hidden template (made at set-up, or on first use; made again when an older release made it,
 * or when a report needs more rows than it has). Every report sheet starts as a copy of it.
 * @returns the sheet, and whether it was made now
 */
export function ensureReportTemplate(ss: Spreadsheet, rowsNeeded = 0): { sheet: Sheet; created: boolean } {
  const existing = ss.getSheetByName(say.templateName);
  const rows = recordedRows();
  if (existing && rows !== null && rows >= rowsNeeded) return { sheet: existing, created: false };
  return { sheet: makeTemplate(ss, templateSize(rowsNeeded), existing), created: true };
}

/** Replaces the sheet `name` (or creates it, after the last sheet) with a shown copy of `template`. */
function copyTemplate(ss: Spreadsheet, name: string, template: Sheet): Sheet {
  const old = ss.getSheetByName(name);
  const index = old ? old.getIndex() - 1 : ss.getNumSheets();
  if (old) ss.deleteSheet(old);
  // insertSheet(name, index, {template}): a copy of the template (Spreadsheet.insertSheet reference).
  // Whether a copy of a hidden sheet is hidden is not documented: shown unconditionally (one call).
  return ss.insertSheet(name, index, { template }).showSheet();
}

/**
 * Replaces the sheet `name` (or creates it) with a copy of the template holding the grid and a bar
 * chart of the district's figures against the targets; nothing else in the spreadsheet changes.
 * A constant number of calls whatever the number of organisations: the values, the number formats
 * of the block and the table (one rectangle), and one RangeList per weight, colour and the wraps.
 */
export function writeDistrictReport(ss: Spreadsheet, name: string, grid: DistrictReportGrid): Sheet {
  const rows = grid.values.length;
  let sheet = copyTemplate(ss, name, ensureReportTemplate(ss, rows).sheet);
  let range: GoogleAppsScript.Spreadsheet.Range;
  try {
    range = sheet.getRange(1, 1, rows, REPORT_WIDTH);
  } catch {
    // The template lost rows or columns by hand since it was made: made again, and copied again.
    sheet = copyTemplate(ss, name, makeTemplate(ss, templateSize(rows), ss.getSheetByName(say.templateName)));
    range = sheet.getRange(1, 1, rows, REPORT_WIDTH);
  }
  // The template's cells are text ('@'): only the block's and the table's numbers get their formats,
  // before the values (so text stays text and numbers show as shares and dates).
  const box = boundingBox(grid.formats, (f) => f !== TEXT);
  if (box)
    sheet
      .getRange(box.row, box.column, box.numRows, box.numColumns)
      .setNumberFormats(
        grid.formats
          .slice(box.row - 1, box.row - 1 + box.numRows)
          .map((r) => r.slice(box.column - 1, box.column - 1 + box.numColumns)),
      );
  range.setValues(grid.values);
  for (const [weight, list] of rangesWhereDiffers(grid.weights, templateWeight))
    sheet.getRangeList(list).setFontWeight(weight);
  for (const [color, list] of rangesWhereDiffers(grid.backgrounds, templateBackground))
    sheet.getRangeList(list).setBackground(color);
  // In the table only names (and the total's label) and remarks wrap: rows grow downwards.
  if (grid.orgCount > 0) {
    const first = grid.firstOrgRow;
    sheet
      .getRangeList([
        a1(first, col('name'), grid.totalRow, col('name')),
        a1(first, col('remarks'), first + grid.orgCount - 1, col('remarks')),
      ])
      .setWrap(true);
  }
  const chart = sheet
    .newChart()
    .asBarChart()
    .addRange(sheet.getRange(grid.blockHeaderRow, BLOCK.label, grid.blockRows + 1, 1))
    .addRange(sheet.getRange(grid.blockHeaderRow, BLOCK.value, grid.blockRows + 1, 1))
    .addRange(sheet.getRange(grid.blockHeaderRow, BLOCK.target, grid.blockRows + 1, 1))
    .setPosition(grid.chartRow, 1, 8, 0)
    .setOption('title', say.chartTitle)
    .setOption('hAxis.format', 'percent')
    .setOption('hAxis.viewWindow.min', 0)
    .setOption('hAxis.viewWindow.max', 1)
    .setOption('legend.position', 'top')
    .setOption('colors', ['#1a73e8', '#9aa0a6'])
    .setOption('width', CHART_WIDTH)
    .setOption('height', CHART_HEIGHT)
    .build();
  sheet.insertChart(chart);
  sheet.activate();
  return sheet;
}
