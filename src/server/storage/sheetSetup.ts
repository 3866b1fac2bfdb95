// Creates a table sheet or upgrades an older layout in place (data kept), and sets its protection.
import { setupMessages } from '../../domain/messages';
import { fromCell, isMonthKind, NO, NUMBER_FORMAT, quoteAsText, toCell, YES } from './cells';
import { documentProperty, setDocumentProperty } from './documentProperties';
import type { TableLayout } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Document property: the last row of each sheet whose number formats are known to be set. */
const FORMATTED_PREFIX = 'formattedThrough.';

/** Records that rows up to `row` of a sheet carry their layout's number formats (set-up, growth). */
export function markFormattedThrough(sheet: Sheet, row: number): void {
  setDocumentProperty(FORMATTED_PREFIX + sheet.getName(), String(row));
}

/** The last row known to carry its layout's number formats (0 when unknown: an older workbook). */
export function formattedThrough(sheet: Sheet): number {
  return Number(documentProperty(FORMATTED_PREFIX + sheet.getName()) ?? '0') || 0;
}

/** Header style, frozen header, widths, hidden columns and number formats of every data row. */
function formatSheet(sheet: Sheet, layout: TableLayout): void {
  const n = layout.columns.length;
  if (sheet.getMaxColumns() < n) sheet.insertColumnsAfter(sheet.getMaxColumns(), n - sheet.getMaxColumns());
  sheet
    .getRange(1, 1, 1, n)
    .setFontWeight('bold')
    .setBackground('#e8eaed')
    .setWrap(true)
    .setVerticalAlignment('middle');
  sheet.setFrozenRows(1);
  layout.columns.forEach((c, i) => {
    if (c.width) sheet.setColumnWidth(i + 1, c.width);
    if (c.hidden) sheet.hideColumns(i + 1);
  });
  const rows = sheet.getMaxRows() - 1;
  if (rows <= 0) return;
  sheet
    .getRange(2, 1, rows, n)
    .setNumberFormats(Array.from({ length: rows }, () => layout.columns.map((c) => NUMBER_FORMAT[c.kind])));
  markFormattedThrough(sheet, rows + 1);
  layout.columns.forEach((c, i) => {
    const choices = c.choices ?? (c.kind === 'yesno' ? [YES, NO] : null);
    if (!choices) return;
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList([...choices], true)
      .setAllowInvalid(false)
      .build();
    sheet.getRange(2, i + 1, rows, 1).setDataValidation(rule);
  });
}

/**
 * Makes sure the sheet exists with the layout's headers in order. An older layout (columns
 * missing, renamed via `aliases`, or in another order) is rewritten in the new order; columns the
 * layout does not know are kept to the right. Returns what changed.
 */
export function ensureTableSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  layout: TableLayout,
): { sheet: Sheet; created: boolean; changes: string[] } {
  const expected = layout.columns.map((c) => c.header);
  const existing = ss.getSheetByName(layout.sheetName);
  if (!existing) {
    const sheet = ss.insertSheet(layout.sheetName);
    formatSheet(sheet, layout);
    sheet.getRange(1, 1, 1, expected.length).setValues([expected]);
    return { sheet, created: true, changes: [setupMessages.created(layout.sheetName)] };
  }
  const range = existing.getDataRange();
  const data = range.getValues();
  const header = (data[0] ?? []).map((h) => String(h).trim());
  if (expected.every((h, i) => header[i] === h)) return { sheet: existing, created: false, changes: [] };
  const formulas = range.getFormulas();
  const formats = range.getNumberFormats();
  const width = header.length;
  const source = layout.columns.map(
    (c) => [c.header, ...(c.aliases ?? [])].map((name) => header.indexOf(name)).find((i) => i >= 0) ?? -1,
  );
  // Every old column the layout does not take is kept to the right: with a header, or with any data.
  const extra = header
    .map((_h, i) => i)
    .filter((i) => !source.includes(i) && (header[i] !== '' || data.some((row, r) => r > 0 && row[i] !== '')));
  const order = [...source, ...extra];
  const writeWidth = Math.max(order.length, width);
  const pad = <T>(row: T[], blank: T): T[] => [...row, ...Array<T>(writeWidth - row.length).fill(blank)];
  // A formula typed by hand stays a formula; every other string is written back as text.
  const cell = (r: number, i: number): unknown => (i < 0 ? '' : formulas[r]![i] || quoteAsText(data[r]![i]));
  const block = data.map((_row, r) =>
    pad(r === 0 ? [...expected, ...extra.map((i) => header[i]!)] : order.map((i) => cell(r, i)), ''),
  );
  const blockFormats = data.map((_row, r) =>
    pad(
      order.map((i, j) => (j < layout.columns.length ? NUMBER_FORMAT[layout.columns[j]!.kind] : formats[r]![i]!)),
      '@',
    ),
  );
  if (existing.getMaxColumns() < writeWidth)
    existing.insertColumnsAfter(existing.getMaxColumns(), writeWidth - existing.getMaxColumns());
  // Formats first (so moved text stays text), then the values over the old block — nothing is
  // cleared beforehand, so a failure leaves the old data — then drop-downs and styling.
  const target = existing.getRange(1, 1, block.length, writeWidth);
  target.setNumberFormats(blockFormats);
  target.setValues(block);
  formatSheet(existing, layout);
  return { sheet: existing, created: false, changes: [setupMessages.migrated(layout.sheetName)] };
}

