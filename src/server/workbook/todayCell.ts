// The named cell «Сегодня» in «Настройки»: today's date (Moscow), written by every reminder run,
// so formulas such as =DAYS_TO_DEADLINE(A2; Сегодня) recalculate as days pass (Sheets refuses
// TODAY() as a custom function's argument, and recalculates a custom function only when its
// arguments change).
import { moscowToday, startOfMoscowDay } from '../../domain/calendar';
import { todayCell } from '../../domain/messages';
import { NUMBER_FORMAT } from '../storage/cells';
import { SETTINGS_LAYOUT } from '../storage/settingsSheet';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Set-up: adds the «Сегодня» row and its name when missing; returns what changed. Call under the lock. */
export function ensureTodayCell(ss: Ss, created: boolean): string[] {
  if (ss.getRangeByName(todayCell.name)) return [];
  const sheet = ss.getSheetByName(SETTINGS_LAYOUT.sheetName);
  if (!sheet) return [];
  const range = sheet.getRange(Math.max(sheet.getLastRow(), 1) + 1, 1, 1, 4);
  range
    .setNumberFormats([['@', '@', NUMBER_FORMAT.date, '@']])
    .setValues([[todayCell.key, todayCell.label, startOfMoscowDay(moscowToday(new Date())), todayCell.hint]]);
  ss.setNamedRange(todayCell.name, range.offset(0, 2, 1, 1));
  return created ? [] : [todayCell.added];
}

/** Writes today's date into «Сегодня» when it changed (call holding a lock); false when there is no such cell. */
export function writeToday(ss: Ss, now: Date): boolean {
  const cell = ss.getRangeByName(todayCell.name);
  if (!cell) return false;
  const today = startOfMoscowDay(moscowToday(now));
  const current = cell.getValue();
  if (current instanceof Date && current.getTime() === today.getTime()) return true;
  cell.setValue(today);
  return true;
}
