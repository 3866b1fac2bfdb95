// How each kind of field is written to a cell and read back: the only place that knows cell types.
import { isDateValue, moscowDateOf, startOfMoscowDay } from '../../domain/calendar';
import { TEXT_CELL_MAX } from '../../domain/schemas/fields';
import { formatPeriod, monthsInWords, parsePeriod, periodKey } from '../../domain/period';

/** Kinds of column; each has a cell format and a two-way conversion. */
export type CellKind = 'text' | 'int' | 'yesno' | 'date' | 'datetime' | 'emails' | 'share' | 'period' | 'periods';

type Cell = string | number | boolean | Date;

/** Number format per kind ('@' = plain text: typed text never becomes a formula or a number). */
export const NUMBER_FORMAT: Record<CellKind, string> = {
  text: '@',
  int: '0',
  yesno: '@',
  date: 'dd.MM.yyyy',
  datetime: 'dd.MM.yyyy HH:mm:ss',
  emails: '@',
  share: '0%',
  period: '@',
  periods: '@',
};

/** Kinds whose cells hold months: shown in words, compared and sealed by their keys. */
export const isMonthKind = (kind: CellKind): boolean => kind === 'period' || kind === 'periods';

/** Keys of a comma-separated list of months (a part that is no month stays as it is). */
function monthKeys(value: unknown): string {
  return String(value)
    .split(',')
    .map((part) => {
      const p = parsePeriod(part);
      return p ? periodKey(p) : part.trim();
    })
    .join(', ');
}

/**
 * A value as setValues must receive it so that text stays text whatever the cell's number format:
 * strings get a leading apostrophe, Sheets' quote prefix — typed input is "parsed exactly as if it
 * were entered into the Google Sheets UI" (Sheets API, ValueInputOption USER_ENTERED), where a
 * leading apostrophe keeps the rest as text and is not part of the value (Sheets API,
 * ExtendedValue.stringValue: "Leading single quotes are not included"). Google does not document
 * that a plain-text format stops setValues from parsing `=…`, `+…`, `-…` or `@…`, so the add-on
 * does not rely on it; «Проверка установки» checks the prefix on the real file
 * (workbook/textCheck.ts). Other values are unchanged; '' stays blank.
 */
export function quoteAsText(value: unknown): unknown {
  return typeof value === 'string' && value !== '' ? "'" + value : value;
}

export const YES = 'да';
export const NO = 'нет';
const pad = (n: number): string => (n < 10 ? '0' : '') + n;

/** Domain value → cell value. ISO dates (ГГГГ-ММ-ДД) become Dates at 00:00 MSK; null becomes ''. */
export function toCell(kind: CellKind, value: unknown): Cell {
  if (value === null || value === undefined) return '';
  switch (kind) {
    case 'yesno':
      return value === true ? YES : value === false ? NO : String(value);
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
      return m ? startOfMoscowDay({ year: +m[1]!, month: +m[2]!, day: +m[3]! }) : String(value);
    }
    case 'datetime': {
      // Whole seconds: Sheets keeps date-times as fractions of a day and may hand back ±1 ms.
      const ms = Date.parse(String(value));
      return Number.isNaN(ms) ? String(value) : new Date(Math.floor(ms / 1000) * 1000);
    }
    case 'emails':
      return Array.isArray(value) ? value.join(', ') : String(value);
    case 'period': {
      // A month is shown as people say it («ноябрь 2023»), never as its key.
      const p = parsePeriod(value);
      return p ? formatPeriod(p) : String(value);
    }
    case 'periods':
      // Several months, as a repeated overdue notice lists them: «ноябрь 2023, декабрь 2023».
      return monthsInWords(String(value));
    case 'int':
    case 'share':
      return typeof value === 'number' ? value : String(value);
    default:
      return clipped(String(value));
  }
}

/**
 * Text cut to TEXT_CELL_MAX, ending in «…»: Sheets refuses a cell over 50 000 characters, which would
 * stop every write. Input is limited long before this (by the schemas); only an audit of settings
 * typed by hand into their sheet can come this far.
 */
function clipped(text: string): string {
  return text.length > TEXT_CELL_MAX ? text.slice(0, TEXT_CELL_MAX - 1) + '…' : text;
}

/** A month cell as its key, or the cell itself when it names no month. */
function monthKeyOf(cell: unknown): unknown {
  const p = parsePeriod(cell);
  return p ? periodKey(p) : cell;
}

/** Month texts read so far (every row of a month spells it the same), and their keys. */
const monthKeysOfText = new Map<string, unknown>();
function monthKeyOfText(text: string): unknown {
  let key = monthKeysOfText.get(text);
  if (key === undefined) {
    key = monthKeyOf(text);
    monthKeysOfText.set(text, key);
  }
  return key;
}

/**
 * Cell value → domain value, or the raw cell when it is not what the column holds (the schema
 * then reports it). Blank cells read as null, except text, which reads as ''.
 */
export function fromCell(kind: CellKind, cell: unknown): unknown {
  if (cell === '' || cell === null || cell === undefined) return kind === 'text' ? '' : kind === 'emails' ? [] : null;
  switch (kind) {
    case 'text':
      return isDateValue(cell) ? cell.toISOString() : String(cell);
    case 'yesno': {
      const answer = String(cell).trim().toLowerCase();
      return answer === YES ? true : answer === NO ? false : cell;
    }
    case 'date': {
      if (!isDateValue(cell)) return cell;
      const d = moscowDateOf(cell);
      return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
    }
    case 'datetime':
      return isDateValue(cell) ? cell.toISOString() : cell;
    case 'period':
      // «ноябрь 2023», or the key older rows hold; Sheets may also have turned it into a Date.
      return typeof cell === 'string' ? monthKeyOfText(cell) : monthKeyOf(cell);
    case 'periods':
      return isDateValue(cell) ? fromCell('period', cell) : monthKeys(cell);
    case 'emails':
      return String(cell)
        .split(/[\s,;]+/)
        .filter((e) => e !== '');
    default:
      return cell;
  }
}
