// How Sheets turns a typed string into a cell (number, boolean, date, formula or text), per locale.
import { fieldsToSerial, msToSerial, serialToFields } from './serialDates';
import type { StoredValue } from '../spreadsheetStore';

/** Result of parsing: the stored value/formula and a number format Sheets applies automatically. */
export interface ParsedInput {
  value?: StoredValue;
  formula?: string;
  numberFormat?: string;
}

export const DATE_FORMAT = 'dd.MM.yyyy';
export const DATE_TIME_FORMAT = 'dd.MM.yyyy H:mm:ss';

/** True when the locale writes decimals with a comma (ru_RU and most of Europe). */
export function usesDecimalComma(locale: string): boolean {
  return !/^(en|ja|zh|ko|he|th)(_|$)/.test(locale);
}

function parseNumber(text: string, comma: boolean): number | null {
  const dec = comma ? ',' : '\\.';
  const group = comma ? '[ \\u00a0\\u202f]' : ',';
  const re = new RegExp(`^([+-]?)(\\d+(?:${group}\\d+)*)(?:${dec}(\\d+))?(?:[eE]([+-]?\\d+))?$`);
  const m = re.exec(text);
  if (!m) return null;
  const intPart = (m[2] ?? '').replace(/[^\d]/g, '');
  const n = Number(`${m[1] === '-' ? '-' : ''}${intPart}${m[3] ? '.' + m[3] : ''}${m[4] ? 'e' + m[4] : ''}`);
  return Number.isFinite(n) ? n : null;
}

function parseDate(text: string, nowMs: number, timeZone: string): ParsedInput | null {
  const dotted = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{2}|\d{4}))?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  let y: number, mo: number, d: number, time: Array<string | undefined>;
  if (dotted) {
    d = Number(dotted[1]);
    mo = Number(dotted[2]);
    const yy = dotted[3];
    y =
      yy === undefined
        ? serialToFields(msToSerial(nowMs, timeZone)).year
        : yy.length === 2
          ? 2000 + Number(yy) - (Number(yy) >= 30 ? 100 : 0)
          : Number(yy);
    time = [dotted[4], dotted[5], dotted[6]];
  } else if (iso) {
    y = Number(iso[1]);
    mo = Number(iso[2]);
    d = Number(iso[3]);
    time = [iso[4], iso[5], iso[6]];
  } else {
    return null;
  }
  const hasTime = time[0] !== undefined;
  const serial = fieldsToSerial(y, mo, d, Number(time[0] ?? 0), Number(time[1] ?? 0), Number(time[2] ?? 0));
  if (serial === null) return null;
  return { value: serial, numberFormat: hasTime ? DATE_TIME_FORMAT : DATE_FORMAT };
}

/** Month names Sheets may read as a month (nominative and genitive Russian; English, full and short). */
const MONTH_WORDS: readonly (readonly string[])[] = [
  ['январь', 'января', 'january', 'jan'],
  ['февраль', 'февраля', 'february', 'feb'],
  ['март', 'марта', 'march', 'mar'],
  ['апрель', 'апреля', 'april', 'apr'],
  ['май', 'мая', 'may'],
  ['июнь', 'июня', 'june', 'jun'],
  ['июль', 'июля', 'july', 'jul'],
  ['август', 'августа', 'august', 'aug'],
  ['сентябрь', 'сентября', 'september', 'sep'],
  ['октябрь', 'октября', 'october', 'oct'],
  ['ноябрь', 'ноября', 'november', 'nov'],
  ['декабрь', 'декабря', 'december', 'dec'],
];

/**
 * A month and year typed in words («ноябрь 2023», "November 2023") or as ГГГГ-ММ: the date of its
 * first day. Google documents no list of the texts Sheets reads as dates (the Help page «Format
 * numbers in a spreadsheet» only shows formats); the strictest reading takes these as dates, as
 * Sheets' grid does for a month and year, so the add-on must write months with the quote prefix.
 */
function parseMonthYear(text: string): ParsedInput | null {
  const words = /^([a-zа-яё]+)\.?\s+(\d{4})$/.exec(text.toLowerCase());
  const iso = /^(\d{4})-(\d{1,2})$/.exec(text);
  const month = words ? MONTH_WORDS.findIndex((names) => names.includes(words[1]!)) + 1 : Number(iso?.[2] ?? 0);
  const year = Number(words?.[2] ?? iso?.[1] ?? 0);
  if (month < 1 || month > 12 || year < 1900) return null;
  const serial = fieldsToSerial(year, month, 1, 0, 0, 0);
  return serial === null ? null : { value: serial, numberFormat: DATE_FORMAT };
}

function parseTime(text: string): ParsedInput | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) return null;
  const h = Number(m[1]),
    mi = Number(m[2]),
    s = Number(m[3] ?? 0);
  if (h > 23 || mi > 59 || s > 59) return null;
  return { value: (h * 3600 + mi * 60 + s) / 86400, numberFormat: m[3] ? 'H:mm:ss' : 'H:mm' };
}

/**
 * Parse a string the way Sheets parses what a user types into a cell with automatic format.
 * A leading apostrophe forces text (and is dropped); `=` starts a formula; `+`/`-` before
 * something that is not a number also starts a formula, which Sheets shows as `#ERROR!`.
 * @param text the string the script wrote
 * @param locale spreadsheet locale, e.g. `ru_RU`
 * @param nowMs current time, for dates typed without a year (`1.5` is 1 May in ru_RU)
 * @param timeZone spreadsheet time zone
 */
export function parseTypedInput(text: string, locale: string, nowMs: number, timeZone: string): ParsedInput {
  if (text === '') return {};
  if (text.startsWith("'")) return text.length > 1 ? { value: text.slice(1) } : {};
  if (text.startsWith('=') && text.length > 1) return { formula: text };
  const t = text.trim();
  const comma = usesDecimalComma(locale);
  const lower = t.toLowerCase();
  if (lower === 'true' || lower === 'истина') return { value: true };
  if (lower === 'false' || lower === 'ложь') return { value: false };
  const num = parseNumber(t, comma);
  if (num !== null) return { value: num };
  const pct = /^(.*\d)\s?%$/.exec(t);
  if (pct) {
    const p = parseNumber(pct[1] ?? '', comma);
    if (p !== null) return { value: p / 100, numberFormat: Number.isInteger(p) ? '0%' : '0.00%' };
  }
  if (comma) {
    const date = parseDate(t, nowMs, timeZone);
    if (date) return date;
  } else {
    const iso = /^\d{4}-/.test(t) ? parseDate(t, nowMs, timeZone) : null;
    if (iso) return iso;
  }
  const monthYear = parseMonthYear(t);
  if (monthYear) return monthYear;
  const time = parseTime(t);
  if (time) return time;
  if ((t.startsWith('+') || t.startsWith('-')) && t.length > 1) return { formula: `=${t}`, value: '#ERROR!' };
  return { value: text };
}
