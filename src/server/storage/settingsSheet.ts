// Layout and access of the «Настройки» sheet: one row per setting (hidden key, label, value, hint).
import { settingsSheetRows, sheetNames, workbookHeaders as h } from '../../domain/messages';
import { defaultSettings, validateSettings, type Settings } from '../../domain/schemas/settings';
import type { FieldError } from '../../domain/schemas/fields';
import { fromCell, NUMBER_FORMAT, quoteAsText, toCell, type CellKind } from './cells';
import { readNarrowTable, readTable, requireSheet, type TableLayout } from './table';
import { applyMirror, isMirrorKey } from './sheetMirror';

export const SETTINGS_LAYOUT: TableLayout = {
  sheetName: sheetNames.settings,
  columns: [
    { key: 'key', header: h.settingKey, kind: 'text', hidden: true },
    { key: 'label', header: h.settingLabel, kind: 'text', width: 320 },
    { key: 'value', header: h.settingValue, kind: 'text', width: 220 },
    { key: 'hint', header: h.settingHint, kind: 'text', width: 420 },
  ],
};

export type SettingKey = keyof typeof settingsSheetRows;
const KINDS: Record<SettingKey, CellKind> = {
  districtName: 'text',
  adminEmails: 'emails',
  deadlineDay: 'int',
  setupDeadline: 'date',
  firstPeriod: 'period',
  minMessagesPerWeek: 'int',
  minCallsPerWeek: 'int',
  'coverageTargets.teachers': 'share',
  'coverageTargets.pupils': 'share',
  'coverageTargets.parents': 'share',
  'coverageTargets.teacherMinimum': 'share',
  'coverageTargets.mySchool': 'share',
  reminderOffsets: 'text',
  overdueRepeatDays: 'int',
  digestRecipients: 'emails',
  storeTeacherCodes: 'yesno',
  changeThreshold: 'share',
};
export const SETTING_KEYS = Object.keys(settingsSheetRows) as SettingKey[];

/** A setting's value as the cell shows it. */
function flatValue(settings: Settings, key: SettingKey): unknown {
  if (key.startsWith('coverageTargets.'))
    return settings.coverageTargets[key.slice(16) as keyof Settings['coverageTargets']];
  const value = settings[key as keyof Settings];
  return key === 'reminderOffsets' ? (value as number[]).join(', ') : value;
}

/** Rows [key, label, value, hint] and their number formats, for set-up. */
export function settingRows(
  settings: Settings,
  keys: readonly SettingKey[],
): { cells: unknown[][]; formats: string[][] } {
  return {
    cells: keys.map((k) => [
      k,
      settingsSheetRows[k][0],
      toCell(KINDS[k], flatValue(settings, k)),
      settingsSheetRows[k][1],
    ]),
    formats: keys.map((k) => ['@', '@', NUMBER_FORMAT[KINDS[k]], '@']),
  };
}

function readOffsets(value: unknown): unknown {
  if (typeof value === 'number') return [value];
  if (typeof value !== 'string') return value;
  const parts = value.split(/[;,\s]+/).filter((p) => p !== '');
  return parts.map((p) => (/^[-+]?\d+$/.test(p) ? Number(p) : p));
}

/**
 * Reads the settings in one call, and with them the data sheets' headers and registry columns (sheetMirror.ts). A value
 * that does not validate falls back to the order's default and is reported, so one typo never stops
 * the district's reporting.
 */
export function readSettings(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): {
  settings: Settings;
  problems: FieldError[];
  keys: SettingKey[];
} {
  const raw: Record<string, unknown> = {};
  const targets: Record<string, unknown> = {};
  const keys: SettingKey[] = [];
  for (const r of readNarrowTable(requireSheet(ss, SETTINGS_LAYOUT), SETTINGS_LAYOUT)) {
    if (isMirrorKey(r.values.key)) applyMirror(r.values.key, r.cells[2]);
    const key = String(r.values.key) as SettingKey;
    if (!(key in KINDS)) continue;
    keys.push(key);
    let value = fromCell(KINDS[key], r.cells[2]);
    if (key === 'reminderOffsets') value = readOffsets(value);
    if (key.startsWith('coverageTargets.')) targets[key.slice(16)] = value;
    else raw[key] = value;
  }
  raw.coverageTargets = targets;
  const whole = validateSettings(raw);
  if (whole.ok) return { settings: whole.settings, problems: [], keys };
  const settings = defaultSettings();
  for (const [key, value] of Object.entries(raw)) {
    const single = validateSettings(key === 'coverageTargets' ? {} : { [key]: value });
    if (single.ok) (settings as Record<string, unknown>)[key] = single.settings[key as keyof Settings];
  }
  for (const [key, value] of Object.entries(targets)) {
    const single = validateSettings({ coverageTargets: { [key]: value } });
    if (single.ok)
      (settings.coverageTargets as Record<string, unknown>)[key] =
        single.settings.coverageTargets[key as keyof Settings['coverageTargets']];
  }
  return { settings, problems: whole.errors, keys };
}

/**
 * Set-up: a month setting typed or written as a key (2023-11) is shown in words («ноябрь 2023»), as
 * the add-on writes it, with its present hint; the value read stays the same. Returns the settings
 * rewritten.
 */
export function writeSettingMonthsInWords(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  const sheet = requireSheet(ss, SETTINGS_LAYOUT);
  let rewritten = 0;
  for (const r of readTable(sheet, SETTINGS_LAYOUT)) {
    const key = String(r.values.key) as SettingKey;
    if (KINDS[key] !== 'period') continue;
    const words = toCell('period', fromCell('period', r.cells[2]));
    if (words === r.cells[2] || words === '') continue;
    // The hint beside it, as this version words it (the older one asked for ГГГГ-ММ).
    sheet.getRange(r.row, 3, 1, 2).setValues([[words, settingsSheetRows[key][1]].map(quoteAsText)]);
    rewritten++;
  }
  return rewritten;
}
