// Conversion between epoch milliseconds and spreadsheet serial numbers in a given time zone.

const MS_PER_DAY = 86_400_000;
/** Serial number of 1970-01-01 (serial 0 is 1899-12-30). */
const EPOCH_SERIAL = 25_569;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset (ms) of `timeZone` from UTC at instant `ms`; whole-minute offsets are assumed. */
export function tzOffset(ms: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(ms / 900_000)}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const base = Math.floor(ms / 1000) * 1000;
  const parts = formatterFor(timeZone).formatToParts(new Date(base));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const offset = wall - base;
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/** Epoch ms → serial number (days since 1899-12-30, wall clock of `timeZone`). */
export function msToSerial(ms: number, timeZone: string): number {
  return (ms + tzOffset(ms, timeZone)) / MS_PER_DAY + EPOCH_SERIAL;
}

/** Serial number → epoch ms, rounded to the millisecond. */
export function serialToMs(serial: number, timeZone: string): number {
  const wall = Math.round((serial - EPOCH_SERIAL) * MS_PER_DAY);
  let ms = wall - tzOffset(wall, timeZone);
  ms = wall - tzOffset(ms, timeZone);
  return ms;
}

/** Wall-clock fields of a serial number (no time zone involved). */
export function serialToFields(serial: number): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
} {
  const d = new Date(Math.round((serial - EPOCH_SERIAL) * MS_PER_DAY));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** Serial number of a wall-clock date/time, or null when the fields are not a real date. */
export function fieldsToSerial(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(ms);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  return ms / MS_PER_DAY + EPOCH_SERIAL;
}
