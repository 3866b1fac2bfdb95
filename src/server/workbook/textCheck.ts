// «Проверка установки»: on the real spreadsheet, text written the add-on's way (storage/cells.ts
// quoteAsText) must come back as the same text — no formula, number or date — in every number format.
import { textCheckTexts as say } from '../../domain/messages';
import { quoteAsText } from '../storage/cells';

/** Texts a coordinator may type that Sheets would otherwise read as a formula, a number, a date or TRUE. */
export const RISKY_TEXTS: readonly string[] = [
  '=HYPERLINK("https://example.com";"ссылка")',
  '+7 900 000-00-00',
  '-5 педагогов',
  '@директор',
  "'в кавычках'",
  '007',
  '2023-11',
  'ноябрь 2023',
  'TRUE',
];

/** Number formats a person may give a column: plain text, a number, automatic. */
const FORMATS: readonly string[] = ['@', '0', 'General'];

export interface TextCheckResult {
  ok: boolean;
  /** Russian lines: one per text that did not stay text (empty when ok). */
  problems: string[];
  /** One Russian sentence for the check list. */
  summary: string;
}

/**
 * Writes every risky text under every format into a temporary sheet exactly as the add-on writes
 * its rows, reads values and formulas back, and deletes the sheet. Call inside the document lock,
 * as an admin (it inserts a sheet).
 */
export function verifyTextStaysText(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): TextCheckResult {
  const leftOver = ss.getSheetByName(say.sheetName);
  if (leftOver) ss.deleteSheet(leftOver);
  const sheet = ss.insertSheet(say.sheetName);
  try {
    const range = sheet.getRange(1, 1, RISKY_TEXTS.length, FORMATS.length);
    range.setNumberFormats(RISKY_TEXTS.map(() => [...FORMATS]));
    range.setValues(RISKY_TEXTS.map((text) => FORMATS.map(() => quoteAsText(text))));
    SpreadsheetApp.flush();
    const values = range.getValues();
    const formulas = range.getFormulas();
    const problems: string[] = [];
    RISKY_TEXTS.forEach((text, i) => {
      FORMATS.forEach((format, j) => {
        const formula = formulas[i]![j]!;
        const value = values[i]![j];
        if (formula !== '' || value !== text)
          problems.push(say.problem(text, say.formatNames[format]!, formula !== '' ? formula : String(value)));
      });
    });
    return { ok: problems.length === 0, problems, summary: problems.length === 0 ? say.passed : problems[0]! };
  } finally {
    ss.deleteSheet(sheet);
  }
}
