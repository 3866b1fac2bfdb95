// Number formats: which ones are dates, and how Sheets displays a value under a format.
import { serialToFields } from './serialDates';
import { usesDecimalComma } from './typedInput';
import type { StoredValue } from '../spreadsheetStore';

/** The format Apps Script reports for a cell nobody formatted. */
export const DEFAULT_FORMAT = 'General';

function stripQuoted(format: string): string {
  return format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
}

/** True for formats whose cells hold dates/times (the script reads them back as Dates). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === DEFAULT_FORMAT || format === '@') return false;
  const f = stripQuoted(format).split(';')[0] ?? '';
  return /[dy]/i.test(f) || /h/i.test(f) || /(^|[^0#?])s{1,2}/.test(f) || /\[(h|m|s)+\]/i.test(f);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatDate(serial: number, format: string): string {
  const f = serialToFields(serial);
  const tokens = format.match(/"[^"]*"|yyyy|yy|dd|d|MM|M|mm|m|HH|H|hh|h|ss|s|AM\/PM|./gi) ?? [];
  const out: string[] = [];
  tokens.forEach((tok, i) => {
    const lower = tok.toLowerCase();
    const prev =
      tokens
        .slice(0, i)
        .reverse()
        .find((x) => /^[a-z]/i.test(x))
        ?.toLowerCase() ?? '';
    const next =
      tokens
        .slice(i + 1)
        .find((x) => /^[a-z]/i.test(x))
        ?.toLowerCase() ?? '';
    if (tok.startsWith('"')) out.push(tok.slice(1, -1));
    else if (lower === 'yyyy') out.push(pad(f.year, 4));
    else if (lower === 'yy') out.push(pad(f.year % 100, 2));
    else if (lower === 'dd') out.push(pad(f.day, 2));
    else if (lower === 'd') out.push(String(f.day));
    else if (lower === 'hh') out.push(pad(f.hour, 2));
    else if (lower === 'h') out.push(String(f.hour));
    else if (lower === 'ss') out.push(pad(f.second, 2));
    else if (lower === 's') out.push(String(f.second));
    else if (lower === 'mm' || lower === 'm') {
      const minute = prev.startsWith('h') || next.startsWith('s');
      const n = minute ? f.minute : f.month;
      out.push(lower === 'mm' ? pad(n, 2) : String(n));
    } else out.push(tok);
  });
  return out.join('');
}

function withSeparators(n: number, decimals: number, comma: boolean, grouping: boolean): string {
  const fixed = Math.abs(n).toFixed(decimals);
  let [int = '0', frac] = fixed.split('.');
  if (grouping) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, comma ? '\u00a0' : ',');
  const sign = n < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + int + (frac ? (comma ? ',' : '.') + frac : '');
}

function formatAutomatic(n: number, comma: boolean): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const rounded = Number(n.toPrecision(10));
  const s =
    Math.abs(rounded) >= 1e15 || (Math.abs(rounded) < 1e-9 && rounded !== 0)
      ? rounded.toExponential().toUpperCase()
      : String(rounded);
  return comma ? s.replace('.', ',') : s;
}

/**
 * Display text of a stored value under a number format, as getDisplayValues() returns it.
 * Supports automatic/General, `@`, `0`, `0.0…`, `#,##0…`, `0%`, `0.0…%` and date/time patterns.
 */
export function formatForDisplay(value: StoredValue | undefined, format: string | undefined, locale: string): string {
  if (value === undefined) return '';
  const comma = usesDecimalComma(locale);
  if (typeof value === 'boolean') {
    if (locale.startsWith('ru')) return value ? 'ИСТИНА' : 'ЛОЖЬ';
    return value ? 'TRUE' : 'FALSE';
  }
  if (typeof value === 'string') return value;
  if (!format || format === DEFAULT_FORMAT || format === '@') return formatAutomatic(value, comma);
  if (isDateFormat(format)) return formatDate(value, format);
  const section = (value < 0 ? format.split(';')[1] : undefined) ?? format.split(';')[0] ?? '';
  const m = /^([#,0]*0)(?:\.(0+))?(%?)$/.exec(section.trim());
  if (!m) return formatAutomatic(value, comma);
  const decimals = m[2]?.length ?? 0;
  const grouping = (m[1] ?? '').includes(',');
  const pct = m[3] === '%';
  const shown = pct ? value * 100 : value;
  return withSeparators(shown, decimals, comma, grouping) + (pct ? '%' : '');
}
