// Set-up of the hidden «Настройки» rows that show what every call needs of other sheets
// (storage/sheetMirror.ts), and of the sheet's size: the settings are read as an open range, so
// blank rows below cost cells.
import { mirrorRows } from '../../domain/messages';
import { mirrorFormulas, type MirrorKey } from '../storage/sheetMirror';
import { SETTINGS_LAYOUT } from '../storage/settingsSheet';
import { readTable } from '../storage/table';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Blank rows kept under the settings (room for a row set-up adds later). */
const SPARE_ROWS = 10;

/**
 * «Проверить изменения вручную»: the mirror rows whose formula is missing or not the add-on's (typed
 * over, pasted as values, deleted), named in Russian; empty when all are intact. Two reads.
 */
export function mirrorFindings(ss: Ss): string[] {
  const sheet = ss.getSheetByName(SETTINGS_LAYOUT.sheetName);
  if (!sheet) return [];
  const last = Math.max(sheet.getLastRow(), 1);
  const keys = sheet
    .getRange(1, 1, last, 1)
    .getValues()
    .map((r) => String(r[0]));
  const formulas = sheet
    .getRange(1, 3, last, 1)
    .getFormulas()
    .map((r) => r[0]);
  const changed = (Object.entries(mirrorFormulas()) as [MirrorKey, string][])
    .filter(([key, formula]) => formulas[keys.indexOf(key)] !== formula)
    .map(([key]) => mirrorRows.labels[key]);
  return changed.length > 0 ? [mirrorRows.changed(changed)] : [];
}

/**
 * Adds the rows that are missing (after every sheet exists: the formulas name them), writes a
 * formula again when it differs (typed over, or an older release's), and trims blank rows beyond a
 * few spare ones. Call under the lock, after the sheets are made; returns what changed.
 */
export function ensureMirrorRows(ss: Ss, created: boolean): string[] {
  const sheet = ss.getSheetByName(SETTINGS_LAYOUT.sheetName);
  if (!sheet) return [];
  const rows = readTable(sheet, SETTINGS_LAYOUT);
  let added = 0;
  let repaired = 0;
  for (const [key, formula] of Object.entries(mirrorFormulas()) as [MirrorKey, string][]) {
    const found = rows.find((r) => r.values.key === key);
    if (found) {
      const cell = sheet.getRange(found.row, 3);
      if (cell.getFormula() === formula) continue;
      cell.setNumberFormat('General').setFormula(formula);
      repaired++;
      continue;
    }
    const row = Math.max(sheet.getLastRow(), 1) + 1;
    const range = sheet.getRange(row, 1, 1, 4);
    range
      .setNumberFormats([['@', '@', 'General', '@']])
      .setValues([[key, mirrorRows.labels[key], '', mirrorRows.hint]]);
    range.offset(0, 2, 1, 1).setFormula(formula);
    sheet.hideRows(row);
    added++;
  }
  const keep = sheet.getLastRow() + SPARE_ROWS;
  const max = sheet.getMaxRows();
  if (max > keep) sheet.deleteRows(keep + 1, max - keep);
  return [
    ...(added > 0 && !created ? [mirrorRows.added(added)] : []),
    ...(repaired > 0 ? [mirrorRows.repaired(repaired)] : []),
  ];
}