/**
 * Set-up, on a sheet in its layout's order: month cells that hold a key (2023-11, as older versions
 * wrote them) or a Date Sheets made of a month are rewritten in words («ноябрь 2023»), one read and
 * at most one write per month column. Seals, the audit chain and identity compare months by key
 * (rowSeal.canonicalRow, rowIdentity), so no row stops verifying. Returns the cells rewritten.
 */
export function writeMonthsInWords(sheet: Sheet, layout: TableLayout): number {
  const last = sheet.getLastRow();
  if (last < 2) return 0;
  let rewritten = 0;
  layout.columns.forEach((c, i) => {
    if (!isMonthKind(c.kind)) return;
    const range = sheet.getRange(2, i + 1, last - 1, 1);
    const cells = range.getValues();
    let changed = false;
    const words = cells.map(([cell]) => {
      // Kept cells are written back as they were (text quoted, so nothing typed becomes a formula).
      if (cell === '' || cell === null) return [''];
      const want = toCell(c.kind, fromCell(c.kind, cell));
      if (want === cell) return [quoteAsText(cell)];
      changed = true;
      rewritten++;
      return [quoteAsText(want)];
    });
    if (!changed) return;
    // A formula typed into the column by hand stays a formula.
    const formulas = range.getFormulas();
    range.setValues(words.map((w, r) => (formulas[r]![0] ? [formulas[r]![0]] : w)));
  });
  return rewritten;
}

/**
 * On a write: an older sheet that only lacks optional columns (in their place, all else in
 * order) gets them inserted in place — no data moves through the script. Returns false when the
 * sheet needs a full set-up instead.
 */
export function insertMissingOptionalColumns(sheet: Sheet, layout: TableLayout, header: readonly string[]): boolean {
  const missing = layout.columns.filter((c) => !header.includes(c.header));
  if (missing.length === 0 || missing.some((c) => !c.optional)) return false;
  const present = layout.columns.filter((c) => header.includes(c.header));
  if (!present.every((c, i) => header[i] === c.header)) return false;
  layout.columns.forEach((c, i) => {
    if (header.includes(c.header)) return;
    if (i < sheet.getLastColumn()) sheet.insertColumnBefore(i + 1);
    else if (sheet.getMaxColumns() < i + 1)
      sheet.insertColumnsAfter(sheet.getMaxColumns(), i + 1 - sheet.getMaxColumns());
    sheet
      .getRange(1, i + 1)
      .setValue(c.header)
      .setFontWeight('bold');
    const rows = sheet.getMaxRows() - 1;
    if (rows > 0) sheet.getRange(2, i + 1, rows, 1).setNumberFormat(NUMBER_FORMAT[c.kind]);
    if (c.width) sheet.setColumnWidth(i + 1, c.width);
  });
  return true;
}

/**
 * Protects a whole sheet: `editors` = who may edit (the owner always may), or null for a
 * warning-only protection. Returns true when anything changed.
 */
export function protectSheet(sheet: Sheet, description: string, editors: readonly string[] | null): boolean {
  const existing = sheet
    .getProtections(SpreadsheetApp.ProtectionType.SHEET)
    .find((p) => p.getDescription() === description);
  const protection = existing ?? sheet.protect().setDescription(description);
  let changed = !existing;
  if (editors === null) {
    if (!protection.isWarningOnly()) {
      protection.setWarningOnly(true);
      changed = true;
    }
    return changed;
  }
  const wanted = Array.from(new Set(editors.map((e) => e.toLowerCase())));
  const current = protection.getEditors().map((u) => u.getEmail().toLowerCase());
  const remove = current.filter((e) => !wanted.includes(e));
  const add = wanted.filter((e) => !current.includes(e));
  if (remove.length > 0) protection.removeEditors(remove);
  if (add.length > 0) protection.addEditors(add);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  return changed || remove.length > 0 || add.length > 0;
}
