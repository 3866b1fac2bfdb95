// Calendar dates in Moscow time: the one place that turns instants into MSK days and back.
// Moscow has been fixed UTC+3 with no DST since 26.10.2014, so a constant offset is exact for
// every date this add-on handles; Intl time-zone data is deliberately not used (Apps Script's
// Intl support is partial and the tests must pass in any machine time zone).

/** Moscow's offset from UTC in milliseconds (UTC+3, no DST since 26.10.2014). */
export const MOSCOW_OFFSET_MS = 3 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar date without time: month and day are 1-based. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/**
 * True for a Date object from any JS realm (Sheets passes Dates from another realm,
 * so `instanceof Date` is unreliable there).
 */
export function isDateValue(value: unknown): value is Date {
  // A primitive is never a Date: most cells are, and they skip the tag lookup.
  return typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Date]';
}

/** True when a year is a Gregorian leap year (2024, 2000 yes; 2100 no). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  // Date.UTC reads years 0–99 as 1900–1999: those, far years and months out of range go through it.
  if (Number.isInteger(year) && year >= 100 && year <= 9999 && Number.isInteger(month) && month >= 1 && month <= 12)
    return month === 2 ? (isLeapYear(year) ? 29 : 28) : MONTH_DAYS[month - 1]!;
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Largest distance from 1970 of a time a Date holds (ECMAScript, «Time Values and Time Range»). */
const MAX_TIME_MS = 8.64e15;

/**
 * The calendar date of a day number (days since 01.01.1970) in the proleptic Gregorian calendar, as
 * a Date's UTC fields give it, without making a Date (one per cell read was a noticeable cost):
 * H. Hinnant's civil_from_days, https://howardhinnant.github.io/date_algorithms.html#civil_from_days.
 */
function dateOfDayNumber(days: number): CalendarDate {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const fromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * fromMarch + 2) / 5) + 1;
  const month = fromMarch < 10 ? fromMarch + 3 : fromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The Moscow calendar date of an instant. */
export function moscowDateOf(instant: Date): CalendarDate {
  const time = instant.getTime() + MOSCOW_OFFSET_MS;
  if (Math.abs(time) <= MAX_TIME_MS) return dateOfDayNumber(Math.floor(time / DAY_MS));
  // Invalid, or past what a Date holds once shifted: the Date's own (NaN) answer.
  const shifted = new Date(time);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** Days since 01.01.1970 of a calendar date (independent of any time zone). */
export function dayNumber(date: CalendarDate): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS);
}

/** Days since 01.01.1970 of the Moscow day an instant falls in. */
export function moscowDayNumber(instant: Date): number {
  return Math.floor((instant.getTime() + MOSCOW_OFFSET_MS) / DAY_MS);
}

/** The instant 00:00:00.000 MSK of a calendar date. */
export function startOfMoscowDay(date: CalendarDate): Date {
  return new Date(Date.UTC(date.year, date.month - 1, date.day) - MOSCOW_OFFSET_MS);
}

/** The last millisecond (23:59:59.999 MSK) of a calendar date. */
export function endOfMoscowDay(date: CalendarDate): Date {
  return new Date(startOfMoscowDay(date).getTime() + DAY_MS - 1);
}

/** Today's Moscow calendar date at the given instant (default: now). */
export function moscowToday(now: Date = new Date()): CalendarDate {
  return moscowDateOf(now);
}

/** True when the parts name a real calendar date. */
export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1900 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + String(n);

/** Shows a calendar date (or the Moscow date of an instant) as ДД.ММ.ГГГГ. */
export function formatDate(date: CalendarDate | Date): string {
  const d = isDateValue(date) ? moscowDateOf(date) : date;
  return pad2(d.day) + '.' + pad2(d.month) + '.' + String(d.year);
}

/** A calendar date as ISO text ГГГГ-ММ-ДД (the storage form of dates). */
export function isoDate(date: CalendarDate): string {
  return String(date.year) + '-' + pad2(date.month) + '-' + pad2(date.day);
}

/**
 * Reads a date typed as ДД.ММ.ГГГГ or ГГГГ-ММ-ДД (the Moscow date of a Date object).
 * @returns the calendar date, or null when the text is not a real date
 */
export function parseCalendarDate(value: unknown): CalendarDate | null {
  if (isDateValue(value)) return Number.isNaN(value.getTime()) ? null : moscowDateOf(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  let parts: [number, number, number] | null = m ? [Number(m[3]), Number(m[2]), Number(m[1])] : null;
  if (!parts) {
    m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    parts = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
  }
  if (!parts || !isValidCalendarDate(...parts)) return null;
  return { year: parts[0], month: parts[1], day: parts[2] };
}

/** Shows an instant as ДД.ММ.ГГГГ ЧЧ:ММ in Moscow time. */
export function formatDateTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + MOSCOW_OFFSET_MS);
  return formatDate(instant) + ' ' + pad2(shifted.getUTCHours()) + ':' + pad2(shifted.getUTCMinutes());
}
