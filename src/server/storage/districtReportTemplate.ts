// The hidden template «Шаблон сводного отчёта» and the writer of a «Сводный отчёт» sheet: the template
// holds everything that does not depend on the month (widths, fonts, the fixed rows' formats), so a
// report is a copy of it plus its values and the few formats that vary, in a constant number of calls.
import { districtReportSheet as say } from '../../domain/messages';
import { documentProperty, setDocumentProperty } from './documentProperties';
import {
  BLOCK,
  CHART_HEIGHT,
  CHART_WIDTH,
  CONDITIONAL_LOOK,
  COLUMNS,
  FIXED_ROWS,
  FONT_SIZE,
  HEADER_BG,
  REPORT_WIDTH,
  TEXT,
  templateFormat,
  TITLE_SIZE,
  TOTAL_BG,
  WHITE,
  WRAPPED_COLUMNS,
  type DistrictReportGrid,
} from './districtReportSheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Rows a template is made with; a longer report has the template made again, 500 rows longer at a time. */
const TEMPLATE_ROWS = 1000;
const GROW_BY = 500;
/**
 * Version 3 holds the fixed rows' formats, the block's and the table's number formats and wraps, the
 * district total's line and the conditional formats (version 2 held the fixed rows above the table,
 * version 1 — the first release's — widths and font only); the document property records the
 * version and the template's row count: `v3:1000`.
 */
const TEMPLATE_VERSION = 3;
const TEMPLATE_PROPERTY = 'districtReportTemplate';

/** The template's row count as set-up recorded it, or null when it is missing or of an older release. */
function recordedRows(): number | null {
  const m = /^v(\d+):(\d+)$/.exec(documentProperty(TEMPLATE_PROPERTY) ?? '');
  return m && Number(m[1]) === TEMPLATE_VERSION ? Number(m[2]) : null;
}

/** 1-based column → letters (1 → A). */
function letters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
const a1 = (row: number, column: number, lastRow = row, lastColumn = column): string =>
  `${letters(column)}${row}:${letters(lastColumn)}${lastRow}`;
const wholeRow = (row: number): string => a1(row, 1, row, REPORT_WIDTH);

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
  // The block's and the table's number formats, down to the template's end (a report of any length).
  const formats = Array.from({ length: rows - FIXED_ROWS.blockHeader }, (_, i) =>
    Array.from({ length: REPORT_WIDTH }, (_, c) => templateFormat(FIXED_ROWS.blockHeader + 1 + i, c + 1)),
  );
  sheet.getRange(FIXED_ROWS.blockHeader + 1, 1, formats.length, REPORT_WIDTH).setNumberFormats(formats);
  // RangeList: one call formats every range of the list (Sheet.getRangeList, RangeList.setFontWeight,
  // setBackground, setWrap: developers.google.com/apps-script/reference/spreadsheet/range-list).
  sheet.getRangeList(FIXED_ROWS.bold.map(wholeRow)).setFontWeight('bold');
  sheet.getRangeList(FIXED_ROWS.shaded.map(wholeRow)).setBackground(HEADER_BG);
  sheet.getRange(wholeRow(FIXED_ROWS.total)).setBackground(TOTAL_BG);
  const block = FIXED_ROWS.blockHeader;
  // Headers wrap within their columns; from the table's first line down, names and remarks wrap.
  sheet
    .getRangeList([
      a1(block, BLOCK.target, block, BLOCK.result),
      wholeRow(FIXED_ROWS.tableHeader),
      ...WRAPPED_COLUMNS.map((c) => a1(FIXED_ROWS.total, c, rows, c)),
    ])
    .setWrap(true);
  // What varies with the month's text is painted by conditional formats (copied with the template).
  sheet.setConditionalFormatRules(
    CONDITIONAL_LOOK.map((r) => {
      const rule = SpreadsheetApp.newConditionalFormatRule().setRanges([
        sheet.getRange(a1(r.firstRow, r.firstColumn, r.lastRow ?? rows, r.lastColumn)),
      ]);
      if (r.equals !== undefined) rule.whenTextEqualTo(r.equals);
      else rule.whenTextStartsWith(r.startsWith ?? '');
      if (r.bold) rule.setBold(true);
      if (r.background) rule.setBackground(r.background);
      return rule.build();
    }),
  );
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

/**
 * Replaces the sheet `name` (a report of the month made before) or creates it, with a shown copy of
 * `template`. insertSheet(name, {template}) copies the template and "the new sheet becomes the
 * active sheet" (Spreadsheet.insertSheet reference): the admin sees the report without another call.
 * Where a new sheet goes without an index is not documented; nothing depends on it (a report made
 * again is not put back where the old one was: that would cost a call to ask where it was).
 */
function copyTemplate(ss: Spreadsheet, name: string, template: Sheet): Sheet {
  const old = ss.getSheetByName(name);
  if (old) ss.deleteSheet(old);
  // Whether a copy of a hidden sheet is hidden is not documented: shown unconditionally (one call).
  return ss.insertSheet(name, { template }).showSheet();
}

/**
 * Replaces the sheet `name` (or creates it) with a copy of the template holding the grid and a bar
 * chart of the district's figures against the targets; nothing else in the spreadsheet changes.
 * A constant number of calls whatever the number of organisations: the copy (shown), the values and
 * the chart — the template holds every format.
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
  range.setValues(grid.values);
  // The template's formats and conditional formats give the grid's look: no format is written
  // (test/integration/summary/districtReportWrite.test.ts compares the sheet as shown with the grid).
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
  return sheet;
}
