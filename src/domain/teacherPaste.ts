// Reading a table pasted from a spreadsheet: rows, separators (tab, semicolon, comma with quotes),
// and whole-number cells that may be written with a Russian decimal comma («12,0») or spaces («1 200»).
import { pasteErrors } from './messages';

/** One non-blank pasted line: its 1-based line number and its cells, trimmed. */
export interface PastedRow {
  row: number;
  cells: string[];
}

/** The separator of pasted text: tab (what spreadsheets copy), else semicolon, else comma. */
export function detectSeparator(text: string): '\t' | ';' | ',' {
  if (text.includes('\t')) return '\t';
  return text.includes(';') ? ';' : ',';
}

/** Splits one line on `separator`, honouring "double-quoted" cells (so «"12,5"» stays one cell). */
function splitLine(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (quoted) {
      if (ch === '"' && line.charAt(i + 1) === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === separator) {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += ch;
    }
  }
  cells.push(cell.trim());
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

/** The non-blank lines of pasted text, split into cells; trailing empty cells are dropped. */
export function splitPastedTable(text: string): PastedRow[] {
  const separator = detectSeparator(text);
  const rows: PastedRow[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const cells = splitLine(line, separator);
    if (cells.length > 0) rows.push({ row: index + 1, cells });
  });
  return rows;
}

/** True when a cell holds a number, whole or not («12», «12,5», «1 200», «-3»). */
export function looksNumeric(cell: string): boolean {
  return /^[-+]?\d+([.,]\d+)?$/.test(cell.replace(/[\s\u00a0]/g, ''));
}

/**
 * Reads a whole, non-negative count. A blank cell is 0 (spreadsheets leave zeros blank);
 * «12,0» and «12.0» are 12.
 * @param column 1-based column for the message
 * @returns the count, or a Russian reason
 */
export function readCountCell(cell: string, column: number, blankIsZero = true): { value: number } | { error: string } {
  const compact = cell.replace(/[\s\u00a0]/g, '');
  if (compact === '') return blankIsZero ? { value: 0 } : { error: pasteErrors.blank(column) };
  if (!looksNumeric(compact)) return { error: pasteErrors.notNumber(column, cell) };
  const value = Number(compact.replace(',', '.'));
  if (value < 0) return { error: pasteErrors.negative(column, cell) };
  if (!Number.isInteger(value)) return { error: pasteErrors.fractional(column, cell) };
  return { value };
}

/** True when a row is a header: it has letters in some cell after the first (data rows have numbers there). */
export function isHeaderRow(cells: readonly string[]): boolean {
  return cells.slice(1).some((cell) => /[A-Za-zА-Яа-яЁё]/.test(cell) && !looksNumeric(cell));
}
