// A1 notation: parsing `A1`, `A2:C`, `B:B`, `2:5`, `Sheet1!A1:B2`, `'My sheet'!A1` and formatting rectangles.
import type { GridRect } from '../store/spreadsheetStore';

/** 1-based column number → letters (1 → A, 27 → AA). */
export function columnToLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Split `Sheet!A1` into sheet name (unquoted) and the cell part. */
export function splitSheetName(a1: string): { sheetName: string | null; ref: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, ref: a1 };
  let name = a1.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, ref: a1.slice(bang + 1) };
}

/**
 * Parse the cell part of A1 notation into a rectangle, open ends filled from the sheet size.
 * Returns null when the text is not A1 notation.
 */
export function parseA1(ref: string, maxRows: number, maxColumns: number): GridRect | null {
  const part = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;
  const [a, b, extra] = ref.trim().split(':');
  if (a === undefined || extra !== undefined) return null;
  const p1 = part.exec(a);
  const p2 = b === undefined ? p1 : part.exec(b);
  if (!p1 || !p2 || (!p1[1] && !p1[2]) || (!p2[1] && !p2[2])) return null;
  if (b === undefined && (!p1[1] || !p1[2])) return null;
  const c1 = p1[1] ? lettersToColumn(p1[1]) : 1;
  const c2 = p2[1] ? lettersToColumn(p2[1]) : maxColumns;
  const r1 = p1[2] ? Number(p1[2]) : 1;
  const r2 = p2[2] ? Number(p2[2]) : maxRows;
  if (r1 < 1 || r2 < 1 || c1 < 1 || c2 < 1) return null;
  const row = Math.min(r1, r2),
    column = Math.min(c1, c2);
  return { row, column, numRows: Math.abs(r2 - r1) + 1, numColumns: Math.abs(c2 - c1) + 1 };
}

/** Rectangle → A1 notation (`A1` for one cell, `A1:C3` otherwise). */
export function toA1(rect: GridRect): string {
  const first = `${columnToLetters(rect.column)}${rect.row}`;
  if (rect.numRows === 1 && rect.numColumns === 1) return first;
  return `${first}:${columnToLetters(rect.column + rect.numColumns - 1)}${rect.row + rect.numRows - 1}`;
}
