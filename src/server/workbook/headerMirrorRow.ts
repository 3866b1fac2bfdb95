// Set-up of the hidden «Настройки» row that shows the data sheets' headers (storage/headerMirror.ts),
// and of the sheet's size: the settings are read as an open range, so blank rows below cost cells.
import { headerMirrorRow } from '../../domain/messages';
import { HEADER_MIRROR_KEY, headerMirrorFormula } from '../storage/headerMirror';
import { SETTINGS_LAYOUT } from '../storage/settingsSheet';
import { readTable } from '../storage/table';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Blank rows kept under the settings (room for a row set-up adds later). */
const SPARE_ROWS = 10;

/**
 * Adds the row when missing (after every sheet exists: its formula names them), writes the formula
 * again when it differs (typed over, or an older release's), and trims blank rows beyond a few spare
 * ones. Call under the lock, after the sheets are made; returns what changed.
 */
export function ensureHeaderMirror(ss: Ss, created: boolean): string[] {
  const sheet = ss.getSheetByName(SETTINGS_LAYOUT.sheetName);
  if (!sheet) return [];
  const formula = headerMirrorFormula();
  const found = readTable(sheet, SETTINGS_LAYOUT).find((r) => r.values.key === HEADER_MIRROR_KEY);
  const changes: string[] = [];
  if (found) {
    const cell = sheet.getRange(found.row, 3);
    if (cell.getFormula() !== formula) {
      cell.setNumberFormat('General').setFormula(formula);
      changes.push(headerMirrorRow.repaired);
    }
  } else {
    const row = Math.max(sheet.getLastRow(), 1) + 1;
    const range = sheet.getRange(row, 1, 1, 4);
    range
      .setNumberFormats([['@', '@', 'General', '@']])
      .setValues([[HEADER_MIRROR_KEY, headerMirrorRow.label, '', headerMirrorRow.hint]]);
    range.offset(0, 2, 1, 1).setFormula(formula);
    sheet.hideRows(row);
    if (!created) changes.push(headerMirrorRow.added);
  }
  const keep = sheet.getLastRow() + SPARE_ROWS;
  const max = sheet.getMaxRows();
  if (max > keep) sheet.deleteRows(keep + 1, max - keep);
  return changes;
}
