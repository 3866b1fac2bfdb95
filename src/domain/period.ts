// Reporting periods: a calendar month {year, month}, its key 'ГГГГ-ММ', parsing and Russian names.
import { isDateValue, moscowDateOf, type CalendarDate } from './calendar';
import { forPeriod, monthNames, monthNamesGenitive } from './messages';

/** A reported month; month is 1–12. */
export interface Period {
  year: number;
  month: number;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

const validPeriod = (year: number, month: number): Period | null =>
  Number.isInteger(year) && Number.isInteger(month) && year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12
    ? { year, month }
    : null;

/** The storage key of a period: 'ГГГГ-ММ' (sorts chronologically as text). */
export function periodKey(period: Period): string {
  return String(period.year) + '-' + (period.month < 10 ? '0' : '') + String(period.month);
}

/** The period that contains a calendar date. */
export function periodOfDate(date: CalendarDate): Period {
  return { year: date.year, month: date.month };
}

/** The period an instant falls in, in Moscow time (a Date at 21:30 UTC on 31.10 is November). */
export function periodOfInstant(instant: Date): Period {
  return periodOfDate(moscowDateOf(instant));
}

/**
 * Reads a period from a Date (any day of the month, Moscow time), text 'ГГГГ-ММ', 'ММ.ГГГГ',
 * or a Russian month name with a year («ноябрь 2023», also «за ноябрь 2023»).
 * @returns the period, or null when the value is not one
 */
export function parsePeriod(value: unknown): Period | null {
  if (isDateValue(value)) return Number.isNaN(value.getTime()) ? null : periodOfInstant(value);
  if (typeof value !== 'string') return null;
  const text = value.trim().toLowerCase().replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (m) return validPeriod(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) return validPeriod(Number(m[2]), Number(m[1]));
  m = /^(?:за )?([а-яё]+) (\d{4})(?: г\.?)?$/.exec(text);
  if (m) {
    const name = (m[1] ?? '').replace(/ё/g, 'е');
    const index = monthNames.findIndex((n) => n.replace(/ё/g, 'е') === name);
    const genitive = (monthNamesGenitive as readonly string[]).indexOf(name);
    const month = index >= 0 ? index : genitive;
    return month >= 0 ? validPeriod(Number(m[2]), month + 1) : null;
  }
  return null;
}

/** Reads a stored period key 'ГГГГ-ММ'; throws on anything else (a programming error). */
export function periodFromKey(key: string): Period {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  const period = m ? validPeriod(Number(m[1]), Number(m[2])) : null;
  if (!period) throw new Error('Invalid period key: ' + key);
  return period;
}

/** The month after a period (December → January of the next year). */
export function nextPeriod(period: Period): Period {
  return period.month === 12 ? { year: period.year + 1, month: 1 } : { year: period.year, month: period.month + 1 };
}

/** The month before a period. */
export function previousPeriod(period: Period): Period {
  return period.month === 1 ? { year: period.year - 1, month: 12 } : { year: period.year, month: period.month - 1 };
}

/** A monotonic month number, so that ordinal(next) = ordinal(p) + 1. */
export function periodOrdinal(period: Period): number {
  return period.year * 12 + (period.month - 1);
}

/** Negative, zero or positive as a is before, equal to or after b. */
export function comparePeriods(a: Period, b: Period): number {
  return periodOrdinal(a) - periodOrdinal(b);
}

/** Every period from `first` to `last` inclusive (empty when last is before first). */
export function periodRange(first: Period, last: Period): Period[] {
  const result: Period[] = [];
  for (let n = periodOrdinal(first); n <= periodOrdinal(last); n++) {
    result.push({ year: Math.floor(n / 12), month: (n % 12) + 1 });
  }
  return result;
}

/** «ноябрь 2023». */
export function formatPeriod(period: Period): string {
  return monthNames[period.month - 1] + ' ' + String(period.year);
}

/** «за ноябрь 2023» — the form used in e-mail subjects and titles. */
export function formatPeriodFor(period: Period): string {
  return forPeriod(formatPeriod(period));
}

/** «ноября 2023» — the genitive, as in «отчёт ноября 2023». */
export function formatPeriodGenitive(period: Period): string {
  return monthNamesGenitive[period.month - 1] + ' ' + String(period.year);
}

/**
 * Months in words as people read them: «2023-11, 2023-12» → «ноябрь 2023, декабрь 2023» (a part
 * that is no month is kept as it is). For any text that may hold month keys before it is shown.
 */
export function monthsInWords(text: string): string {
  return text
    .split(',')
    .map((part) => {
      const p = parsePeriod(part);
      return p ? formatPeriod(p) : part.trim();
    })
    .join(', ');
}
